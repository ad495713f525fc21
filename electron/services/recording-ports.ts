// The scoring ports of the attempts service, wired to core: parseRecording (with the head's bounds for
// the plausibility checks) and score() on the shipped head model. Main never scores on a stand-in: when
// the head model is missing or damaged, every call says which file, and nothing is scored.

import { ApiFailure } from '../../core/api/errors';
import { scoringSurfaceFor } from '../../core/node/surface';
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
    provenance: (_recording, scenario) => scoreProvenance({ scenario, headModelSha256 }),
  };
}

const unavailable = (error: unknown) => new ApiFailure('unavailable', `sessions cannot be checked or scored: ${(error as Error).message}`);

/**
 * The app's ports: the shipped heads, loaded on first use, each recording scored on the head its case is
 * treated on (the woman's or the man's); a missing head model is an error naming the file.
 */
export function loadScoringPorts(now: () => Date = () => new Date()): ScoringPorts {
  const surfaceOf = (recording: Pick<Recording, 'case'>) => {
    try {
      return scoringSurfaceFor(recording);
    } catch (error) {
      throw unavailable(error);
    }
  };
  return {
    validateRecording: (input, source) => {
      // The bounds for the plausibility checks are those of the head the recording's case names (the woman's
      // when it names none or cannot be read; the validator refuses an unreadable case itself).
      const patientCase = input && typeof input === 'object' ? (input as { case?: unknown }).case : undefined;
      const named = patientCase && typeof patientCase === 'object' ? (patientCase as Recording['case']) : undefined;
      return validateWithCore(input, source, surfaceOf({ case: named } as Pick<Recording, 'case'>).surface, now());
    },
    scoreRecording: (recording, scenario) => score(recording, { surface: surfaceOf(recording).surface, ...(scenario ? { scenario } : {}) }),
    provenance: (recording, scenario) => scoreProvenance({ scenario, headModelSha256: surfaceOf(recording).headModelSha256 }),
  };
}
