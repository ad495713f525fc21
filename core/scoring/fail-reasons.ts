// Why an attempt did not pass, reason by reason, read from its score report: every critical finding, every
// weighted criterion the task required that could not be assessed (nothing done to judge it), every weighted
// assessed criterion under the floor the scorer used, and the total under the pass mark. Empty when it passed.
// The floor is not in the report: it is read where the scorer reads it, the simulator defaults with the
// scenario's overrides (defaultValues(scenario.defaults), as createScoringEngine does), never a second copy.

import type { RegionId } from '../anatomy/regions';
import { defaultValues } from '../rules/simulator-defaults';
import type { Criterion, LocalizedText, NotAssessedReason, ScoreReport } from './report';
import type { Scenario } from './scenario';

export type FailReason =
  | { kind: 'critical'; findingId: string; ruleId: string; clause: string; region?: RegionId; message: LocalizedText }
  | { kind: 'not-assessed'; criterion: Criterion; reason: NotAssessedReason; text: LocalizedText }
  | { kind: 'criterion'; criterion: Criterion; score: number; floor: number; simulatorDefault: boolean }
  | { kind: 'total'; score: number; passMark: number; simulatorDefault: boolean };

/** The per-criterion floor the scorer applies under this scenario, and whether it is the simulator's default. */
export function criterionFloor(scenario?: Scenario): { floor: number; simulatorDefault: boolean } {
  return { floor: defaultValues(scenario?.defaults).criterionFloor, simulatorDefault: scenario?.defaults?.criterionFloor === undefined };
}

/** Whether the report's pass mark is the simulator's default (the scenario sets neither `passMark` nor `defaults.passMark`). */
export function passMarkIsSimulatorDefault(scenario?: Scenario): boolean {
  return scenario?.passMark === undefined && scenario?.defaults?.passMark === undefined;
}

/**
 * The reasons `report` did not pass, in this order: critical findings (in the report's order), required
 * criteria with a non-zero weight not assessed, assessed ones scoring under the floor (both in the report's
 * order), the total under the pass mark. `scenario`
 * is the one the report was scored with (none: the simulator defaults).
 */
export function failReasons(report: ScoreReport, scenario?: Scenario): FailReason[] {
  if (report.passed) return [];
  const out: FailReason[] = [];
  for (const f of report.findings) {
    if (f.severity !== 'critical') continue;
    out.push({ kind: 'critical', findingId: f.id, ruleId: f.ruleId, clause: f.clause, ...(f.region ? { region: f.region } : {}), message: f.message });
  }
  const { floor, simulatorDefault } = criterionFloor(scenario);
  for (const c of report.criteria) {
    if (c.weight !== 0 && !c.assessed && c.notAssessed?.required) out.push({ kind: 'not-assessed', criterion: c.criterion, reason: c.notAssessed.reason, text: c.notAssessed.text });
  }
  for (const c of report.criteria) {
    if (c.weight !== 0 && c.assessed && c.score < floor) out.push({ kind: 'criterion', criterion: c.criterion, score: c.score, floor, simulatorDefault });
  }
  if (report.score < report.passMark) out.push({ kind: 'total', score: report.score, passMark: report.passMark, simulatorDefault: passMarkIsSimulatorDefault(scenario) });
  return out;
}
