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
  /** The site or purpose the ranges are for, as a noun phrase without brackets: 额部 / the forehead. */
  basis: LocalizedText;
  /** The recommendation in words (recommendationText): 额部推荐 0.5-1.0 mm / recommended for the forehead: 0.5-1.0 mm. */
  advice: LocalizedText;
}

const EYELIDS: readonly RegionId[] = ['upper-eyelid-left', 'upper-eyelid-right', 'lower-eyelid-left', 'lower-eyelid-right'];
const PERIOCULAR: readonly RegionId[] = [...EYELIDS, 'periorbital-left', 'periorbital-right'];

/** Regions whose skin 8.5.1 says to stretch over bone (eyebrow and eyelids). */
export const SKIN_TENSION_REGIONS: ReadonlySet<RegionId> = new Set<RegionId>([...EYELIDS, 'eyebrow-left', 'eyebrow-right']);

/** Roller needle length by named site (8.5.x). */
/** `rangeNotes`: when each of a site's ranges applies, in the order of `ranges` (8.5.6). */
export const ROLLER_SITE_TABLE: ReadonlyArray<{ regions: readonly RegionId[]; ranges: readonly RangeMm[]; clause: string; basis: LocalizedText; rangeNotes?: readonly LocalizedText[] }> = [
  { regions: PERIOCULAR, ranges: [[0.25, 0.25]], clause: '8.5.1', basis: { zh: '眼睑', en: 'the eyelids' } },
  { regions: ['nose'], ranges: [[0.5, 1.0]], clause: '8.5.2', basis: { zh: '鼻部', en: 'the nose' } },
  { regions: ['nasolabial-left', 'nasolabial-right', 'mentolabial'], ranges: [[1.0, 1.5]], clause: '8.5.3', basis: { zh: '鼻唇沟与颏唇沟', en: 'the nasolabial and mentolabial folds' } },
  { regions: ['perioral'], ranges: [[0.5, 1.0]], clause: '8.5.4', basis: { zh: '口周', en: 'perioral skin' } },
  { regions: ['forehead'], ranges: [[0.5, 1.0]], clause: '8.5.5', basis: { zh: '额部', en: 'the forehead' } },
  {
    regions: ['neck'],
    ranges: [[0.5, 0.5], [1.0, 2.0]],
    clause: '8.5.6',
    basis: { zh: '颈部', en: 'the neck' },
    rangeNotes: [
      { zh: '常规', en: 'routinely' },
      { zh: '按皱纹深浅', en: 'by wrinkle depth' },
    ],
  },
  { regions: ['scalp'], ranges: [[0.5, 0.8]], clause: '8.5.7', basis: { zh: '头皮', en: 'the scalp' } },
];

/** The purpose of each endpoint, for sites the standard names no length for (the endpoint's range applies). */
const ENDPOINT_PURPOSE: Record<Endpoint, LocalizedText> = {
  pink: { zh: '常规治疗', en: 'routine treatment' },
  absorption: { zh: '促进透皮吸收', en: 'better transdermal absorption' },
  'texture-scars': { zh: '改善肤质或瘢痕', en: 'improving skin texture or scars' },
  tightening: { zh: '紧致提升', en: 'tightening and lifting' },
  delivery: { zh: '功效成分透皮导入', en: 'transdermal delivery of active ingredients' },
};

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
  const rec = (ranges: readonly RangeMm[], clause: string, basis: LocalizedText, notes?: readonly LocalizedText[]): SiteRecommendation => ({ ranges, clause, basis, advice: recommendationText(ranges, basis, notes) });
  if (region === 'nose' && patient.nasalImplant) return rec([[0, NASAL_IMPLANT_MAX_NEEDLE_MM]], '8.5.2', { zh: '有假体的鼻部', en: 'a nose with an implant' });
  // 8.5.5: very thin forehead skin takes a shorter needle; we read that as the low end of the range.
  if (region === 'forehead' && patient.skinType === 'thin') return rec([[0.5, 0.5]], '8.5.5', { zh: '皮肤薄的额部', en: 'thin forehead skin' });
  const site = ROLLER_SITE_TABLE.find((s) => s.regions.includes(region));
  if (site) return rec(site.ranges, site.clause, site.basis, site.rangeNotes);
  const ep = ROLLER_ENDPOINT_RANGES[endpoint];
  return rec(ep.ranges, ep.clause, ENDPOINT_PURPOSE[endpoint]);
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
  { regions: [...PERIOCULAR, 'eyebrow-left', 'eyebrow-right'], depthMm: [0.5, 1.5], clause: '9.6.4', basis: { zh: '眼周', en: 'periocular skin' }, suction: 'required', bipolarRequired: true },
  { regions: ['forehead'], depthMm: [0.5, 1.5], clause: '9.6.5', basis: { zh: '额部', en: 'the forehead' }, suction: 'recommended', bipolarRequired: false },
  { regions: ['cheek-left', 'cheek-right'], depthMm: [1.0, 2.5], clause: '9.6.5', basis: { zh: '面颊', en: 'the cheeks' }, suction: 'recommended', bipolarRequired: false },
  { regions: ['mandible-left', 'mandible-right', 'zygoma-left', 'zygoma-right'], depthMm: [0.5, 1.5], clause: '9.6.5', basis: { zh: '下颌与颧部', en: 'the mandible and zygoma' }, suction: 'recommended', bipolarRequired: false },
  { regions: ['neck'], depthMm: [1.0, 2.5], clause: '9.6.6', basis: { zh: '颈部', en: 'the neck' }, suction: 'required', bipolarRequired: false },
  { regions: ['abdomen'], depthMm: [1.0, 3.5], clause: '9.6.6', basis: { zh: '腹部', en: 'the abdomen' }, suction: 'required', bipolarRequired: false },
  { regions: ['axilla-left', 'axilla-right'], depthMm: [3.5, 5.5], clause: '9.6.7', basis: { zh: '腋部', en: 'the axillae' }, suction: 'required', bipolarRequired: false },
];

export function rfSiteRule(region: RegionId): RfSiteRule | undefined {
  return RF_SITE_TABLE.find((s) => s.regions.includes(region));
}

const EPS = 1e-6;
export function inRanges(value: number, ranges: readonly RangeMm[]): boolean {
  return ranges.some(([lo, hi]) => value >= lo - EPS && value <= hi + EPS);
}

/** A length in mm as the standard and the catalogue write it: one decimal at least (1.0, never 1), two where needed (0.25). */
export function formatMm(mm: number): string {
  const two = (Math.round(mm * 100) / 100).toFixed(2);
  return two.endsWith('0') ? two.slice(0, -1) : two;
}

export function formatRanges(ranges: readonly RangeMm[]): string {
  return ranges.map(([lo, hi]) => (lo === hi ? formatMm(lo) : lo === 0 ? `≤${formatMm(hi)}` : `${formatMm(lo)}-${formatMm(hi)}`)).join(' / ') + ' mm';
}

/**
 * A recommendation in words, with no brackets of its own (a live warning puts its evidence in brackets):
 * 额部推荐 0.5-1.0 mm / recommended for the forehead: 0.5-1.0 mm; with `notes`, each range with when it
 * applies (颈部推荐常规 0.5 mm，按皱纹深浅 1.0-2.0 mm).
 */
export function recommendationText(ranges: readonly RangeMm[], basis: LocalizedText, notes?: readonly LocalizedText[]): LocalizedText {
  if (!notes) return { zh: `${basis.zh}推荐 ${formatRanges(ranges)}`, en: `recommended for ${basis.en}: ${formatRanges(ranges)}` };
  return {
    zh: `${basis.zh}推荐${ranges.map((r, i) => `${notes[i].zh} ${formatRanges([r])}`).join('，')}`,
    en: `recommended for ${basis.en}: ${ranges.map((r, i) => `${formatRanges([r])} ${notes[i].en}`).join(', ')}`,
  };
}
