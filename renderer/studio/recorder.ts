// The session recorder: collects every event of a practice session in the order it happened and builds
// the recording (core/recording/types.ts). Pure: the caller supplies times (ms from session start), so
// recording never depends on frame rate or on when React renders. The order of a built recording's events
// is core/recording/event-order.ts.

import { appendToStreams, emptyStreams, recordingFromHeader } from '../../core/recording/assemble';
import type { DeviceSettings, Recording, SessionEnd, Zone } from '../../core/recording/types';
import { latestEventEnd } from '../../core/recording/event-order';
import type { RecordingEvent, RecordingHeader } from '../../core/scoring/live-contract';

export interface SessionRecorder {
  readonly header: RecordingHeader;
  readonly startedAt: string;
  /** Appends one event (a time before its stream's last is raised to it); listeners (the live scorer) see it at once. */
  push(event: RecordingEvent): void;
  setZones(zones: Zone[]): void;
  zones(): readonly Zone[];
  /** Events so far, in order. */
  events(): readonly RecordingEvent[];
  counts(): { samples: number; pulses: number; contacts: number; steps: number };
  /** The recording as it stands, ended at `end` (or open-ended at the last event's time). */
  build(end?: SessionEnd): Recording;
}

export interface RecorderOptions {
  header: RecordingHeader;
  startedAt: string;
  app?: { name: string; version: string };
  initialSettings: DeviceSettings;
  onEvent?: (event: RecordingEvent) => void;
}

export function createRecorder(options: RecorderOptions): SessionRecorder {
  const events: RecordingEvent[] = [];
  // Each stream's times never go backwards (main refuses a recording whose times do): input from two
  // devices, or a pointer's own timestamps against the clock read for a step, can disagree by a few ms.
  const last = { sample: 0, pulse: 0, contact: 0, settings: 0, step: 0, endpoint: 0 };
  const inOrder = (e: RecordingEvent): RecordingEvent => {
    switch (e.kind) {
      case 'sample':
        if (e.sample.tMs >= last.sample) return ((last.sample = e.sample.tMs), e);
        return { kind: 'sample', sample: { ...e.sample, tMs: last.sample } };
      case 'pulse':
        if (e.pulse.tMs >= last.pulse) return ((last.pulse = e.pulse.tMs), e);
        return { kind: 'pulse', pulse: { ...e.pulse, tMs: last.pulse } };
      case 'settings':
        if (e.change.tMs >= last.settings) return ((last.settings = e.change.tMs), e);
        return { kind: 'settings', change: { ...e.change, tMs: last.settings } };
      case 'step':
        if (e.step.tMs >= last.step) return ((last.step = e.step.tMs), e);
        return { kind: 'step', step: { ...e.step, tMs: last.step } };
      case 'endpoint':
        if (e.declaration.tMs >= last.endpoint) return ((last.endpoint = e.declaration.tMs), e);
        return { kind: 'endpoint', declaration: { ...e.declaration, tMs: last.endpoint } };
      case 'contact': {
        const c = e.contact;
        const start = Math.max(c.tStartMs, last.contact);
        last.contact = start;
        const end = Math.max(c.tEndMs, start);
        let t = start;
        let sound = start === c.tStartMs && end === c.tEndMs;
        for (const pt of c.path) {
          if (pt.tMs < t || pt.tMs > end) sound = false;
          else t = pt.tMs;
        }
        if (sound) return e;
        t = start;
        const path = c.path.map((pt) => ((t = Math.min(end, Math.max(t, pt.tMs))), { ...pt, tMs: t }));
        return { kind: 'contact', contact: { ...c, tStartMs: start, tEndMs: end, path } };
      }
    }
  };
  let zones: Zone[] = [...options.header.zones];
  const streams = emptyStreams();

  const push = (input: RecordingEvent) => {
    const event = inOrder(input);
    events.push(event);
    appendToStreams(streams, event);
    options.onEvent?.(event);
  };

  push({ kind: 'settings', change: { tMs: 0, settings: options.initialSettings } });

  return {
    header: options.header,
    startedAt: options.startedAt,
    push,
    setZones(next) {
      zones = next.map((z) => ({ id: z.id, regions: [...z.regions] }));
    },
    zones: () => zones,
    events: () => events,
    counts: () => ({ samples: streams.samples.length, pulses: streams.pulses.length, contacts: streams.contacts.length, steps: streams.steps.length }),
    build(end) {
      const lastT = latestEventEnd(events);
      return recordingFromHeader(options.header, {
        startedAt: options.startedAt,
        ...(options.app ? { app: options.app } : {}),
        zones,
        streams: {
          steps: [...streams.steps],
          settings: [...streams.settings],
          samples: [...streams.samples],
          pulses: [...streams.pulses],
          contacts: [...streams.contacts],
          endpoints: [...streams.endpoints],
        },
        // Never before the last event: input carries the device's own timestamps, which may run ahead of
        // the clock read when the session is ended.
        end: end ? { ...end, tMs: Math.max(end.tMs, lastT) } : { tMs: lastT, reason: 'aborted' },
      });
    },
  };
}
