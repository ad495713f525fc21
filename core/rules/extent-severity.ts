// Severity by extent: for the rules checked event by event (a contact sample, a pulse, a nano contact, a
// roller pass), how bad a finding is follows how much of the work it concerns, not only its rule. The extent
// is the share of the site's treatment events that broke the rule (or of the session's, or of the scalp's
// passes); it falls in one of three bands, split by two simulator defaults: a trace (below
// extentTraceFraction), a notable part, and most (at or above extentMostFraction). Each rule gives a severity
// per band, and for length and depth rules per direction: a needle too long for the site is a risk to the
// skin, one too short only fails to reach the target. Docs: docs/scoring.md, "Severity by extent".

import type { ExtentBasis, LocalizedText, Severity } from '../scoring/report';

export type ExtentBand = 'trace' | 'notable' | 'most';
export const EXTENT_BANDS: readonly ExtentBand[] = ['trace', 'notable', 'most'];

export interface ExtentSeverity {
  basis: ExtentBasis;
  /** Severity in each band. */
  bands: Record<ExtentBand, Severity>;
  /** For length/depth rules: the bands when the value was below the site's range (too short / too shallow). */
  shortBands?: Record<ExtentBand, Severity>;
  why: LocalizedText;
}

const b = (trace: Severity, notable: Severity, most: Severity): Record<ExtentBand, Severity> => ({ trace, notable, most });
const SITE = 'region-events' as const;

/** Too long over thin or fragile skin: critical from a notable extent (8.5.1 eyelids, 8.5.2 implant). */
const THIN_SKIN_NEEDLE: ExtentSeverity = {
  basis: SITE,
  bands: b('major', 'critical', 'critical'),
  shortBands: b('minor', 'major', 'major'),
  why: { zh: '眼周皮肤很薄（8.5.1 只给 0.25 mm），过长针易致瘀斑（13.3）；短针只是达不到效果', en: 'Periocular skin is thin (8.5.1 allows 0.25 mm only); a longer needle bruises it (13.3); a shorter one merely falls short' },
};

/** Too long elsewhere: critical only when it is most of the site's work; too short is ineffective, never critical. */
const SITE_NEEDLE: ExtentSeverity = {
  basis: SITE,
  bands: b('minor', 'major', 'critical'),
  shortBands: b('minor', 'major', 'major'),
  why: { zh: '针过长的风险随操作范围增大（过度治疗、色沉 13.9）；偶发一下只扣少量分；针过短只是疗效不足', en: 'A needle too long harms more the more of the site it rolls (over-treatment, pigmentation 13.9); a brief slip costs little; a short needle only under-treats' },
};

export const EXTENT_SEVERITY: Readonly<Record<string, ExtentSeverity>> = {
  'no-treat-contact': { basis: 'session-events', bands: b('critical', 'critical', 'critical'), why: { zh: '8.5：器械不得接触眼球、唇红、鼻孔，任何程度都是严重错误', en: '8.5: the device must never touch the eyes, red lips or nostrils, at any extent' } },
  'roller-needle-eyelid': THIN_SKIN_NEEDLE,
  'roller-nasal-implant-needle': {
    basis: SITE,
    bands: b('major', 'critical', 'critical'),
    why: { zh: '8.5.2：鼻部有假体时应避开或只用 ≤0.25 mm 针，更长的针可能伤及假体包膜', en: '8.5.2: over a nasal implant avoid the area or use ≤0.25 mm; a longer needle may reach the implant capsule' },
  },
  'roller-nasal-implant-pressure': { basis: SITE, bands: b('minor', 'major', 'critical'), why: { zh: '8.5.2：假体上避免施压；压得越多越可能使假体移位', en: '8.5.2: do not press over an implant; the more of the work pressed, the likelier a displaced implant' } },
  'roller-needle-nose': SITE_NEEDLE,
  'roller-needle-folds': SITE_NEEDLE,
  'roller-needle-perioral': SITE_NEEDLE,
  'roller-needle-forehead': SITE_NEEDLE,
  'roller-needle-neck': SITE_NEEDLE,
  'roller-needle-scalp': SITE_NEEDLE,
  'roller-needle-absorption': SITE_NEEDLE,
  'roller-needle-texture': SITE_NEEDLE,
  'roller-needle-range': SITE_NEEDLE,
  'roller-eyelid-tension': { basis: SITE, bands: b('minor', 'major', 'major'), why: { zh: '8.5.1：眼睑、眉部皮肤应拉至骨面上操作；未绷紧的范围越大越易瘀斑', en: '8.5.1: stretch eyelid and brow skin over bone; the more rolled slack, the likelier bruising' } },
  'roller-scalp-direction': { basis: 'scalp-passes', bands: b('minor', 'major', 'major'), why: { zh: '8.5.7：头皮只能左右滚动，以免缠住头发；按违规滚动次数占比定级', en: '8.5.7: roll the scalp left-right only so hair is not caught; graded by the share of passes' } },
  'rf-depth-periocular': {
    basis: SITE,
    bands: b('major', 'critical', 'critical'),
    shortBands: b('minor', 'major', 'major'),
    why: { zh: '9.6.4：眼周进针 0.5-1.5 mm，过深会伤及薄的眼周组织；过浅只是疗效不足', en: '9.6.4: 0.5-1.5 mm around the eyes; deeper harms the thin periocular tissue; shallower only under-treats' },
  },
  'rf-depth-face': { ...SITE_NEEDLE, why: { zh: '9.6.5：进针过深的风险随脉冲占比增大（网格状瘢痕 13.10）；过浅只是疗效不足', en: '9.6.5: the deeper pulses, the greater the risk (grid-like scars 13.10); shallower only under-treats' } },
  'rf-depth-neck-abdomen': { ...SITE_NEEDLE, why: { zh: '9.6.6：进针过深的风险随脉冲占比增大；过浅只是疗效不足', en: '9.6.6: the more pulses too deep, the greater the risk; shallower only under-treats' } },
  'rf-depth-axilla': { ...SITE_NEEDLE, why: { zh: '9.6.7：进针过深的风险随脉冲占比增大；过浅达不到汗腺层', en: '9.6.7: the more pulses too deep, the greater the risk; shallower misses the sweat glands' } },
  'rf-bipolar-periocular': { basis: SITE, bands: b('minor', 'major', 'critical'), why: { zh: '9.6.4：眼周用双极；单极电流走得更深，大部分眼周脉冲都用单极是严重错误', en: '9.6.4: bipolar around the eyes; monopolar current runs deeper, and most periocular pulses monopolar is critical' } },
  'rf-suction-required': { basis: SITE, bands: b('minor', 'major', 'major'), why: { zh: '9.6.4/9.6.6/9.6.7 要求负压；按未用负压的脉冲占比定级', en: '9.6.4/9.6.6/9.6.7 require suction; graded by the share of pulses without it' } },
  'nano-dwell': { basis: SITE, bands: b('minor', 'major', 'major'), why: { zh: '10.5：每次停留不超过 3 秒；按超时接触占比定级', en: '10.5: each contact at most 3 s; graded by the share of contacts too long' } },
  'nano-circling': { basis: SITE, bands: b('minor', 'major', 'major'), why: { zh: '10.5：不得打圈；按打圈接触占比定级', en: '10.5: no circling; graded by the share of circling contacts' } },
  'nano-sliding-not-allowed': { basis: SITE, bands: b('minor', 'major', 'major'), why: { zh: '10.4：这些情况下不得滑动；按滑动接触占比定级', en: '10.4: no sliding in these cases; graded by the share of sliding contacts' } },
  'nano-times-per-site': { basis: SITE, bands: b('minor', 'major', 'major'), why: { zh: '10.5：同一部位不超过 3 次；按超次接触占比定级', en: '10.5: at most 3 times on a site; graded by the share of contacts over the limit' } },
};

/** The band of a fraction under the two thresholds. */
export function extentBand(fraction: number, traceFraction: number, mostFraction: number): ExtentBand {
  if (fraction >= mostFraction) return 'most';
  return fraction < traceFraction ? 'trace' : 'notable';
}
