// Wires the sessions service to core's recording validator and scorer.

import { unavailableRecordingPorts, type RecordingPorts } from './sessions';

export function loadRecordingPorts(): RecordingPorts {
  return unavailableRecordingPorts;
}
