// Thresholds a task may take from its experts: for the simulator defaults (numbers the standard does not
// give, core/rules/simulator-defaults.ts) that a benchmark metric measures, the expert mean − 2·SD for a
// "at least" threshold and mean + 2·SD for an "at most" one, never more lenient than the shipped default.
// The standard's own numbers (rule parameters with source 'standard': needle lengths, 3-5 rounds, 3 times
// per site...) are never proposed: only SIMULATOR_DEFAULTS keys are.

import { SIMULATOR_DEFAULTS, type SimulatorDefaultKey } from '../rules/simulator-defaults';
import { round, SPREAD_SDS, type ExpertBenchmark } from './benchmarks';

export interface SuggestedThreshold {
  key: SimulatorDefaultKey;
  /** The proposed value, in the default's unit. */
  value: number;
  /** The shipped simulator default the proposal never loosens. */
  defaultValue: number;
  /** Whether the experts make it stricter than the default. */
  stricter: boolean;
  /** The benchmark metric it comes from, and the expert statistics used (in the metric's unit). */
  fromMetric: string;
  expertMean: number;
  expertSd: number;
}

interface ThresholdSource {
  key: SimulatorDefaultKey;
  metric: string;
  /** at-least: mean − 2·SD, not below the default; at-most: mean + 2·SD, not above it. */
  kind: 'at-least' | 'at-most';
  /** Metric unit → default unit (percent → fraction). */
  scale: number;
  /** Bounds the default's unit allows (a fraction stays within 0..1). */
  bounds: [number, number];
}

const FRACTION: [number, number] = [0, 1];

const SOURCES: Record<ExpertBenchmark['procedure'], readonly ThresholdSource[]> = {
  roller: [
    { key: 'minCoverageFraction', metric: 'coveragePct', kind: 'at-least', scale: 0.01, bounds: FRACTION },
    { key: 'minCrossPatternFraction', metric: 'crossPatternPct', kind: 'at-least', scale: 0.01, bounds: FRACTION },
    { key: 'pressureCvMax', metric: 'pressureCv', kind: 'at-most', scale: 1, bounds: [0, Infinity] },
  ],
  rf: [
    { key: 'rfMinCoverageFraction', metric: 'coveragePct', kind: 'at-least', scale: 0.01, bounds: FRACTION },
    { key: 'rfMissedPatchCm2', metric: 'largestMissCm2', kind: 'at-most', scale: 1, bounds: [0, Infinity] },
    { key: 'rfMaxOffAxisFraction', metric: 'offAxisPulsesPct', kind: 'at-most', scale: 0.01, bounds: FRACTION },
  ],
  // Nano's thresholds are the standard's own (3 times per site, 3 s per contact): nothing to propose.
  nano: [],
};

/** The proposals for a benchmark with a spread; none without one (under MIN_EXPERT_SESSIONS sessions). */
export function suggestThresholds(benchmark: ExpertBenchmark): SuggestedThreshold[] {
  if (!benchmark.spread) return [];
  const stats = new Map(benchmark.metrics.map((s) => [s.key, s]));
  return SOURCES[benchmark.procedure].flatMap((src) => {
    const s = stats.get(src.metric);
    if (!s || s.mean === null || s.sd === null) return [];
    const defaultValue = SIMULATOR_DEFAULTS[src.key].value;
    const edge = (src.kind === 'at-least' ? s.mean - SPREAD_SDS * s.sd : s.mean + SPREAD_SDS * s.sd) * src.scale;
    const bounded = Math.min(src.bounds[1], Math.max(src.bounds[0], edge));
    const value = round(src.kind === 'at-least' ? Math.max(defaultValue, bounded) : Math.min(defaultValue, bounded), 3);
    return [{ key: src.key, value, defaultValue, stricter: value !== defaultValue, fromMetric: src.metric, expertMean: s.mean, expertSd: s.sd }];
  });
}
