// The one order of a recording's events, shared by the batch scorer, the studio's recorder and the replay.
// Events are ordered by the time they take effect; at equal times settings come first, then steps, then
// the treatment events (sample, pulse, contact). The streams of a recording are each already in time
// order (the validator checks it), so merging them is a stable k-way merge.

import type { RecordingEvent } from '../scoring/live-contract';
import type { Recording } from './types';

export type EventKind = RecordingEvent['kind'];

/** Rank of simultaneous events: a change of settings or a step applies before a treatment event at the same time. */
export const EVENT_KIND_ORDER: Readonly<Record<EventKind, number>> = Object.freeze({ settings: 0, step: 1, sample: 2, pulse: 2, contact: 2 });

/**
 * The recording's streams in merge order. At equal time and equal kind rank, the earlier stream wins
 * (a sample before a pulse before a contact); within one stream the recorded order is kept.
 */
export const EVENT_STREAMS: readonly EventKind[] = Object.freeze(['settings', 'step', 'sample', 'pulse', 'contact'] as const);

const STREAM_INDEX: Readonly<Record<EventKind, number>> = Object.freeze({ settings: 0, step: 1, sample: 2, pulse: 3, contact: 4 });
const STREAM_RANK = EVENT_STREAMS.map((k) => EVENT_KIND_ORDER[k]);

/** When the event takes effect, ms from session start: a nano contact counts from the moment it touches. */
export function eventTime(event: RecordingEvent): number {
  switch (event.kind) {
    case 'sample':
      return event.sample.tMs;
    case 'pulse':
      return event.pulse.tMs;
    case 'contact':
      return event.contact.tStartMs;
    case 'settings':
      return event.change.tMs;
    case 'step':
      return event.step.tMs;
  }
}

/** When the event is over: a contact's lift, otherwise its time. The recording cannot end before this. */
export function eventEndTime(event: RecordingEvent): number {
  return event.kind === 'contact' ? event.contact.tEndMs : eventTime(event);
}

/** The latest end time of the events (0 for none). */
export function latestEventEnd(events: Iterable<RecordingEvent>): number {
  let t = 0;
  for (const e of events) t = Math.max(t, eventEndTime(e));
  return t;
}

/**
 * Sort order of two events: time, then kind rank, then stream. 0 only for events of one stream at one
 * time, so a stable sort of the concatenated streams equals recordingEvents().
 */
export function compareEvents(a: RecordingEvent, b: RecordingEvent): number {
  return eventTime(a) - eventTime(b) || EVENT_KIND_ORDER[a.kind] - EVENT_KIND_ORDER[b.kind] || STREAM_INDEX[a.kind] - STREAM_INDEX[b.kind];
}

/**
 * The merge step: given the time of each stream's next event (indexed as EVENT_STREAMS, Infinity when
 * the stream is used up), the index of the stream to take from next, or -1 when all are used up.
 */
export function nextEventStream(heads: ArrayLike<number>): number {
  let best = -1;
  let bestT = Infinity;
  let bestRank = Infinity;
  for (let s = 0; s < STREAM_RANK.length; s++) {
    const t = heads[s];
    if (t === Infinity) continue;
    const rank = STREAM_RANK[s];
    if (t < bestT || (t === bestT && rank < bestRank)) {
      best = s;
      bestT = t;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * Visits the recording's events in order without allocating per event: one event object per kind is
 * reused, so a visitor must copy whatever it keeps. The batch scorer's hot loop.
 */
export function forEachRecordingEvent(r: Recording, visit: (event: RecordingEvent) => unknown): void {
  const ev = {
    settings: { kind: 'settings', change: r.settings[0] } as Extract<RecordingEvent, { kind: 'settings' }>,
    step: { kind: 'step', step: r.steps[0] } as Extract<RecordingEvent, { kind: 'step' }>,
    sample: { kind: 'sample', sample: r.samples[0] } as Extract<RecordingEvent, { kind: 'sample' }>,
    pulse: { kind: 'pulse', pulse: r.pulses[0] } as Extract<RecordingEvent, { kind: 'pulse' }>,
    contact: { kind: 'contact', contact: r.contacts[0] } as Extract<RecordingEvent, { kind: 'contact' }>,
  };
  const heads = new Float64Array(5);
  let iSet = 0, iStep = 0, iSample = 0, iPulse = 0, iContact = 0;
  const nSet = r.settings.length, nStep = r.steps.length, nSample = r.samples.length, nPulse = r.pulses.length, nContact = r.contacts.length;
  for (;;) {
    heads[0] = iSet < nSet ? r.settings[iSet].tMs : Infinity;
    heads[1] = iStep < nStep ? r.steps[iStep].tMs : Infinity;
    heads[2] = iSample < nSample ? r.samples[iSample].tMs : Infinity;
    heads[3] = iPulse < nPulse ? r.pulses[iPulse].tMs : Infinity;
    heads[4] = iContact < nContact ? r.contacts[iContact].tStartMs : Infinity;
    switch (nextEventStream(heads)) {
      case 0:
        ev.settings.change = r.settings[iSet++];
        visit(ev.settings);
        break;
      case 1:
        ev.step.step = r.steps[iStep++];
        visit(ev.step);
        break;
      case 2:
        ev.sample.sample = r.samples[iSample++];
        visit(ev.sample);
        break;
      case 3:
        ev.pulse.pulse = r.pulses[iPulse++];
        visit(ev.pulse);
        break;
      case 4:
        ev.contact.contact = r.contacts[iContact++];
        visit(ev.contact);
        break;
      default:
        return;
    }
  }
}

/** The recording's events merged into one ordered list (a new event object each, safe to keep). */
export function recordingEvents(r: Recording): RecordingEvent[] {
  const out: RecordingEvent[] = [];
  forEachRecordingEvent(r, (e) => {
    out.push({ ...e } as RecordingEvent);
  });
  return out;
}
