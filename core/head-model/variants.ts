// The heads a case can choose (PatientCase.sex): an adult Han Chinese woman (the base shape in head-sdf.ts) and
// an adult Han Chinese man. The man is the base shape with male features added (stronger brow ridge, squarer
// jaw, thicker neck with a laryngeal prominence, broader shoulders), scaled to the male norms in
// docs/head-model.md. Labels, landmarks and appearance are evaluated in the base construction frame (the
// position divided by the scale), so every region rule and landmark search is shared by both heads.

import { FEMALE_APPEARANCE, type AppearanceStyle } from './appearance';
import { headSdf, HEAD_BOUNDS, HEAD_SHAPE, sdEllipsoid, sdTaperedCapsule, smax, smin, type Vec3 } from './head-sdf';
import { CHINESE_FEMALE_REFERENCE, CHINESE_MALE_REFERENCE, type MeasurementReference } from './measure';

export const HEAD_VARIANT_IDS = ['female', 'male'] as const;
export type HeadVariantId = (typeof HEAD_VARIANT_IDS)[number];

export interface HeadVariant {
  id: HeadVariantId;
  /** Signed distance to this head's surface, in its own construction frame (mm). */
  sdf(x: number, y: number, z: number): number;
  /** Per-axis scale from the base construction frame to this head's. */
  scale: Vec3;
  /** Bounding box of the surface with a margin, this head's construction frame. */
  bounds: { min: Vec3; max: Vec3 };
  reference: readonly MeasurementReference[];
  referenceText: string;
  appearance: AppearanceStyle;
}

/** The man's features added to the base shape, in the base frame (x may be negative: features use |x|). */
function maleBase(x: number, y: number, z: number): number {
  const ax = Math.abs(x);
  let d = headSdf(x, y, z);
  // Stronger supraorbital ridges over the orbits (the midline and the nasion stay as they are).
  d = smin(d, sdEllipsoid(ax, y, z + (ax * ax) / 70, 25, 36, 88.5, 21, 6.5, 9), 8);
  // Squarer jaw at the gonial angles.
  d = smin(d, sdEllipsoid(ax, y, z, 47, -56, 6, 9, 10, 13), 10);
  // Thicker neck with the laryngeal prominence (Adam's apple) in front.
  const ex = x / 59;
  const ez = (z + 12) / 53;
  // Rounded off well below the jaw, so the thicker column fades into the neck without a collar.
  const column = smax((Math.sqrt(ex * ex + ez * ez) - 1) * 53, y - -72, 30);
  d = smin(d, column, 20);
  // A slightly longer nose: the tip and columella a little lower.
  d = smin(d, sdEllipsoid(x, y, z, 0, -15, 99.5, 8, 7.5, 9), 4);
  d = smin(d, sdEllipsoid(x, y, z, 0, -97, 37, 8, 10, 6.5), 6);
  // Broader shoulders.
  d = smin(d, sdTaperedCapsule(ax, y, z, 0, -152, -24, 132, -196, -20, 42, 37), 34);
  return Math.max(d, HEAD_SHAPE.neckCutY - y);
}

const MALE_SCALE: Vec3 = [1.053, 1.045, 1.043];
const scaled = (v: Vec3, s: Vec3): Vec3 => [v[0] * s[0], v[1] * s[1], v[2] * s[2]];

export const HEAD_VARIANTS: Record<HeadVariantId, HeadVariant> = {
  female: {
    id: 'female',
    sdf: headSdf,
    scale: [1, 1, 1],
    bounds: HEAD_BOUNDS,
    reference: CHINESE_FEMALE_REFERENCE,
    referenceText: 'adult Han Chinese woman (Chinese female norms); see docs/head-model.md',
    appearance: FEMALE_APPEARANCE,
  },
  male: {
    id: 'male',
    sdf: (x, y, z) => maleBase(x / MALE_SCALE[0], y / MALE_SCALE[1], z / MALE_SCALE[2]) * Math.min(...MALE_SCALE),
    scale: MALE_SCALE,
    bounds: { min: scaled(HEAD_BOUNDS.min, MALE_SCALE), max: scaled(HEAD_BOUNDS.max, MALE_SCALE) },
    reference: CHINESE_MALE_REFERENCE,
    referenceText: 'adult Han Chinese man (Chinese male norms); see docs/head-model.md',
    appearance: { browHalfThicknessMm: [4.4, 2.2], browDensity: 0.92 },
  },
};

/** The head a patient case is treated on: its sex, the woman's head when the case does not say. */
export function headVariantForCase(patientCase: { sex?: 'female' | 'male' } | undefined): HeadVariantId {
  return patientCase?.sex === 'male' ? 'male' : 'female';
}
