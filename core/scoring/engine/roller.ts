// Roller (8.x): strokes cut into chunks of strokeChunkMm, each laying the drum footprint on the surface
// (pass counts, the four 米 directions, passes per direction for rounds); passes split at reversals; short
// rapid strokes (8.2), even pressure, skin tension, the nasal implant, the scalp's left-right rule and the
// needle length per site (8.5.x, 8.4.x, 4.1.2). Coverage and rounds are judged at the end (roller-coverage.ts).

import { pressureText } from '../../recording/pressure-words';
import { isNoTreatRegion, REGION_NAMES, type RegionId } from '../../anatomy/regions';
import { directionClassOfAngle, skinFrame, strokeAngleDeg } from '../../geometry/skin-frame';
import type { InputSample } from '../../recording/types';
import { formatMm, inRanges, rollerNeedleRecommendation, SKIN_TENSION_REGIONS } from '../../rules/sites';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';
import type { LocalizedText } from '../report';
import type { EngineContext } from './context';
import { DIRECTION_INDEX, DrumFootprint } from './drum-footprint';
import { countEventIn, regionEvents, type RegionEvents } from './extent';
import { round, type Values } from './findings';
import { isBleedingNeedle, rollerPassDosePassMm } from './skin-reaction';
import { footprintGrid } from './footprint-grid';
import type { Protocol } from './protocol';

/** The four 米 directions, in DIRECTION_INDEX order (engine/drum-footprint.ts). */
export const DIRECTION_NAMES: readonly LocalizedText[] = [
  { zh: '横向', en: 'horizontal' },
  { zh: '斜向 /', en: 'diagonal /' },
  { zh: '竖向', en: 'vertical' },
  { zh: '斜向 \\', en: 'diagonal \\' },
];
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

/** What the roller has measured, for the end-of-session checks. */
export interface RollerTally {
  /** Passes per vertex and direction (vertex v, direction d at 4v + d). */
  readonly dirPasses: Uint16Array;
  /** Passes per direction class (of each pass's first chunk). */
  readonly passesByClass: Float64Array;
  passes: number;
  tooLong: number;
  tooSlow: number;
  pressureN: number;
  pressureSum: number;
  pressureSumSq: number;
  sweptMm2: number;
}

export interface Roller {
  readonly tally: RollerTally;
  onSample(s: InputSample): void;
  /** Ends the current stroke (contact lifted, or another kind of event). */
  endStroke(): void;
}

export type RollerDefaults = Pick<
  SimulatorDefaultValues,
  'strokeChunkMm' | 'strokeGapMs' | 'reversalAngleDeg' | 'directionToleranceDeg' | 'maxStrokeLengthMm' | 'minStrokeSpeedMmPerS' | 'footprintDepthToleranceMm' | 'implantPressureMax' | 'skinBleedingNeedleMm'
>;

export function createRoller(ctx: EngineContext, cfg: RollerDefaults, protocol: Protocol): Roller {
  const { header, endpoint, state, timeline: tl, frame } = ctx;
  const { passCount, directionMask } = state;
  const { raise } = ctx.sink;
  const tally: RollerTally = { dirPasses: new Uint16Array(ctx.V * 4), passesByClass: new Float64Array(4), passes: 0, tooLong: 0, tooSlow: 0, pressureN: 0, pressureSum: 0, pressureSumSq: 0, sweptMm2: 0 };
  const footprint = new DrumFootprint(footprintGrid(ctx.idx.surface), passCount, tally.dirPasses, directionMask, cfg.footprintDepthToleranceMm, state.rollerDosePassMm, state.bleedingDosePassMm);
  const cosReversal = Math.cos((cfg.reversalAngleDeg * Math.PI) / 180);
  const cosTolerance = Math.cos((cfg.directionToleranceDeg * Math.PI) / 180);
  const minPassMm = cfg.strokeChunkMm * 0.5;
  const chunk2 = cfg.strokeChunkMm * cfg.strokeChunkMm;

  let inStroke = false;
  const anchor = new Float64Array(3);
  const last = new Float64Array(3);
  const lastN = new Float64Array(3);
  let lastRegion: RegionId = 'forehead';
  const prevDir = new Float64Array(3);
  let hasPrevDir = false;
  let segmentId = 0;
  // The stroke's times and length change per sample: kept as fields (updated in place) rather than closure
  // variables, which would box a new number on every write.
  const stroke = { lastSampleMs: 0, segLengthMm: 0, segStartMs: 0, segEndMs: 0, pressure: 0 };
  let segScalpViolation = false;
  let segOnScalp = false;
  let segClassCounted = -1;

  const endSegment = () => {
    if (stroke.segLengthMm >= minPassMm) {
      tally.passes++;
      if (stroke.segLengthMm > cfg.maxStrokeLengthMm) tally.tooLong++;
      const durS = (stroke.segEndMs - stroke.segStartMs) / 1000;
      if (durS > 0 && stroke.segLengthMm / durS < cfg.minStrokeSpeedMmPerS) tally.tooSlow++;
    }
    segmentId++;
    stroke.segLengthMm = 0;
    stroke.segStartMs = stroke.segEndMs;
    segScalpViolation = false;
    segOnScalp = false;
    segClassCounted = -1;
    hasPrevDir = false;
  };

  /**
   * 8.5.7 asks for left-right rolling on the scalp. Besides the skin frame's horizontal class, a stroke within
   * the class tolerance of the X axis projected onto the tangent plane counts as left-right, so a stroke is not
   * flagged merely because the frame switches definition at |n·Y| = 0.9 on the crown.
   */
  const leftRight = (tx: number, ty: number, tz: number, nx: number, ny: number, nz: number): boolean => {
    let xx = 1 - nx * nx, xy = -nx * ny, xz = -nx * nz;
    const l = Math.hypot(xx, xy, xz);
    if (l < 0.3) return false; // side of the head: the X axis is nearly normal to the skin
    xx /= l;
    xy /= l;
    xz /= l;
    return Math.abs(tx * xx + ty * xy + tz * xz) >= cosTolerance;
  };

  /** Where a chunk ends: point, contact normal and time, written by the caller (numbers passed as arguments would be boxed). */
  const chunkEnd = new Float64Array(7);
  /** Rolls from the anchor to the chunk's end (chunkEnd). */
  const rollChunk = (region: RegionId, usePrevDir: boolean) => {
    const bx = chunkEnd[0], by = chunkEnd[1], bz = chunkEnd[2], nx = chunkEnd[3], ny = chunkEnd[4], nz = chunkEnd[5], tMs = chunkEnd[6];
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
    } else if (hasPrevDir && tx * prevDir[0] + ty * prevDir[1] + tz * prevDir[2] < cosReversal) {
      endSegment(); // a reversal or sharp turn starts a new pass
      stroke.segStartMs = stroke.lastSampleMs;
    }
    skinFrame(nx, ny, nz, frame);
    const cls = directionClassOfAngle(strokeAngleDeg(tx, ty, tz, frame));
    const dirIndex = DIRECTION_INDEX[cls];
    if (segClassCounted !== dirIndex) {
      // A pass belongs to the class of its first chunk; later chunks of a curved pass do not recount it.
      if (segClassCounted < 0) tally.passesByClass[dirIndex]++;
      segClassCounted = dirIndex;
    }
    if (region === 'scalp' && !segOnScalp) {
      segOnScalp = true;
      ctx.extent.scalpPasses++; // the passes 8.5.7's left-right rule is a share of
    }
    if (region === 'scalp' && cls !== 'horizontal' && !segScalpViolation && !leftRight(tx, ty, tz, nx, ny, nz)) {
      segScalpViolation = true;
      raise('roller-scalp-direction', tMs, { zh: `头皮上${DIRECTION_NAMES[dirIndex].zh}滚动`, en: `${DIRECTION_NAMES[dirIndex].en} stroke on the scalp` }, { direction: cls }, region);
    }
    const settings = tl.settings;
    const halfW = settings && settings.device === 'roller' ? settings.drumWidthMm / 2 : 10;
    const fa = footprint.args;
    fa[0] = anchor[0];
    fa[1] = anchor[1];
    fa[2] = anchor[2];
    fa[3] = tx;
    fa[4] = ty;
    fa[5] = tz;
    fa[6] = nx;
    fa[7] = ny;
    fa[8] = nz;
    fa[9] = len;
    fa[10] = halfW;
    // Skin-reaction dose (core/scoring/engine/skin-reaction.ts): the needle in force at the force of the chunk's last sample.
    const needle = settings && settings.device === 'roller' ? settings.needleLengthMm : 0;
    const dose = rollerPassDosePassMm(needle, stroke.pressure);
    footprint.passDosePassMm = dose;
    footprint.passBleedingDosePassMm = isBleedingNeedle(needle, cfg) ? dose : 0;
    footprint.lay(segmentId, dirIndex);
    tally.sweptMm2 += len * halfW * 2;
    stroke.segLengthMm += len;
    stroke.segEndMs = tMs;
    prevDir[0] = tx;
    prevDir[1] = ty;
    prevDir[2] = tz;
    hasPrevDir = true;
    anchor[0] = bx;
    anchor[1] = by;
    anchor[2] = bz;
    state.version++;
  };

  const endStroke = () => {
    if (!inStroke) return;
    const rest = Math.hypot(last[0] - anchor[0], last[1] - anchor[1], last[2] - anchor[2]);
    if (rest > 1e-6) {
      chunkEnd.set(last, 0);
      chunkEnd.set(lastN, 3);
      chunkEnd[6] = stroke.lastSampleMs;
      rollChunk(lastRegion, rest < cfg.strokeChunkMm * 0.25);
    }
    endSegment();
    inStroke = false;
  };

  /**
   * The needle in force against the site's range, worked out when the region or the settings change; a
   * needle outside it is raised on every contact sample, so the finding's occurrences are its extent
   * (engine/extent.ts). `worst` 1 for a needle above the range: the finding then reports that one.
   */
  type NeedleViolation = { ruleId: string; evidence: LocalizedText; values: Values; worst: number };
  let needleViolation: NeedleViolation | null = null;
  // The verdict per region for the needle in force: the stroke crosses region borders far more often than the
  // settings change, and the recommendation's advice text is worth building once (the case and goal are fixed).
  const verdictByRegion = new Map<RegionId, NeedleViolation | null>();
  let verdictSettingsVersion = -1;
  const checkNeedle = (region: RegionId) => {
    if (verdictSettingsVersion !== tl.settingsVersion) {
      verdictSettingsVersion = tl.settingsVersion;
      verdictByRegion.clear();
    }
    const known = verdictByRegion.get(region);
    if (known !== undefined) {
      needleViolation = known;
      return;
    }
    needleViolation = needleVerdict(region);
    verdictByRegion.set(region, needleViolation);
  };
  const needleVerdict = (region: RegionId): NeedleViolation | null => {
    const settings = tl.settings;
    if (!settings || settings.device !== 'roller' || isNoTreatRegion(region)) return null;
    const needle = settings.needleLengthMm;
    const rec = rollerNeedleRecommendation(region, endpoint, header.case);
    if (inRanges(needle, rec.ranges)) return null;
    const above = rec.ranges.every(([, hi]) => needle > hi);
    return {
      ruleId: region === 'nose' && header.case.nasalImplant ? 'roller-nasal-implant-needle' : ROLLER_NEEDLE_RULE[rec.clause],
      // No brackets: the live warning puts the evidence in its own (engine/findings.ts).
      evidence: { zh: `针长 ${formatMm(needle)} mm；${rec.advice.zh}`, en: `needle ${formatMm(needle)} mm; ${rec.advice.en}` },
      values: { needleLengthMm: needle, recommendedMm: rec.ranges.flat(), outOfRange: above ? 'above' : 'below' },
      worst: above ? 1 : 0,
    };
  };

  // Region-derived flags change only when the region does; the common case skips the look-ups.
  let flagsRegion: RegionId | undefined;
  let regionIsNoTreat = false;
  let regionNeedsTension = false;
  let regionCount: RegionEvents = { events: 0 }; // the first contact sample sets it (flagsRegion starts unset)
  let checkedRegion: RegionId | undefined;
  let checkedSettingsVersion = -1;
  const nasalImplant = header.case.nasalImplant;
  const extent = ctx.extent;
  const strokeGapMs = cfg.strokeGapMs;
  const onSample = (s: InputSample) => {
    const tMs = s.tMs;
    if (!s.contact || s.pressure <= 0) {
      endStroke();
      stroke.lastSampleMs = tMs;
      return;
    }
    const region = s.region;
    if (region !== flagsRegion) {
      flagsRegion = region;
      regionIsNoTreat = isNoTreatRegion(region);
      regionNeedsTension = SKIN_TENSION_REGIONS.has(region);
      regionCount = regionEvents(extent, region);
      protocol.onTreatment(tMs, region);
    } else {
      if (tl.firstTreatMs < 0) protocol.onTreatment(tMs, region);
      if (tMs > tl.lastTreatMs) tl.lastTreatMs = tMs;
    }
    countEventIn(extent, regionCount);
    if (regionIsNoTreat) protocol.noTreat(region, tMs);
    if (regionNeedsTension && !s.skinTension) {
      raise('roller-eyelid-tension', tMs, { zh: `${REGION_NAMES[region].zh}操作时未绷紧皮肤`, en: `${REGION_NAMES[region].en} rolled without skin held over bone` }, {}, region);
    }
    const pressure = s.pressure;
    stroke.pressure = pressure;
    if (nasalImplant && region === 'nose' && pressure > cfg.implantPressureMax) {
      raise('roller-nasal-implant-pressure', tMs, { zh: `鼻假体上仍有压力（${pressureText(pressure).zh}），8.5.2 要求避免施压`, en: `${pressureText(pressure).en} pressure over the implant; 8.5.2 asks for none` }, { pressure: round(pressure, 2), limit: cfg.implantPressureMax }, region);
    }
    if (region !== checkedRegion || tl.settingsVersion !== checkedSettingsVersion) {
      checkedRegion = region;
      checkedSettingsVersion = tl.settingsVersion;
      checkNeedle(region);
    }
    if (needleViolation) raise(needleViolation.ruleId, tMs, needleViolation.evidence, needleViolation.values, region, undefined, true, needleViolation.worst);
    protocol.trackZone(region, tMs);
    tally.pressureN++;
    tally.pressureSum += pressure;
    tally.pressureSumSq += pressure * pressure;

    const p = s.p;
    const px = p[0], py = p[1], pz = p[2];
    if (!inStroke || tMs - stroke.lastSampleMs > strokeGapMs) {
      endStroke();
      inStroke = true;
      anchor[0] = px;
      anchor[1] = py;
      anchor[2] = pz;
      stroke.segStartMs = tMs;
      stroke.segEndMs = tMs;
    } else {
      const dx = px - anchor[0], dy = py - anchor[1], dz = pz - anchor[2];
      if (dx * dx + dy * dy + dz * dz >= chunk2) {
        const n = s.n;
        chunkEnd[0] = px;
        chunkEnd[1] = py;
        chunkEnd[2] = pz;
        chunkEnd[3] = n[0];
        chunkEnd[4] = n[1];
        chunkEnd[5] = n[2];
        chunkEnd[6] = tMs;
        rollChunk(region, false);
      }
    }
    last[0] = px;
    last[1] = py;
    last[2] = pz;
    const n = s.n;
    lastN[0] = n[0];
    lastN[1] = n[1];
    lastN[2] = n[2];
    lastRegion = region;
    stroke.lastSampleMs = tMs;
  };

  return { tally, onSample, endStroke };
}
