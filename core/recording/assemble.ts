// Building a recording from its header and its events: the studio's recorder and the main process (which
// assembles each attempt from the header it issued and the batches it stored) build it the same way.

import type { RecordingEvent, RecordingHeader } from '../scoring/live-contract';
import { RECORDING_FORMAT, RECORDING_VERSION, type Recording, type SessionEnd, type Zone } from './types';

/** A recording's event streams, each in the order its events were recorded. */
export type RecordingStreams = Pick<Recording, 'steps' | 'settings' | 'samples' | 'pulses' | 'contacts'> & { endpoints: NonNullable<Recording['endpoints']> };

export function emptyStreams(): RecordingStreams {
  return { steps: [], settings: [], samples: [], pulses: [], contacts: [], endpoints: [] };
}

/** Appends one event to its stream. */
export function appendToStreams(streams: RecordingStreams, event: RecordingEvent): void {
  switch (event.kind) {
    case 'sample':
      streams.samples.push(event.sample);
      break;
    case 'pulse':
      streams.pulses.push(event.pulse);
      break;
    case 'contact':
      streams.contacts.push(event.contact);
      break;
    case 'settings':
      streams.settings.push(event.change);
      break;
    case 'step':
      streams.steps.push(event.step);
      break;
    case 'endpoint':
      streams.endpoints.push(event.declaration);
      break;
  }
}

/** The recording of `header`'s session with these streams and zones, started at `startedAt`, ended at `end`. */
export function recordingFromHeader(
  header: RecordingHeader,
  parts: { startedAt: string; app?: { name: string; version: string }; zones: readonly Zone[]; streams: RecordingStreams; end: SessionEnd },
): Recording {
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    id: header.id,
    startedAt: parts.startedAt,
    ...(parts.app ? { app: parts.app } : {}),
    ...(header.trainee ? { trainee: header.trainee } : {}),
    ...(header.scenarioId ? { scenarioId: header.scenarioId } : {}),
    procedure: header.procedure,
    mode: header.mode,
    goal: header.goal,
    case: header.case,
    zones: parts.zones.map((z) => ({ id: z.id, regions: [...z.regions] })),
    steps: parts.streams.steps,
    settings: parts.streams.settings,
    samples: parts.streams.samples,
    pulses: parts.streams.pulses,
    contacts: parts.streams.contacts,
    // Written only when the trainee declared an endpoint, so a session without one reads as before.
    ...(parts.streams.endpoints.length > 0 ? { endpoints: parts.streams.endpoints } : {}),
    end: parts.end,
  };
}
