// Colour mappings for the head: skin with its treatment reaction, heat map of passes, 米 direction
// coverage, RF footprints, and the region overlay (targets highlighted, no-treat zones marked).
// Pure functions over per-vertex arrays so they are unit-tested and cheap to run when feedback changes.

import { isNoTreatRegion, type RegionId } from '../../../core/anatomy/regions';
import { APPEARANCE_CHANNELS } from '../../../core/head-model/appearance';
import type { LiveFeedbackState } from '../../../core/scoring/live-contract';
import { vertexReaction, type SkinReaction } from '../../../core/scoring/engine/skin-reaction';
import { defaultValues } from '../../../core/rules/simulator-defaults';

export type Rgb = [number, number, number];
export type HeadView = 'skin' | 'passes' | 'directions' | 'rf' | 'nano';

export const SKIN_RGB: Rgb = [0.94, 0.78, 0.68];
const PINK: Rgb = [0.93, 0.55, 0.55];
const PETECHIAE: Rgb = [0.72, 0.2, 0.22];
const PURPURA: Rgb = [0.5, 0.12, 0.2];

/** Mixes colour c (in place) toward b by t: the head is recoloured per vertex, so no array per mix. */
const mixInto = (c: Float64Array, b: Rgb, t: number): void => {
  c[0] = c[0] + (b[0] - c[0]) * t;
  c[1] = c[1] + (b[1] - c[1]) * t;
  c[2] = c[2] + (b[2] - c[2]) * t;
};
const setRgb = (c: Float64Array, b: Rgb): void => {
  c[0] = b[0];
  c[1] = b[1];
  c[2] = b[2];
};
const clamp01 = (t: number) => (t < 0 ? 0 : t > 1 ? 1 : t);

/** Heat ramp for a count: 0 = none (skin), then blue → cyan → green (target band) → yellow → red (too many). */
export const HEAT_STOPS: readonly Rgb[] = [
  [0.2, 0.35, 0.9], // 1
  [0.1, 0.7, 0.85], // 2
  [0.15, 0.75, 0.35], // 3
  [0.35, 0.8, 0.25], // 4
  [0.55, 0.8, 0.2], // 5
  [0.95, 0.8, 0.15], // 6
  [0.95, 0.45, 0.1], // 7
  [0.85, 0.1, 0.1], // 8+
];

export function heatColor(count: number): Rgb | null {
  if (count <= 0) return null;
  return HEAT_STOPS[Math.min(count, HEAT_STOPS.length) - 1];
}

/** RF view: target skin no pulse has reached yet, so gaps stand out (9.3 no-miss). */
export const RF_GAP_RGB: Rgb = [0.98, 0.62, 0.3];

/** Direction coverage: how many of the four 米 directions (8.2) the element has had. */
export const DIRECTION_COUNT_RGB: readonly Rgb[] = [
  [0.95, 0.85, 0.2], // 1 direction
  [0.95, 0.55, 0.15], // 2
  [0.45, 0.75, 0.95], // 3
  [0.15, 0.7, 0.35], // 4: the full 米 pattern
];

export function popcount4(mask: number): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1) + ((mask >> 3) & 1);
}

export function directionColor(mask: number): Rgb | null {
  const n = popcount4(mask);
  return n === 0 ? null : DIRECTION_COUNT_RGB[n - 1];
}

/** The live scorer's skin-reaction settings: the studio scores live with the simulator defaults (feedback/live.ts). */
const SKIN_DEFAULTS = defaultValues();

/**
 * The colour of a skin reaction (core/scoring/engine/skin-reaction.ts, a simulator model) over plain skin:
 * pink (8.4.1), then petechiae (pinpoint bleeding), then purpura (8.4.3). Written into `out`.
 */
export function reactionColorInto(r: SkinReaction, out: Float64Array): void {
  setRgb(out, SKIN_RGB);
  mixInto(out, PINK, clamp01(r.erythema) * 0.85);
  mixInto(out, PETECHIAE, r.pinpointBleeding * 0.55);
  mixInto(out, PURPURA, r.purpura * 0.6);
}

export interface ColorInputs {
  view: HeadView;
  /** Show heat maps and reaction at all (learn mode; the replay). */
  feedback: boolean;
  state: LiveFeedbackState;
  vertexRegion: Uint8Array;
  regionIds: readonly RegionId[];
  targetRegions: ReadonlySet<RegionId>;
  /** Regions to outline, e.g. the RF zone being defined. */
  selectedRegions?: ReadonlySet<RegionId>;
  showRegions: boolean;
  /** Target shading and no-treat marks (false in test mode: nothing that hints); the zone being defined still shows. */
  regionHints?: boolean;
  /** The head's appearance channels (core/head-model/appearance.ts); absent on stand-in test surfaces. */
  appearance?: Uint8Array;
}

/** Painted features: vermilion, eyebrow hair, scalp hair (black-brown, as in most Han adults), shading. */
const VERMILION_RGB: Rgb = [0.8, 0.45, 0.45];
const BROW_RGB: Rgb = [0.2, 0.15, 0.12];
const HAIR_RGB: Rgb = [0.06, 0.05, 0.045];
const SHADE_RGB: Rgb = [0.32, 0.17, 0.15];
const NO_TREAT_TINT: Rgb = [0.7, 0.3, 0.38];
const CHANNELS = APPEARANCE_CHANNELS.length;

/** The skin's own colour at a vertex before any treatment: the painted features over plain skin. Written into `out`. */
export function baseSkinColorInto(appearance: Uint8Array | undefined, v: number, out: Float64Array): void {
  setRgb(out, SKIN_RGB);
  if (!appearance) return;
  const o = v * CHANNELS;
  mixInto(out, VERMILION_RGB, (appearance[o] / 255) * 0.85);
  mixInto(out, BROW_RGB, appearance[o + 1] / 255);
  mixInto(out, HAIR_RGB, (appearance[o + 2] / 255) * 0.94);
  mixInto(out, SHADE_RGB, (appearance[o + 3] / 255) * 0.8);
}

/** The sRGB transfer curve at SRGB_STEPS + 1 points of [0, 1], to interpolate instead of a pow per component. */
const SRGB_STEPS = 4096;
const SRGB_TABLE = Float64Array.from({ length: SRGB_STEPS + 2 }, (_, i) => {
  const c = Math.min(i, SRGB_STEPS) / SRGB_STEPS;
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
});

/**
 * sRGB component (0..1, clamped) to linear (vertex colours are linear in three.js; our palette is written in
 * sRGB). Interpolated in a table of the curve: within 1e-7 of it, the last digit a float32 colour holds, and a
 * recolouring of the head runs it three times per vertex.
 */
export function srgbToLinear(c: number): number {
  const x = (c <= 0 ? 0 : c >= 1 ? 1 : c) * SRGB_STEPS;
  const i = Math.floor(x);
  return SRGB_TABLE[i] + (SRGB_TABLE[i + 1] - SRGB_TABLE[i]) * (x - i);
}

/** Writes a linear RGB triple per vertex into `out` (length 3 × vertices). */
export function writeVertexColors(out: Float32Array, inp: ColorInputs): void {
  const count = inp.vertexRegion.length;
  const regionTint = new Array<Rgb | null>(inp.regionIds.length);
  const noTreatCode = inp.regionIds.map((id) => isNoTreatRegion(id));
  const hints = inp.regionHints ?? true;
  for (let code = 0; code < inp.regionIds.length; code++) {
    const id = inp.regionIds[code];
    if (!hints) {
      regionTint[code] = inp.selectedRegions?.has(id) ? [0.35, 0.55, 0.95] : null;
      continue;
    }
    regionTint[code] = noTreatCode[code]
      ? NO_TREAT_TINT
      : inp.selectedRegions?.has(id)
        ? [0.35, 0.55, 0.95]
        : inp.targetRegions.has(id)
          ? [0.5, 0.85, 0.75]
          : null;
  }
  const { passCount, directionMask, rfHitCount, nanoContactCount } = inp.state;
  const appearance = inp.appearance;
  const c = new Float64Array(3), r = new Float64Array(3);
  for (let v = 0; v < count; v++) {
    baseSkinColorInto(appearance, v, c);
    if (inp.feedback) {
      // The reaction is a change of the skin's colour, laid over whatever the skin looks like there. It is the
      // reaction the endpoint rules judge: each pass's own needle and force, from the engine's dose at the vertex.
      reactionColorInto(vertexReaction(inp.state, v, SKIN_DEFAULTS), r);
      c[0] = clamp01(c[0] + r[0] - SKIN_RGB[0]);
      c[1] = clamp01(c[1] + r[1] - SKIN_RGB[1]);
      c[2] = clamp01(c[2] + r[2] - SKIN_RGB[2]);
    }
    const code = inp.vertexRegion[v];
    const noTreat = noTreatCode[code];
    if (appearance && hints && (noTreat || appearance[v * CHANNELS + 4] > 0)) {
      // No-treat zones are marked by their smoothed weight, so the mark's edge is clean, not stepped.
      mixInto(c, NO_TREAT_TINT, 0.5 * (appearance[v * CHANNELS + 4] / 255));
    }
    const tint = noTreat && appearance ? null : regionTint[code];
    if (tint && (!hints || inp.showRegions || noTreat)) mixInto(c, tint, hints && noTreat ? 0.5 : 0.3);
    if (inp.feedback && inp.view !== 'skin') {
      const overlay =
        inp.view === 'passes'
          ? heatColor(passCount[v])
          : inp.view === 'directions'
            ? directionColor(directionMask[v])
            : inp.view === 'rf'
              ? (heatColor(rfHitCount[v]) ?? (inp.targetRegions.has(inp.regionIds[code]) ? RF_GAP_RGB : null))
              : heatColor(nanoContactCount[v]);
      if (overlay) mixInto(c, overlay, 0.8);
    }
    out[v * 3] = srgbToLinear(c[0]);
    out[v * 3 + 1] = srgbToLinear(c[1]);
    out[v * 3 + 2] = srgbToLinear(c[2]);
  }
}
