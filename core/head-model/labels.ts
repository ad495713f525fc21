// Region of a surface point, from anatomical lines built on the construction landmarks (not boxes):
//  - eye (no-treat): the open palpebral fissure (the globe seen in it) and the lid margins, 1.4 mm around
//    it, endocanthion to exocanthion (where the lashes and the tarsal margins are);
//  - upper / lower eyelid: lid skin above / below the fissure, inside the orbital opening (an ellipse about
//    the globe); periorbital: the ring between the lids and the orbital rim, incl. the lateral canthal
//    area; eyebrow: a band along the brow arch;
//  - nose: within the nasofacial and alar creases, from the root (nasion level) to the columella base;
//    nostrils (no-treat): the openings' walls; lips (no-treat): the vermilion, bounded by the vermilion
//    border;
//  - nasolabial fold: a band along the line from the alar crease to just lateral of the mouth corner;
//    perioral: skin around the mouth medial to the folds, down to the mentolabial sulcus; mentolabial: the
//    sulcus band; chin: below it to the jaw line; mandible: lower face lateral to the chin, below the
//    cheek, back to the ramus;
//  - zygoma: over the malar eminence; cheek: between the lower lid/zygoma, the nasolabial fold and the
//    mandible; temple: behind the lateral orbital rim, below the temporal hairline, above the zygomatic
//    arch; forehead: above the brows, below the frontal hairline, between the temporal lines;
//  - scalp (hair-bearing): above the frontal and temporal hairlines and the back of the head to the nuchal
//    hairline; neck: below the jaw line and the nuchal hairline, down to its root (isTreatableSkin: below it,
//    shoulders and chest, nothing is treated); ears: the auricles.
// Every rule uses |x|, so labels are mirror-symmetric; the side comes from the sign of x.

import type { RegionId } from '../anatomy/regions';
import { earSdf, fissure2d, HEAD_SHAPE, lidMargins, lipsSdf, mouthLineY, nostrilSdf, EAR_FRAME } from './head-sdf';

const DEG = 180 / Math.PI;

/** Frontal hairline height at azimuth |phi| (degrees from the front). */
function frontalHairlineY(phiDeg: number): number {
  // Highest at the midline, receding down toward the temples (a rounded "M"-less hairline).
  return 88 - 16 * (phiDeg / 50) ** 2;
}
/** Azimuth of the temporal hairline at height y, degrees from the front: from the corner of the forehead it
 *  sweeps down and back to the front edge of the sideburn, in front of the ear. */
function temporalHairlineDeg(y: number): number {
  const t = Math.min(1, Math.max(0, (62 - y) / 50));
  return 52 + 16 * t * t * (3 - 2 * t);
}
/** Azimuth of the temporal line (the forehead's lateral border) at height y, degrees: it curves
 *  forward as it descends toward the lateral end of the brow. */
function temporalLineDeg(y: number): number {
  return 40 - Math.max(0, 60 - y) * 0.15;
}
/** Cheek/mandible border: from below the mouth corner back to the ear lobe, rising as it goes. */
function lowerFaceBorderY(phiDeg: number): number {
  const t = Math.min(1, Math.max(0, (phiDeg - 25) / 55));
  return -48 + 22 * t * t * (3 - 2 * t);
}

/** Jaw line (inferior border of the mandible): the face/neck border, height at depth z. */
export function jawLineY(ax: number, z: number): number {
  const t = Math.min(1, Math.max(0, (z + 5) / 85));
  const s = t * t * (3 - 2 * t);
  return -60 - 24 * s - 2 * Math.max(0, 1 - ax / 40);
}
/** Width of the lid margins around the open fissure that count as the eye (no-treat), mm. */
const EYE_MARGIN_BAND_MM = 1.4;

/** Nuchal hairline height behind the ears. */
const NUCHAL_HAIRLINE_Y = -34;

/** Distance from p to segment ab in the frontal (x, y) plane. */
function segmentDistance2d(px: number, py: number, ax: number, ay: number, bx: number, by: number): { d: number; t: number } {
  const abx = bx - ax;
  const aby = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * abx + (py - ay) * aby) / (abx * abx + aby * aby)));
  const dx = px - ax - abx * t;
  const dy = py - ay - aby * t;
  return { d: Math.hypot(dx, dy), t };
}

/** Brow arch height at |x|: rises from the head of the brow, peaks over the lateral limbus, falls to the tail. */
export function browY(ax: number): number {
  const t = (ax - 17) / 37; // 0 at the head of the brow, 1 at its tail
  return 33 + 7 * Math.sin(Math.PI * Math.min(1, Math.max(0, t)) * 0.85);
}

/** Nose half-width at height y: the nasofacial crease above, the alar crease below. */
function noseHalfWidth(y: number): number {
  if (y > 30) return 0;
  if (y > 20) return 8 + (30 - y) * 0.35; // root, between the medial canthi
  if (y > -8) return 11.5 + (20 - y) * 0.09; // side walls
  if (y > -17) return 14 + (-8 - y) * 0.72; // alae widen
  return 20.5;
}

const NASOLABIAL_TOP = { x: HEAD_SHAPE.alarePole[0] + 2.5, y: HEAD_SHAPE.alarePole[1] - 1 };
const NASOLABIAL_BOTTOM = { x: HEAD_SHAPE.cheilion[0] + 6, y: HEAD_SHAPE.cheilion[1] - 4 };
const NASOLABIAL_HALF_WIDTH_MM = 5;

/**
 * Whether a surface point is skin this model is treated on: false for the shoulders, chest and back below the
 * root of the neck (the clavicles in front, a little higher behind) and the cap that closes the bust.
 */
export function isTreatableSkin(x: number, y: number, z: number): boolean {
  const baseY = HEAD_SHAPE.neckBaseY + 14 * Math.min(1, Math.max(0, -z / 40));
  if (y < baseY) return false;
  // Beside the neck column, on the shoulders' slope (the ellipse clears the man's thicker neck, 59 × 53 mm in
  // this frame, by about 5 mm).
  const ex = x / 64;
  const ez = (z + 12) / 58;
  return !(y < -100 && ex * ex + ez * ez > 1);
}

export function regionAt(x: number, y: number, z: number): RegionId {
  const ax = Math.abs(x);
  const side = x >= 0 ? 'left' : 'right';
  const sided = (base: string) => `${base}-${side}` as RegionId;
  const phiDeg = Math.abs(Math.atan2(x, z)) * DEG; // 0 = straight ahead, 90 = beside, 180 = behind

  // Auricles: on the ear's own surface, outward of its attachment.
  const c = EAR_FRAME.centre;
  const w = (ax - c[0]) * EAR_FRAME.normal[0] + (y - c[1]) * EAR_FRAME.normal[1] + (z - c[2]) * EAR_FRAME.normal[2];
  if (earSdf(ax, y, z) < 1 && w > -2.5) return sided('ear');

  // Neck: below the jaw line in front, below the nuchal hairline behind.
  const behindRamus = z < -8;
  if (!behindRamus && y < jawLineY(ax, z)) return 'neck';
  if (behindRamus && y < NUCHAL_HAIRLINE_Y + (z > -30 ? 12 * (1 + z / 30) : 0)) return 'neck';

  // Hair-bearing scalp: above the frontal and temporal hairlines, and behind the ears down to the nape.
  if (y > frontalHairlineY(Math.min(phiDeg, 50))) return 'scalp';
  if (phiDeg > temporalHairlineDeg(y) && y > 12) return 'scalp';
  if (behindRamus) return 'scalp';

  // No-treat zones first: nostrils, vermilion, eyes.
  if (nostrilSdf(ax, y, z) < 1.2 && z > 85) return 'nostrils';
  // Vermilion: on the lip rolls, and along the mouth line out to the commissures (the cheilia).
  const onLipRolls = lipsSdf(x, y, z) < 0.7 && ax < HEAD_SHAPE.cheilion[0] + 1.5;
  const alongMouthLine = Math.abs(y - mouthLineY(ax)) < 2.6 && ax < HEAD_SHAPE.cheilion[0] + 0.5;
  if ((onLipRolls || alongMouthLine) && z > 70) return 'lips';
  const [ecx, ecy] = HEAD_SHAPE.eyeCentre;
  // Eye: the globe seen in the open fissure and the lid margins around it (lashes, grey line), 1.4 mm.
  if (fissure2d(ax, y) < EYE_MARGIN_BAND_MM && z > 50) return sided('eye');
  const margins = lidMargins(ax);
  const lid = (margins.upper + margins.lower) / 2;

  // Orbital opening: an ellipse about the globe, lids inside it.
  const orbitR = Math.hypot((ax - ecx) / 16.5, (y - ecy - 1) / 13);
  const brow = browY(ax);
  const inBrowBand = ax > 15 && ax < 56 && Math.abs(y - brow) < 5 && z > 30;
  const noseW = noseHalfWidth(y);
  const inNose = ax < noseW && y < 31 && y > -24 && z > 70;

  if (inBrowBand && !(orbitR < 1 && y < brow - 3)) return sided('eyebrow');
  if (orbitR < 1 && z > 45 && !inNose) return y > lid ? sided('upper-eyelid') : sided('lower-eyelid');
  if (inNose) return 'nose';
  if (orbitR < 1.5 && z > 40 && y > -2) return sided('periorbital');

  if (y > brow && phiDeg < temporalLineDeg(y)) return 'forehead';
  if (y > 8 && phiDeg >= temporalLineDeg(y)) return sided('temple');
  if (y > brow - 6 && ax < 15) return 'forehead';

  // Zygoma: over the malar eminence and the front of the arch.
  const zygoma = Math.hypot((ax - 50) / 17, (y - 3) / 12);
  if (zygoma < 1 && z > 10) return sided('zygoma');

  // Nasolabial fold: a band along the line from the ala to beside the mouth corner.
  const fold = segmentDistance2d(ax, y, NASOLABIAL_TOP.x, NASOLABIAL_TOP.y, NASOLABIAL_BOTTOM.x, NASOLABIAL_BOTTOM.y);
  if (fold.d < NASOLABIAL_HALF_WIDTH_MM && z > 50) return sided('nasolabial');
  // Medial of the fold line: perioral / mentolabial / chin.
  const foldX = NASOLABIAL_TOP.x + ((y - NASOLABIAL_TOP.y) / (NASOLABIAL_BOTTOM.y - NASOLABIAL_TOP.y)) * (NASOLABIAL_BOTTOM.x - NASOLABIAL_TOP.x);
  const medialOfFold = y > NASOLABIAL_BOTTOM.y ? ax < foldX : ax < NASOLABIAL_BOTTOM.x + 2;
  const mouthY = mouthLineY(ax);
  if (medialOfFold && z > 50) {
    if (y > mouthY - 13) return 'perioral';
    if (y > mouthY - 21 && ax < 24) return 'mentolabial';
    if (ax < 25) return 'chin';
  }
  if (y < lowerFaceBorderY(phiDeg)) return sided('mandible');
  if (y > 8) return sided('temple');
  return sided('cheek');
}
