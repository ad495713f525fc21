// The score report, as PRODUCT.md defines it. Produced only by core's score(); the main process
// re-scores every attempt, the renderer's live copy is for feedback.

import type { RegionId } from '../anatomy/regions';

export type Severity = 'critical' | 'major' | 'minor' | 'info';
export type Criterion = 'safety' | 'protocol' | 'technique' | 'coverage' | 'parameters' | 'aftercare';

export const CRITERIA: readonly Criterion[] = ['safety', 'protocol', 'technique', 'coverage', 'parameters', 'aftercare'];

/** Each criterion's name as the debrief shows it (renderer/i18n studio.json "criterion"), for text composed in core. */
export const CRITERION_NAMES: Record<Criterion, { zh: string; en: string }> = {
  safety: { zh: '安全', en: 'Safety' },
  protocol: { zh: '流程', en: 'Protocol' },
  technique: { zh: '手法', en: 'Technique' },
  coverage: { zh: '覆盖', en: 'Coverage' },
  parameters: { zh: '参数', en: 'Parameters' },
  aftercare: { zh: '术后护理', en: 'Aftercare' },
};

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface Finding {
  /** Stable finding id: `${ruleId}` or `${ruleId}:${region}` so that reports can be compared. */
  id: string;
  ruleId: string;
  clause: string;
  severity: Severity;
  criterion: Criterion;
  message: LocalizedText;
  region?: RegionId;
  /** Time span concerned, ms from session start. */
  span?: { startMs: number; endMs: number };
  /** Measured evidence, e.g. { needleLengthMm: 0.5, recommendedMm: [0.25, 0.25] } with a readable text. */
  evidence: { text: LocalizedText; values: Record<string, number | string | boolean | number[]> };
  /** True where the threshold that produced this finding is a simulator default, not the standard's number. */
  simulatorDefault: boolean;
  /**
   * How much of the work the finding concerns, for rules whose severity follows their extent
   * (core/rules/extent-severity.ts): `units` of `of` (contact samples, pulses, contacts or passes, see `basis`).
   */
  extent?: FindingExtent;
}

/** What an extent counts: the treatment events (roller contact samples, RF pulses, nano contacts) in the finding's region or in the whole session, or the roller passes on the scalp. */
export type ExtentBasis = 'region-events' | 'session-events' | 'scalp-passes';

export interface FindingExtent {
  basis: ExtentBasis;
  units: number;
  of: number;
  /** units ÷ of, rounded to 0.001. */
  fraction: number;
  /**
   * The severity came from the band limits (extentTraceFraction, extentMostFraction: simulator defaults)
   * rather than from the rule alone; the rule's own threshold keeps its provenance in `simulatorDefault`.
   */
  severityBySimulatorBands: boolean;
}

/** Why a criterion had no evidence to judge. */
export type NotAssessedReason = 'no-treatment' | 'no-strokes' | 'targets-untreated' | 'no-target-regions';

export interface CriterionScore {
  criterion: Criterion;
  /** 0-100; 0 when not assessed. */
  score: number;
  weight: number;
  /** False when the session gave this criterion no evidence (nothing rolled, no pulse...): never full marks. */
  assessed: boolean;
  /**
   * Present when not assessed: why, and whether the task required this evidence. A required criterion not
   * assessed counts 0 in the total and fails the attempt; one not required (no target regions set: no
   * coverage to judge) is left out of the total.
   */
  notAssessed?: { reason: NotAssessedReason; required: boolean; text: LocalizedText };
}

/** The current shape; version 1 had no `assessed` on criteria and no `extent` on findings (core/scoring/report-migrate.ts). */
export const REPORT_VERSION = 2;

export interface ScoreReport {
  reportVersion: typeof REPORT_VERSION;
  recordingId: string;
  procedure: 'roller' | 'rf' | 'nano';
  score: number; // 0-100
  passed: boolean;
  /** One critical finding fails the attempt whatever the total. */
  criticalFailure: boolean;
  passMark: number;
  criteria: CriterionScore[];
  findings: Finding[];
  /** Headline measures (coverage %, passes, pulses...) for the debrief. */
  metrics: Record<string, number>;
}
