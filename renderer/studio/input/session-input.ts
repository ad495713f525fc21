// Turns pointer input into recording events: roller samples (every coalesced pointer event while the drum
// touches the skin), RF pulses (one per click), nano contacts (press-and-hold, with the path while held).
// Called from pointer event handlers with rays already built, so it runs at device rate, never per frame,
// and is testable without a DOM or a canvas.

import type { Ray } from 'three';
import type { InputSample, NanoContact, Vec3 } from '../../../core/recording/types';
import type { SurfaceHit, SurfacePicker } from '../head/picker';
import type { CursorState } from '../scene/cursor';
import type { StudioState } from '../store';
import { samplePressure, type PointerLike } from './pressure';

export interface PointerInput extends PointerLike {
  /** Same clock as performance.now(). */
  timeStamp: number;
  ray: Ray;
}

export interface SessionInput {
  down(e: PointerInput): void;
  move(events: PointerInput[]): void;
  up(e: PointerInput): void;
}

interface StoreLike {
  getState(): StudioState;
}

export function createSessionInput(store: StoreLike, picker: SurfacePicker, cursor: CursorState): SessionInput {
  let rollerDown = false;
  let lastContactHit: SurfaceHit | null = null;
  let nano: NanoContact | null = null;

  const skinTension = (s: StudioState) => s.skinTensionToggle || s.skinTensionKey;

  const track = (hit: SurfaceHit | null) => {
    if (hit && cursor.p) {
      const d: Vec3 = [hit.p[0] - cursor.p[0], hit.p[1] - cursor.p[1], hit.p[2] - cursor.p[2]];
      const len = Math.hypot(d[0], d[1], d[2]);
      if (len > 0.3) cursor.moveDir = [d[0] / len, d[1] / len, d[2] / len];
    }
    cursor.p = hit ? hit.p : null;
    cursor.n = hit ? hit.n : null;
  };

  const rollerSample = (s: StudioState, e: PointerInput, hit: SurfaceHit, contact: boolean): InputSample => ({
    tMs: s.sessionTime(e.timeStamp),
    p: hit.p,
    n: hit.n,
    region: hit.region,
    pressure: contact ? samplePressure(e, s.mousePressure, s.lightKey) : 0,
    contact,
    ...(skinTension(s) ? { skinTension: true } : {}),
  });

  const lift = (s: StudioState, e: PointerInput) => {
    if (rollerDown && lastContactHit && s.recorder) {
      s.recorder.push({ kind: 'sample', sample: rollerSample(s, e, lastContactHit, false) });
    }
    rollerDown = false;
    lastContactHit = null;
  };

  return {
    down(e) {
      const s = store.getState();
      const hit = picker.pick(e.ray);
      track(hit);
      if (!hit) return;
      // RF zone definition: clicks pick regions for the zone being edited, nothing is recorded.
      if (s.zoneEditId) {
        s.toggleZoneRegion(s.zoneEditId, hit.region);
        return;
      }
      if (s.phase !== 'running' || !s.recorder) return;
      cursor.down = true;
      const settings = s.settings;
      if (settings.device === 'roller') {
        rollerDown = true;
        lastContactHit = hit;
        s.recorder.push({ kind: 'sample', sample: rollerSample(s, e, hit, true) });
      } else if (settings.device === 'rf') {
        // A zone without regions is not in the recording yet: the pulse goes to the zone holding its region.
        const zone = s.zones.find((z) => z.id === s.activeZoneId && z.regions.length > 0) ?? s.zones.find((z) => z.regions.includes(hit.region));
        s.recorder.push({
          kind: 'pulse',
          pulse: {
            tMs: s.sessionTime(e.timeStamp),
            p: hit.p,
            n: hit.n,
            axis: [-hit.n[0], -hit.n[1], -hit.n[2]],
            region: hit.region,
            ...(zone ? { zoneId: zone.id } : {}),
            depthMm: settings.depthMm,
            powerW: settings.powerW,
            pulseWidthMs: settings.pulseWidthMs,
            tipSizeMm: settings.tipSizeMm,
            suction: settings.suction,
            bipolar: settings.bipolar,
            tipId: settings.tipId,
            pressure: samplePressure(e, s.mousePressure, s.lightKey),
            ...(skinTension(s) ? { skinTension: true } : {}),
          },
        });
        cursor.pulseAtMs = e.timeStamp;
      } else {
        const t = s.sessionTime(e.timeStamp);
        nano = {
          tStartMs: t,
          tEndMs: t,
          p: hit.p,
          n: hit.n,
          region: hit.region,
          technique: settings.technique,
          needleHeightUm: settings.needleHeightUm,
          path: [{ tMs: t, p: hit.p }],
        };
        s.setContactSince(e.timeStamp);
      }
    },
    move(events) {
      const s = store.getState();
      let lastHit: SurfaceHit | null = null;
      for (const e of events) {
        const hit = picker.pick(e.ray);
        track(hit);
        lastHit = hit ?? lastHit;
        if (s.phase !== 'running' || !s.recorder) continue;
        if (rollerDown) {
          if (hit) {
            s.recorder.push({ kind: 'sample', sample: rollerSample(s, e, hit, true) });
            lastContactHit = hit;
          } else {
            // Slid off the head: the drum has left the skin.
            lift(s, e);
          }
        } else if (nano && hit) {
          nano.path.push({ tMs: s.sessionTime(e.timeStamp), p: hit.p });
        }
      }
      s.setHoverRegion(lastHit ? lastHit.region : null);
    },
    up(e) {
      const s = store.getState();
      cursor.down = false;
      if (s.phase !== 'running' || !s.recorder) {
        rollerDown = false;
        nano = null;
        return;
      }
      lift(s, e);
      if (nano) {
        s.setContactSince(null);
        nano.tEndMs = Math.max(nano.tStartMs, s.sessionTime(e.timeStamp));
        s.recorder.push({ kind: 'contact', contact: nano });
        nano = null;
      }
      s.refreshCounts();
    },
  };
}
