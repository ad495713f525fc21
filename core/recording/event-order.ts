// The one order of a recording's events, shared by the batch scorer, the studio's recorder and the replay.
// Events are ordered by the time they take effect; at equal times settings come first, then steps, then
// the treatment events (sample, pulse, contact), then endpoint declarations (which judge what was done up to
// and including that time). The streams of a recording are each already in time
// order (the validator checks it), so merging them is a stable k-way merge.

import type { RecordingEvent } from '../scoring/live-contract';
import type { Recording } from './types';

export type EventKind = RecordingEvent['kind'];

/** Rank of simultaneous events: a change of settings or a step applies before a treatment event at the same time. */
export const EVENT_KIND_ORDER: Readonly<Record<EventKind, number>> = Object.freeze({ settings: 0, step: 1, sample: 2, pulse: 2, contact: 2, endpoint: 3 });

/**
 * The recording's streams in merge order. At equal time and equal kind rank, the earlier stream wins
 * (a sample before a pulse before a contact); within one stream the recorded order is kept.
 */
export const EVENT_STREAMS: readonly EventKind[] = Object.freeze(['settings', 'step', 'sample', 'pulse', 'contact', 'endpoint'] as const);

const STREAM_INDEX: Readonly<Record<EventKind, number>> = Object.freeze({ settings: 0, step: 1, sample: 2, pulse: 3, contact: 4, endpoint: 5 });
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
    case 'endpoint':
      return event.declaration.tMs;
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
    endpoint: { kind: 'endpoint', declaration: r.endpoints?.[0] } as Extract<RecordingEvent, { kind: 'endpoint' }>,
  };
  const heads = new Float64Array(6);
  let iSet = 0, iStep = 0, iSample = 0, iPulse = 0, iContact = 0, iEndpoint = 0;
  const { settings, steps, samples, pulses, contacts } = r;
  const endpoints = r.endpoints ?? [];
  const nSet = settings.length, nStep = steps.length, nSample = samples.length, nPulse = pulses.length, nContact = contacts.length, nEndpoint = endpoints.length;
  // Only the head of the stream just taken changes.
  heads[0] = nSet > 0 ? settings[0].tMs : Infinity;
  heads[1] = nStep > 0 ? steps[0].tMs : Infinity;
  heads[2] = nSample > 0 ? samples[0].tMs : Infinity;
  heads[3] = nPulse > 0 ? pulses[0].tMs : Infinity;
  heads[4] = nContact > 0 ? contacts[0].tStartMs : Infinity;
  heads[5] = nEndpoint > 0 ? endpoints[0].tMs : Infinity;
  for (;;) {
    switch (nextEventStream(heads)) {
      case 0:
        ev.settings.change = settings[iSet++];
        visit(ev.settings);
        heads[0] = iSet < nSet ? settings[iSet].tMs : Infinity;
        break;
      case 1:
        ev.step.step = steps[iStep++];
        visit(ev.step);
        heads[1] = iStep < nStep ? steps[iStep].tMs : Infinity;
        break;
      case 2: {
        // A run of samples, without the merge step for each: the next sample also comes next while it is before
        // the next settings change and step (which go first at equal times) and not after the next pulse and
        // contact and endpoint declaration (which a sample precedes at equal times). Any other case (a NaN time
        // too) goes to the merge step.
        const before = Math.min(heads[0], heads[1]), notAfter = Math.min(heads[3], heads[4], heads[5]);
        let t: number;
        do {
          ev.sample.sample = samples[iSample++];
          visit(ev.sample);
        } while (iSample < nSample && (t = samples[iSample].tMs) < before && t <= notAfter);
        heads[2] = iSample < nSample ? samples[iSample].tMs : Infinity;
        break;
      }
      case 3:
        ev.pulse.pulse = pulses[iPulse++];
        visit(ev.pulse);
        heads[3] = iPulse < nPulse ? pulses[iPulse].tMs : Infinity;
        break;
      case 4:
        ev.contact.contact = contacts[iContact++];
        visit(ev.contact);
        heads[4] = iContact < nContact ? contacts[iContact].tStartMs : Infinity;
        break;
      case 5:
        ev.endpoint.declaration = endpoints[iEndpoint++];
        visit(ev.endpoint);
        heads[5] = iEndpoint < nEndpoint ? endpoints[iEndpoint].tMs : Infinity;
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
