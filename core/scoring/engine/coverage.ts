// What the end-of-session coverage checks of every procedure share: the target regions the surface carries,
// each region's interior (coverage is judged borderBandMm inside its edge, less on narrow regions), and the critical finding for a
// target region left (almost) untreated (8.x, 9.3, 10.x).

import { REGION_NAMES, type RegionId } from '../../anatomy/regions';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';
import type { EngineContext } from './context';
import { round, type Add } from './findings';

const UNTREATED_RULE = { roller: 'roller-target-untreated', rf: 'rf-target-untreated', nano: 'nano-target-untreated' } as const;

export interface CoverageScope {
  /** Target regions present on the surface with a non-zero area, with their region codes. */
  readonly regionCodes: readonly { region: RegionId; code: number }[];
  /** The vertices a region's coverage is judged on (SurfaceIndex.judgedInterior at borderBandMm). */
  interiorOf(code: number): Uint32Array;
  /** Total vertex area of some vertices, mm². */
  areaOf(verts: Uint32Array): number;
  /** Adds the untreated-target finding when cov is below untreatedCoverageFraction; true when it did. */
  untreated(region: RegionId, cov: number): boolean;
  /** Target regions found untreated so far (after the procedure's finish: all of them). */
  untreatedCount(): number;
  /** Whether `region` was found untreated (after the procedure's finish). */
  untreatedRegion(region: RegionId): boolean;
}

export type CoverageDefaults = Pick<SimulatorDefaultValues, 'borderBandMm' | 'minJudgedAreaFraction' | 'untreatedCoverageFraction'>;

export function coverageScope(ctx: EngineContext, cfg: CoverageDefaults, add: Add, endMs: number): CoverageScope {
  const { idx, procedure } = ctx;
  const area = idx.vertexAreaMm2;
  const untreatedRegions = new Set<RegionId>();
  return {
    regionCodes: ctx.targetRegions.map((r) => ({ region: r, code: idx.regionCode(r) })).filter((r) => r.code >= 0 && idx.regionAreaMm2[r.code] > 0),
    interiorOf: (code) => idx.judgedInterior(code, cfg.borderBandMm, cfg.minJudgedAreaFraction),
    areaOf: (verts) => {
      let a = 0;
      for (const v of verts) a += area[v];
      return a;
    },
    untreated: (region, cov) => {
      if (cov >= cfg.untreatedCoverageFraction) return false;
      untreatedRegions.add(region);
      add(UNTREATED_RULE[procedure], endMs, { zh: `目标区域${REGION_NAMES[region].zh}仅覆盖 ${round(cov * 100, 1)}%`, en: `target region ${REGION_NAMES[region].en} only ${round(cov * 100, 1)}% covered` }, { coveragePct: round(cov * 100, 1), untreatedBelowPct: cfg.untreatedCoverageFraction * 100 }, region);
      return true;
    },
    untreatedCount: () => untreatedRegions.size,
    untreatedRegion: (region) => untreatedRegions.has(region),
  };
}
