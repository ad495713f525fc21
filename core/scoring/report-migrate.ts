// Stored score reports are versioned documents: the training file keeps each attempt's report as scored.
// Version 1 (before the extent and not-assessed model) had criteria without `assessed`; every criterion of a
// version 1 report was scored, so it reads as assessed. Its findings had no `extent` (optional, left out).
// The scores themselves are never recomputed here: a report says what the scorer of its day said.

import { REPORT_VERSION, type CriterionScore, type ScoreReport } from './report';

/** A stored report of any known version as the current shape; throws naming the version it cannot read. */
export function migrateScoreReport(stored: unknown): ScoreReport {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) throw new Error('score report: expected an object');
  const doc = stored as { reportVersion?: unknown; criteria?: unknown };
  if (doc.reportVersion === REPORT_VERSION) return stored as ScoreReport;
  if (doc.reportVersion === 1) {
    if (!Array.isArray(doc.criteria)) throw new Error('score report version 1: /criteria is not an array');
    const criteria = (doc.criteria as Omit<CriterionScore, 'assessed'>[]).map((c) => ({ ...c, assessed: true }));
    return { ...(stored as Omit<ScoreReport, 'reportVersion' | 'criteria'>), reportVersion: REPORT_VERSION, criteria };
  }
  throw new Error(`score report: unknown reportVersion ${JSON.stringify(doc.reportVersion)} (this build reads 1 and ${REPORT_VERSION})`);
}
