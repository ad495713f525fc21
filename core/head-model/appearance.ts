// What the skin looks like where it is not plain skin, baked per vertex so the renderer paints clean, smooth
// borders instead of the 1-2 mm steps of the region labels: the vermilion, the eyebrows, the hair of the
// hair-bearing scalp (8.5.7, 10.4), shading in the nostrils and along the lash lines, and a smooth weight for
// the no-treat zones (so their marking follows the labels without stair steps). Each channel is 0..1,
// stored as u8. Evaluated in the construction frame of the base (female) shape; variants map into it.

import { isNoTreatRegion, type RegionId } from '../anatomy/regions';
import { clamp, fissure2d, GLOBE, globeSdf, HEAD_SHAPE, lidMargins, lipsSdf, mouthLineY, nostrilSdf, smoothstep } from './head-sdf';
import { browY } from './labels';

import { vertexAdjacency } from '../geometry/adjacency';
import { APPEARANCE_CHANNELS } from '../surface/surface';

export { APPEARANCE_CHANNELS };
export type AppearanceChannel = (typeof APPEARANCE_CHANNELS)[number];

/** How a variant's brows and hairline differ (the base values are the female head's). */
export interface AppearanceStyle {
  /** Eyebrow half-thickness at the head of the brow and at its tail, mm. */
  browHalfThicknessMm: readonly [number, number];
  /** Peak eyebrow density, 0..1. */
  browDensity: number;
}

export const FEMALE_APPEARANCE: AppearanceStyle = { browHalfThicknessMm: [2.9, 1.1], browDensity: 0.78 };

/** Vermilion: on the lip rolls inside the commissures, fading over about a millimetre at the border. */
export function vermilionAt(x: number, y: number, z: number): number {
  const ax = Math.abs(x);
  // The skin under the open fissure (seen beside the eyeball at the inner canthus: the caruncle) is mucosa.
  if (z > 50 && fissure2d(ax, y) < 0 && globeSdf(ax, y, z) < -0.3) return 0.75;
  if (z < 70) return 0;
  const onRolls = smoothstep(1.1, 0.1, lipsSdf(x, y, z));
  // Along the mouth line out to the commissures, where the rolls have thinned out.
  const alongMouth = smoothstep(2.2, 0.9, Math.abs(y - mouthLineY(ax)));
  const inside = smoothstep(HEAD_SHAPE.cheilion[0] + 1.5, HEAD_SHAPE.cheilion[0] - 1, ax);
  return Math.max(onRolls, alongMouth) * inside;
}

/** Eyebrow hair density: a tapered band along the brow arch, fullest over the body of the brow. */
export function eyebrowAt(x: number, y: number, z: number, style: AppearanceStyle): number {
  const ax = Math.abs(x);
  if (z < 30) return 0;
  const t = (ax - 17) / 37; // 0 at the head of the brow, 1 at its tail
  if (t < -0.1 || t > 1.1) return 0;
  const [headHalf, tailHalf] = style.browHalfThicknessMm;
  const half = headHalf + (tailHalf - headHalf) * clamp(t, 0, 1);
  // The brow's body sits a little below the arch line at the head and along it at the tail.
  const centreY = browY(ax) - 0.8 * (1 - clamp(t, 0, 1));
  const across = smoothstep(half + 2.6, half - 1.6, Math.abs(y - centreY));
  const along = smoothstep(-0.08, 0.14, t) * (1 - smoothstep(0.9, 1.06, t));
  const headLighter = 0.7 + 0.3 * smoothstep(0, 0.3, t);
  return across * along * headLighter * style.browDensity;
}

/** Shading: the nostril vestibules and the lash lines along the lid margins. */
export function shadeAt(x: number, y: number, z: number): number {
  const ax = Math.abs(x);
  let shade = 0;
  if (z > 80 && y < -10) {
    // On the nostril walls, darker the deeper into the vestibule (the opening's rim is about y = -24.6).
    const depth = y + (z - 95) * 0.3 + 24.6;
    const onWall = smoothstep(2.5, 1.0, Math.abs(nostrilSdf(ax, y, z)));
    shade = Math.max(shade, onWall * smoothstep(0.3, 3.5, depth) * 0.95);
  }
  const [gx, gy, gz] = GLOBE.centre;
  const fromGlobe = Math.hypot(ax - gx, y - gy, z - gz) - GLOBE.radiusMm;
  if (z > gz && fromGlobe < 3.5) {
    const { upper, lower, t } = lidMargins(ax);
    const span = Math.sin(Math.PI * t);
    const upperLash = Math.exp(-(((y - upper - 0.6) / 1.0) ** 2)) * (0.35 + 0.65 * span);
    const lowerLash = Math.exp(-(((y - lower + 0.3) / 0.7) ** 2)) * 0.45 * span;
    shade = Math.max(shade, upperLash * 0.85, lowerLash);
  }
  return shade;
}

/**
 * Where a painted border or the lid margin crosses the skin (the edges of the brows and the vermilion, the
 * lash lines, the open fissure): the mesh keeps short edges there so the colour and the margin stay clean.
 */
export function needsFineMesh(x: number, y: number, z: number, style: AppearanceStyle): boolean {
  const ax = Math.abs(x);
  const soft = (value: number) => value > 0.03 && value < 0.97;
  if (soft(eyebrowAt(x, y, z, style)) || soft(vermilionAt(x, y, z))) return true;
  return z > 50 && Math.abs(fissure2d(ax, y)) < 3 && globeSdf(ax, y, z) < 4;
}

/** Umbrella smoothing of a 0..1 indicator, `iterations` times (each spreads it about one edge further). */
export function smoothOnMesh(values: Float32Array, indices: ArrayLike<number>, iterations: number): Float32Array {
  const n = values.length;
  const { start, list } = vertexAdjacency(indices, n);
  let cur = Float32Array.from(values);
  let next = new Float32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let v = 0; v < n; v++) {
      let sum = 0;
      for (let k = start[v]; k < start[v + 1]; k++) sum += cur[list[k]];
      const count = start[v + 1] - start[v];
      next[v] = count > 0 ? 0.5 * cur[v] + (0.5 * sum) / count : cur[v];
    }
    [cur, next] = [next, cur];
  }
  return cur;
}

export interface AppearanceInput {
  /** Vertex positions in the base construction frame, mm. */
  basePositions: ArrayLike<number>;
  indices: ArrayLike<number>;
  vertexRegion: ArrayLike<number>;
  regionIds: readonly RegionId[];
  style: AppearanceStyle;
}

/** Bakes the appearance channels, interleaved per vertex in APPEARANCE_CHANNELS order, as u8. */
export function bakeAppearance(input: AppearanceInput): Uint8Array {
  const p = input.basePositions;
  const n = p.length / 3;
  const scalp = input.regionIds.indexOf('scalp');
  const hairIndicator = new Float32Array(n);
  const noTreatIndicator = new Float32Array(n);
  for (let v = 0; v < n; v++) {
    hairIndicator[v] = input.vertexRegion[v] === scalp ? 1 : 0;
    noTreatIndicator[v] = isNoTreatRegion(input.regionIds[input.vertexRegion[v]]) ? 1 : 0;
  }
  // The hairline softens over a few millimetres (single hairs thin out); no-treat marks over about one edge.
  const hair = smoothOnMesh(hairIndicator, input.indices, 10);
  const noTreat = smoothOnMesh(noTreatIndicator, input.indices, 2);
  const out = new Uint8Array(n * APPEARANCE_CHANNELS.length);
  const u8 = (value: number) => Math.round(clamp(value, 0, 1) * 255);
  for (let v = 0; v < n; v++) {
    const x = p[v * 3], y = p[v * 3 + 1], z = p[v * 3 + 2];
    const o = v * APPEARANCE_CHANNELS.length;
    out[o] = u8(vermilionAt(x, y, z));
    out[o + 1] = u8(eyebrowAt(x, y, z, input.style));
    out[o + 2] = u8(hair[v]);
    out[o + 3] = u8(shadeAt(x, y, z));
    out[o + 4] = u8(noTreat[v]);
  }
  return out;
}
