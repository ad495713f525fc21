// Expert statistics on hand-worked numbers: sample SD, no spread under three sessions, z-scores and bands
// read with each metric's better direction, and the thresholds the experts suggest (never looser than the
// simulator default, never a number the standard gives).

import { describe, expect, it } from 'vitest';
import { suggestThresholds } from '../../../core/scoring/benchmark-thresholds';
import { BENCHMARK_METRICS, compareWithExperts, expertBenchmark, metricStats, standing } from '../../../core/scoring/benchmarks';
import type { ScoreReport } from '../../../core/scoring/report';
import { RULES } from '../../../core/rules/catalogue';
import { SIMULATOR_DEFAULT_KEYS } from '../../../core/rules/simulator-defaults';

const report = (procedure: ScoreReport['procedure'], metrics: Record<string, number>, id = 'r'): ScoreReport => ({
  reportVersion: 2,
  recordingId: id,
  procedure,
  score: 90,
  passed: true,
  criticalFailure: false,
  passMark: 80,
  criteria: [],
  findings: [],
  metrics,
});

describe('metricStats', () => {
  it('gives n, mean, sample SD, min and max', () => {
    // mean 94; deviations −4, 0, 4; Σd² = 32; SD = √(32 / 2) = 4.
    expect(metricStats('coveragePct', [90, 94, 98])).toEqual({ key: 'coveragePct', n: 3, mean: 94, sd: 4, min: 90, max: 98 });
    // mean 2.5; Σd² = 2.25 + 0.25 + 0.25 + 2.25 = 5; SD = √(5 / 3) = 1.291.
    expect(metricStats('rounds', [1, 2, 3, 4])).toEqual({ key: 'rounds', n: 4, mean: 2.5, sd: 1.291, min: 1, max: 4 });
  });

  it('shows no spread under three sessions, and nothing without any', () => {
    expect(metricStats('coveragePct', [90, 96])).toEqual({ key: 'coveragePct', n: 2, mean: 93, sd: null, min: null, max: null });
    expect(metricStats('coveragePct', [])).toEqual({ key: 'coveragePct', n: 0, mean: null, sd: null, min: null, max: null });
  });

  it('refuses a value that is not a number', () => {
    expect(() => metricStats('pressureCv', [0.2, Number.NaN])).toThrow(/value 1 of pressureCv is not a finite number/);
  });
});

describe('standing', () => {
  const coverage = { key: 'coveragePct', n: 3, mean: 94, sd: 4 };
  it('places a value by z-score: within mean ± 2 SD, else below or above, better or worse by the metric', () => {
    expect(standing(coverage, 'higher', 87)).toEqual({ key: 'coveragePct', value: 87, z: -1.75, band: 'within', verdict: 'as-experts' });
    expect(standing(coverage, 'higher', 85)).toEqual({ key: 'coveragePct', value: 85, z: -2.25, band: 'below', verdict: 'worse' });
    expect(standing(coverage, 'higher', 103)).toMatchObject({ z: 2.25, band: 'above', verdict: 'better' });
    // Lower is better (pressure CV): above the spread is worse.
    expect(standing({ key: 'pressureCv', n: 3, mean: 0.15, sd: 0.05 }, 'lower', 0.3)).toMatchObject({ z: 3, band: 'above', verdict: 'worse' });
    expect(standing({ key: 'pressureCv', n: 3, mean: 0.15, sd: 0.05 }, 'lower', 0.01)).toMatchObject({ band: 'below', verdict: 'better' });
    // Neither direction (the endpoint decides rounds): outside is only different.
    expect(standing({ key: 'rounds', n: 3, mean: 4, sd: 0.5 }, 'neither', 6)).toMatchObject({ z: 4, band: 'above', verdict: 'different' });
  });

  it('judges nothing under three sessions, and only the experts’ own value when they all agree', () => {
    expect(standing({ key: 'coveragePct', n: 2, mean: 93, sd: null }, 'higher', 50)).toEqual({ key: 'coveragePct', value: 50, z: null, band: 'too-few', verdict: 'not-judged' });
    expect(standing({ key: 'coveragePct', n: 3, mean: 100, sd: 0 }, 'higher', 100)).toMatchObject({ z: null, band: 'within' });
    expect(standing({ key: 'coveragePct', n: 3, mean: 100, sd: 0 }, 'higher', 99.9)).toMatchObject({ z: null, band: 'below', verdict: 'worse' });
  });
});

describe('expertBenchmark', () => {
  const experts = [
    report('roller', { coveragePct: 96, 'crossPatternPct.forehead': 80, 'rounds.forehead': 3, tooSlowPassesPct: 10, pressureCv: 0.1, treatmentDurationS: 100 }, 'e1'),
    report('roller', { coveragePct: 98, 'crossPatternPct.forehead': 85, 'rounds.forehead': 4, tooSlowPassesPct: 0, pressureCv: 0.15, treatmentDurationS: 120 }, 'e2'),
    // No contact pressure recorded here: pressure CV counts two sessions.
    report('roller', { coveragePct: 100, 'crossPatternPct.forehead': 90, 'rounds.forehead': 5, tooSlowPassesPct: 5, treatmentDurationS: 140 }, 'e3'),
  ];

  it('reads each metric of the procedure, averaging per-region metrics over regions (the scalp has no 米 pattern)', () => {
    const b = expertBenchmark('roller', experts);
    expect(b.sessions).toBe(3);
    expect(b.spread).toBe(true);
    const byKey = Object.fromEntries(b.metrics.map((s) => [s.key, s]));
    expect(Object.keys(byKey)).toEqual(BENCHMARK_METRICS.roller.map((d) => d.key));
    expect(byKey.coveragePct).toMatchObject({ n: 3, mean: 98, sd: 2, min: 96, max: 100, better: 'higher', clause: '8.2' });
    expect(byKey.crossPatternPct).toMatchObject({ n: 3, mean: 85, sd: 5 });
    expect(byKey.rounds).toMatchObject({ n: 3, mean: 4, sd: 1, better: 'neither', clause: '8.4.2' });
    expect(byKey.pressureCv).toMatchObject({ n: 2, mean: 0.125, sd: null, clause: '13.10' });
    expect(byKey.treatmentDurationS).toMatchObject({ n: 3, mean: 120, sd: 20 });
    const scalp = BENCHMARK_METRICS.roller.find((d) => d.key === 'crossPatternPct')!;
    expect(scalp.valueOf(report('roller', { 'crossPatternPct.scalp': 0, 'crossPatternPct.forehead': 70, 'crossPatternPct.cheek-left': 80 }))).toBe(75);
    expect(scalp.valueOf(report('roller', { 'crossPatternPct.scalp': 0 }))).toBeUndefined();
  });

  it('refuses a report of another procedure', () => {
    expect(() => expertBenchmark('rf', experts)).toThrow(/report 0 \(e1\) is roller, the task is rf/);
  });

  it('compares a trainee’s report metric by metric', () => {
    const b = expertBenchmark('roller', experts);
    const rows = compareWithExperts(b, report('roller', { coveragePct: 90, 'crossPatternPct.forehead': 84, 'rounds.forehead': 4, pressureCv: 0.5, treatmentDurationS: 300 }));
    expect(rows.map((r) => [r.metric.key, r.standing.band, r.standing.verdict])).toEqual([
      ['coveragePct', 'below', 'worse'], // z = (90 − 98) / 2 = −4
      ['crossPatternPct', 'within', 'as-experts'],
      ['rounds', 'within', 'as-experts'],
      ['pressureCv', 'too-few', 'not-judged'],
      ['treatmentDurationS', 'above', 'different'], // z = 9
    ]);
    expect(compareWithExperts(b, report('nano', { coveragePct: 50 }))).toEqual([]);
  });

  it('suggests thresholds from the experts, never looser than the default, for simulator defaults only', () => {
    const b = expertBenchmark('roller', [...experts, report('roller', { coveragePct: 98, 'crossPatternPct.forehead': 85, 'rounds.forehead': 4, pressureCv: 0.2, treatmentDurationS: 120 }, 'e4')]);
    const s = suggestThresholds(b);
    // coverage: mean 98, SD √(8/3) = 1.633 → 98 − 3.266 = 94.734 % → 0.947, stricter than 0.9.
    expect(s.find((x) => x.key === 'minCoverageFraction')).toEqual({ key: 'minCoverageFraction', value: 0.947, defaultValue: 0.9, stricter: true, fromMetric: 'coveragePct', expertMean: 98, expertSd: 1.633 });
    // 米: mean 85, SD 4.082 → 76.8 % is looser than 0.8: the default stays.
    expect(s.find((x) => x.key === 'minCrossPatternFraction')).toMatchObject({ value: 0.8, stricter: false });
    // pressure CV (at most): mean 0.15, SD 0.05 → 0.25, stricter than 0.35.
    expect(s.find((x) => x.key === 'pressureCvMax')).toMatchObject({ value: 0.25, defaultValue: 0.35, stricter: true });
    const standardNames = new Set(RULES.flatMap((r) => Object.entries(r.parameters).filter(([, p]) => p.source === 'standard').map(([n]) => n)));
    for (const x of s) {
      expect(SIMULATOR_DEFAULT_KEYS).toContain(x.key);
      expect(standardNames.has(x.key)).toBe(false);
    }
    expect(suggestThresholds(expertBenchmark('roller', experts.slice(0, 2)))).toEqual([]);
  });

  it('suggests RF thresholds in the defaults’ units and none for nano', () => {
    const rf = expertBenchmark('rf', [1, 2, 3].map((i) => report('rf', { coveragePct: 97 + i, 'largestMissCm2.forehead': 0.1 * i, 'largestMissCm2.neck': 0.05, offAxisPulsesPct: i, treatmentDurationS: 200 })));
    const s = Object.fromEntries(suggestThresholds(rf).map((x) => [x.key, x.value]));
    // coverage 98..100: mean 99, SD 1 → 97 % = 0.97; miss 0.1..0.3: mean 0.2, SD 0.1 → 0.4 cm²; tilted 1..3 %: mean 2, SD 1 → 4 % = 0.04.
    expect(s).toEqual({ rfMinCoverageFraction: 0.97, rfMissedPatchCm2: 0.4, rfMaxOffAxisFraction: 0.04 });
    expect(suggestThresholds(expertBenchmark('nano', [1, 2, 3].map(() => report('nano', { coveragePct: 90, maxContactsPerSite: 2 }))))).toEqual([]);
  });
});
