// Site tables: roller needle length (8.5.1-8.5.7, with 4.1.2 and the endpoint lengths of 8.4.2/8.4.3 for
// sites the standard does not name) and RF insertion depth (9.6.4-9.6.7), keyed by region id.

import type { RegionId } from '../anatomy/regions';
import type { Endpoint, PatientCase } from '../recording/types';
import type { LocalizedText } from '../scoring/report';

/** Closed interval in mm. A site may allow more than one interval (8.5.6: 0.5 routine, 1.0-2.0 for wrinkles). */
export type RangeMm = readonly [number, number];

export interface SiteRecommendation {
  ranges: readonly RangeMm[];
  clause: string;
  /** Readable basis, e.g. eyelid, or the endpoint of 8.4.2. */
  basis: LocalizedText;
}

const EYELIDS: readonly RegionId[] = ['upper-eyelid-left', 'upper-eyelid-right', 'lower-eyelid-left', 'lower-eyelid-right'];
const PERIOCULAR: readonly RegionId[] = [...EYELIDS, 'periorbital-left', 'periorbital-right'];

/** Regions whose skin 8.5.1 says to stretch over bone (eyebrow and eyelids). */
export const SKIN_TENSION_REGIONS: ReadonlySet<RegionId> = new Set<RegionId>([...EYELIDS, 'eyebrow-left', 'eyebrow-right']);

/** Roller needle length by named site (8.5.x). */
export const ROLLER_SITE_TABLE: ReadonlyArray<{ regions: readonly RegionId[]; ranges: readonly RangeMm[]; clause: string; basis: LocalizedText }> = [
  { regions: PERIOCULAR, ranges: [[0.25, 0.25]], clause: '8.5.1', basis: { zh: '眼睑', en: 'eyelid' } },
  { regions: ['nose'], ranges: [[0.5, 1.0]], clause: '8.5.2', basis: { zh: '鼻部', en: 'nose' } },
  { regions: ['nasolabial-left', 'nasolabial-right', 'mentolabial'], ranges: [[1.0, 1.5]], clause: '8.5.3', basis: { zh: '鼻唇沟与颏唇沟', en: 'nasolabial and mentolabial folds' } },
  { regions: ['perioral'], ranges: [[0.5, 1.0]], clause: '8.5.4', basis: { zh: '口周', en: 'perioral' } },
  { regions: ['forehead'], ranges: [[0.5, 1.0]], clause: '8.5.5', basis: { zh: '额部', en: 'forehead' } },
  { regions: ['neck'], ranges: [[0.5, 0.5], [1.0, 2.0]], clause: '8.5.6', basis: { zh: '颈部（常规 0.5，按皱纹深浅 1.0-2.0）', en: 'neck (0.5 routine, 1.0-2.0 by wrinkle depth)' } },
  { regions: ['scalp'], ranges: [[0.5, 0.8]], clause: '8.5.7', basis: { zh: '头皮', en: 'scalp' } },
];

export const ROLLER_ENDPOINT_RANGES: Record<Endpoint, { ranges: readonly RangeMm[]; clause: string }> = {
  absorption: { ranges: [[0.25, 0.5]], clause: '8.4.2' },
  'texture-scars': { ranges: [[1.0, 1.5]], clause: '8.4.3' },
  pink: { ranges: [[0.5, 3.0]], clause: '4.1.2' },
  tightening: { ranges: [[0.5, 3.0]], clause: '4.1.2' },
  delivery: { ranges: [[0.25, 0.5]], clause: '8.4.2' },
};

/** 8.5.2: with a nasal implant, at most 0.25 mm. */
export const NASAL_IMPLANT_MAX_NEEDLE_MM = 0.25;

export function rollerNeedleRecommendation(region: RegionId, endpoint: Endpoint, patient: Pick<PatientCase, 'skinType' | 'nasalImplant'>): SiteRecommendation {
  if (region === 'nose' && patient.nasalImplant) return { ranges: [[0, NASAL_IMPLANT_MAX_NEEDLE_MM]], clause: '8.5.2', basis: { zh: '鼻部（有假体）', en: 'nose with implant' } };
  // 8.5.5: very thin forehead skin takes a shorter needle; we read that as the low end of the range.
  if (region === 'forehead' && patient.skinType === 'thin') return { ranges: [[0.5, 0.5]], clause: '8.5.5', basis: { zh: '额部（皮肤薄）', en: 'forehead, thin skin' } };
  const site = ROLLER_SITE_TABLE.find((s) => s.regions.includes(region));
  if (site) return { ranges: site.ranges, clause: site.clause, basis: site.basis };
  const ep = ROLLER_ENDPOINT_RANGES[endpoint];
  return { ranges: ep.ranges, clause: ep.clause, basis: { zh: `终点 ${endpoint}（${ep.clause}）`, en: `endpoint ${endpoint} (${ep.clause})` } };
}

export interface RfSiteRule {
  regions: readonly RegionId[];
  depthMm: RangeMm;
  clause: string;
  basis: LocalizedText;
  /** 'required' where the standard says use, 'recommended' where it says recommended (9.6.1, 9.6.5). */
  suction: 'required' | 'recommended';
  bipolarRequired: boolean;
}

export const RF_SITE_TABLE: readonly RfSiteRule[] = [
  { regions: [...PERIOCULAR, 'eyebrow-left', 'eyebrow-right'], depthMm: [0.5, 1.5], clause: '9.6.4', basis: { zh: '眼周', en: 'periocular' }, suction: 'required', bipolarRequired: true },
  { regions: ['forehead'], depthMm: [0.5, 1.5], clause: '9.6.5', basis: { zh: '额部', en: 'forehead' }, suction: 'recommended', bipolarRequired: false },
  { regions: ['cheek-left', 'cheek-right'], depthMm: [1.0, 2.5], clause: '9.6.5', basis: { zh: '面颊', en: 'cheeks' }, suction: 'recommended', bipolarRequired: false },
  { regions: ['mandible-left', 'mandible-right', 'zygoma-left', 'zygoma-right'], depthMm: [0.5, 1.5], clause: '9.6.5', basis: { zh: '下颌与颧部', en: 'mandible and zygoma' }, suction: 'recommended', bipolarRequired: false },
  { regions: ['neck'], depthMm: [1.0, 2.5], clause: '9.6.6', basis: { zh: '颈部', en: 'neck' }, suction: 'required', bipolarRequired: false },
  { regions: ['abdomen'], depthMm: [1.0, 3.5], clause: '9.6.6', basis: { zh: '腹部', en: 'abdomen' }, suction: 'required', bipolarRequired: false },
  { regions: ['axilla-left', 'axilla-right'], depthMm: [3.5, 5.5], clause: '9.6.7', basis: { zh: '腋部', en: 'axilla' }, suction: 'required', bipolarRequired: false },
];

export function rfSiteRule(region: RegionId): RfSiteRule | undefined {
  return RF_SITE_TABLE.find((s) => s.regions.includes(region));
}

const EPS = 1e-6;
export function inRanges(value: number, ranges: readonly RangeMm[]): boolean {
  return ranges.some(([lo, hi]) => value >= lo - EPS && value <= hi + EPS);
}

export function formatRanges(ranges: readonly RangeMm[]): string {
  return ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : lo === 0 ? `≤${hi}` : `${lo}-${hi}`)).join(' / ') + ' mm';
}
