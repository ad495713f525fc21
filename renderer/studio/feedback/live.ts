// Live feedback for learn mode: per-vertex accumulators (passes, 米 directions, RF footprints, nano
// contacts) and immediate warnings, behind core's LiveScorer contract (push + state). The scoring engine's
// createLiveScorer replaces this accumulator where it is built in (see createStudioFeedback).
//
// Simulator defaults (not the standard's numbers): a stroke's direction is decided every 3 mm of travel;
// a new pass starts at each touch-down, direction change or reversal.

import { isNoTreatRegion, type RegionId } from '../../../core/anatomy/regions';
import type { DeviceSettings, InputSample, NanoContact, RfPulse, Vec3 } from '../../../core/recording/types';
import { DIRECTION_BITS, type DirectionClass, type LiveFeedbackState, type LiveWarning, type RecordingEvent, type RecordingHeader } from '../../../core/scoring/live-contract';
import type { TreatmentSurface } from '../../../core/surface/surface';
import { classifyDirection } from './direction';
import { siteGuidance } from './site-guidance';
import { createVertexGrid } from './vertex-grid';

export const STROKE_CHUNK_MM = 3;
export const NANO_MAX_DWELL_MS = 3000; // 10.5
export const NANO_MAX_TIMES_PER_SITE = 3; // 10.5
export const NANO_SLIDING_MAX_HEIGHT_UM = 150; // 10.4

export interface StudioFeedback {
  readonly state: LiveFeedbackState;
  push(event: RecordingEvent): LiveWarning[];
}

interface MutableState {
  passCount: Uint16Array;
  directionMask: Uint8Array;
  rfHitCount: Uint16Array;
  nanoContactCount: Uint16Array;
  version: number;
}

const inc16 = (a: Uint16Array, v: number) => {
  if (a[v] < 65535) a[v]++;
};

export function createLearnFeedback(surface: TreatmentSurface, header: RecordingHeader): StudioFeedback {
  const vertexCount = surface.positions.length / 3;
  const grid = createVertexGrid(surface.positions);
  const state: MutableState = {
    passCount: new Uint16Array(vertexCount),
    directionMask: new Uint8Array(vertexCount),
    rfHitCount: new Uint16Array(vertexCount),
    nanoContactCount: new Uint16Array(vertexCount),
    version: 0,
  };
  const lastPass = new Int32Array(vertexCount).fill(-1);
  let settings: DeviceSettings | null = null;
  let passId = 0;
  let inContact = false;
  let anchor: Vec3 | null = null;
  let currentClass: DirectionClass | null = null;
  let lastChunkDir: Vec3 | null = null;
  const warned = new Set<string>();

  const warnOnce = (key: string, w: LiveWarning, out: LiveWarning[]) => {
    if (warned.has(key)) return;
    warned.add(key);
    out.push(w);
  };

  const noTreat = (region: RegionId, tMs: number, out: LiveWarning[]) => {
    if (!isNoTreatRegion(region)) return;
    warnOnce(`no-treat:${region}:${Math.floor(tMs / 2000)}`, {
      ruleId: 'no-treat-zone',
      // The site clauses that bound these zones: eyelids (8.5.1), nose (8.5.2), perioral (8.5.4).
      clause: region === 'lips' ? '8.5.4' : region === 'nostrils' ? '8.5.2' : '8.5.1',
      severity: 'critical',
      message: { zh: '器械进入禁止治疗区域（眼、唇红或鼻孔）', en: 'The device entered a no-treat zone (eye, lips or nostrils)' },
      region,
      tMs,
    }, out);
  };

  const rollerSample = (s: InputSample, out: LiveWarning[]) => {
    if (!s.contact) {
      inContact = false;
      anchor = null;
      currentClass = null;
      lastChunkDir = null;
      return;
    }
    if (!inContact) {
      inContact = true;
      passId++;
      anchor = s.p;
    }
    noTreat(s.region, s.tMs, out);
    if (settings?.device === 'roller') {
      const g = siteGuidance('roller', s.region);
      const len = settings.needleLengthMm;
      if (g.rangeMm && (len < g.rangeMm[0] - 1e-9 || len > g.rangeMm[1] + 1e-9)) {
        warnOnce(`needle:${s.region}:${len}`, {
          ruleId: 'roller-needle-length-site',
          clause: g.clause,
          severity: 'major',
          message: {
            zh: `该部位推荐针长 ${g.rangeMm[0]}-${g.rangeMm[1]} mm，当前 ${len} mm`,
            en: `Recommended needle length here is ${g.rangeMm[0]}-${g.rangeMm[1]} mm; fitted ${len} mm`,
          },
          region: s.region,
          tMs: s.tMs,
        }, out);
      }
    }
    // Direction: decided per 3 mm chunk of travel from the anchor.
    if (anchor) {
      const d: Vec3 = [s.p[0] - anchor[0], s.p[1] - anchor[1], s.p[2] - anchor[2]];
      if (Math.hypot(d[0], d[1], d[2]) >= STROKE_CHUNK_MM) {
        const cls = classifyDirection(d, s.n);
        const reversed = lastChunkDir !== null && d[0] * lastChunkDir[0] + d[1] * lastChunkDir[1] + d[2] * lastChunkDir[2] < 0;
        if ((currentClass !== null && cls !== currentClass) || reversed) passId++;
        currentClass = cls;
        lastChunkDir = d;
        anchor = s.p;
        if (s.region === 'scalp' && cls !== 'horizontal') {
          warnOnce(`scalp-direction:${passId}`, {
            ruleId: 'roller-scalp-transverse-only',
            clause: '8.5.7',
            severity: 'major',
            message: { zh: '头皮只能左右横向滚动，以免卷入头发', en: 'Roll the scalp only left-right so hair is not caught' },
            region: s.region,
            tMs: s.tMs,
          }, out);
        }
      }
    }
    const radius = (settings?.device === 'roller' ? settings.drumWidthMm : 20) / 2;
    const bit = currentClass ? DIRECTION_BITS[currentClass] : 0;
    grid.forEachWithin(s.p[0], s.p[1], s.p[2], radius, (v) => {
      if (lastPass[v] !== passId) {
        lastPass[v] = passId;
        inc16(state.passCount, v);
      }
      state.directionMask[v] |= bit;
    });
    state.version++;
  };

  const rfPulse = (p: RfPulse, out: LiveWarning[]) => {
    noTreat(p.region, p.tMs, out);
    const g = siteGuidance('rf', p.region);
    if (g.rangeMm && (p.depthMm < g.rangeMm[0] - 1e-9 || p.depthMm > g.rangeMm[1] + 1e-9)) {
      warnOnce(`rf-depth:${p.region}:${p.depthMm}`, {
        ruleId: 'rf-depth-site',
        clause: g.clause,
        severity: 'major',
        message: {
          zh: `该部位推荐进针深度 ${g.rangeMm[0]}-${g.rangeMm[1]} mm，当前 ${p.depthMm} mm`,
          en: `Recommended insertion depth here is ${g.rangeMm[0]}-${g.rangeMm[1]} mm; set ${p.depthMm} mm`,
        },
        region: p.region,
        tMs: p.tMs,
      }, out);
    }
    if (g.clause === '9.6.4' && !(p.bipolar && p.suction)) {
      warnOnce(`rf-periocular-mode:${p.region}`, {
        ruleId: 'rf-periocular-bipolar-suction',
        clause: '9.6.4',
        severity: 'major',
        message: { zh: '眶周请使用负压射频微针的双极模式', en: 'Around the eyes use the bipolar mode of a suction RF handpiece' },
        region: p.region,
        tMs: p.tMs,
      }, out);
    }
    // The tip's inscribed circle, so that gaps between pulses show (9.3 no-miss).
    grid.forEachWithin(p.p[0], p.p[1], p.p[2], p.tipSizeMm / 2, (v) => inc16(state.rfHitCount, v));
    state.version++;
  };

  const nanoContact = (c: NanoContact, out: LiveWarning[]) => {
    noTreat(c.region, c.tStartMs, out);
    const dwell = c.tEndMs - c.tStartMs;
    if (dwell > NANO_MAX_DWELL_MS) {
      out.push({
        ruleId: 'nano-dwell',
        clause: '10.5',
        severity: 'major',
        message: { zh: `单次停留 ${(dwell / 1000).toFixed(1)} 秒，超过 3 秒`, en: `Contact lasted ${(dwell / 1000).toFixed(1)} s, more than 3 s` },
        region: c.region,
        tMs: c.tEndMs,
      });
    }
    if (c.technique === 'sliding') {
      const reason = c.region === 'scalp' && header.case.hairBearingScalp
        ? { zh: '有毛发的头皮', en: 'hair-bearing scalp' }
        : header.case.skinType === 'dry-rough'
          ? { zh: '干涩粗糙的皮肤', en: 'dry, rough skin' }
          : c.needleHeightUm > NANO_SLIDING_MAX_HEIGHT_UM
            ? { zh: `针高 ${c.needleHeightUm} µm（> 150 µm）`, en: `needle height ${c.needleHeightUm} µm (> 150 µm)` }
            : null;
      if (reason) {
        warnOnce(`nano-sliding:${reason.en}`, {
          ruleId: 'nano-sliding-not-allowed',
          clause: '10.4',
          severity: 'major',
          message: { zh: `此处不适用滑动手法：${reason.zh}`, en: `Sliding is not suitable here: ${reason.en}` },
          region: c.region,
          tMs: c.tStartMs,
        }, out);
      }
    }
    let maxTimes = 0;
    const touch = (x: number, y: number, z: number) =>
      grid.forEachWithin(x, y, z, 4, (v) => {
        inc16(state.nanoContactCount, v);
        if (state.nanoContactCount[v] > maxTimes) maxTimes = state.nanoContactCount[v];
      });
    touch(c.p[0], c.p[1], c.p[2]);
    if (maxTimes > NANO_MAX_TIMES_PER_SITE) {
      warnOnce(`nano-times:${c.region}:${maxTimes}`, {
        ruleId: 'nano-times-per-site',
        clause: '10.5',
        severity: 'major',
        message: { zh: `同一部位已操作 ${maxTimes} 次，超过 3 次`, en: `Same site treated ${maxTimes} times, more than 3` },
        region: c.region,
        tMs: c.tEndMs,
      }, out);
    }
    state.version++;
  };

  return {
    state,
    push(event) {
      const out: LiveWarning[] = [];
      switch (event.kind) {
        case 'settings':
          settings = event.change.settings;
          break;
        case 'sample':
          rollerSample(event.sample, out);
          break;
        case 'pulse':
          rfPulse(event.pulse, out);
          break;
        case 'contact':
          nanoContact(event.contact, out);
          break;
        case 'step':
          break;
      }
      return out;
    },
  };
}

/** The studio's live feedback for a surface and session header. */
export function createStudioFeedback(surface: TreatmentSurface, header: RecordingHeader): StudioFeedback {
  return createLearnFeedback(surface, header);
}
