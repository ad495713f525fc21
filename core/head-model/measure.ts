// Head and face measurements taken between landmarks on the model's surface (straight 3D distances), and
// the reference they are checked against: adult Han Chinese women, from the team's anthropometry notes
// (anthropometry.md, Chinese female column). Where that column has a mean but no SD, the SD of the US
// European female 3D norms [C] stands in (flagged in `source`). Ratios are held to ±3 % per "SD".

import type { Landmark } from '../surface/surface';

export interface MeasurementReference {
  id: string;
  /** Landmark pair whose distance is measured, or a ratio of two other measurements. */
  between?: readonly [string, string];
  ratioOf?: readonly [string, string];
  referenceMean: number;
  referenceSd: number;
  /** Extra allowance added to the accept band (caliper-only go-go, see anthropometry.md §4). */
  allowanceMm?: number;
  source: string;
}

export const CHINESE_FEMALE_REFERENCE: readonly MeasurementReference[] = [
  { id: 'g-op', between: ['glabella', 'opisthocranion'], referenceMean: 184, referenceSd: 8, source: '[As] ANSUR II Asian women' },
  { id: 'eu-eu', between: ['euryon-left', 'euryon-right'], referenceMean: 152, referenceSd: 5, source: '[As] ANSUR II Asian women' },
  { id: 'zy-zy', between: ['zygion-left', 'zygion-right'], referenceMean: 139.2, referenceSd: 6.1, source: '[As] ANSUR II Asian women' },
  {
    id: 'go-go',
    between: ['gonion-left', 'gonion-right'],
    referenceMean: 114.5,
    referenceSd: 6.5,
    allowanceMm: 10,
    source: '[D] Chinese women, caliper; SD from [C]; +10 mm allowed for caliper vs surface',
  },
  { id: 'n-gn', between: ['nasion', 'gnathion'], referenceMean: 110.4, referenceSd: 5.8, source: '[F] Han women; SD from [C]' },
  { id: 'n-sn', between: ['nasion', 'subnasale'], referenceMean: 48.9, referenceSd: 3.6, source: '[F] Han women; SD from [C]' },
  { id: 'al-al', between: ['alare-left', 'alare-right'], referenceMean: 35.5, referenceSd: 2.3, source: '[F] Han women; SD from [C]' },
  { id: 'en-en', between: ['endocanthion-left', 'endocanthion-right'], referenceMean: 38.3, referenceSd: 2.6, source: '[E] Hong Kong Chinese women, 3D' },
  { id: 'ex-ex', between: ['exocanthion-left', 'exocanthion-right'], referenceMean: 88.4, referenceSd: 3.7, source: '[E] Hong Kong Chinese women, 3D' },
  { id: 'ch-ch', between: ['cheilion-left', 'cheilion-right'], referenceMean: 49.3, referenceSd: 3.5, source: '[D] Chinese women; SD from [C]' },
  { id: 'cephalic-index', ratioOf: ['eu-eu', 'g-op'], referenceMean: 0.826, referenceSd: 0.826 * 0.03, source: '[As] 152/184; ±3 % per SD' },
  { id: 'canthal-index', ratioOf: ['en-en', 'ex-ex'], referenceMean: 0.433, referenceSd: 0.433 * 0.03, source: '[E] 38.3/88.4; ±3 % per SD' },
];

/**
 * Adult Han Chinese men. No Chinese male figure exists for n-gn, n-sn or al-al: n-gn takes the Chinese
 * workers' se-me (sellion-menton, a near neighbour of nasion-gnathion), n-sn and al-al take the US European
 * male 3D norms [C], flagged; a Han nose sits shorter than that (the women's Han mean is 1.6 SD under [C]).
 */
export const CHINESE_MALE_REFERENCE: readonly MeasurementReference[] = [
  { id: 'g-op', between: ['glabella', 'opisthocranion'], referenceMean: 192, referenceSd: 8, source: '[As] ANSUR II Asian men' },
  { id: 'eu-eu', between: ['euryon-left', 'euryon-right'], referenceMean: 158, referenceSd: 7, source: '[As] ANSUR II Asian men' },
  { id: 'zy-zy', between: ['zygion-left', 'zygion-right'], referenceMean: 146.7, referenceSd: 6.4, source: '[As] ANSUR II Asian men' },
  {
    id: 'go-go',
    between: ['gonion-left', 'gonion-right'],
    referenceMean: 118.5,
    referenceSd: 7.1,
    allowanceMm: 10,
    source: '[D] Chinese men, caliper; SD from [C]; +10 mm allowed for caliper vs surface',
  },
  { id: 'n-gn', between: ['nasion', 'gnathion'], referenceMean: 117, referenceSd: 6.6, source: '[D] Chinese men se-me; SD from [C]' },
  { id: 'n-sn', between: ['nasion', 'subnasale'], referenceMean: 56.7, referenceSd: 3.9, source: '[C] US European men (no Chinese figure)' },
  { id: 'al-al', between: ['alare-left', 'alare-right'], referenceMean: 35.9, referenceSd: 2.6, source: '[C] US European men (no Chinese figure)' },
  { id: 'en-en', between: ['endocanthion-left', 'endocanthion-right'], referenceMean: 40.6, referenceSd: 4.9, source: '[E] Hong Kong Chinese men, 3D' },
  { id: 'ex-ex', between: ['exocanthion-left', 'exocanthion-right'], referenceMean: 93, referenceSd: 5.6, source: '[E] Hong Kong Chinese men, 3D' },
  { id: 'ch-ch', between: ['cheilion-left', 'cheilion-right'], referenceMean: 51.7, referenceSd: 3.8, source: '[D] Chinese men; SD from [C]' },
  { id: 'cephalic-index', ratioOf: ['eu-eu', 'g-op'], referenceMean: 0.823, referenceSd: 0.823 * 0.03, source: '[As] 158/192; ±3 % per SD' },
  { id: 'canthal-index', ratioOf: ['en-en', 'ex-ex'], referenceMean: 0.437, referenceSd: 0.437 * 0.03, source: '[E] 40.6/93.0; ±3 % per SD' },
];

/** Accept rule: every figure within ±2 SD of the reference mean (plus any stated allowance). */
export const ACCEPT_WITHIN_SD = 2;

export interface Measurement {
  id: string;
  measured: number;
  referenceMean: number;
  referenceSd: number;
  source: string;
  /** |measured − mean| / SD, after subtracting any allowance. */
  withinSd: number;
}

export function measureHead(landmarks: readonly Landmark[], reference = CHINESE_FEMALE_REFERENCE): Measurement[] {
  const byId = new Map(landmarks.map((l) => [l.id, l.p]));
  const values = new Map<string, number>();
  const out: Measurement[] = [];
  for (const ref of reference) {
    let value: number;
    if (ref.between) {
      const a = byId.get(ref.between[0]);
      const b = byId.get(ref.between[1]);
      if (!a || !b) throw new Error(`measurement ${ref.id}: landmark ${!a ? ref.between[0] : ref.between[1]} is missing`);
      value = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    } else if (ref.ratioOf) {
      const a = values.get(ref.ratioOf[0]);
      const b = values.get(ref.ratioOf[1]);
      if (a === undefined || b === undefined) throw new Error(`measurement ${ref.id}: needs ${ref.ratioOf.join(' and ')} first`);
      value = a / b;
    } else {
      throw new Error(`measurement ${ref.id}: neither landmarks nor a ratio`);
    }
    values.set(ref.id, value);
    const excess = Math.max(0, Math.abs(value - ref.referenceMean) - (ref.allowanceMm ?? 0));
    out.push({
      id: ref.id,
      measured: value,
      referenceMean: ref.referenceMean,
      referenceSd: ref.referenceSd,
      source: ref.source,
      withinSd: excess / ref.referenceSd,
    });
  }
  return out;
}
