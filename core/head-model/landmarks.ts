// Anthropometric landmarks found on the meshed zero surface. Midline and extreme-point landmarks are
// searched geometrically (e.g. glabella = most anterior midline point at brow level, opisthocranion =
// the occipital point farthest from glabella, zygion = most lateral point of the zygomatic arch).
// Landmarks that sit at the ends of constructed features (the canthi at the ends of the lid closure line,
// the cheilia at the ends of the mouth line, alare at the lateral pole of the ala, tragion at the ear's
// front notch) are the surface vertices nearest to those construction points.

import type { Landmark } from '../surface/surface';
import { EAR_TRAGION_CONSTRUCTION, HEAD_SHAPE, type Vec3 } from './head-sdf';

type Pick = (x: number, y: number, z: number) => number;

function bestVertex(positions: Float64Array, accept: (x: number, y: number, z: number) => boolean, score: Pick, what: string): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < positions.length / 3; i++) {
    const x = positions[i * 3], y = positions[i * 3 + 1], z = positions[i * 3 + 2];
    if (!accept(x, y, z)) continue;
    const s = score(x, y, z);
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  if (best < 0) throw new Error(`landmark ${what}: no surface vertex in its search region`);
  return best;
}

function nearestVertex(positions: Float64Array, p: Vec3, what: string): number {
  return bestVertex(positions, () => true, (x, y, z) => -((x - p[0]) ** 2 + (y - p[1]) ** 2 + (z - p[2]) ** 2), what);
}

const MIDLINE_MM = 1.6;

/**
 * The front-most surface vertex within 1.5 mm of (x, y) seen from the front (a projection along -z);
 * coarse test meshes widen the search until a vertex is found.
 */
function frontalProjection(positions: Float64Array, p: Vec3, what: string): number {
  for (const r of [1.5, 3, 6]) {
    try {
      return bestVertex(positions, (x, y, z) => (x - p[0]) ** 2 + (y - p[1]) ** 2 < r * r && z > 30, (_x, _y, z) => z, what);
    } catch {
      // widen
    }
  }
  return bestVertex(positions, (_x, _y, z) => z > 30, (x, y) => -((x - p[0]) ** 2 + (y - p[1]) ** 2), what);
}

export function findLandmarks(positions: Float64Array): Landmark[] {
  const at = (i: number): [number, number, number] => [positions[i * 3], positions[i * 3 + 1], positions[i * 3 + 2]];
  const mid = (x: number) => Math.abs(x) < MIDLINE_MM;
  const out: Landmark[] = [];
  const add = (id: string, i: number) => {
    out.push({ id, p: at(i) });
    return at(i);
  };

  add('vertex', bestVertex(positions, (x) => mid(x), (_x, y) => y, 'vertex'));
  const glabella = add('glabella', bestVertex(positions, (x, y) => mid(x) && y > 25 && y < 50, (_x, _y, z) => z, 'glabella'));
  add(
    'opisthocranion',
    bestVertex(
      positions,
      (x, y, z) => mid(x) && z < 0 && y > -20,
      (_x, y, z) => (y - glabella[1]) ** 2 + (z - glabella[2]) ** 2,
      'opisthocranion',
    ),
  );
  const pronasale = add('pronasale', bestVertex(positions, (x, y) => mid(x) && y < 20 && y > -30, (_x, _y, z) => z, 'pronasale'));
  add(
    'nasion',
    bestVertex(positions, (x, y, z) => mid(x) && z > 60 && y < glabella[1] && y > pronasale[1] + 20, (_x, _y, z) => -z, 'nasion'),
  );
  const stomion = add(
    'stomion',
    bestVertex(positions, (x, y, z) => mid(x) && Math.abs(y - HEAD_SHAPE.stomionY) < 3 && z > 70, (_x, _y, z) => -z, 'stomion'),
  );
  const labraleSuperius = add(
    'labrale-superius',
    bestVertex(positions, (x, y) => mid(x) && y > stomion[1] + 1 && y < stomion[1] + 10, (_x, _y, z) => z, 'labrale-superius'),
  );
  // Subnasale: the deepest point of the concavity between the nasal tip and the upper lip.
  const dy = labraleSuperius[1] - pronasale[1];
  const dz = labraleSuperius[2] - pronasale[2];
  const len = Math.hypot(dy, dz);
  add(
    'subnasale',
    bestVertex(
      positions,
      (x, y, z) => mid(x) && y < pronasale[1] - 2 && y > labraleSuperius[1] && z > 80,
      (_x, y, z) => -((y - pronasale[1]) * dz - (z - pronasale[2]) * dy) / len,
      'subnasale',
    ),
  );
  add(
    'labrale-inferius',
    bestVertex(positions, (x, y) => mid(x) && y < stomion[1] - 1 && y > stomion[1] - 12, (_x, _y, z) => z, 'labrale-inferius'),
  );
  add('pogonion', bestVertex(positions, (x, y) => mid(x) && y < -60 && y > -85, (_x, _y, z) => z, 'pogonion'));
  // Above the chest: the lowest midline point of the chin (the model continues down to the upper chest).
  const menton = add('menton', bestVertex(positions, (x, y, z) => mid(x) && z > 55 && y > -100, (_x, y) => -y, 'menton'));
  // Gnathion: the most anterior-inferior chin point (extreme along the bisector of the chin profile).
  add('gnathion', bestVertex(positions, (x, y, z) => mid(x) && y < -55 && y >= menton[1] && z > 40, (_x, y, z) => z - y, 'gnathion'));

  for (const side of ['left', 'right'] as const) {
    const s = side === 'left' ? 1 : -1;
    const onSide = (x: number) => x * s > 0;
    const [enx, eny, enz] = HEAD_SHAPE.endocanthion;
    const [exx, exy, exz] = HEAD_SHAPE.exocanthion;
    add(`endocanthion-${side}`, frontalProjection(positions, [s * enx, eny, enz], `endocanthion-${side}`));
    add(`exocanthion-${side}`, frontalProjection(positions, [s * exx, exy, exz], `exocanthion-${side}`));
    const [chx, chy, chz] = HEAD_SHAPE.cheilion;
    add(`cheilion-${side}`, frontalProjection(positions, [s * chx, chy, chz], `cheilion-${side}`));
    const [alx, aly, alz] = HEAD_SHAPE.alarePole;
    add(`alare-${side}`, nearestVertex(positions, [s * alx, aly, alz], `alare-${side}`));
    const [tx, ty, tz] = EAR_TRAGION_CONSTRUCTION;
    add(`tragion-${side}`, nearestVertex(positions, [s * tx, ty, tz], `tragion-${side}`));
    add(
      `zygion-${side}`,
      bestVertex(positions, (x, y, z) => onSide(x) && y > -5 && y < 16 && z > 12 && z < 50, (x) => x * s, `zygion-${side}`),
    );
    add(
      `gonion-${side}`,
      bestVertex(positions, (x, y, z) => onSide(x) && y > -66 && y < -44 && z > -15 && z < 15, (x) => x * s, `gonion-${side}`),
    );
    add(
      `euryon-${side}`,
      bestVertex(positions, (x, y, z) => onSide(x) && y > 40 && Math.abs(z) < 60, (x) => x * s, `euryon-${side}`),
    );
  }
  return out;
}

export function landmarkMap(landmarks: readonly Landmark[]): Map<string, [number, number, number]> {
  return new Map(landmarks.map((l) => [l.id, l.p]));
}
