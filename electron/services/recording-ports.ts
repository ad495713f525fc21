// The scoring ports of the attempts service, wired to core: parseRecording (with the head's bounds for
// the plausibility checks) and score() on the shipped head model. Main never scores on a stand-in: when
// the head model is missing or damaged, every call says which file, and nothing is scored.

import { ApiFailure } from '../../core/api/errors';
import { shippedHeadModelSha256 } from '../../core/node/head-model-file';
import { loadScoringSurface } from '../../core/node/surface';
import { parseRecording } from '../../core/recording/validate';
import { scoreProvenance } from '../../core/scoring/provenance';
import { score } from '../../core/scoring/score';
import { surfaceBounds } from '../../core/surface/surface';
import type { TreatmentSurface } from '../../core/surface/surface';
import type { Recording } from '../../core/recording/types';
import type { ScoringPorts } from './attempts/service';

/** core/recording's parseRecording as a port: a failure throws invalid-recording with the first error's pointer and a count of the rest. */
export function validateWithCore(input: unknown, source: string, surface: TreatmentSurface | null, now: Date): Recording {
  let result: ReturnType<typeof parseRecording>;
  try {
    result = parseRecording(input, source, { ...(surface ? { bounds: surfaceBounds(surface) } : {}), now });
  } catch (error) {
    // A document the validator cannot even describe (a value it quotes with JSON.stringify is nested deep
    // enough to overflow the stack, or is a BigInt, which IPC's structured clone delivers) is refused like
    // any other invalid recording, never answered with 'internal'.
    if (error instanceof RangeError || error instanceof TypeError) throw new ApiFailure('invalid-recording', `${source} is not a valid session recording: ${error.message}`, '');
    throw error;
  }
  if (result.ok) return result.recording;
  const [first, ...rest] = result.errors;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  throw new ApiFailure('invalid-recording', `${source} is not a valid session recording at ${first?.pointer || '/'}: ${first?.message ?? 'invalid'}${more}`, first?.pointer ?? '');
}

/** Scoring ports on a given surface (tests pass the stand-in here, explicitly). */
export function scoringPortsOn(surface: TreatmentSurface, headModelSha256: string, now: () => Date = () => new Date()): ScoringPorts {
  return {
    validateRecording: (input, source) => validateWithCore(input, source, surface, now()),
    scoreRecording: (recording, scenario) => score(recording, { surface, ...(scenario ? { scenario } : {}) }),
    provenance: (scenario) => scoreProvenance({ scenario, headModelSha256 }),
  };
}

/** The app's ports: the shipped head model, loaded on first use; a missing one is an error naming the file. */
export function loadScoringPorts(now: () => Date = () => new Date()): ScoringPorts {
  let ports: ScoringPorts | null = null;
  const get = (): ScoringPorts => {
    if (ports) return ports;
    try {
      ports = scoringPortsOn(loadScoringSurface().surface, shippedHeadModelSha256(), now);
    } catch (error) {
      throw new ApiFailure('unavailable', `sessions cannot be checked or scored: ${(error as Error).message}`);
    }
    return ports;
  };
  return {
    validateRecording: (input, source) => get().validateRecording(input, source),
    scoreRecording: (recording, scenario) => get().scoreRecording(recording, scenario),
    provenance: (scenario) => get().provenance(scenario),
  };
}
