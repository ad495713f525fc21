// The report formula: each finding takes its severity's deduction off its criterion (floored at 0), the
// total is the weighted mean of the criteria rounded to 0.1, and the attempt passes with the total at the
// pass mark, every weighted criterion at its floor and no critical finding.

import type { Procedure } from '../../recording/types';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';
import { CRITERIA, type Criterion, type CriterionScore, type Finding, type ScoreReport, type Severity } from '../report';
import { DEFAULT_WEIGHTS, type Scenario } from '../scenario';
import { round } from './findings';

/** Criterion scores: 100 minus the deductions of the criterion's findings, at least 0, with their weights. */
export type ReportDefaults = Pick<SimulatorDefaultValues, 'deductCritical' | 'deductMajor' | 'deductMinor' | 'passMark' | 'criterionFloor'>;

export function criterionScores(findings: readonly Finding[], cfg: ReportDefaults, weights?: Scenario['weights']): CriterionScore[] {
  const deduction: Record<Severity, number> = { critical: cfg.deductCritical, major: cfg.deductMajor, minor: cfg.deductMinor, info: 0 };
  const w = { ...DEFAULT_WEIGHTS, ...(weights ?? {}) };
  return CRITERIA.map((criterion: Criterion) => {
    const lost = findings.filter((f) => f.criterion === criterion).reduce((s, f) => s + deduction[f.severity], 0);
    return { criterion, score: Math.max(0, 100 - lost), weight: w[criterion] };
  });
}

/** The weighted mean of the criterion scores (0 when every weight is 0), unrounded. */
export function weightedTotal(criteria: readonly CriterionScore[]): number {
  const wsum = criteria.reduce((s, c) => s + c.weight, 0);
  return wsum > 0 ? criteria.reduce((s, c) => s + c.score * c.weight, 0) / wsum : 0;
}

export function buildReport(recordingId: string, procedure: Procedure, findings: Finding[], metrics: Record<string, number>, cfg: ReportDefaults, scenario?: Scenario): ScoreReport {
  const criteria = criterionScores(findings, cfg, scenario?.weights);
  const criticalFailure = findings.some((f) => f.severity === 'critical');
  const passMark = scenario?.passMark ?? cfg.passMark;
  const score = round(weightedTotal(criteria), 1);
  return {
    reportVersion: 1,
    recordingId,
    procedure,
    score,
    // A pass needs the total, no critical finding, and every criterion at its floor.
    passed: !criticalFailure && score >= passMark && criteria.every((c) => c.weight === 0 || c.score >= cfg.criterionFloor),
    criticalFailure,
    passMark,
    criteria,
    findings,
    metrics,
  };
}
