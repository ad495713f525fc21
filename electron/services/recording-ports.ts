// Wires the sessions service to core's recording validator (core/recording/validate.ts) and scorer
// (core/scoring/score.ts on the shipped head surface): the main process re-scores every recording itself.

import { ApiFailure } from '../../core/api/errors';
import { loadScoringSurface } from '../../core/node/surface';
import { parseRecording } from '../../core/recording/validate';
import { score } from '../../core/scoring/score';
import type { RecordingPorts } from './sessions';

/**
 * core/recording's parseRecording as a port: a failure throws invalid-recording with the first error's
 * JSON pointer (within the recording) and a count of the rest.
 */
export function validateRecordingWithCore(input: unknown, source: string): ReturnType<RecordingPorts['validateRecording']> {
  const result = parseRecording(input, source);
  if (result.ok) return result.recording;
  const [first, ...rest] = result.errors;
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  throw new ApiFailure('invalid-recording', `${source} is not a valid session recording at ${first?.pointer || '/'}: ${first?.message ?? 'invalid'}${more}`, first?.pointer ?? '');
}

/**
 * core/scoring's score() on the shipped head model (decoded once, on the first score). Scenario overrides
 * are not applied yet: no scenario catalogue is stored on the main side, so the defaults score.
 */
export function scoreRecordingWithCore(recording: Parameters<RecordingPorts['scoreRecording']>[0]): ReturnType<RecordingPorts['scoreRecording']> {
  return score(recording, { surface: loadScoringSurface().surface });
}

export function loadRecordingPorts(): RecordingPorts {
  return { validateRecording: validateRecordingWithCore, scoreRecording: scoreRecordingWithCore };
}
