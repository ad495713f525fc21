// Report formula: deductions per criterion, weights, the pass mark, the floor and critical failure.
import { describe, expect, it } from 'vitest';
import { buildReport, criterionScores, weightedTotal } from '../../../../core/scoring/engine/report';
import type { Criterion, Finding, Severity } from '../../../../core/scoring/report';
import { defaultValues } from '../../../../core/rules/simulator-defaults';

const cfg = defaultValues();
const finding = (criterion: Criterion, severity: Severity): Finding => ({ id: `${criterion}-${severity}`, ruleId: 'x', clause: '1', severity, criterion, message: { zh: '', en: '' }, evidence: { text: { zh: '', en: '' }, values: {} }, simulatorDefault: false });

describe('report formula', () => {
  it('takes each severity off its criterion, floored at 0', () => {
    const c = criterionScores([finding('technique', 'major'), finding('technique', 'minor'), finding('safety', 'critical'), finding('safety', 'critical'), finding('coverage', 'info')], cfg);
    const by = Object.fromEntries(c.map((x) => [x.criterion, x.score]));
    expect(by).toEqual({ safety: 0, protocol: 100, technique: 100 - cfg.deductMajor - cfg.deductMinor, coverage: 100, parameters: 100, aftercare: 100 });
  });

  it('weights the mean, and a zero total weight gives 0', () => {
    const c = criterionScores([finding('safety', 'major')], cfg, { protocol: 0, technique: 0, coverage: 0, parameters: 0, aftercare: 0 });
    expect(weightedTotal(c)).toBe(100 - cfg.deductMajor);
    expect(weightedTotal(c.map((x) => ({ ...x, weight: 0 })))).toBe(0);
  });

  it('passes at the pass mark with no critical finding and every weighted criterion at its floor', () => {
    expect(buildReport('r', 'roller', [], {}, cfg)).toMatchObject({ score: 100, passed: true, criticalFailure: false, passMark: cfg.passMark, reportVersion: 1, recordingId: 'r' });
    const critical = buildReport('r', 'roller', [finding('coverage', 'critical')], {}, cfg);
    expect(critical.criticalFailure).toBe(true);
    expect(critical.passed).toBe(false);
    // Two majors on one criterion: total 91.7 clears 80 but the criterion (50) is under the floor (60).
    const floor = buildReport('r', 'roller', [finding('technique', 'major'), finding('technique', 'major')], {}, cfg);
    expect(floor.score).toBe(91.7);
    expect(floor.passed).toBe(false);
    // ...unless that criterion has no weight.
    expect(buildReport('r', 'roller', [finding('technique', 'major'), finding('technique', 'major')], {}, cfg, { id: 's', weights: { technique: 0 } }).passed).toBe(true);
    expect(buildReport('r', 'roller', [finding('technique', 'minor')], {}, cfg, { id: 's', passMark: 99 }).passed).toBe(false);
  });
});
