// The report formula. A criterion is assessed only when the session gave it evidence (see `notAssessed`);
// an assessed criterion scores 100 minus its findings' deductions (floored at 0); a finding graded by extent
// (core/rules/extent-severity.ts) deducts its severity's points times (1 + its extent's fraction), so a
// rule broken throughout costs twice what a trace of it does. The total is the weighted
// mean of the assessed criteria and of the required ones not assessed (counted 0), rounded to 0.1; a
// criterion not assessed and not required (coverage when the task names no target region) is left out. The
// attempt passes with the total at the pass mark, every weighted assessed criterion at its floor, no weighted
// required criterion unassessed, and no critical finding.

import type { Procedure } from '../../recording/types';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';
import { CRITERIA, REPORT_VERSION, type Criterion, type CriterionScore, type Finding, type LocalizedText, type NotAssessedReason, type ScoreReport } from '../report';
import { DEFAULT_WEIGHTS, type Scenario } from '../scenario';
import { round } from './findings';

export type ReportDefaults = Pick<SimulatorDefaultValues, 'deductCritical' | 'deductMajor' | 'deductMinor' | 'passMark' | 'criterionFloor'>;

/** What the session did, as far as judging the criteria goes. */
export interface SessionEvidence {
  /** At least one treatment event (roller contact sample, RF pulse, nano contact). */
  treated: boolean;
  /** Units of technique to judge: roller passes, RF pulses, nano contacts. */
  techniqueUnits: number;
  /** Target regions on the surface (with an area). */
  targetRegions: number;
  /** Of those, the ones left untreated (coverage under untreatedCoverageFraction). */
  untreatedTargets: number;
}

/** A session with full evidence: every criterion assessed (used where only the formula is tested). */
export const FULL_EVIDENCE: SessionEvidence = { treated: true, techniqueUnits: 1, targetRegions: 1, untreatedTargets: 0 };

export const NOT_ASSESSED_TEXT: Record<NotAssessedReason, LocalizedText> = {
  'no-treatment': { zh: '没有任何治疗操作（未接触皮肤，无脉冲或接触）', en: 'no treatment was given (no skin contact, pulse or nano contact)' },
  'no-strokes': { zh: '没有一次可评价的滚动（只有点触）', en: 'no roller pass long enough to judge (touches only)' },
  'targets-untreated': { zh: '目标区域几乎未治疗，操作太少，无从评价', en: 'the target regions were left (almost) untreated, too little work to judge' },
  'no-target-regions': { zh: '本任务未指定目标区域，不评覆盖', en: 'the task names no target region, so coverage is not judged' },
};

/** Why a criterion cannot be judged from this session, or null when it can. */
export function notAssessed(criterion: Criterion, procedure: Procedure, ev: SessionEvidence): { reason: NotAssessedReason; required: boolean } | null {
  if (criterion === 'coverage') {
    // Coverage is judged on the target regions; an untreated one is a critical coverage finding, so coverage is assessed whenever there is a target.
    return ev.targetRegions > 0 ? null : ev.treated ? { reason: 'no-target-regions', required: false } : { reason: 'no-treatment', required: true };
  }
  if (!ev.treated) return { reason: 'no-treatment', required: true };
  if (criterion === 'technique' || criterion === 'parameters') {
    // Consistent with the untreated-target finding: when every target is (almost) untreated, too little was done to judge how.
    if (ev.targetRegions > 0 && ev.untreatedTargets >= ev.targetRegions) return { reason: 'targets-untreated', required: true };
    if (criterion === 'technique' && ev.techniqueUnits === 0) return { reason: procedure === 'roller' ? 'no-strokes' : 'no-treatment', required: true };
  }
  return null;
}

/** The points a finding takes off its criterion: its severity's deduction, scaled by 1 + its extent's fraction when it has one. */
export function findingDeduction(f: Finding, cfg: ReportDefaults): number {
  const base = { critical: cfg.deductCritical, major: cfg.deductMajor, minor: cfg.deductMinor, info: 0 }[f.severity];
  return f.extent ? base * (1 + f.extent.fraction) : base;
}

/** Criterion scores: assessed ones 100 minus their findings' deductions, at least 0, to 0.1; not assessed ones 0 with the reason. */
export function criterionScores(findings: readonly Finding[], cfg: ReportDefaults, weights: Scenario['weights'] | undefined, procedure: Procedure, evidence: SessionEvidence): CriterionScore[] {
  const w = { ...DEFAULT_WEIGHTS, ...(weights ?? {}) };
  return CRITERIA.map((criterion: Criterion): CriterionScore => {
    const na = notAssessed(criterion, procedure, evidence);
    if (na) return { criterion, score: 0, weight: w[criterion], assessed: false, notAssessed: { ...na, text: NOT_ASSESSED_TEXT[na.reason] } };
    const lost = findings.filter((f) => f.criterion === criterion).reduce((s, f) => s + findingDeduction(f, cfg), 0);
    return { criterion, score: round(Math.max(0, 100 - lost), 1), weight: w[criterion], assessed: true };
  });
}

/** Whether a criterion enters the total: assessed, or required and not assessed (then it counts 0). */
const counts = (c: CriterionScore) => c.assessed || c.notAssessed?.required === true;

/** The weighted mean of the criteria that count (0 when their weights sum to 0), unrounded. */
export function weightedTotal(criteria: readonly CriterionScore[]): number {
  const counted = criteria.filter(counts);
  const wsum = counted.reduce((s, c) => s + c.weight, 0);
  return wsum > 0 ? counted.reduce((s, c) => s + c.score * c.weight, 0) / wsum : 0;
}

export function buildReport(recordingId: string, procedure: Procedure, findings: Finding[], metrics: Record<string, number>, cfg: ReportDefaults, scenario: Scenario | undefined, evidence: SessionEvidence): ScoreReport {
  const criteria = criterionScores(findings, cfg, scenario?.weights, procedure, evidence);
  const criticalFailure = findings.some((f) => f.severity === 'critical');
  const passMark = scenario?.passMark ?? cfg.passMark;
  const score = round(weightedTotal(criteria), 1);
  const weighted = criteria.filter((c) => c.weight !== 0);
  return {
    reportVersion: REPORT_VERSION,
    recordingId,
    procedure,
    score,
    // A pass needs the total, no critical finding, every assessed criterion at its floor and the required work done.
    passed: !criticalFailure && score >= passMark && weighted.every((c) => (c.assessed ? c.score >= cfg.criterionFloor : c.notAssessed?.required !== true)),
    criticalFailure,
    passMark,
    criteria,
    findings,
    metrics,
  };
}
