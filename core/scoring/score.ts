// Batch scoring: pushes a recording's events, in the one event order (core/recording/event-order.ts),
// through the same engine the live renderer uses, then runs the end-of-session checks. Deterministic: no
// randomness, no clock.

import { forEachRecordingEvent } from '../recording/event-order';
import type { Recording } from '../recording/types';
import type { TreatmentSurface } from '../surface/surface';
import { createScoringEngine } from './live';
import type { ScoreReport } from './report';
import type { Scenario } from './scenario';

export function score(recording: Recording, options: { surface: TreatmentSurface; scenario?: Scenario }): ScoreReport {
  const engine = createScoringEngine(options.surface, recording, options.scenario);
  // Allocation-free merge: the engine reads each event during push and keeps none of the event objects.
  forEachRecordingEvent(recording, engine.push);
  return engine.finish(recording.end);
}
