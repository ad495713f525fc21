// Opening a recording file: its size is checked before it is read (RECORDING_LIMITS.maxFileBytes), then
// the JSON and core's parseRecording (migration, schema, semantic and plausibility checks) find the early
// errors here, each naming the file and the JSON pointer at fault. Main checks it again when it imports it.
// Problems are data, not sentences: the UI words the ones that are ours in its language; core's
// validation messages are shown as core gives them.

import { RECORDING_LIMITS, type PlausibilityOptions } from '../../../core/recording/limits';
import { parseRecording } from '../../../core/recording/validate';
import type { Recording } from '../../../core/recording/types';

export type FileProblem =
  | { kind: 'too-large'; fileName: string; bytes: number; maxBytes: number }
  | { kind: 'not-json'; fileName: string; detail: string }
  | { kind: 'invalid'; fileName: string; pointer: string; message: string };

/** `document` is the file's JSON as it is (main validates and migrates it itself); `recording` the parsed one. */
export type OpenFileResult = { ok: true; recording: Recording; document: unknown } | { ok: false; problems: FileProblem[] };

/** The most problems listed for one file. */
export const MAX_FILE_PROBLEMS = 8;

export function readRecordingText(text: string, fileName: string, options: PlausibilityOptions = {}): OpenFileResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ kind: 'not-json', fileName, detail: (error as Error).message }] };
  }
  const parsed = parseRecording(document, fileName, options);
  if (!parsed.ok) return { ok: false, problems: parsed.errors.slice(0, MAX_FILE_PROBLEMS).map((e) => ({ kind: 'invalid', fileName, pointer: e.pointer || '/', message: e.message })) };
  return { ok: true, recording: parsed.recording, document };
}

/** Reads a chosen file: refused by its size before a byte is read, then parsed as above. */
export async function readRecordingFile(file: Pick<File, 'name' | 'size' | 'text'>, options: PlausibilityOptions = {}): Promise<OpenFileResult> {
  const maxBytes = RECORDING_LIMITS.maxFileBytes;
  if (file.size > maxBytes) return { ok: false, problems: [{ kind: 'too-large', fileName: file.name, bytes: file.size, maxBytes }] };
  return readRecordingText(await file.text(), file.name, options);
}
