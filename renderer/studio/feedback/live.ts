// Live feedback for learn mode and the replay: the scoring engine's incremental LiveScorer (core), so
// the heat maps, warnings and the final score come from the same primitives and cannot disagree.

import type { LiveScorer, RecordingHeader } from '../../../core/scoring/live-contract';
import { createLiveScorer } from '../../../core/scoring/live';
import type { TreatmentSurface } from '../../../core/surface/surface';

export type StudioFeedback = LiveScorer;

export function createStudioFeedback(surface: TreatmentSurface, header: RecordingHeader): StudioFeedback {
  return createLiveScorer(surface, header);
}
