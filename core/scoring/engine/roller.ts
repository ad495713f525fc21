// Roller (8.x): strokes cut into chunks of strokeChunkMm, each laying the drum footprint on the surface
// (pass counts, the four 米 directions, passes per direction for rounds); passes split at reversals; short
// rapid strokes (8.2), even pressure, skin tension, the nasal implant, the scalp's left-right rule and the
// needle length per site (8.5.x, 8.4.x, 4.1.2). Coverage and rounds are judged at the end (roller-coverage.ts).

import { isNoTreatRegion, REGION_NAMES, type RegionId } from '../../anatomy/regions';
import { directionClassOfAngle, skinFrame, strokeAngleDeg } from '../../geometry/skin-frame';
import type { InputSample } from '../../recording/types';
import { formatRanges, inRanges, rollerNeedleRecommendation, SKIN_TENSION_REGIONS } from '../../rules/sites';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';
import { DIRECTION_BITS, type DirectionClass } from '../live-contract';
import type { LocalizedText } from '../report';
import { SAME_SIDE_DOT, type EngineContext } from './context';
import { countEvent } from './extent';
import { round, type Values } from './findings';
import { cellRange, footprintGrid, type FootprintGrid } from './footprint-grid';
import type { Protocol } from './protocol';

const DIRECTION_INDEX: Record<DirectionClass, number> = { horizontal: 0, diagonalSlash: 1, vertical: 2, diagonalBackslash: 3 };
const DIRECTION_BIT_BY_INDEX = [DIRECTION_BITS.horizontal, DIRECTION_BITS.diagonalSlash, DIRECTION_BITS.vertical, DIRECTION_BITS.diagonalBackslash];
/** The four 米 directions, in DIRECTION_INDEX order. */
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

/**
 * The drum footprint walk: the grid cells of the footprint's axis-aligned box, and in them the vertices within
 * the oriented box (along: 0..len, across: ±halfW, depth: ±tolerance) on the same side of the surface, each
 * counted once per pass. Module-level code shared by every engine, so it is compiled once for all of them;
 * the footprint's numbers go in `args` rather than as arguments.
 */
class DrumFootprint {
  /** anchor x, y, z; unit direction t; contact normal n; len; halfW. */
  readonly args = new Float64Array(11);
  private readonly range = new Float64Array(6);
  /** The pass that last covered each grid entry (one entry per vertex). */
  private readonly stamp: Int32Array;

  constructor(
    private readonly grid: FootprintGrid,
    private readonly passCount: Uint16Array,
    private readonly dirPasses: Uint16Array,
    private readonly directionMask: Uint8Array,
    private readonly depthTol: number,
  ) {
    this.stamp = new Int32Array(grid.vertex.length).fill(-1);
  }

  lay(seg: number, dirIndex: number): void {
    const a = this.args, grid = this.grid, range = this.range, stamp = this.stamp;
    const passCount = this.passCount, dirPasses = this.dirPasses, directionMask = this.directionMask, depthTol = this.depthTol;
    const gStart = grid.cellStart, gVertex = grid.vertex, gPn = grid.pn, gnx = grid.nx, gny = grid.ny;
    const ax = a[0], ay = a[1], az = a[2], tx = a[3], ty = a[4], tz = a[5], nx = a[6], ny = a[7], nz = a[8], len = a[9], halfW = a[10];
    // Drum axis: across the motion in the tangent plane.
    const cx = ny * tz - nz * ty, cy = nz * tx - nx * tz, cz = nx * ty - ny * tx;
    const bit = DIRECTION_BIT_BY_INDEX[dirIndex];
    // Tight axis-aligned box of the oriented footprint box.
    const ex = Math.abs(cx) * halfW + Math.abs(nx) * depthTol, ey = Math.abs(cy) * halfW + Math.abs(ny) * depthTol, ez = Math.abs(cz) * halfW + Math.abs(nz) * depthTol;
    const bxEnd = ax + tx * len, byEnd = ay + ty * len, bzEnd = az + tz * len;
    cellRange(grid, Math.min(ax, bxEnd) - ex, Math.min(ay, byEnd) - ey, Math.min(az, bzEnd) - ez, Math.max(ax, bxEnd) + ex, Math.max(ay, byEnd) + ey, Math.max(az, bzEnd) + ez, range);
    const ix0 = range[0], ix1 = range[1], iy0 = range[2], iy1 = range[3], iz0 = range[4], iz1 = range[5];
    const lenHi = len + 1e-6;
    for (let iz = iz0; iz <= iz1; iz++) {
      for (let iy = iy0; iy <= iy1; iy++) {
        const row = (iz * gny + iy) * gnx;
        for (let k = gStart[row + ix0], e = gStart[row + ix1 + 1]; k < e; k++) {
          const k6 = k * 6;
          const qx = gPn[k6] - ax, qy = gPn[k6 + 1] - ay, qz = gPn[k6 + 2] - az;
          const along = qx * tx + qy * ty + qz * tz;
          if (along < -1e-6 || along > lenHi) continue;
          const across = qx * cx + qy * cy + qz * cz;
          if (across < -halfW || across > halfW) continue;
          const depth = qx * nx + qy * ny + qz * nz;
          if (depth < -depthTol || depth > depthTol) continue;
          if (gPn[k6 + 3] * nx + gPn[k6 + 4] * ny + gPn[k6 + 5] * nz < SAME_SIDE_DOT) continue;
          if (stamp[k] === seg) continue; // already counted for this pass
          stamp[k] = seg;
          const v = gVertex[k];
          if (passCount[v] < 65535) passCount[v]++;
          const d = v * 4 + dirIndex;
          if (dirPasses[d] < 65535) dirPasses[d]++;
          directionMask[v] |= bit;
        }
      }
    }
  }
}

export type RollerDefaults = Pick<
  SimulatorDefaultValues,
  'strokeChunkMm' | 'strokeGapMs' | 'reversalAngleDeg' | 'directionToleranceDeg' | 'maxStrokeLengthMm' | 'minStrokeSpeedMmPerS' | 'footprintDepthToleranceMm' | 'implantPressureMax'
>;

export function createRoller(ctx: EngineContext, cfg: RollerDefaults, protocol: Protocol): Roller {
  const { header, endpoint, state, timeline: tl, frame } = ctx;
  const { passCount, directionMask } = state;
  const { raise } = ctx.sink;
  const tally: RollerTally = { dirPasses: new Uint16Array(ctx.V * 4), passesByClass: new Float64Array(4), passes: 0, tooLong: 0, tooSlow: 0, pressureN: 0, pressureSum: 0, pressureSumSq: 0, sweptMm2: 0 };
  const footprint = new DrumFootprint(footprintGrid(ctx.idx.surface), passCount, tally.dirPasses, directionMask, cfg.footprintDepthToleranceMm);
  const cosReversal = Math.cos((cfg.reversalAngleDeg * Math.PI) / 180);
  const cosTolerance = Math.cos((cfg.directionToleranceDeg * Math.PI) / 180);
  const minPassMm = cfg.strokeChunkMm * 0.5;
  const chunk2 = cfg.strokeChunkMm * cfg.strokeChunkMm;

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
  let segOnScalp = false;
  let segClassCounted = -1;

  const endSegment = () => {
    if (segLengthMm >= minPassMm) {
      tally.passes++;
      if (segLengthMm > cfg.maxStrokeLengthMm) tally.tooLong++;
      const durS = (segEndMs - segStartMs) / 1000;
      if (durS > 0 && segLengthMm / durS < cfg.minStrokeSpeedMmPerS) tally.tooSlow++;
    }
    segmentId++;
    segLengthMm = 0;
    segStartMs = segEndMs;
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

  /** Rolls from the anchor to (bx, by, bz) with contact normal n. */
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
    } else if (hasPrevDir && tx * prevDir[0] + ty * prevDir[1] + tz * prevDir[2] < cosReversal) {
      endSegment(); // a reversal or sharp turn starts a new pass
      segStartMs = lastSampleMs;
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
    footprint.lay(segmentId, dirIndex);
    tally.sweptMm2 += len * halfW * 2;
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

  const endStroke = () => {
    if (!inStroke) return;
    const rest = Math.hypot(last[0] - anchor[0], last[1] - anchor[1], last[2] - anchor[2]);
    if (rest > 1e-6) rollChunk(last[0], last[1], last[2], lastN[0], lastN[1], lastN[2], lastRegion, lastSampleMs, rest < cfg.strokeChunkMm * 0.25);
    endSegment();
    inStroke = false;
  };

  /**
   * The needle in force against the site's range, worked out when the region or the settings change; a
   * needle outside it is raised on every contact sample, so the finding's occurrences are its extent
   * (engine/extent.ts). `worst` 1 for a needle above the range: the finding then reports that one.
   */
  let needleViolation: { ruleId: string; evidence: LocalizedText; values: Values; worst: number } | null = null;
  const checkNeedle = (region: RegionId) => {
    needleViolation = null;
    const settings = tl.settings;
    if (!settings || settings.device !== 'roller' || isNoTreatRegion(region)) return;
    const needle = settings.needleLengthMm;
    const rec = rollerNeedleRecommendation(region, endpoint, header.case);
    if (inRanges(needle, rec.ranges)) return;
    const above = rec.ranges.every(([, hi]) => needle > hi);
    needleViolation = {
      ruleId: region === 'nose' && header.case.nasalImplant ? 'roller-nasal-implant-needle' : ROLLER_NEEDLE_RULE[rec.clause],
      evidence: { zh: `针长 ${needle} mm，推荐 ${formatRanges(rec.ranges)}（${rec.basis.zh}）`, en: `needle ${needle} mm, recommended ${formatRanges(rec.ranges)} (${rec.basis.en})` },
      values: { needleLengthMm: needle, recommendedMm: rec.ranges.flat(), outOfRange: above ? 'above' : 'below' },
      worst: above ? 1 : 0,
    };
  };

  // Region-derived flags change only when the region does; the common case skips the look-ups.
  let flagsRegion: RegionId | undefined;
  let regionIsNoTreat = false;
  let regionNeedsTension = false;
  let checkedRegion: RegionId | undefined;
  let checkedSettingsVersion = -1;
  const nasalImplant = header.case.nasalImplant;
  const strokeGapMs = cfg.strokeGapMs;
  const onSample = (s: InputSample) => {
    const tMs = s.tMs;
    if (!s.contact || s.pressure <= 0) {
      endStroke();
      lastSampleMs = tMs;
      return;
    }
    const region = s.region;
    if (region !== flagsRegion) {
      flagsRegion = region;
      regionIsNoTreat = isNoTreatRegion(region);
      regionNeedsTension = SKIN_TENSION_REGIONS.has(region);
      protocol.onTreatment(tMs, region);
    } else {
      if (tl.firstTreatMs < 0) protocol.onTreatment(tMs, region);
      if (tMs > tl.lastTreatMs) tl.lastTreatMs = tMs;
    }
    countEvent(ctx.extent, region);
    if (regionIsNoTreat) protocol.noTreat(region, tMs);
    if (regionNeedsTension && !s.skinTension) {
      raise('roller-eyelid-tension', tMs, { zh: `${REGION_NAMES[region].zh}操作时未绷紧皮肤`, en: `${REGION_NAMES[region].en} rolled without skin held over bone` }, {}, region);
    }
    const pressure = s.pressure;
    if (nasalImplant && region === 'nose' && pressure > cfg.implantPressureMax) {
      raise('roller-nasal-implant-pressure', tMs, { zh: `鼻假体上压力 ${round(pressure, 2)}，上限 ${cfg.implantPressureMax}`, en: `pressure ${round(pressure, 2)} over the implant, limit ${cfg.implantPressureMax}` }, { pressure: round(pressure, 2), limit: cfg.implantPressureMax }, region);
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
    if (!inStroke || tMs - lastSampleMs > strokeGapMs) {
      endStroke();
      inStroke = true;
      anchor[0] = px;
      anchor[1] = py;
      anchor[2] = pz;
      segStartMs = tMs;
      segEndMs = tMs;
    } else {
      const dx = px - anchor[0], dy = py - anchor[1], dz = pz - anchor[2];
      if (dx * dx + dy * dy + dz * dz >= chunk2) rollChunk(px, py, pz, s.n[0], s.n[1], s.n[2], region, tMs, false);
    }
    last[0] = px;
    last[1] = py;
    last[2] = pz;
    const n = s.n;
    lastN[0] = n[0];
    lastN[1] = n[1];
    lastN[2] = n[2];
    lastRegion = region;
    lastSampleMs = tMs;
  };

  return { tally, onSample, endStroke };
}
