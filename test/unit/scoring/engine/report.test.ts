// Report formula: deductions per criterion, weights, the pass mark, the floor and critical failure.
import { describe, expect, it } from 'vitest';
import { buildReport, criterionScores, FULL_EVIDENCE, weightedTotal, type SessionEvidence } from '../../../../core/scoring/engine/report';
import type { Criterion, Finding, Severity } from '../../../../core/scoring/report';
import { defaultValues } from '../../../../core/rules/simulator-defaults';

const cfg = defaultValues();
const finding = (criterion: Criterion, severity: Severity): Finding => ({ id: `${criterion}-${severity}`, ruleId: 'x', clause: '1', severity, criterion, message: { zh: '', en: '' }, evidence: { text: { zh: '', en: '' }, values: {} }, simulatorDefault: false });

describe('report formula', () => {
  it('takes each severity off its criterion, floored at 0', () => {
    const c = criterionScores([finding('technique', 'major'), finding('technique', 'minor'), finding('safety', 'critical'), finding('safety', 'critical'), finding('coverage', 'info')], cfg, undefined, 'roller', FULL_EVIDENCE);
    const by = Object.fromEntries(c.map((x) => [x.criterion, x.score]));
    expect(by).toEqual({ safety: 0, protocol: 100, technique: 100 - cfg.deductMajor - cfg.deductMinor, coverage: 100, parameters: 100, aftercare: 100 });
  });

  it('weights the mean, and a zero total weight gives 0', () => {
    const c = criterionScores([finding('safety', 'major')], cfg, { protocol: 0, technique: 0, coverage: 0, parameters: 0, aftercare: 0 }, 'roller', FULL_EVIDENCE);
    expect(weightedTotal(c)).toBe(100 - cfg.deductMajor);
    expect(weightedTotal(c.map((x) => ({ ...x, weight: 0 })))).toBe(0);
  });

  it('passes at the pass mark with no critical finding and every weighted criterion at its floor', () => {
    expect(buildReport('r', 'roller', [], {}, cfg, undefined, FULL_EVIDENCE)).toMatchObject({ score: 100, passed: true, criticalFailure: false, passMark: cfg.passMark, reportVersion: 2, recordingId: 'r' });
    const critical = buildReport('r', 'roller', [finding('coverage', 'critical')], {}, cfg, undefined, FULL_EVIDENCE);
    expect(critical.criticalFailure).toBe(true);
    expect(critical.passed).toBe(false);
    // Two majors on one criterion: total 91.7 clears 80 but the criterion (50) is under the floor (60).
    const floor = buildReport('r', 'roller', [finding('technique', 'major'), finding('technique', 'major')], {}, cfg, undefined, FULL_EVIDENCE);
    expect(floor.score).toBe(91.7);
    expect(floor.passed).toBe(false);
    // ...unless that criterion has no weight.
    expect(buildReport('r', 'roller', [finding('technique', 'major'), finding('technique', 'major')], {}, cfg, { id: 's', weights: { technique: 0 } }, FULL_EVIDENCE).passed).toBe(true);
    expect(buildReport('r', 'roller', [finding('technique', 'minor')], {}, cfg, { id: 's', passMark: 99 }, FULL_EVIDENCE).passed).toBe(false);
  });

  it('scales a finding graded by extent: its severity\'s points times 1 + the fraction', () => {
    const graded = (fraction: number): Finding => ({ ...finding('parameters', 'major'), extent: { basis: 'region-events', units: fraction * 100, of: 100, fraction, severityBySimulatorBands: true } });
    const by = (fs: Finding[]) => Object.fromEntries(criterionScores(fs, cfg, undefined, 'roller', FULL_EVIDENCE).map((c) => [c.criterion, c.score]));
    // 100 − 25 × 1.25 = 68.75, to 0.1.
    expect(by([graded(0.25)]).parameters).toBe(68.8);
    expect(by([graded(1)]).parameters).toBe(100 - cfg.deductMajor * 2);
    // A finding without an extent deducts its severity's points only.
    expect(by([finding('parameters', 'major')]).parameters).toBe(100 - cfg.deductMajor);
  });

  describe('not assessed', () => {
    const untreated: SessionEvidence = { treated: false, techniqueUnits: 0, targetRegions: 1, untreatedTargets: 1 };
    it('a session with no treatment: every criterion but coverage is not assessed, counted 0, and it fails', () => {
      const r = buildReport('r', 'roller', [finding('coverage', 'critical')], {}, cfg, undefined, untreated);
      for (const c of r.criteria) {
        if (c.criterion === 'coverage') expect(c).toMatchObject({ assessed: true, score: 0 });
        else expect(c).toMatchObject({ assessed: false, score: 0, notAssessed: { reason: 'no-treatment', required: true } });
      }
      expect(r.score).toBe(0);
      expect(r.passed).toBe(false);
    });

    it('every target untreated: technique and parameters are not assessed (never 100), the rest scored', () => {
      const ev: SessionEvidence = { treated: true, techniqueUnits: 3, targetRegions: 1, untreatedTargets: 1 };
      const r = buildReport('r', 'roller', [], {}, cfg, undefined, ev);
      const na = r.criteria.filter((c) => !c.assessed).map((c) => [c.criterion, c.notAssessed?.reason]);
      expect(na).toEqual([
        ['technique', 'targets-untreated'],
        ['parameters', 'targets-untreated'],
      ]);
      // Four criteria at 100 and two required ones at 0: 66.7, and no pass without the required work.
      expect(r.score).toBe(66.7);
      expect(r.passed).toBe(false);
    });

    it('a roller session of touches only has no technique to judge', () => {
      const r = buildReport('r', 'roller', [], {}, cfg, undefined, { treated: true, techniqueUnits: 0, targetRegions: 0, untreatedTargets: 0 });
      expect(r.criteria.find((c) => c.criterion === 'technique')).toMatchObject({ assessed: false, notAssessed: { reason: 'no-strokes', required: true } });
      expect(r.passed).toBe(false);
    });

    it('no target region: coverage is not assessed, left out of the total, and does not fail the attempt', () => {
      const r = buildReport('r', 'roller', [], {}, cfg, undefined, { treated: true, techniqueUnits: 5, targetRegions: 0, untreatedTargets: 0 });
      expect(r.criteria.find((c) => c.criterion === 'coverage')).toMatchObject({ assessed: false, notAssessed: { reason: 'no-target-regions', required: false } });
      expect(r.score).toBe(100);
      expect(r.passed).toBe(true);
      // A required criterion with no weight does not hold the attempt back either.
      const unweighted = buildReport('r', 'roller', [], {}, cfg, { id: 's', weights: { technique: 0, parameters: 0 } }, { treated: true, techniqueUnits: 0, targetRegions: 1, untreatedTargets: 1 });
      expect(unweighted.passed).toBe(true);
    });
  });
});
