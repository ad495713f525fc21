// Replay model: the recording's events in time order, the device track, and feedback rebuilt up to any
// time (forward playback feeds events incrementally; scrubbing back rebuilds from the start).

import { eventTime, latestEventEnd, recordingEvents } from '../../../core/recording/event-order';
import type { DeviceSettings, Recording, Vec3 } from '../../../core/recording/types';
import type { LiveFeedbackState } from '../../../core/scoring/live-contract';
import type { TreatmentSurface } from '../../../core/surface/surface';
import { createStudioFeedback, type StudioFeedback } from '../feedback/live';

export interface TrackPoint {
  tMs: number;
  p: Vec3;
  n: Vec3;
  contact: boolean;
  pulse?: boolean;
}

export interface ReplayModel {
  readonly durationMs: number;
  /** Feedback state with every event at or before tMs applied. */
  stateAt(tMs: number): LiveFeedbackState;
  /** Device position at tMs (the last track point at or before it). */
  poseAt(tMs: number): TrackPoint | null;
  /** Unit direction of travel into the pose at tMs, or null where the device was not moving. */
  moveDirAt(tMs: number): Vec3 | null;
  settingsAt(tMs: number): DeviceSettings;
}

export function buildTrack(recording: Recording): TrackPoint[] {
  const track: TrackPoint[] = [
    ...recording.samples.map((s) => ({ tMs: s.tMs, p: s.p, n: s.n, contact: s.contact })),
    ...recording.pulses.map((p) => ({ tMs: p.tMs, p: p.p, n: p.n, contact: true, pulse: true })),
    ...recording.contacts.flatMap((c) => [
      ...(c.path.length ? c.path.map((q) => ({ tMs: q.tMs, p: q.p, n: c.n, contact: true })) : [{ tMs: c.tStartMs, p: c.p, n: c.n, contact: true }]),
      { tMs: c.tEndMs, p: c.path.length ? c.path[c.path.length - 1].p : c.p, n: c.n, contact: false },
    ]),
  ];
  return track.sort((a, b) => a.tMs - b.tMs);
}

/** Index of the last element with tMs <= t, or -1. */
export function lastAtOrBefore<T extends { tMs: number }>(list: readonly T[], t: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].tMs <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function createReplayModel(surface: TreatmentSurface, recording: Recording): ReplayModel {
  const events = recordingEvents(recording);
  const track = buildTrack(recording);
  const header = { id: recording.id, procedure: recording.procedure, mode: recording.mode, goal: recording.goal, case: recording.case, zones: recording.zones };
  let feedback: StudioFeedback = createStudioFeedback(surface, header);
  let next = 0;
  let at = -Infinity;
  const durationMs = Math.max(recording.end.tMs, latestEventEnd(events));
  return {
    durationMs,
    stateAt(tMs) {
      if (tMs < at) {
        feedback = createStudioFeedback(surface, header);
        next = 0;
      }
      while (next < events.length && eventTime(events[next]) <= tMs) feedback.push(events[next++]);
      at = tMs;
      return feedback.state;
    },
    poseAt(tMs) {
      const i = lastAtOrBefore(track, tMs);
      return i < 0 ? null : track[i];
    },
    moveDirAt(tMs) {
      const i = lastAtOrBefore(track, tMs);
      if (i < 1 || !track[i].contact || !track[i - 1].contact) return null;
      const a = track[i - 1].p;
      const b = track[i].p;
      const d: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
      const len = Math.hypot(d[0], d[1], d[2]);
      return len > 1e-6 ? [d[0] / len, d[1] / len, d[2] / len] : null;
    },
    settingsAt(tMs) {
      const i = lastAtOrBefore(recording.settings, tMs);
      return recording.settings[Math.max(0, i)].settings;
    },
  };
}
