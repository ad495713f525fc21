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
  // The same merge as recordingEvents(), without a generator or an object per event: one reused event per kind.
  const r = recording;
  const ev = {
    settings: { kind: 'settings', change: r.settings[0] } as Extract<RecordingEvent, { kind: 'settings' }>,
    step: { kind: 'step', step: r.steps[0] } as Extract<RecordingEvent, { kind: 'step' }>,
    sample: { kind: 'sample', sample: r.samples[0] } as Extract<RecordingEvent, { kind: 'sample' }>,
    pulse: { kind: 'pulse', pulse: r.pulses[0] } as Extract<RecordingEvent, { kind: 'pulse' }>,
    contact: { kind: 'contact', contact: r.contacts[0] } as Extract<RecordingEvent, { kind: 'contact' }>,
  };
  let iSet = 0, iStep = 0, iSample = 0, iPulse = 0, iContact = 0;
  const nSet = r.settings.length, nStep = r.steps.length, nSample = r.samples.length, nPulse = r.pulses.length, nContact = r.contacts.length;
  for (;;) {
    // Settings, then steps, then treatment events at equal times (KIND_ORDER).
    const tSet = iSet < nSet ? r.settings[iSet].tMs : Infinity;
    const tStep = iStep < nStep ? r.steps[iStep].tMs : Infinity;
    const tSample = iSample < nSample ? r.samples[iSample].tMs : Infinity;
    const tPulse = iPulse < nPulse ? r.pulses[iPulse].tMs : Infinity;
    const tContact = iContact < nContact ? r.contacts[iContact].tStartMs : Infinity;
    const tTreat = Math.min(tSample, tPulse, tContact);
    if (tSet === Infinity && tStep === Infinity && tTreat === Infinity) break;
    if (tSet <= tStep && tSet <= tTreat) {
      ev.settings.change = r.settings[iSet++];
      engine.push(ev.settings);
    } else if (tStep <= tTreat) {
      ev.step.step = r.steps[iStep++];
      engine.push(ev.step);
    } else if (tSample === tTreat) {
      ev.sample.sample = r.samples[iSample++];
      engine.push(ev.sample);
    } else if (tPulse === tTreat) {
      ev.pulse.pulse = r.pulses[iPulse++];
      engine.push(ev.pulse);
    } else {
      ev.contact.contact = r.contacts[iContact++];
      engine.push(ev.contact);
    }
  }
  return engine.finish(recording.end);
}
