// Wires the sessions service to core's recording validator (core/recording/validate.ts) and scorer.

import { ApiFailure } from '../../core/api/errors';
import { parseRecording } from '../../core/recording/validate';
import { unavailableRecordingPorts, type RecordingPorts } from './sessions';

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

export function loadRecordingPorts(): RecordingPorts {
  return {
    validateRecording: validateRecordingWithCore,
    scoreRecording: unavailableRecordingPorts.scoreRecording,
  };
}
