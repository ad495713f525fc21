// Region ids are stable: recordings, exams and certification records store them.
// Left and right are the patient's (+X in the head frame is the patient's left).

export const TREATMENT_REGION_IDS = [
  'forehead',
  'temple-left',
  'temple-right',
  'eyebrow-left',
  'eyebrow-right',
  'upper-eyelid-left',
  'upper-eyelid-right',
  'lower-eyelid-left',
  'lower-eyelid-right',
  'periorbital-left',
  'periorbital-right',
  'nose',
  'cheek-left',
  'cheek-right',
  'zygoma-left',
  'zygoma-right',
  'nasolabial-left',
  'nasolabial-right',
  'perioral',
  'mentolabial',
  'chin',
  'mandible-left',
  'mandible-right',
  'neck',
  'scalp',
  'ear-left',
  'ear-right',
] as const;

export const NO_TREAT_REGION_IDS = ['eye-left', 'eye-right', 'lips', 'nostrils'] as const;

/** Body sites named by the standard (9.6.6, 9.6.7) that the head model does not carry yet. */
export const BODY_REGION_IDS = ['abdomen', 'axilla-left', 'axilla-right'] as const;

export type TreatmentRegionId = (typeof TREATMENT_REGION_IDS)[number];
export type NoTreatRegionId = (typeof NO_TREAT_REGION_IDS)[number];
export type BodyRegionId = (typeof BODY_REGION_IDS)[number];
export type RegionId = TreatmentRegionId | NoTreatRegionId | BodyRegionId;

/** Regions present on the head model, in a fixed order: the index is the per-vertex region code. */
export const HEAD_REGION_IDS: readonly (TreatmentRegionId | NoTreatRegionId)[] = [
  ...TREATMENT_REGION_IDS,
  ...NO_TREAT_REGION_IDS,
];

export const ALL_REGION_IDS: readonly RegionId[] = [...HEAD_REGION_IDS, ...BODY_REGION_IDS];

export interface RegionName {
  zh: string;
  en: string;
}

export const REGION_NAMES: Record<RegionId, RegionName> = {
  forehead: { zh: '额部', en: 'Forehead' },
  'temple-left': { zh: '左颞部', en: 'Left temple' },
  'temple-right': { zh: '右颞部', en: 'Right temple' },
  'eyebrow-left': { zh: '左眉部', en: 'Left eyebrow' },
  'eyebrow-right': { zh: '右眉部', en: 'Right eyebrow' },
  'upper-eyelid-left': { zh: '左上眼睑', en: 'Left upper eyelid' },
  'upper-eyelid-right': { zh: '右上眼睑', en: 'Right upper eyelid' },
  'lower-eyelid-left': { zh: '左下眼睑', en: 'Left lower eyelid' },
  'lower-eyelid-right': { zh: '右下眼睑', en: 'Right lower eyelid' },
  'periorbital-left': { zh: '左眶周', en: 'Left periorbital' },
  'periorbital-right': { zh: '右眶周', en: 'Right periorbital' },
  nose: { zh: '鼻部', en: 'Nose' },
  'cheek-left': { zh: '左面颊', en: 'Left cheek' },
  'cheek-right': { zh: '右面颊', en: 'Right cheek' },
  'zygoma-left': { zh: '左颧部', en: 'Left zygoma' },
  'zygoma-right': { zh: '右颧部', en: 'Right zygoma' },
  'nasolabial-left': { zh: '左鼻唇沟', en: 'Left nasolabial fold' },
  'nasolabial-right': { zh: '右鼻唇沟', en: 'Right nasolabial fold' },
  perioral: { zh: '口周', en: 'Perioral' },
  mentolabial: { zh: '颏唇沟', en: 'Mentolabial fold' },
  chin: { zh: '颏部', en: 'Chin' },
  'mandible-left': { zh: '左下颌部', en: 'Left mandible' },
  'mandible-right': { zh: '右下颌部', en: 'Right mandible' },
  neck: { zh: '颈部', en: 'Neck' },
  scalp: { zh: '头皮', en: 'Scalp' },
  'ear-left': { zh: '左耳', en: 'Left ear' },
  'ear-right': { zh: '右耳', en: 'Right ear' },
  'eye-left': { zh: '左眼（禁区）', en: 'Left eye (no-treat)' },
  'eye-right': { zh: '右眼（禁区）', en: 'Right eye (no-treat)' },
  lips: { zh: '唇红（禁区）', en: 'Lips (no-treat)' },
  nostrils: { zh: '鼻孔（禁区）', en: 'Nostrils (no-treat)' },
  abdomen: { zh: '腹部', en: 'Abdomen' },
  'axilla-left': { zh: '左腋部', en: 'Left axilla' },
  'axilla-right': { zh: '右腋部', en: 'Right axilla' },
};

const NO_TREAT = new Set<string>(NO_TREAT_REGION_IDS);
const ALL = new Set<string>(ALL_REGION_IDS);

export function isRegionId(value: unknown): value is RegionId {
  return typeof value === 'string' && ALL.has(value);
}

export function isNoTreatRegion(id: RegionId): id is NoTreatRegionId {
  return NO_TREAT.has(id);
}

/** The same region on the other side of the midline; midline regions map to themselves. */
export function mirrorRegion<R extends RegionId>(id: R): R {
  if (id.endsWith('-left')) return id.replace(/-left$/, '-right') as R;
  if (id.endsWith('-right')) return id.replace(/-right$/, '-left') as R;
  return id;
}

export function regionCode(id: TreatmentRegionId | NoTreatRegionId): number {
  return HEAD_REGION_IDS.indexOf(id);
}
