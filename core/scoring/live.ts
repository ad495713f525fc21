// The scoring engine's incremental core. One engine serves both the live renderer (createLiveScorer:
// push every event as it happens, read per-vertex state and warnings) and the batch scorer (score.ts
// pushes a recording's events through the same engine and asks for the final report), so live feedback
// and the final score cannot disagree. Per-sample work is a handful of grid cells over the surface;
// nothing is allocated per sample unless a rule is broken.

import { isNoTreatRegion, REGION_NAMES, type RegionId } from '../anatomy/regions';
import { directionClassOfAngle, skinFrame, strokeAngleDeg } from '../geometry/skin-frame';
import { surfaceIndex, type SurfaceIndex } from '../geometry/surface-index';
import type { DeviceSettings, InputSample, NanoContact, RfPulse, SessionEnd, StepEvent, StepId } from '../recording/types';
import { ruleById } from '../rules/catalogue';
import { conditionById } from '../rules/conditions';
import { AFTERCARE_STEPS, PREPARATION_STEPS, PRE_TREATMENT_STEPS, RF_ZONE_STEPS, STEP_CLAUSES, STEP_NAMES } from '../rules/procedure';
import { defaultValues, type SimulatorDefaultValues } from '../rules/simulator-defaults';
import { formatRanges, inRanges, rfSiteRule, rollerNeedleRecommendation, SKIN_TENSION_REGIONS } from '../rules/sites';
import { DIRECTION_BITS, type DirectionClass, type LiveFeedbackState, type LiveScorer, type LiveWarning, type RecordingEvent, type RecordingHeader } from './live-contract';
import { CRITERIA, type Criterion, type CriterionScore, type Finding, type LocalizedText, type ScoreReport, type Severity } from './report';
import { DEFAULT_WEIGHTS, type Scenario } from './scenario';
import type { TreatmentSurface } from '../surface/surface';

export interface ScoringEngine extends LiveScorer {
  /** The report for the session ended by `end` (default: the last event seen). Does not change the engine. */
  finish(end?: SessionEnd): ScoreReport;
}

const DIRECTION_INDEX: Record<DirectionClass, number> = { horizontal: 0, diagonalSlash: 1, vertical: 2, diagonalBackslash: 3 };
const DIRECTION_BIT_BY_INDEX = [DIRECTION_BITS.horizontal, DIRECTION_BITS.diagonalSlash, DIRECTION_BITS.vertical, DIRECTION_BITS.diagonalBackslash];
const DIRECTION_NAMES: LocalizedText[] = [
  { zh: '横向', en: 'horizontal' },
  { zh: '斜向 /', en: 'diagonal /' },
  { zh: '竖向', en: 'vertical' },
  { zh: '斜向 \\', en: 'diagonal \\' },
];
/** Vertices whose normal faces away from the contact normal by more than this are on another surface (ear, lid fold). */
const SAME_SIDE_DOT = 0.3;
const RF_DEPTH_RULE: Record<string, string> = { '9.6.4': 'rf-depth-periocular', '9.6.5': 'rf-depth-face', '9.6.6': 'rf-depth-neck-abdomen', '9.6.7': 'rf-depth-axilla' };
const ROLLER_NEEDLE_RULE: Record<string, string> = {
  '8.5.1': 'roller-needle-eyelid',
  '8.5.2': 'roller-needle-nose',
  '8.5.3': 'roller-needle-folds',
  '8.5.4': 'roller-needle-perioral',
  '8.5.5': 'roller-needle-forehead',
  '8.5.6': 'roller-needle-neck',
  '8.5.7': 'roller-needle-scalp',
  '8.4.2': 'roller-needle-absorption',
  '8.4.3': 'roller-needle-texture',
  '4.1.2': 'roller-needle-range',
};

interface Acc {
  ruleId: string;
  clause: string;
  region?: RegionId;
  key: string;
  count: number;
  startMs: number;
  endMs: number;
  evidence: LocalizedText;
  values: Record<string, number | string | boolean | number[]>;
}

type Values = Acc['values'];

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

export function createLiveScorer(surface: TreatmentSurface, header: RecordingHeader, scenario?: Scenario): LiveScorer {
  return createScoringEngine(surface, header, scenario);
}

export function createScoringEngine(surface: TreatmentSurface, header: RecordingHeader, scenario?: Scenario): ScoringEngine {
  const idx: SurfaceIndex = surfaceIndex(surface);
  const V = idx.vertexCount;
  const pos = surface.positions;
  const nrm = surface.normals;
  const cfg: SimulatorDefaultValues = defaultValues(scenario?.defaults);
  const disabled = new Set(scenario?.disabledRules ?? []);
  const procedure = header.procedure;
  const endpoint = scenario?.endpoint ?? header.goal.endpoint;
  const targetRegions: RegionId[] = scenario?.targetRegions ?? header.goal.targetRegions;

  const passCount = new Uint16Array(V);
  const directionMask = new Uint8Array(V);
  const rfHitCount = new Uint16Array(V);
  const nanoContactCount = new Uint16Array(V);
  const dirPasses = new Uint16Array(V * 4);
  const segmentStamp = new Int32Array(V).fill(-1);
  const nanoStamp = new Int32Array(V).fill(-1);
  const state = { passCount, directionMask, rfHitCount, nanoContactCount, version: 0 };

  // Zones: the recording's, or one per target region when it defines none.
  const zones = header.zones.length > 0 ? header.zones : targetRegions.map((r) => ({ id: r, regions: [r] }));
  const zoneOfRegion = new Map<RegionId, string>();
  for (const z of zones) for (const r of z.regions) if (!zoneOfRegion.has(r)) zoneOfRegion.set(r, z.id);

  // Findings accumulated while events arrive.
  const accs = new Map<string, Acc>();
  const warned = new Set<string>();
  // No allocation per event unless a warning is raised: the empty result is one shared frozen array.
  let pendingWarnings: LiveWarning[] = NO_WARNINGS;

  const raise = (ruleId: string, tMs: number, evidence: LocalizedText, values: Values, region?: RegionId, keySuffix?: string, warn = true): void => {
    if (disabled.has(ruleId)) return;
    const rule = ruleById(ruleId);
    const key = keySuffix !== undefined ? `${ruleId}:${keySuffix}` : region ? `${ruleId}:${region}` : ruleId;
    const acc = accs.get(key);
    if (acc) {
      acc.count++;
      if (tMs < acc.startMs) acc.startMs = tMs;
      if (tMs > acc.endMs) acc.endMs = tMs;
      return;
    }
    accs.set(key, { ruleId, clause: rule.clause, region, key, count: 1, startMs: tMs, endMs: tMs, evidence, values });
    if (warn) warnLive(key, ruleId, tMs, evidence, region);
  };
  const warnLive = (key: string, ruleId: string, tMs: number, evidence: LocalizedText, region?: RegionId) => {
    if (warned.has(key) || disabled.has(ruleId)) return;
    warned.add(key);
    const rule = ruleById(ruleId);
    if (pendingWarnings === NO_WARNINGS) pendingWarnings = [];
    pendingWarnings.push({
      ruleId,
      clause: rule.clause,
      severity: scenario?.severity?.[ruleId] ?? rule.severity,
      message: { zh: `${rule.statement.zh}（${evidence.zh}）`, en: `${rule.statement.en} (${evidence.en})` },
      region,
      tMs,
    });
  };

  // Session timeline.
  const steps: StepEvent[] = [];
  let settings: DeviceSettings | null = null;
  let settingsVersion = 0;
  let firstTreatMs = -1;
  let lastTreatMs = -1;
  let lastEventMs = 0;
  const treatedRegions = new Set<RegionId>();

  // Zone-by-zone progress (8.2, 9.3).
  let currentZone: string | undefined;
  let zoneEnterMs = 0;
  let revisitCounted = false;
  const leftZones = new Set<string>();
  let zoneRevisits = 0;
  let zoneRegion: RegionId | undefined;
  let zoneOfLastRegion: string | undefined;
  const trackZone = (region: RegionId, tMs: number, explicitZone?: string) => {
    if (explicitZone === undefined && region !== zoneRegion) {
      zoneRegion = region;
      zoneOfLastRegion = zoneOfRegion.get(region);
    }
    const zone = explicitZone ?? zoneOfLastRegion;
    if (zone === undefined) return;
    if (zone !== currentZone) {
      if (currentZone !== undefined && tMs - zoneEnterMs >= cfg.minZoneDwellMs) leftZones.add(currentZone);
      currentZone = zone;
      zoneEnterMs = tMs;
      revisitCounted = false;
    } else if (!revisitCounted && leftZones.has(zone) && tMs - zoneEnterMs >= cfg.minZoneDwellMs) {
      revisitCounted = true;
      zoneRevisits++;
    }
  };

  const stepBefore = (step: StepId, tMs: number, zoneId?: string) => steps.some((s) => s.step === step && s.tMs <= tMs && (zoneId === undefined || s.zoneId === zoneId));

  // First treatment event: the pre-treatment checks (7.x, 8.1/9.1/10.1, 13.4, 13.6, contraindications).
  const onTreatment = (tMs: number, region: RegionId) => {
    if (firstTreatMs < 0) {
      firstTreatMs = tMs;
      preTreatmentChecks(tMs);
    }
    lastTreatMs = Math.max(lastTreatMs, tMs);
    if (!treatedRegions.has(region)) {
      treatedRegions.add(region);
      for (const c of header.case.conditions) {
        const def = conditionById(c.id);
        if (def?.kind === 'contraindication' && c.regions?.includes(region)) {
          raise(`contra-${c.id}`, tMs, { zh: `${def.name.zh}：治疗了${REGION_NAMES[region].zh}`, en: `${def.name.en}: treated the ${REGION_NAMES[region].en.toLowerCase()}` }, { condition: c.id, region }, undefined, c.id);
        }
      }
    }
  };

  const preTreatmentChecks = (tMs: number) => {
    for (const req of PRE_TREATMENT_STEPS) {
      if (!stepBefore(req.step, tMs)) raise(req.ruleId, tMs, { zh: `治疗开始前没有“${STEP_NAMES[req.step].zh}”`, en: `no "${STEP_NAMES[req.step].en}" step before treatment began` }, { missingStep: req.step });
    }
    const prep = PREPARATION_STEPS[procedure];
    const missing = prep.steps.filter((s) => !stepBefore(s, tMs));
    if (missing.length > 0) raise(prep.ruleId, tMs, { zh: `治疗前缺少：${missing.map((m) => STEP_NAMES[m].zh).join('、')}`, en: `missing before treatment: ${missing.map((m) => STEP_NAMES[m].en).join(', ')}` }, { missingSteps: missing.join(',') });
    for (const c of header.case.conditions) {
      const def = conditionById(c.id);
      if (def?.kind === 'contraindication' && (!c.regions || c.regions.length === 0)) {
        raise(`contra-${c.id}`, tMs, { zh: `患者有禁忌证：${def.name.zh}`, en: `patient has a contraindication: ${def.name.en}` }, { condition: c.id }, undefined, c.id);
      }
    }
    if (header.case.conditions.some((c) => c.id === 'herpes-history') && !stepBefore('antiviral-prophylaxis', tMs)) {
      raise('antiviral-prophylaxis', tMs, { zh: '有疱疹史，治疗前未记录预防性抗病毒', en: 'herpes history, no antiviral prophylaxis recorded before treatment' }, { condition: 'herpes-history' });
    }
    if ((header.case.newProducts?.length ?? 0) > 0 && !stepBefore('skin-trial', tMs)) {
      raise('skin-trial', tMs, { zh: `新产品未做皮肤试用：${header.case.newProducts!.join('、')}`, en: `no skin trial of new product(s): ${header.case.newProducts!.join(', ')}` }, { products: header.case.newProducts!.join(',') });
    }
    if (procedure === 'nano') {
      if (!stepBefore('apply-product', tMs)) raise('nano-product-first', tMs, { zh: '接触皮肤前未涂导入产品', en: 'no product applied before the first contact' }, {});
      if (!stepBefore('mount-needle', tMs)) raise('nano-mount-needle', tMs, { zh: '未记录安装纳米微针', en: 'needle mounting not recorded' }, {});
    }
  };

  const noTreatCounts = new Map<RegionId, number>();
  const noTreat = (region: RegionId, tMs: number) => {
    if (!isNoTreatRegion(region)) return;
    const count = (noTreatCounts.get(region) ?? 0) + 1;
    noTreatCounts.set(region, count);
    if (count >= cfg.noTreatMinSamples) raise('no-treat-contact', tMs, { zh: `接触禁区：${REGION_NAMES[region].zh}`, en: `touched no-treat zone: ${REGION_NAMES[region].en}` }, { region }, region);
  };

  // ---------- Roller ----------
  const frame = new Float64Array(6);
  let inStroke = false;
  let lastSampleMs = 0;
  const anchor = new Float64Array(3);
  const last = new Float64Array(3);
  const lastN = new Float64Array(3);
  let lastRegion: RegionId = 'forehead';
  const prevDir = new Float64Array(3);
  let hasPrevDir = false;
  let segmentId = 0;
  let segLengthMm = 0;
  let segStartMs = 0;
  let segEndMs = 0;
  let segScalpViolation = false;
  let segmentsTotal = 0;
  let segmentsTooLong = 0;
  let segmentsTooSlow = 0;
  const segmentsByClass = new Float64Array(4);
  let segClassCounted = -1;
  let pressureN = 0;
  let pressureSum = 0;
  let pressureSumSq = 0;
  let checkedRegion: RegionId | undefined;
  let checkedSettingsVersion = -1;
  let sweptMm2 = 0;

  // Footprint visitor state (set before each forEachInBox call; the closures are created once).
  let fAx = 0, fAy = 0, fAz = 0, fTx = 0, fTy = 0, fTz = 0, fCx = 0, fCy = 0, fCz = 0, fNx = 0, fNy = 0, fNz = 0;
  let fLen = 0, fHalfW = 0, fBit = 0, fDir = 0;
  const depthTol = cfg.footprintDepthToleranceMm;
  const visitRoller = (v: number) => {
    if (segmentStamp[v] === segmentId) return; // already counted for this pass
    const qx = pos[v * 3] - fAx, qy = pos[v * 3 + 1] - fAy, qz = pos[v * 3 + 2] - fAz;
    const along = qx * fTx + qy * fTy + qz * fTz;
    if (along < -1e-6 || along > fLen + 1e-6) return;
    const across = qx * fCx + qy * fCy + qz * fCz;
    if (across < -fHalfW || across > fHalfW) return;
    const depth = qx * fNx + qy * fNy + qz * fNz;
    if (depth < -depthTol || depth > depthTol) return;
    if (nrm[v * 3] * fNx + nrm[v * 3 + 1] * fNy + nrm[v * 3 + 2] * fNz < SAME_SIDE_DOT) return;
    segmentStamp[v] = segmentId;
    if (passCount[v] < 65535) passCount[v]++;
    const k = v * 4 + fDir;
    if (dirPasses[k] < 65535) dirPasses[k]++;
    directionMask[v] |= fBit;
  };

  const endSegment = () => {
    if (segLengthMm >= cfg.strokeChunkMm * 0.5) {
      segmentsTotal++;
      if (segLengthMm > cfg.maxStrokeLengthMm) segmentsTooLong++;
      const durS = (segEndMs - segStartMs) / 1000;
      if (durS > 0 && segLengthMm / durS < cfg.minStrokeSpeedMmPerS) segmentsTooSlow++;
    }
    segmentId++;
    segLengthMm = 0;
    segStartMs = segEndMs;
    segScalpViolation = false;
    segClassCounted = -1;
    hasPrevDir = false;
  };

  /** Applies the drum footprint from the anchor to (bx, by, bz) with contact normal n. */
  const rollChunk = (bx: number, by: number, bz: number, nx: number, ny: number, nz: number, region: RegionId, tMs: number, usePrevDir: boolean) => {
    let dx = bx - anchor[0], dy = by - anchor[1], dz = bz - anchor[2];
    // Project the movement onto the tangent plane.
    const dn = dx * nx + dy * ny + dz * nz;
    dx -= dn * nx;
    dy -= dn * ny;
    dz -= dn * nz;
    const len = Math.hypot(dx, dy, dz);
    if (len < 1e-9) return;
    let tx = dx / len, ty = dy / len, tz = dz / len;
    if (usePrevDir && hasPrevDir) {
      tx = prevDir[0];
      ty = prevDir[1];
      tz = prevDir[2];
    } else if (hasPrevDir && tx * prevDir[0] + ty * prevDir[1] + tz * prevDir[2] < Math.cos((cfg.reversalAngleDeg * Math.PI) / 180)) {
      endSegment(); // a reversal or sharp turn starts a new pass
      segStartMs = lastSampleMs;
    }
    skinFrame(nx, ny, nz, frame);
    const cls = directionClassOfAngle(strokeAngleDeg(tx, ty, tz, frame));
    const dirIndex = DIRECTION_INDEX[cls];
    if (segClassCounted !== dirIndex) {
      // A pass belongs to the class of its first chunk; later chunks of a curved pass do not recount it.
      if (segClassCounted < 0) segmentsByClass[dirIndex]++;
      segClassCounted = dirIndex;
    }
    if (region === 'scalp' && cls !== 'horizontal' && !segScalpViolation && !leftRight(tx, ty, tz, nx, ny, nz)) {
      segScalpViolation = true;
      raise('roller-scalp-direction', tMs, { zh: `头皮上${DIRECTION_NAMES[dirIndex].zh}滚动`, en: `${DIRECTION_NAMES[dirIndex].en} stroke on the scalp` }, { direction: cls }, region);
    }
    const halfW = settings && settings.device === 'roller' ? settings.drumWidthMm / 2 : 10;
    fAx = anchor[0];
    fAy = anchor[1];
    fAz = anchor[2];
    fTx = tx;
    fTy = ty;
    fTz = tz;
    // Drum axis: across the motion in the tangent plane.
    fCx = ny * tz - nz * ty;
    fCy = nz * tx - nx * tz;
    fCz = nx * ty - ny * tx;
    fNx = nx;
    fNy = ny;
    fNz = nz;
    fLen = len;
    fHalfW = halfW;
    fBit = DIRECTION_BIT_BY_INDEX[dirIndex];
    fDir = dirIndex;
    // Tight axis-aligned box of the oriented footprint box (along: 0..len, across: ±halfW, depth: ±tolerance).
    const tol = cfg.footprintDepthToleranceMm;
    const ex = Math.abs(fCx) * halfW + Math.abs(nx) * tol, ey = Math.abs(fCy) * halfW + Math.abs(ny) * tol, ez = Math.abs(fCz) * halfW + Math.abs(nz) * tol;
    const bxEnd = anchor[0] + tx * len, byEnd = anchor[1] + ty * len, bzEnd = anchor[2] + tz * len;
    idx.forEachInBox(
      Math.min(anchor[0], bxEnd) - ex,
      Math.min(anchor[1], byEnd) - ey,
      Math.min(anchor[2], bzEnd) - ez,
      Math.max(anchor[0], bxEnd) + ex,
      Math.max(anchor[1], byEnd) + ey,
      Math.max(anchor[2], bzEnd) + ez,
      visitRoller,
    );
    sweptMm2 += len * halfW * 2;
    segLengthMm += len;
    segEndMs = tMs;
    prevDir[0] = tx;
    prevDir[1] = ty;
    prevDir[2] = tz;
    hasPrevDir = true;
    anchor[0] = bx;
    anchor[1] = by;
    anchor[2] = bz;
    state.version++;
  };

  /**
   * 8.5.7 asks for left-right rolling on the scalp. Besides the skin frame's horizontal class, a stroke within
   * the class tolerance of the X axis projected onto the tangent plane counts as left-right, so a stroke is not
   * flagged merely because the frame switches definition at |n·Y| = 0.9 on the crown.
   */
  const cosTolerance = Math.cos((cfg.directionToleranceDeg * Math.PI) / 180);
  const leftRight = (tx: number, ty: number, tz: number, nx: number, ny: number, nz: number): boolean => {
    let xx = 1 - nx * nx, xy = -nx * ny, xz = -nx * nz;
    const l = Math.hypot(xx, xy, xz);
    if (l < 0.3) return false; // side of the head: the X axis is nearly normal to the skin
    xx /= l;
    xy /= l;
    xz /= l;
    return Math.abs(tx * xx + ty * xy + tz * xz) >= cosTolerance;
  };

  const endStroke = () => {
    if (!inStroke) return;
    const rest = Math.hypot(last[0] - anchor[0], last[1] - anchor[1], last[2] - anchor[2]);
    if (rest > 1e-6) rollChunk(last[0], last[1], last[2], lastN[0], lastN[1], lastN[2], lastRegion, lastSampleMs, rest < cfg.strokeChunkMm * 0.25);
    endSegment();
    inStroke = false;
  };

  const checkRollerNeedle = (region: RegionId, tMs: number) => {
    if (!settings || settings.device !== 'roller' || isNoTreatRegion(region)) return;
    const needle = settings.needleLengthMm;
    const rec = rollerNeedleRecommendation(region, endpoint, header.case);
    if (!inRanges(needle, rec.ranges)) {
      const ruleId = region === 'nose' && header.case.nasalImplant ? 'roller-nasal-implant-needle' : ROLLER_NEEDLE_RULE[rec.clause];
      raise(
        ruleId,
        tMs,
        { zh: `针长 ${needle} mm，推荐 ${formatRanges(rec.ranges)}（${rec.basis.zh}）`, en: `needle ${needle} mm, recommended ${formatRanges(rec.ranges)} (${rec.basis.en})` },
        { needleLengthMm: needle, recommendedMm: rec.ranges.flat() },
        region,
      );
    }
  };

  let flagsRegion: RegionId | undefined;
  let regionIsNoTreat = false;
  let regionNeedsTension = false;
  const onSample = (s: InputSample) => {
    if (!s.contact || s.pressure <= 0) {
      endStroke();
      lastSampleMs = s.tMs;
      return;
    }
    const region = s.region;
    if (region !== flagsRegion) {
      // Region-derived flags change only when the region does; the common case skips the look-ups.
      flagsRegion = region;
      regionIsNoTreat = isNoTreatRegion(region);
      regionNeedsTension = SKIN_TENSION_REGIONS.has(region);
      onTreatment(s.tMs, region);
    } else {
      if (firstTreatMs < 0) onTreatment(s.tMs, region);
      if (s.tMs > lastTreatMs) lastTreatMs = s.tMs;
    }
    if (regionIsNoTreat) noTreat(region, s.tMs);
    if (regionNeedsTension && !s.skinTension) {
      raise('roller-eyelid-tension', s.tMs, { zh: `${REGION_NAMES[region].zh}操作时未绷紧皮肤`, en: `${REGION_NAMES[region].en} rolled without skin held over bone` }, {}, region);
    }
    if (region === 'nose' && header.case.nasalImplant && s.pressure > cfg.implantPressureMax) {
      raise('roller-nasal-implant-pressure', s.tMs, { zh: `鼻假体上压力 ${round(s.pressure, 2)}，上限 ${cfg.implantPressureMax}`, en: `pressure ${round(s.pressure, 2)} over the implant, limit ${cfg.implantPressureMax}` }, { pressure: round(s.pressure, 2), limit: cfg.implantPressureMax }, region);
    }
    if (region !== checkedRegion || settingsVersion !== checkedSettingsVersion) {
      checkedRegion = region;
      checkedSettingsVersion = settingsVersion;
      checkRollerNeedle(region, s.tMs);
    }
    trackZone(region, s.tMs);
    pressureN++;
    pressureSum += s.pressure;
    pressureSumSq += s.pressure * s.pressure;

    if (!inStroke || s.tMs - lastSampleMs > cfg.strokeGapMs) {
      endStroke();
      inStroke = true;
      anchor[0] = s.p[0];
      anchor[1] = s.p[1];
      anchor[2] = s.p[2];
      segStartMs = s.tMs;
      segEndMs = s.tMs;
    } else {
      const dx = s.p[0] - anchor[0], dy = s.p[1] - anchor[1], dz = s.p[2] - anchor[2];
      if (dx * dx + dy * dy + dz * dz >= cfg.strokeChunkMm * cfg.strokeChunkMm) rollChunk(s.p[0], s.p[1], s.p[2], s.n[0], s.n[1], s.n[2], region, s.tMs, false);
    }
    last[0] = s.p[0];
    last[1] = s.p[1];
    last[2] = s.p[2];
    lastN[0] = s.n[0];
    lastN[1] = s.n[1];
    lastN[2] = s.n[2];
    lastRegion = region;
    lastSampleMs = s.tMs;
  };

  // ---------- RF ----------
  const seenTips = new Set<string>();
  let currentTip: string | undefined;
  let pulses = 0;
  let offAxisPulses = 0;
  const zonesStarted = new Set<string>();
  let rfH0 = 0, rfH1 = 0, rfH2 = 0, rfV0 = 0, rfV1 = 0, rfV2 = 0, rfPx = 0, rfPy = 0, rfPz = 0, rfNx = 0, rfNy = 0, rfNz = 0, rfHalf = 0;
  const visitRf = (v: number) => {
    const qx = pos[v * 3] - rfPx, qy = pos[v * 3 + 1] - rfPy, qz = pos[v * 3 + 2] - rfPz;
    const u = qx * rfH0 + qy * rfH1 + qz * rfH2;
    if (u < -rfHalf || u > rfHalf) return;
    const w = qx * rfV0 + qy * rfV1 + qz * rfV2;
    if (w < -rfHalf || w > rfHalf) return;
    const depth = qx * rfNx + qy * rfNy + qz * rfNz;
    if (depth < -cfg.footprintDepthToleranceMm || depth > cfg.footprintDepthToleranceMm) return;
    if (nrm[v * 3] * rfNx + nrm[v * 3 + 1] * rfNy + nrm[v * 3 + 2] * rfNz < SAME_SIDE_DOT) return;
    if (rfHitCount[v] < 65535) rfHitCount[v]++;
  };
  let fitNewTipSteps = 0;
  let fitNewTipUsed = 0;

  const onPulse = (p: RfPulse) => {
    const region = p.region;
    onTreatment(p.tMs, region);
    noTreat(region, p.tMs);
    pulses++;
    if (p.tipId !== currentTip) {
      if (seenTips.has(p.tipId)) {
        raise('rf-single-use-tip', p.tMs, { zh: `重复使用治疗头 ${p.tipId}`, en: `tip ${p.tipId} used again` }, { tipId: p.tipId });
      } else if (fitNewTipSteps <= fitNewTipUsed) {
        raise('rf-single-use-tip', p.tMs, { zh: `治疗头 ${p.tipId} 使用前未记录更换新治疗头`, en: `no new tip fitted before using tip ${p.tipId}` }, { tipId: p.tipId });
      } else fitNewTipUsed++;
      seenTips.add(p.tipId);
      currentTip = p.tipId;
    }
    const zoneId = p.zoneId ?? zoneOfRegion.get(region);
    if (zoneId !== undefined && !zonesStarted.has(zoneId)) {
      zonesStarted.add(zoneId);
      const missing = RF_ZONE_STEPS.filter((s) => !stepBefore(s, p.tMs, zoneId));
      if (missing.length > 0) raise('rf-zone-preparation', p.tMs, { zh: `分区 ${zoneId} 治疗前缺少：${missing.map((m) => STEP_NAMES[m].zh).join('、')}`, en: `zone ${zoneId}: missing before its first pulse: ${missing.map((m) => STEP_NAMES[m].en).join(', ')}` }, { zone: zoneId, missingSteps: missing.join(',') }, undefined, zoneId);
    }
    trackZone(region, p.tMs, zoneId);
    const site = rfSiteRule(region);
    if (site) {
      if (!inRanges(p.depthMm, [site.depthMm])) {
        raise(RF_DEPTH_RULE[site.clause], p.tMs, { zh: `进针 ${p.depthMm} mm，推荐 ${formatRanges([site.depthMm])}（${site.basis.zh}）`, en: `depth ${p.depthMm} mm, recommended ${formatRanges([site.depthMm])} (${site.basis.en})` }, { depthMm: p.depthMm, recommendedMm: [...site.depthMm] }, region);
      }
      if (site.bipolarRequired && !p.bipolar) raise('rf-bipolar-periocular', p.tMs, { zh: '眼周未用双极', en: 'periocular pulse without bipolar mode' }, { bipolar: false }, region);
      if (!p.suction) {
        if (site.suction === 'required') raise('rf-suction-required', p.tMs, { zh: `${site.basis.zh}未用负压（${site.clause}）`, en: `${site.basis.en} without suction (${site.clause})` }, { suction: false, siteClause: site.clause }, region);
        else raise('rf-suction-recommended', p.tMs, { zh: `${site.basis.zh}未用负压`, en: `${site.basis.en} without suction` }, { suction: false }, region);
      }
    }
    if (p.suction && (p.pressure ?? 0) > cfg.rfSuctionPressureMax) {
      raise('rf-suction-no-press', p.tMs, { zh: `负压模式下压力 ${round(p.pressure!, 2)}`, en: `pressure ${round(p.pressure!, 2)} in suction mode` }, { pressure: round(p.pressure!, 2), limit: cfg.rfSuctionPressureMax }, region);
    }
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
    // Tip footprint: a square of tipSizeMm aligned with the skin frame.
    skinFrame(p.n[0], p.n[1], p.n[2], frame);
    rfH0 = frame[0]; rfH1 = frame[1]; rfH2 = frame[2];
    rfV0 = frame[3]; rfV1 = frame[4]; rfV2 = frame[5];
    rfPx = p.p[0]; rfPy = p.p[1]; rfPz = p.p[2];
    rfNx = p.n[0]; rfNy = p.n[1]; rfNz = p.n[2];
    rfHalf = p.tipSizeMm / 2;
    const tol = cfg.footprintDepthToleranceMm;
    const ex = (Math.abs(rfH0) + Math.abs(rfV0)) * rfHalf + Math.abs(rfNx) * tol;
    const ey = (Math.abs(rfH1) + Math.abs(rfV1)) * rfHalf + Math.abs(rfNy) * tol;
    const ez = (Math.abs(rfH2) + Math.abs(rfV2)) * rfHalf + Math.abs(rfNz) * tol;
    idx.forEachInBox(rfPx - ex, rfPy - ey, rfPz - ez, rfPx + ex, rfPy + ey, rfPz + ez, visitRf);
    state.version++;
  };

  // ---------- Nano ----------
  let contacts = 0;
  let nanoId = 0;
  let nCx = 0, nCy = 0, nCz = 0, nNx = 0, nNy = 0, nNz = 0, nR2 = 0, nMaxCount = 0;
  const visitNano = (v: number) => {
    if (nanoStamp[v] === nanoId) return;
    const qx = pos[v * 3] - nCx, qy = pos[v * 3 + 1] - nCy, qz = pos[v * 3 + 2] - nCz;
    if (qx * qx + qy * qy + qz * qz > nR2) return;
    if (nrm[v * 3] * nNx + nrm[v * 3 + 1] * nNy + nrm[v * 3 + 2] * nNz < SAME_SIDE_DOT) return;
    nanoStamp[v] = nanoId;
    if (nanoContactCount[v] < 65535) nanoContactCount[v]++;
    if (nanoContactCount[v] > nMaxCount) nMaxCount = nanoContactCount[v];
  };

  const onContact = (c: NanoContact) => {
    const region = c.region;
    onTreatment(c.tStartMs, region);
    lastTreatMs = Math.max(lastTreatMs, c.tEndMs);
    noTreat(region, c.tStartMs);
    contacts++;
    nanoId++;
    const dwellMs = c.tEndMs - c.tStartMs;
    if (dwellMs > 3000) raise('nano-dwell', c.tStartMs, { zh: `停留 ${round(dwellMs / 1000, 2)} 秒，上限 3 秒`, en: `contact ${round(dwellMs / 1000, 2)} s, limit 3 s` }, { dwellS: round(dwellMs / 1000, 2), limitS: 3 }, region);
    if (c.technique === 'sliding') {
      // Each reason carries both languages so the finding reads whole in either UI language.
      const reasons: { zh: string; en: string }[] = [];
      if (region === 'scalp' && header.case.hairBearingScalp) reasons.push({ zh: '有毛发的头皮', en: 'hair-bearing scalp' });
      if (header.case.skinType === 'dry-rough') reasons.push({ zh: '干涩粗糙皮肤', en: 'dry rough skin' });
      if (c.needleHeightUm > 150) reasons.push({ zh: `针高 ${c.needleHeightUm} μm > 150 μm`, en: `needle ${c.needleHeightUm} μm > 150 μm` });
      if (reasons.length > 0) raise('nano-sliding-not-allowed', c.tStartMs, { zh: `不适用滑动：${reasons.map((r) => r.zh).join('；')}`, en: `sliding not allowed: ${reasons.map((r) => r.en).join('; ')}` }, { reasons: reasons.map((r) => r.en).join(',') }, region);
    }
    // Footprint: a disc at the contact point and along the path; each vertex counts once per contact.
    nNx = c.n[0]; nNy = c.n[1]; nNz = c.n[2];
    const rad = cfg.nanoHeadDiameterMm / 2;
    nR2 = rad * rad;
    nMaxCount = 0;
    const stamp = (x: number, y: number, z: number) => {
      nCx = x; nCy = y; nCz = z;
      idx.forEachInBox(x - rad, y - rad, z - rad, x + rad, y + rad, z + rad, visitNano);
    };
    stamp(c.p[0], c.p[1], c.p[2]);
    for (const pt of c.path) stamp(pt.p[0], pt.p[1], pt.p[2]);
    if (nMaxCount > 3) raise('nano-times-per-site', c.tStartMs, { zh: `同一部位第 ${nMaxCount} 次操作，上限 3 次`, en: `${nMaxCount} times on one site, limit 3` }, { times: nMaxCount, limit: 3 }, region);
    // Circling: accumulated signed turning of the path in the tangent plane.
    let turn = 0;
    let px = NaN, py = NaN, pz = NaN;
    let prevX = c.p[0], prevY = c.p[1], prevZ = c.p[2];
    for (const pt of c.path) {
      let dx = pt.p[0] - prevX, dy = pt.p[1] - prevY, dz = pt.p[2] - prevZ;
      const dn = dx * nNx + dy * nNy + dz * nNz;
      dx -= dn * nNx; dy -= dn * nNy; dz -= dn * nNz;
      const len = Math.hypot(dx, dy, dz);
      if (len < 0.5) continue;
      if (!Number.isNaN(px)) {
        const cross = nNx * (py * dz - pz * dy) + nNy * (pz * dx - px * dz) + nNz * (px * dy - py * dx);
        const dot = px * dx + py * dy + pz * dz;
        turn += Math.atan2(cross, dot);
      }
      px = dx; py = dy; pz = dz;
      prevX = pt.p[0]; prevY = pt.p[1]; prevZ = pt.p[2];
    }
    const turnDeg = Math.abs((turn * 180) / Math.PI);
    if (turnDeg > cfg.nanoCirclingTurnDeg) raise('nano-circling', c.tStartMs, { zh: `接触中累计转角 ${Math.round(turnDeg)}°`, en: `path turned ${Math.round(turnDeg)}° within one contact` }, { turnDeg: Math.round(turnDeg), limitDeg: cfg.nanoCirclingTurnDeg }, region);
    state.version++;
  };

  const onStep = (s: StepEvent) => {
    steps.push(s);
    if (s.step === 'fit-new-tip') fitNewTipSteps++;
  };

  const push = (event: RecordingEvent): LiveWarning[] => {
    pendingWarnings = NO_WARNINGS;
    switch (event.kind) {
      case 'sample':
        lastEventMs = Math.max(lastEventMs, event.sample.tMs);
        onSample(event.sample);
        break;
      case 'pulse':
        lastEventMs = Math.max(lastEventMs, event.pulse.tMs);
        endStroke();
        onPulse(event.pulse);
        break;
      case 'contact':
        lastEventMs = Math.max(lastEventMs, event.contact.tEndMs);
        onContact(event.contact);
        break;
      case 'settings':
        lastEventMs = Math.max(lastEventMs, event.change.tMs);
        settings = event.change.settings;
        settingsVersion++;
        break;
      case 'step':
        lastEventMs = Math.max(lastEventMs, event.step.tMs);
        onStep(event.step);
        break;
    }
    return pendingWarnings;
  };

  // ---------- End of session ----------
  const finish = (end?: SessionEnd): ScoreReport => {
    const endMs = end?.tMs ?? lastEventMs;
    const findings: Finding[] = [];
    const extra: Acc[] = [];
    const add = (ruleId: string, tMs: number, evidence: LocalizedText, values: Values, region?: RegionId, keySuffix?: string, span?: [number, number]) => {
      if (disabled.has(ruleId)) return;
      const key = keySuffix !== undefined ? `${ruleId}:${keySuffix}` : region ? `${ruleId}:${region}` : ruleId;
      if (accs.has(key) || extra.some((a) => a.key === key)) return;
      extra.push({ ruleId, clause: ruleById(ruleId).clause, region, key, count: 1, startMs: span?.[0] ?? tMs, endMs: span?.[1] ?? tMs, evidence, values });
    };
    const treated = firstTreatMs >= 0;
    const metrics: Record<string, number> = { treatmentDurationS: firstTreatMs >= 0 ? round((lastTreatMs - firstTreatMs) / 1000, 1) : 0 };

    // Preparation order (7.1 -> 7.3; 8.1 order).
    if (treated) {
      const order = (list: readonly StepId[]) => {
        const times = list.map((s) => steps.find((e) => e.step === s && e.tMs <= firstTreatMs)?.tMs).filter((t): t is number => t !== undefined);
        return times.every((t, i) => i === 0 || t >= times[i - 1]);
      };
      if (!order(PRE_TREATMENT_STEPS.map((r) => r.step))) add('preparation-order', firstTreatMs, { zh: '病史、检查、知情同意顺序颠倒', en: 'history, examination and consent out of order' }, {});
      const prep = PREPARATION_STEPS[procedure];
      if (prep.orderRuleId && !order(prep.steps)) add(prep.orderRuleId, firstTreatMs, { zh: `准备步骤顺序应为：${prep.steps.map((m) => STEP_NAMES[m].zh).join(' → ')}`, en: `preparation order should be: ${prep.steps.map((m) => STEP_NAMES[m].en).join(' -> ')}` }, {});
      // Aftercare after the last treatment event.
      for (const req of AFTERCARE_STEPS[procedure]) {
        const done = steps.find((s) => s.step === req.step && s.tMs >= lastTreatMs);
        if (!done) add(req.ruleId, endMs, { zh: `治疗结束后没有“${STEP_NAMES[req.step].zh}”`, en: `no "${STEP_NAMES[req.step].en}" step after treatment` }, { missingStep: req.step });
        else if (req.step === 'wet-compress' && (done.durationMs ?? 0) < cfg.wetCompressMinMin * 60000) {
          add(req.ruleId, done.tMs, { zh: `湿敷 ${round((done.durationMs ?? 0) / 60000, 1)} 分钟，应 ${cfg.wetCompressMinMin} 分钟`, en: `wet compress ${round((done.durationMs ?? 0) / 60000, 1)} min, should be ${cfg.wetCompressMinMin} min` }, { minutes: round((done.durationMs ?? 0) / 60000, 1), requiredMin: cfg.wetCompressMinMin });
        }
      }
      if (procedure === 'roller' && endpoint === 'texture-scars') {
        if (!steps.some((s) => s.step === 'wipe-blood' && s.tMs >= firstTreatMs)) add('roller-wipe-blood', lastTreatMs, { zh: '出血终点治疗中未擦拭渗血', en: 'no blood wiping during a bleeding-endpoint treatment' }, {});
        if (!steps.some((s) => s.step === 'cold-compress' && s.tMs >= lastTreatMs)) add('cold-compress', endMs, { zh: '明显炎症反应的终点后未冷敷', en: 'no cold compress after a marked-reaction endpoint' }, {});
      }
    }
    for (const step of scenario?.requiredSteps ?? []) {
      if (!steps.some((s) => s.step === step)) {
        extra.push({ ruleId: 'scenario-required-step', clause: STEP_CLAUSES[step], key: `scenario-required-step:${step}`, count: 1, startMs: endMs, endMs, evidence: { zh: `本任务要求的步骤“${STEP_NAMES[step].zh}”未完成`, en: `step "${STEP_NAMES[step].en}" required by this task was not done` }, values: { missingStep: step } });
      }
    }

    // Coverage per target region.
    const area = idx.vertexAreaMm2;
    const regionCodes = targetRegions.map((r) => ({ region: r, code: idx.regionCode(r) })).filter((r) => r.code >= 0 && idx.regionAreaMm2[r.code] > 0);
    // A target region left (almost) untreated fails the task: critical, instead of a coverage shortfall.
    const UNTREATED_RULE = { roller: 'roller-target-untreated', rf: 'rf-target-untreated', nano: 'nano-target-untreated' } as const;
    const untreated = (region: RegionId, cov: number): boolean => {
      if (cov >= cfg.untreatedCoverageFraction) return false;
      add(UNTREATED_RULE[procedure], endMs, { zh: `目标区域${REGION_NAMES[region].zh}仅覆盖 ${round(cov * 100, 1)}%`, en: `target region ${REGION_NAMES[region].en} only ${round(cov * 100, 1)}% covered` }, { coveragePct: round(cov * 100, 1), untreatedBelowPct: cfg.untreatedCoverageFraction * 100 }, region);
      return true;
    };
    // Coverage is judged on each region's interior (SurfaceIndex.regionInterior, borderBandMm from its edge).
    const interiorOf = (code: number): Uint32Array => idx.regionInterior(code, cfg.borderBandMm);
    const interiorArea = (verts: Uint32Array) => {
      let a = 0;
      for (const v of verts) a += area[v];
      return a;
    };
    if (procedure === 'roller') {
      const roundsOf = (v: number) => Math.min(dirPasses[v * 4], dirPasses[v * 4 + 1], dirPasses[v * 4 + 2], dirPasses[v * 4 + 3]);
      let covSum = 0;
      for (const { region } of regionCodes) {
        const verts = interiorOf(idx.regionCode(region));
        const total = interiorArea(verts);
        if (total <= 0) continue;
        let covered = 0, crossed = 0;
        const dirArea = [0, 0, 0, 0];
        const rounds: { r: number; a: number }[] = [];
        for (const v of verts) {
          const a = area[v];
          if (passCount[v] > 0) covered += a;
          if (directionMask[v] === 15) crossed += a;
          for (let d = 0; d < 4; d++) if (dirPasses[v * 4 + d] > 0) dirArea[d] += a;
          // 8.5.7: the scalp is rolled left-right only, so a round there is a horizontal pass.
          rounds.push({ r: region === 'scalp' ? dirPasses[v * 4] : roundsOf(v), a });
        }
        rounds.sort((x, y) => x.r - y.r);
        const roundsAt = (q: number) => {
          let accA = 0;
          for (const x of rounds) {
            accA += x.a;
            if (accA >= q * total) return x.r;
          }
          return rounds.length ? rounds[rounds.length - 1].r : 0;
        };
        // Rounds reached on (1 - roundsPercentile) of the area, and rounds exceeded on the top of it (over-treatment).
        const regionRounds = roundsAt(cfg.roundsPercentile);
        const peakRounds = roundsAt(cfg.overTreatmentPercentile);
        const cov = covered / total, cross = crossed / total;
        covSum += cov;
        metrics[`coveragePct.${region}`] = round(cov * 100, 1);
        metrics[`crossPatternPct.${region}`] = round(cross * 100, 1);
        metrics[`rounds.${region}`] = regionRounds;
        metrics[`peakRounds.${region}`] = peakRounds;
        if (untreated(region, cov)) continue;
        if (cov < cfg.minCoverageFraction) add('roller-coverage', endMs, { zh: `覆盖 ${round(cov * 100, 1)}%，要求 ≥${cfg.minCoverageFraction * 100}%`, en: `covered ${round(cov * 100, 1)}%, required ≥${cfg.minCoverageFraction * 100}%` }, { coveragePct: round(cov * 100, 1), requiredPct: cfg.minCoverageFraction * 100 }, region);
        if (region !== 'scalp' && cross < cfg.minCrossPatternFraction) {
          const missing = DIRECTION_NAMES.filter((_, d) => dirArea[d] / total < cfg.minCrossPatternFraction);
          add('roller-cross-pattern', endMs, { zh: `四向覆盖 ${round(cross * 100, 1)}%${missing.length ? `，不足的方向：${missing.map((m) => m.zh).join('、')}` : ''}`, en: `all four directions on ${round(cross * 100, 1)}%${missing.length ? `; short of: ${missing.map((m) => m.en).join(', ')}` : ''}` }, { crossPatternPct: round(cross * 100, 1), requiredPct: cfg.minCrossPatternFraction * 100, missingDirections: missing.length }, region);
        }
        if (endpoint === 'absorption') {
          if (regionRounds < 3 || peakRounds > 5) {
            add('roller-rounds-absorption', endMs, { zh: `${regionRounds} 遍（局部最多 ${peakRounds} 遍），8.4.2 要求 3-5 遍`, en: `${regionRounds} rounds (up to ${peakRounds} in places), 8.4.2 asks for 3-5` }, { rounds: regionRounds, peakRounds, recommended: [3, 5] }, region);
          }
        } else if (peakRounds > cfg.maxRoundsGeneral) {
          add('roller-over-treatment', endMs, { zh: `局部 ${peakRounds} 遍，超过 ${cfg.maxRoundsGeneral} 遍`, en: `${peakRounds} rounds in places, more than ${cfg.maxRoundsGeneral}` }, { peakRounds, limit: cfg.maxRoundsGeneral }, region);
        }
      }
      metrics.coveragePct = regionCodes.length ? round((covSum / regionCodes.length) * 100, 1) : 0;
      metrics.rollerPasses = segmentsTotal;
      metrics['rollerPasses.horizontal'] = segmentsByClass[0];
      metrics['rollerPasses.diagonalSlash'] = segmentsByClass[1];
      metrics['rollerPasses.vertical'] = segmentsByClass[2];
      metrics['rollerPasses.diagonalBackslash'] = segmentsByClass[3];
      metrics.sweptAreaCm2 = round(sweptMm2 / 100, 1);
      if (segmentsTotal > 0) {
        const bad = Math.max(segmentsTooLong, segmentsTooSlow) / segmentsTotal;
        metrics.tooLongPassesPct = round((segmentsTooLong / segmentsTotal) * 100, 1);
        metrics.tooSlowPassesPct = round((segmentsTooSlow / segmentsTotal) * 100, 1);
        if (bad > cfg.maxBadStrokeFraction) add('roller-short-rapid-strokes', endMs, { zh: `过长 ${segmentsTooLong}/${segmentsTotal} 遍，过慢 ${segmentsTooSlow}/${segmentsTotal} 遍`, en: `${segmentsTooLong}/${segmentsTotal} passes too long, ${segmentsTooSlow}/${segmentsTotal} too slow` }, { passes: segmentsTotal, tooLong: segmentsTooLong, tooSlow: segmentsTooSlow });
      }
      if (pressureN > 1) {
        const mean = pressureSum / pressureN;
        const cv = mean > 0 ? Math.sqrt(Math.max(0, pressureSumSq / pressureN - mean * mean)) / mean : 0;
        metrics.pressureCv = round(cv, 3);
        if (cv > cfg.pressureCvMax) add('roller-even-pressure', endMs, { zh: `压力变异系数 ${round(cv, 2)}，上限 ${cfg.pressureCvMax}`, en: `pressure CV ${round(cv, 2)}, limit ${cfg.pressureCvMax}` }, { pressureCv: round(cv, 3), limit: cfg.pressureCvMax });
      }
      if (zoneRevisits > cfg.maxZoneRevisits) add('roller-zone-by-zone', endMs, { zh: `回到已完成分区 ${zoneRevisits} 次`, en: `returned to finished zones ${zoneRevisits} times` }, { revisits: zoneRevisits, limit: cfg.maxZoneRevisits });
    }
    if (procedure === 'rf') {
      metrics.pulses = pulses;
      if (header.zones.length < 2 || header.zones.length > 5) add('rf-zone-count', 0, { zh: `分 ${header.zones.length} 个区，应为 2-5 个`, en: `${header.zones.length} zones, should be 2-5` }, { zones: header.zones.length });
      if (zoneRevisits > cfg.maxZoneRevisits) add('rf-zone-by-zone', endMs, { zh: `回到已完成分区 ${zoneRevisits} 次`, en: `returned to finished zones ${zoneRevisits} times` }, { revisits: zoneRevisits, limit: cfg.maxZoneRevisits });
      if (pulses > 0) {
        metrics.offAxisPulsesPct = round((offAxisPulses / pulses) * 100, 1);
        if (offAxisPulses / pulses > cfg.rfMaxOffAxisFraction) add('rf-perpendicular', endMs, { zh: `${offAxisPulses}/${pulses} 个脉冲倾斜超过 ${cfg.rfMaxAxisAngleDeg}°`, en: `${offAxisPulses}/${pulses} pulses tilted more than ${cfg.rfMaxAxisAngleDeg}°` }, { offAxis: offAxisPulses, pulses });
      }
      let covSum = 0;
      for (const { region } of regionCodes) {
        const verts = interiorOf(idx.regionCode(region));
        const total = interiorArea(verts);
        if (total <= 0) continue;
        const inRegion = new Uint8Array(V);
        let covered = 0, stacked = 0;
        for (const v of verts) {
          inRegion[v] = 1;
          if (rfHitCount[v] > 0) covered += area[v];
          if (rfHitCount[v] > cfg.rfMaxStack) stacked += area[v];
        }
        // Largest connected uncovered patch inside the region's interior.
        let largestMissMm2 = 0;
        const seen = new Uint8Array(V);
        const stack: number[] = [];
        for (const v of verts) {
          if (rfHitCount[v] > 0 || seen[v]) continue;
          let patch = 0;
          stack.push(v);
          seen[v] = 1;
          while (stack.length) {
            const u = stack.pop()!;
            patch += area[u];
            for (let k = idx.adjacencyStart[u]; k < idx.adjacencyStart[u + 1]; k++) {
              const w = idx.adjacency[k];
              if (!seen[w] && inRegion[w] && rfHitCount[w] === 0) {
                seen[w] = 1;
                stack.push(w);
              }
            }
          }
          if (patch > largestMissMm2) largestMissMm2 = patch;
        }
        const cov = covered / total;
        covSum += cov;
        metrics[`coveragePct.${region}`] = round(cov * 100, 1);
        metrics[`largestMissCm2.${region}`] = round(largestMissMm2 / 100, 2);
        if (untreated(region, cov)) continue;
        if (largestMissMm2 / 100 > cfg.rfMissedPatchCm2 || cov < cfg.rfMinCoverageFraction) {
          add('rf-no-miss', endMs, { zh: `覆盖 ${round(cov * 100, 1)}%，最大遗漏 ${round(largestMissMm2 / 100, 2)} cm²`, en: `covered ${round(cov * 100, 1)}%, largest miss ${round(largestMissMm2 / 100, 2)} cm²` }, { coveragePct: round(cov * 100, 1), largestMissCm2: round(largestMissMm2 / 100, 2), limitCm2: cfg.rfMissedPatchCm2 }, region);
        }
        if (stacked / 100 > cfg.rfStackPatchCm2) add('rf-stacking', endMs, { zh: `叠加超过 ${cfg.rfMaxStack} 次的面积 ${round(stacked / 100, 2)} cm²`, en: `${round(stacked / 100, 2)} cm² hit more than ${cfg.rfMaxStack} times` }, { stackedCm2: round(stacked / 100, 2), limitCm2: cfg.rfStackPatchCm2 }, region);
      }
      metrics.coveragePct = regionCodes.length ? round((covSum / regionCodes.length) * 100, 1) : 0;
    }
    if (procedure === 'nano') {
      metrics.contacts = contacts;
      let maxTimes = 0;
      for (let v = 0; v < V; v++) if (nanoContactCount[v] > maxTimes) maxTimes = nanoContactCount[v];
      metrics.maxContactsPerSite = maxTimes;
      let covSum = 0;
      for (const { region, code } of regionCodes) {
        let covered = 0;
        for (const v of idx.regionVertices(code)) if (nanoContactCount[v] > 0) covered += area[v];
        const cov = covered / idx.regionAreaMm2[code];
        covSum += cov;
        metrics[`coveragePct.${region}`] = round(cov * 100, 1);
        untreated(region, cov);
      }
      metrics.coveragePct = regionCodes.length ? round((covSum / regionCodes.length) * 100, 1) : 0;
    }
    if (!treated) metrics.treatmentEvents = 0;

    for (const a of [...accs.values(), ...extra]) findings.push(toFinding(a));
    findings.sort((x, y) => compareClause(x.clause, y.clause) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    return buildReport(findings, metrics);
  };

  const toFinding = (a: Acc): Finding => {
    const rule = ruleById(a.ruleId);
    const severity = effectiveSeverity(rule.severity, scenario?.severity?.[a.ruleId]);
    const values: Values = { ...a.values };
    if (a.count > 1) values.occurrences = a.count;
    return {
      id: a.key,
      ruleId: a.ruleId,
      clause: a.clause,
      severity,
      criterion: rule.criterion,
      message: rule.statement,
      region: a.region,
      span: { startMs: a.startMs, endMs: a.endMs },
      evidence: { text: a.evidence, values },
      simulatorDefault: rule.source === 'simulator-default',
    };
  };

  const buildReport = (findings: Finding[], metrics: Record<string, number>): ScoreReport => {
    const deduction: Record<Severity, number> = { critical: cfg.deductCritical, major: cfg.deductMajor, minor: cfg.deductMinor, info: 0 };
    const weights = { ...DEFAULT_WEIGHTS, ...(scenario?.weights ?? {}) };
    const criteria: CriterionScore[] = CRITERIA.map((criterion: Criterion) => {
      const lost = findings.filter((f) => f.criterion === criterion).reduce((s, f) => s + deduction[f.severity], 0);
      return { criterion, score: Math.max(0, 100 - lost), weight: weights[criterion] };
    });
    const wsum = criteria.reduce((s, c) => s + c.weight, 0);
    const total = wsum > 0 ? criteria.reduce((s, c) => s + c.score * c.weight, 0) / wsum : 0;
    const criticalFailure = findings.some((f) => f.severity === 'critical');
    const passMark = scenario?.passMark ?? cfg.passMark;
    const score = round(total, 1);
    return {
      reportVersion: 1,
      recordingId: header.id,
      procedure,
      score,
      // A pass needs the total, no critical finding, and every criterion at its floor.
      passed: !criticalFailure && score >= passMark && criteria.every((c) => c.weight === 0 || c.score >= cfg.criterionFloor),
      criticalFailure,
      passMark,
      criteria,
      findings,
      metrics,
    };
  };

  return {
    state: state as LiveFeedbackState,
    push,
    report: () => finish(),
    finish,
  };
}

const NO_WARNINGS: LiveWarning[] = [];
Object.freeze(NO_WARNINGS);

/** A scenario may raise or lower severities, but never lower a critical safety rule below critical. */
function effectiveSeverity(base: Severity, override?: Severity): Severity {
  if (!override) return base;
  if (base === 'critical') return 'critical';
  return override;
}

export function compareClause(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
