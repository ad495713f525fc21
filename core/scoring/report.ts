// The score report, as PRODUCT.md defines it. Produced only by core's score(); the main process
// re-scores every attempt, the renderer's live copy is for feedback.

import type { RegionId } from '../anatomy/regions';

export type Severity = 'critical' | 'major' | 'minor' | 'info';
export type Criterion = 'safety' | 'protocol' | 'technique' | 'coverage' | 'parameters' | 'aftercare';

export const CRITERIA: readonly Criterion[] = ['safety', 'protocol', 'technique', 'coverage', 'parameters', 'aftercare'];

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
}

export interface CriterionScore {
  criterion: Criterion;
  score: number; // 0-100
  weight: number;
}

export interface ScoreReport {
  reportVersion: 1;
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
