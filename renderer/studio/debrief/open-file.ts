// Reopening a session from a recording file: JSON, then core's parseRecording (migration, schema and
// semantic checks). Errors name the file and the JSON pointer at fault.

import { parseRecording } from '../../../core/recording/validate';
import type { Recording } from '../../../core/recording/types';

export type OpenFileResult = { ok: true; recording: Recording } | { ok: false; errors: string[] };

export function readRecordingText(text: string, fileName: string): OpenFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`${fileName}: not valid JSON (${(error as Error).message})`] };
  }
  const parsed = parseRecording(json, fileName);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map((e) => `${fileName} ${e.pointer || '/'}: ${e.message}`) };
  return { ok: true, recording: parsed.recording };
}
