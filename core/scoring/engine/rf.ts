// RF (9.x): single-use tips (9.5), the per-zone preparation before a zone's first pulse (9.2), zone by zone
// (9.3), depth per site (9.6.4-9.6.7), bipolar around the eyes and suction (9.6), perpendicular tips, thin
// or sensitive skin energy, and each pulse's tip footprint; at the end zone count (9.2), no-miss coverage
// and stacking per target region (9.3).
//
// A pulse belongs to the zone whose regions contain the pulse's region (ctx.zoneOfRegion), never to the zone
// selected in the studio's panel (pulse.zoneId): leaving another zone selected cannot skip a zone's
// preparation. A pulse in a region of no zone belongs to no zone.

import { pressureText } from '../../recording/pressure-words';
import { REGION_NAMES, type RegionId } from '../../anatomy/regions';
import { projectionBox } from '../../geometry/dual-basis';
import { skinFrame } from '../../geometry/skin-frame';
import type { RfPulse } from '../../recording/types';
import { RF_ZONE_STEPS, STEP_NAMES } from '../../rules/procedure';
import { formatMm, inRanges, recommendationText, rfSiteRule } from '../../rules/sites';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';
import { SAME_SIDE_DOT, stepBefore, type EngineContext } from './context';
import type { CoverageScope } from './coverage';
import { countEvent } from './extent';
import { round, type Add } from './findings';
import { cellRange, footprintGrid } from './footprint-grid';
import type { Protocol } from './protocol';

const RF_DEPTH_RULE: Record<string, string> = { '9.6.4': 'rf-depth-periocular', '9.6.5': 'rf-depth-face', '9.6.6': 'rf-depth-neck-abdomen', '9.6.7': 'rf-depth-axilla' };

export interface Rf {
  onPulse(p: RfPulse): void;
  /** Counts `fit-new-tip` steps (9.5). */
  onStep(step: string): void;
  finish(scope: CoverageScope, zoneRevisits: number, add: Add, metrics: Record<string, number>, endMs: number): void;
}

export type RfDefaults = Pick<
  SimulatorDefaultValues,
  | 'footprintDepthToleranceMm'
  | 'rfSuctionPressureMax'
  | 'rfMaxAxisAngleDeg'
  | 'rfReferencePowerW'
  | 'rfThinSkinPowerFraction'
  | 'maxZoneRevisits'
  | 'rfMaxOffAxisFraction'
  | 'rfMaxStack'
  | 'rfMissedPatchCm2'
  | 'rfMinCoverageFraction'
  | 'rfStackPatchCm2'
>;

export function createRf(ctx: EngineContext, cfg: RfDefaults, protocol: Protocol): Rf {
  const { header, state, timeline: tl, frame, zoneOfRegion } = ctx;
  const { rfHitCount } = state;
  const { raise, warnLive } = ctx.sink;
  const grid = footprintGrid(ctx.idx.surface);
  const range = new Float64Array(6);
  const basis = new Float64Array(9);
  const bounds = new Float64Array(6);
  const dual = new Float64Array(9);
  const box = new Float64Array(6);
  const seenTips = new Set<string>();
  let currentTip: string | undefined;
  let pulses = 0;
  let offAxisPulses = 0;
  let fitNewTipSteps = 0;
  let fitNewTipUsed = 0;
  const zonesStarted = new Set<string>();
  const tol = cfg.footprintDepthToleranceMm;
  /** Widening of the tip's box, mm: far above rounding, far below the spacing of vertices. */
  const BOX_MARGIN_MM = 1e-3;

  /** Tip footprint: a square of tipSizeMm aligned with the skin frame at p, within the depth tolerance. */
  const layFootprint = (p: RfPulse) => {
    skinFrame(p.n[0], p.n[1], p.n[2], frame);
    const h0 = frame[0], h1 = frame[1], h2 = frame[2], v0 = frame[3], v1 = frame[4], v2 = frame[5];
    const px = p.p[0], py = p.p[1], pz = p.p[2];
    const nx = p.n[0], ny = p.n[1], nz = p.n[2];
    const half = p.tipSizeMm / 2;
    // The tip's box on the axes from the dual basis of (h, v, n), so it holds every point the tests below take
    // even where the recorded normal is not quite unit; widened by BOX_MARGIN_MM for rounding.
    basis[0] = h0;
    basis[1] = h1;
    basis[2] = h2;
    basis[3] = v0;
    basis[4] = v1;
    basis[5] = v2;
    basis[6] = nx;
    basis[7] = ny;
    basis[8] = nz;
    bounds[0] = -half;
    bounds[1] = half;
    bounds[2] = -half;
    bounds[3] = half;
    bounds[4] = -tol;
    bounds[5] = tol;
    // skinFrame's h and v are perpendicular to n, so only a normal of about zero length (which recording
    // validation refuses: unit within UNIT_VECTOR_TOLERANCE) has no box, and such a pulse touches nothing.
    if (!projectionBox(basis, bounds, dual, box)) return;
    const m = BOX_MARGIN_MM;
    cellRange(grid, px + box[0] - m, py + box[1] - m, pz + box[2] - m, px + box[3] + m, py + box[4] + m, pz + box[5] + m, range);
    const { cellStart, vertex, px: gPx, py: gPy, pz: gPz, normalX, normalY, normalZ, nx: gnx, ny: gny } = grid;
    for (let iz = range[4]; iz <= range[5]; iz++) {
      for (let iy = range[2]; iy <= range[3]; iy++) {
        const row = (iz * gny + iy) * gnx;
        for (let k = cellStart[row + range[0]], e = cellStart[row + range[1] + 1]; k < e; k++) {
          const qx = gPx[k] - px, qy = gPy[k] - py, qz = gPz[k] - pz;
          const u = qx * h0 + qy * h1 + qz * h2;
          if (u < -half || u > half) continue;
          const w = qx * v0 + qy * v1 + qz * v2;
          if (w < -half || w > half) continue;
          const depth = qx * nx + qy * ny + qz * nz;
          if (depth < -tol || depth > tol) continue;
          if (normalX[k] * nx + normalY[k] * ny + normalZ[k] * nz < SAME_SIDE_DOT) continue;
          const v = vertex[k];
          if (rfHitCount[v] < 65535) rfHitCount[v]++;
        }
      }
    }
  };

  const checkTip = (p: RfPulse) => {
    if (p.tipId === currentTip) return;
    if (seenTips.has(p.tipId)) {
      raise('rf-single-use-tip', p.tMs, { zh: `重复使用治疗头 ${p.tipId}`, en: `tip ${p.tipId} used again` }, { tipId: p.tipId });
    } else if (fitNewTipSteps <= fitNewTipUsed) {
      raise('rf-single-use-tip', p.tMs, { zh: `治疗头 ${p.tipId} 使用前未记录更换新治疗头`, en: `no new tip fitted before using tip ${p.tipId}` }, { tipId: p.tipId });
    } else fitNewTipUsed++;
    seenTips.add(p.tipId);
    currentTip = p.tipId;
  };

  /** 9.2: remove the anaesthetic, cleanse again and disinfect in each zone before its first pulse. */
  const checkZonePreparation = (zoneId: string | undefined, tMs: number) => {
    if (zoneId === undefined || zonesStarted.has(zoneId)) return;
    zonesStarted.add(zoneId);
    const missing = RF_ZONE_STEPS.filter((s) => !stepBefore(tl.steps, s, tMs, zoneId));
    if (missing.length === 0) return;
    // The zone is named by its regions, as the trainee sees it; its id stays in the values.
    const regions = ctx.zones.find((z) => z.id === zoneId)?.regions ?? [];
    const name = (lang: 'zh' | 'en') => (regions.length > 0 ? regions.map((r) => REGION_NAMES[r][lang]).join(lang === 'zh' ? '、' : ', ') : zoneId);
    raise(
      'rf-zone-preparation',
      tMs,
      { zh: `分区（${name('zh')}）治疗前缺少：${missing.map((m) => STEP_NAMES[m].zh).join('、')}`, en: `zone (${name('en')}): missing before its first pulse: ${missing.map((m) => STEP_NAMES[m].en).join(', ')}` },
      { zone: zoneId, missingSteps: missing.join(',') },
      undefined,
      zoneId,
    );
  };

  const checkSite = (p: RfPulse, region: RegionId) => {
    const site = rfSiteRule(region);
    if (site) {
      if (!inRanges(p.depthMm, [site.depthMm])) {
        // No brackets: the live warning puts the evidence in its own (engine/findings.ts).
        const depthAdvice = recommendationText([site.depthMm], site.basis);
        raise(RF_DEPTH_RULE[site.clause], p.tMs, { zh: `进针 ${formatMm(p.depthMm)} mm；${depthAdvice.zh}`, en: `depth ${formatMm(p.depthMm)} mm; ${depthAdvice.en}` }, { depthMm: p.depthMm, recommendedMm: [...site.depthMm], outOfRange: p.depthMm > site.depthMm[1] ? 'above' : 'below' }, region, undefined, true, p.depthMm > site.depthMm[1] ? 1 : 0);
      }
      if (site.bipolarRequired && !p.bipolar) raise('rf-bipolar-periocular', p.tMs, { zh: '眼周未用双极', en: 'periocular pulse without bipolar mode' }, { bipolar: false }, region);
      if (!p.suction) {
        if (site.suction === 'required') raise('rf-suction-required', p.tMs, { zh: `${site.basis.zh}未用负压，第 ${site.clause} 条要求使用负压`, en: `no suction on ${site.basis.en}, which clause ${site.clause} asks for` }, { suction: false, siteClause: site.clause }, region);
        else raise('rf-suction-recommended', p.tMs, { zh: `${site.basis.zh}未用负压`, en: `no suction on ${site.basis.en}` }, { suction: false }, region);
      }
    }
    if (p.suction && (p.pressure ?? 0) > cfg.rfSuctionPressureMax) {
      raise('rf-suction-no-press', p.tMs, { zh: `负压模式下仍在下压（${pressureText(p.pressure!).zh}），应吸起后上提`, en: `${pressureText(p.pressure!).en} pressing in suction mode; lift once the skin is drawn in` }, { pressure: round(p.pressure!, 2), limit: cfg.rfSuctionPressureMax }, region);
    }
  };

  const onPulse = (p: RfPulse) => {
    const region = p.region;
    protocol.onTreatment(p.tMs, region);
    countEvent(ctx.extent, region);
    protocol.noTreat(region, p.tMs);
    pulses++;
    checkTip(p);
    checkZonePreparation(zoneOfRegion.get(region), p.tMs);
    protocol.trackZone(region, p.tMs);
    checkSite(p, region);
    if (!p.skinTension) raise('rf-skin-tension', p.tMs, { zh: '脉冲时未绷紧皮肤', en: 'pulse without skin tension' }, {}, region, undefined, true);
    const cosA = -(p.axis[0] * p.n[0] + p.axis[1] * p.n[1] + p.axis[2] * p.n[2]) / (Math.hypot(p.axis[0], p.axis[1], p.axis[2]) * Math.hypot(p.n[0], p.n[1], p.n[2]) || 1);
    const angleDeg = (Math.acos(Math.max(-1, Math.min(1, cosA))) * 180) / Math.PI;
    if (angleDeg > cfg.rfMaxAxisAngleDeg) {
      offAxisPulses++;
      warnLive(`rf-perpendicular:${region}`, 'rf-perpendicular', p.tMs, { zh: `治疗头倾斜 ${round(angleDeg, 1)}°，上限 ${cfg.rfMaxAxisAngleDeg}°`, en: `tip tilted ${round(angleDeg, 1)}°, limit ${cfg.rfMaxAxisAngleDeg}°` }, region);
    }
    if ((header.case.skinType === 'thin' || header.case.skinType === 'sensitive') && p.powerW > cfg.rfReferencePowerW * cfg.rfThinSkinPowerFraction) {
      const limit = round(cfg.rfReferencePowerW * cfg.rfThinSkinPowerFraction, 2);
      raise('rf-thin-skin-energy', p.tMs, { zh: `${header.case.skinType === 'thin' ? '薄' : '敏感'}皮肤功率 ${p.powerW} W，建议不高于 ${limit} W`, en: `${header.case.skinType} skin at ${p.powerW} W, suggested at most ${limit} W` }, { powerW: p.powerW, limitW: limit });
    }
    layFootprint(p);
    state.version++;
  };

  const finish = (scope: CoverageScope, zoneRevisits: number, add: Add, metrics: Record<string, number>, endMs: number) => {
    metrics.pulses = pulses;
    if (header.zones.length < 2 || header.zones.length > 5) add('rf-zone-count', 0, { zh: `分 ${header.zones.length} 个区，应为 2-5 个`, en: `${header.zones.length} zones, should be 2-5` }, { zones: header.zones.length });
    if (zoneRevisits > cfg.maxZoneRevisits) add('rf-zone-by-zone', endMs, { zh: `回到已完成分区 ${zoneRevisits} 次`, en: `returned to finished zones ${zoneRevisits} times` }, { revisits: zoneRevisits, limit: cfg.maxZoneRevisits });
    if (pulses > 0) {
      metrics.offAxisPulsesPct = round((offAxisPulses / pulses) * 100, 1);
      if (offAxisPulses / pulses > cfg.rfMaxOffAxisFraction) add('rf-perpendicular', endMs, { zh: `${offAxisPulses}/${pulses} 个脉冲倾斜超过 ${cfg.rfMaxAxisAngleDeg}°`, en: `${offAxisPulses}/${pulses} pulses tilted more than ${cfg.rfMaxAxisAngleDeg}°` }, { offAxis: offAxisPulses, pulses });
    }
    finishRfCoverage(ctx, cfg, scope, add, metrics, endMs);
  };

  return {
    onPulse,
    onStep: (step) => {
      if (step === 'fit-new-tip') fitNewTipSteps++;
    },
    finish,
  };
}

/** Largest connected patch (mm²) of interior vertices no pulse covered (9.3 no-miss). */
export function largestMissMm2(ctx: EngineContext, verts: Uint32Array, hit: Uint16Array): number {
  const { idx, V } = ctx;
  const area = idx.vertexAreaMm2;
  const inRegion = new Uint8Array(V);
  for (const v of verts) inRegion[v] = 1;
  let largest = 0;
  const seen = new Uint8Array(V);
  const stack: number[] = [];
  for (const v of verts) {
    if (hit[v] > 0 || seen[v]) continue;
    let patch = 0;
    stack.push(v);
    seen[v] = 1;
    while (stack.length) {
      const u = stack.pop()!;
      patch += area[u];
      for (let k = idx.adjacencyStart[u]; k < idx.adjacencyStart[u + 1]; k++) {
        const w = idx.adjacency[k];
        if (!seen[w] && inRegion[w] && hit[w] === 0) {
          seen[w] = 1;
          stack.push(w);
        }
      }
    }
    if (patch > largest) largest = patch;
  }
  return largest;
}

function finishRfCoverage(ctx: EngineContext, cfg: RfDefaults, scope: CoverageScope, add: Add, metrics: Record<string, number>, endMs: number): void {
  const { idx } = ctx;
  const { rfHitCount } = ctx.state;
  const area = idx.vertexAreaMm2;
  let covSum = 0;
  for (const { region } of scope.regionCodes) {
    const verts = scope.interiorOf(idx.regionCode(region));
    const total = scope.areaOf(verts);
    if (total <= 0) continue;
    let covered = 0, stacked = 0;
    for (const v of verts) {
      if (rfHitCount[v] > 0) covered += area[v];
      if (rfHitCount[v] > cfg.rfMaxStack) stacked += area[v];
    }
    const missMm2 = largestMissMm2(ctx, verts, rfHitCount);
    const cov = covered / total;
    covSum += cov;
    metrics[`coveragePct.${region}`] = round(cov * 100, 1);
    metrics[`largestMissCm2.${region}`] = round(missMm2 / 100, 2);
    if (scope.untreated(region, cov)) continue;
    if (missMm2 / 100 > cfg.rfMissedPatchCm2 || cov < cfg.rfMinCoverageFraction) {
      add('rf-no-miss', endMs, { zh: `覆盖 ${round(cov * 100, 1)}%，最大遗漏 ${round(missMm2 / 100, 2)} cm²`, en: `covered ${round(cov * 100, 1)}%, largest miss ${round(missMm2 / 100, 2)} cm²` }, { coveragePct: round(cov * 100, 1), largestMissCm2: round(missMm2 / 100, 2), limitCm2: cfg.rfMissedPatchCm2 }, region);
    }
    if (stacked / 100 > cfg.rfStackPatchCm2) add('rf-stacking', endMs, { zh: `叠加超过 ${cfg.rfMaxStack} 次的面积 ${round(stacked / 100, 2)} cm²`, en: `${round(stacked / 100, 2)} cm² hit more than ${cfg.rfMaxStack} times` }, { stackedCm2: round(stacked / 100, 2), limitCm2: cfg.rfStackPatchCm2 }, region);
  }
  metrics.coveragePct = scope.regionCodes.length ? round((covSum / scope.regionCodes.length) * 100, 1) : 0;
}
