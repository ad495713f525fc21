// Roller, end of session: coverage, the 米 cross pattern and rounds per target region (8.2, 8.4.2, 8.5.7),
// over-treatment, short rapid strokes (8.2), even pressure and zone by zone (8.2), with their metrics.

import type { RegionId } from '../../anatomy/regions';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';
import type { EngineContext } from './context';
import type { CoverageScope } from './coverage';
import type { LocalizedText } from '../report';
import { round, type Add, type Values } from './findings';
import { DIRECTION_NAMES, type RollerTally } from './roller';

/** Rounds reached on a share of a region's area: area-weighted quantiles of per-vertex rounds. */
export function roundsQuantiles(rounds: ArrayLike<number>, areas: ArrayLike<number>, total: number, quantiles: readonly number[]): number[] {
  const n = rounds.length;
  const order = Array.from({ length: n }, (_, i) => i);
  // Stable by rounds: the original list order breaks ties, as a stable sort of {r, a} pairs does.
  order.sort((x, y) => rounds[x] - rounds[y]);
  return quantiles.map((q) => {
    let accA = 0;
    for (const i of order) {
      accA += areas[i];
      if (accA >= q * total) return rounds[i];
    }
    return n ? rounds[order[n - 1]] : 0;
  });
}

export type RollerCoverageDefaults = Pick<
  SimulatorDefaultValues,
  'roundsPercentile' | 'overTreatmentPercentile' | 'minCoverageFraction' | 'minCrossPatternFraction' | 'maxRoundsGeneral' | 'maxBadStrokeFraction' | 'pressureCvMax' | 'maxZoneRevisits'
>;

export function finishRoller(ctx: EngineContext, cfg: RollerCoverageDefaults, tally: RollerTally, zoneRevisits: number, scope: CoverageScope, add: Add, metrics: Record<string, number>, endMs: number): void {
  const { idx, endpoint } = ctx;
  const { passCount, directionMask } = ctx.state;
  const dirPasses = tally.dirPasses;
  const area = idx.vertexAreaMm2;
  let covSum = 0;
  for (const { region } of scope.regionCodes) {
    const verts = scope.interiorOf(idx.regionCode(region));
    const total = scope.areaOf(verts);
    if (total <= 0) continue;
    let covered = 0, crossed = 0;
    const dirArea = [0, 0, 0, 0];
    const rounds = new Float64Array(verts.length);
    const areas = new Float64Array(verts.length);
    for (let i = 0; i < verts.length; i++) {
      const v = verts[i];
      const a = area[v];
      if (passCount[v] > 0) covered += a;
      if (directionMask[v] === 15) crossed += a;
      const d0 = dirPasses[v * 4], d1 = dirPasses[v * 4 + 1], d2 = dirPasses[v * 4 + 2], d3 = dirPasses[v * 4 + 3];
      if (d0 > 0) dirArea[0] += a;
      if (d1 > 0) dirArea[1] += a;
      if (d2 > 0) dirArea[2] += a;
      if (d3 > 0) dirArea[3] += a;
      // 8.5.7: the scalp is rolled left-right only, so a round there is a horizontal pass.
      rounds[i] = region === 'scalp' ? d0 : Math.min(d0, d1, d2, d3);
      areas[i] = a;
    }
    // Rounds reached on (1 - roundsPercentile) of the area, and rounds exceeded on the top of it (over-treatment).
    const [regionRounds, peakRounds] = roundsQuantiles(rounds, areas, total, [cfg.roundsPercentile, cfg.overTreatmentPercentile]);
    const cov = covered / total, cross = crossed / total;
    covSum += cov;
    metrics[`coveragePct.${region}`] = round(cov * 100, 1);
    metrics[`crossPatternPct.${region}`] = round(cross * 100, 1);
    metrics[`rounds.${region}`] = regionRounds;
    metrics[`peakRounds.${region}`] = peakRounds;
    if (scope.untreated(region, cov)) continue;
    regionFindings(cfg, add, endMs, region, cov, cross, dirArea, total, regionRounds, peakRounds, endpoint);
  }
  metrics.coveragePct = scope.regionCodes.length ? round((covSum / scope.regionCodes.length) * 100, 1) : 0;
  metrics.rollerPasses = tally.passes;
  metrics['rollerPasses.horizontal'] = tally.passesByClass[0];
  metrics['rollerPasses.diagonalSlash'] = tally.passesByClass[1];
  metrics['rollerPasses.vertical'] = tally.passesByClass[2];
  metrics['rollerPasses.diagonalBackslash'] = tally.passesByClass[3];
  metrics.sweptAreaCm2 = round(tally.sweptMm2 / 100, 1);
  const { passes, tooLong, tooSlow } = tally;
  if (passes > 0) {
    const bad = Math.max(tooLong, tooSlow) / passes;
    metrics.tooLongPassesPct = round((tooLong / passes) * 100, 1);
    metrics.tooSlowPassesPct = round((tooSlow / passes) * 100, 1);
    if (bad > cfg.maxBadStrokeFraction) add('roller-short-rapid-strokes', endMs, { zh: `${passes} 次滚动中过长 ${tooLong} 次，过慢 ${tooSlow} 次`, en: `${tooLong}/${passes} passes too long, ${tooSlow}/${passes} too slow` }, { passes, tooLong, tooSlow });
  }
  if (tally.pressureN > 1) {
    const mean = tally.pressureSum / tally.pressureN;
    const cv = mean > 0 ? Math.sqrt(Math.max(0, tally.pressureSumSq / tally.pressureN - mean * mean)) / mean : 0;
    metrics.pressureCv = round(cv, 3);
    if (cv > cfg.pressureCvMax) add('roller-even-pressure', endMs, { zh: `用力不均匀：压力波动 ${Math.round(cv * 100)}%，上限 ${Math.round(cfg.pressureCvMax * 100)}%`, en: `uneven force: pressure varies by ${Math.round(cv * 100)}%, limit ${Math.round(cfg.pressureCvMax * 100)}%` }, { pressureCv: round(cv, 3), limit: cfg.pressureCvMax });
  }
  if (zoneRevisits > cfg.maxZoneRevisits) add('roller-zone-by-zone', endMs, { zh: `回到已完成分区 ${zoneRevisits} 次`, en: `returned to finished zones ${zoneRevisits} times` }, { revisits: zoneRevisits, limit: cfg.maxZoneRevisits });
}

/**
 * 8.2's 米 pattern in a region: the share that has had all four directions against the requirement, and each
 * direction's own share (the direction map colours an element by how many of the four it has had), so a
 * direction the trainee rolled reads as how far it got, never as missing. The four-direction share is
 * rounded as the progress table rounds it; each direction's share is cut, not rounded, to one decimal, so
 * one just under the requirement never shows as meeting it.
 */
export function crossPatternEvidence(cross: number, dirArea: readonly number[], total: number, requiredFraction: number): [LocalizedText, Values] {
  // The epsilon keeps binary fractions (0.57 × 1000 = 569.99…) from losing a tenth.
  const cut = (fraction: number) => Math.floor(fraction * 1000 + 1e-9) / 10;
  const required = round(requiredFraction * 100, 1);
  const shares = DIRECTION_NAMES.map((_, d) => cut(dirArea[d] / total));
  const short = shares.filter((pct) => pct < required).length;
  const each = (lang: 'zh' | 'en', sep: string) => DIRECTION_NAMES.map((name, d) => `${name[lang]} ${shares[d]}%`).join(sep);
  return [
    {
      zh: `四向覆盖 ${round(cross * 100, 1)}%，要求 ≥ ${required}%；各方向滚过的面积：${each('zh', '、')}（每个方向都要 ≥ ${required}%）`,
      en: `all four directions on ${round(cross * 100, 1)}% of the region, required ≥ ${required}%; each direction: ${each('en', ', ')} (each needs ≥ ${required}%)`,
    },
    { crossPatternPct: round(cross * 100, 1), requiredPct: required, directionPct: shares, missingDirections: short },
  ];
}

function regionFindings(cfg: RollerCoverageDefaults, add: Add, endMs: number, region: RegionId, cov: number, cross: number, dirArea: number[], total: number, regionRounds: number, peakRounds: number, endpoint: EngineContext['endpoint']): void {
  if (cov < cfg.minCoverageFraction) add('roller-coverage', endMs, { zh: `覆盖 ${round(cov * 100, 1)}%，要求 ≥${cfg.minCoverageFraction * 100}%`, en: `covered ${round(cov * 100, 1)}%, required ≥${cfg.minCoverageFraction * 100}%` }, { coveragePct: round(cov * 100, 1), requiredPct: cfg.minCoverageFraction * 100 }, region);
  if (region !== 'scalp' && cross < cfg.minCrossPatternFraction) {
    const [evidence, values] = crossPatternEvidence(cross, dirArea, total, cfg.minCrossPatternFraction);
    add('roller-cross-pattern', endMs, evidence, values, region);
  }
  if (endpoint === 'absorption') {
    if (regionRounds < 3 || peakRounds > 5) {
      add('roller-rounds-absorption', endMs, { zh: `${regionRounds} 遍（局部最多 ${peakRounds} 遍），8.4.2 要求 3-5 遍`, en: `${regionRounds} rounds (up to ${peakRounds} in places), 8.4.2 asks for 3-5` }, { rounds: regionRounds, peakRounds, recommended: [3, 5] }, region);
    }
  } else if (peakRounds > cfg.maxRoundsGeneral) {
    add('roller-over-treatment', endMs, { zh: `局部 ${peakRounds} 遍，超过 ${cfg.maxRoundsGeneral} 遍`, en: `${peakRounds} rounds in places, more than ${cfg.maxRoundsGeneral}` }, { peakRounds, limit: cfg.maxRoundsGeneral }, region);
  }
}
