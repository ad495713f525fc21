// Batch scoring: pushes a recording's events, in time order, through the same engine the live renderer
// uses, then runs the end-of-session checks. Deterministic: no randomness, no clock.

import type { Recording } from '../recording/types';
import type { TreatmentSurface } from '../surface/surface';
import type { RecordingEvent } from './live-contract';
import { createScoringEngine } from './live';
import type { ScoreReport } from './report';
import type { Scenario } from './scenario';

/** Order of simultaneous events: settings and steps take effect before the sample, pulse or contact at the same time. */
const KIND_ORDER: Record<RecordingEvent['kind'], number> = { settings: 0, step: 1, sample: 2, pulse: 2, contact: 2 };

const eventTime = (e: RecordingEvent): number => {
  switch (e.kind) {
    case 'sample':
      return e.sample.tMs;
    case 'pulse':
      return e.pulse.tMs;
    case 'contact':
      return e.contact.tStartMs;
    case 'settings':
      return e.change.tMs;
    case 'step':
      return e.step.tMs;
  }
};

/** The recording's events merged into one time-ordered stream (stable for equal times). */
export function* recordingEvents(r: Recording): Generator<RecordingEvent> {
  const streams: RecordingEvent[][] = [
    r.settings.map((change) => ({ kind: 'settings', change }) as const),
    r.steps.map((step) => ({ kind: 'step', step }) as const),
    r.samples.map((sample) => ({ kind: 'sample', sample }) as const),
    r.pulses.map((pulse) => ({ kind: 'pulse', pulse }) as const),
    r.contacts.map((contact) => ({ kind: 'contact', contact }) as const),
  ];
  const at = streams.map(() => 0);
  for (;;) {
    let best = -1;
    let bestT = Infinity;
    let bestOrder = Infinity;
    for (let s = 0; s < streams.length; s++) {
      if (at[s] >= streams[s].length) continue;
      const e = streams[s][at[s]];
      const t = eventTime(e);
      const o = KIND_ORDER[e.kind];
      if (t < bestT || (t === bestT && o < bestOrder)) {
        best = s;
        bestT = t;
        bestOrder = o;
      }
    }
    if (best < 0) return;
    yield streams[best][at[best]++];
  }
}

export function score(recording: Recording, options: { surface: TreatmentSurface; scenario?: Scenario }): ScoreReport {
  const engine = createScoringEngine(options.surface, recording, options.scenario);
  for (const e of recordingEvents(recording)) engine.push(e);
  return engine.finish(recording.end);
}
