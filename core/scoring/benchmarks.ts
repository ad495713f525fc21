// Expert benchmarks: from the stored reports of the sessions instructors marked as expert sessions for one
// task (a practice preset or an exam's practical task), per headline metric the experts' n, mean, sample
// standard deviation, min and max; and where a trainee's value stands against them (z-score and a band).
// Which direction is better is said once per metric, with the clause the metric serves. Fewer than
// MIN_EXPERT_SESSIONS sessions give a mean but no spread: two sessions say nothing about how experts vary.

import type { LocalizedText, ScoreReport } from './report';

type Procedure = ScoreReport['procedure'];

/** Sessions needed before a spread (SD, min, max, z-scores, bands, suggested thresholds) is shown. */
export const MIN_EXPERT_SESSIONS = 3;
/** A value within this many expert SDs of the expert mean is "within the expert spread". */
export const SPREAD_SDS = 2;

/** higher/lower: the better direction; neither: the task's endpoint decides (more is not better, nor less). */
export type BetterDirection = 'higher' | 'lower' | 'neither';

export interface BenchmarkMetric {
  key: string;
  label: LocalizedText;
  unit: string;
  clause: string;
  better: BetterDirection;
  /** The metric read from a report; undefined when the session gave it no value (no contact, no region). */
  valueOf(report: ScoreReport): number | undefined;
}

const direct = (key: string) => (r: ScoreReport) => (Number.isFinite(r.metrics[key]) ? r.metrics[key] : undefined);

/** The mean over target regions of a per-region metric (`${prefix}.${region}`), leaving out some regions. */
const regionMean =
  (prefix: string, leaveOut: readonly string[] = []) =>
  (r: ScoreReport): number | undefined => {
    const values = Object.entries(r.metrics)
      .filter(([k, v]) => k.startsWith(`${prefix}.`) && !leaveOut.includes(k.slice(prefix.length + 1)) && Number.isFinite(v))
      .map(([, v]) => v);
    return values.length ? round(values.reduce((a, b) => a + b, 0) / values.length, 2) : undefined;
  };

const regionMax = (prefix: string) => (r: ScoreReport): number | undefined => {
  const values = Object.entries(r.metrics).filter(([k, v]) => k.startsWith(`${prefix}.`) && Number.isFinite(v)).map(([, v]) => v);
  return values.length ? Math.max(...values) : undefined;
};

const m = (key: string, unit: string, clause: string, better: BetterDirection, zh: string, en: string, valueOf: BenchmarkMetric['valueOf'] = direct(key)): BenchmarkMetric => ({
  key,
  label: { zh, en },
  unit,
  clause,
  better,
  valueOf,
});

/** The metrics compared per procedure, in the debrief's order. */
export const BENCHMARK_METRICS: Record<Procedure, readonly BenchmarkMetric[]> = {
  roller: [
    m('coveragePct', '%', '8.2', 'higher', '覆盖率', 'Coverage'),
    // 8.5.7: the scalp is rolled left-right only, so it has no 米 pattern to complete.
    m('crossPatternPct', '%', '8.2', 'higher', '米字完整度（四向覆盖）', 'Cross-pattern completeness (all four directions)', regionMean('crossPatternPct', ['scalp'])),
    // The endpoint decides the rounds (8.4.2 asks 3-5 for absorption): more is not better, nor fewer.
    m('rounds', 'rounds', '8.4.2', 'neither', '遍数', 'Rounds', regionMean('rounds')),
    m('tooSlowPassesPct', '%', '8.2', 'lower', '过慢滚动的次数占比（快速滚动）', 'Share of too-slow passes (rapid strokes)'),
    m('pressureCv', 'ratio', '13.10', 'lower', '压力变异系数（用力均匀）', 'Pressure CV (even force)'),
    m('treatmentDurationS', 's', '8.4', 'neither', '治疗时长', 'Treatment time'),
  ],
  rf: [
    m('coveragePct', '%', '9.3', 'higher', '覆盖率', 'Coverage'),
    m('largestMissCm2', 'cm²', '9.3', 'lower', '最大遗漏面积', 'Largest miss', regionMax('largestMissCm2')),
    m('offAxisPulsesPct', '%', '9.6.3', 'lower', '倾斜脉冲占比（垂直进针）', 'Share of tilted pulses (perpendicular insertion)'),
    m('treatmentDurationS', 's', '9.3', 'neither', '治疗时长', 'Treatment time'),
  ],
  nano: [
    m('coveragePct', '%', '10.4', 'higher', '覆盖率', 'Coverage'),
    m('maxContactsPerSite', 'times', '10.5', 'lower', '同一部位最多操作次数', 'Most contacts on one site'),
    m('treatmentDurationS', 's', '10.5', 'neither', '治疗时长', 'Treatment time'),
  ],
};

export interface MetricStats {
  key: string;
  /** Expert sessions that gave this metric a value. */
  n: number;
  /** null when n = 0. */
  mean: number | null;
  /** Sample SD (n − 1); null when n < MIN_EXPERT_SESSIONS. */
  sd: number | null;
  min: number | null;
  max: number | null;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** n, mean, sample SD, min and max of one metric's values; no spread under MIN_EXPERT_SESSIONS values. */
export function metricStats(key: string, values: readonly number[]): MetricStats {
  for (const [i, v] of values.entries()) if (!Number.isFinite(v)) throw new Error(`metricStats: value ${i} of ${key} is not a finite number (${v})`);
  const n = values.length;
  if (n === 0) return { key, n, mean: null, sd: null, min: null, max: null };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < MIN_EXPERT_SESSIONS) return { key, n, mean: round(mean, 3), sd: null, min: null, max: null };
  const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
  return { key, n, mean: round(mean, 3), sd: round(Math.sqrt(ss / (n - 1)), 3), min: Math.min(...values), max: Math.max(...values) };
}

export interface ExpertBenchmark {
  procedure: Procedure;
  /** Expert sessions (reports) the benchmark is made of. */
  sessions: number;
  /** Whether there are enough sessions for a spread. */
  spread: boolean;
  metrics: (MetricStats & { clause: string; better: BetterDirection; unit: string; label: LocalizedText })[];
}

/** The benchmark of a task from its expert sessions' reports (all of one procedure). */
export function expertBenchmark(procedure: Procedure, reports: readonly ScoreReport[]): ExpertBenchmark {
  for (const [i, r] of reports.entries()) {
    if (r.procedure !== procedure) throw new Error(`expertBenchmark: report ${i} (${r.recordingId}) is ${r.procedure}, the task is ${procedure}`);
  }
  return {
    procedure,
    sessions: reports.length,
    spread: reports.length >= MIN_EXPERT_SESSIONS,
    metrics: BENCHMARK_METRICS[procedure].map((def) => {
      const values = reports.map((r) => def.valueOf(r)).filter((v): v is number => v !== undefined);
      return { ...metricStats(def.key, values), clause: def.clause, better: def.better, unit: def.unit, label: def.label };
    }),
  };
}

/**
 * too-few: the experts give no spread (or never had this metric); within: inside mean ± SPREAD_SDS·SD;
 * below / above: outside it. `verdict` reads the band with the metric's better direction.
 */
export type StandingBand = 'too-few' | 'within' | 'below' | 'above';
export type StandingVerdict = 'not-judged' | 'as-experts' | 'better' | 'worse' | 'different';

export interface Standing {
  key: string;
  value: number;
  /** (value − mean) / SD; null without a spread or when every expert had the same value (SD 0). */
  z: number | null;
  band: StandingBand;
  verdict: StandingVerdict;
}

export function standing(stats: Pick<MetricStats, 'key' | 'n' | 'mean' | 'sd'>, better: BetterDirection, value: number): Standing {
  if (!Number.isFinite(value)) throw new Error(`standing: the value of ${stats.key} is not a finite number (${value})`);
  if (stats.sd === null || stats.mean === null || stats.n < MIN_EXPERT_SESSIONS) return { key: stats.key, value, z: null, band: 'too-few', verdict: 'not-judged' };
  // Every expert alike (SD 0): only their very value is within their spread.
  const z = stats.sd > 0 ? round((value - stats.mean) / stats.sd, 2) : null;
  const offset = stats.sd > 0 ? (value - stats.mean) / stats.sd : value === stats.mean ? 0 : value < stats.mean ? -Infinity : Infinity;
  const band: StandingBand = offset < -SPREAD_SDS ? 'below' : offset > SPREAD_SDS ? 'above' : 'within';
  const verdict: StandingVerdict =
    band === 'within' ? 'as-experts' : better === 'neither' ? 'different' : (band === 'above') === (better === 'higher') ? 'better' : 'worse';
  return { key: stats.key, value, z, band, verdict };
}

/** The trainee's report against the benchmark: one row per metric the report has a value for. */
export function compareWithExperts(benchmark: Pick<ExpertBenchmark, 'procedure' | 'metrics'>, report: ScoreReport): { metric: ExpertBenchmark['metrics'][number]; standing: Standing }[] {
  if (report.procedure !== benchmark.procedure) return [];
  const defs = new Map(BENCHMARK_METRICS[benchmark.procedure].map((d) => [d.key, d]));
  return benchmark.metrics.flatMap((metric) => {
    const value = defs.get(metric.key)?.valueOf(report);
    return value === undefined ? [] : [{ metric, standing: standing(metric, metric.better, value) }];
  });
}
