// Stored practice sessions: each recording in <dataDir>/sessions/<id>.json, and their summaries in
// <dataDir>/sessions/index.json. Validation and scoring come in as ports (core/recording, core/scoring),
// so the main process re-scores every recording itself and this service can be tested on its own.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { recordIdSchema, sessionSummarySchema, type SessionSummary } from '../../core/api/contract';
import { ApiFailure } from '../../core/api/errors';
import type { Recording } from '../../core/recording/types';
import type { ScoreReport } from '../../core/scoring/report';
import { JsonDocument, writeJsonAtomic } from './json-file';
import type { Clock, IdSource } from './runtime';

export const SESSIONS_DIR = 'sessions';
export const SESSIONS_INDEX_FILE = 'index.json';

export interface RecordingPorts {
  /**
   * Validates an untrusted recording. Throws ApiFailure('invalid-recording', message, pointer) with a
   * JSON pointer into the recording, or ApiFailure('unavailable') when this build has no validator.
   */
  validateRecording(input: unknown, source: string): Recording;
  /** Scores a valid recording; throws ApiFailure('unavailable') when this build has no scorer. */
  scoreRecording(recording: Recording): ScoreReport;
}

/** Ports for a build without core/recording and core/scoring: every call says so instead of failing oddly. */
export const unavailableRecordingPorts: RecordingPorts = {
  validateRecording() {
    throw new ApiFailure('unavailable', 'session recordings cannot be checked in this version (no recording validator is built in)');
  },
  scoreRecording() {
    throw new ApiFailure('unavailable', 'sessions cannot be scored in this version (no scorer is built in)');
  },
};

const indexFileSchema = z.strictObject({
  format: z.literal('microneedle-session-index'),
  version: z.literal(1),
  sessions: z.array(sessionSummarySchema),
});

export interface SessionsService {
  save(recordingInput: unknown): Promise<{ id: string; summary: SessionSummary }>;
  list(): Promise<SessionSummary[]>;
  open(id: string): Promise<{ recording: Recording }>;
  score(recordingInput: unknown): Promise<ScoreReport>;
}

/** Validation of a recording sent as `{ recording }`: pointers become paths in the call's arguments. */
function validateArgument(ports: RecordingPorts, input: unknown, source: string): Recording {
  try {
    return ports.validateRecording(input, source);
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'invalid-recording') throw new ApiFailure(error.code, error.message, `/recording${error.path ?? ''}`);
    throw error;
  }
}

export function createSessionsService(dataDir: string, ports: RecordingPorts, runtime: Clock & IdSource): SessionsService {
  const dir = path.join(dataDir, SESSIONS_DIR);
  const index = new JsonDocument(path.join(dir, SESSIONS_INDEX_FILE), indexFileSchema, () => ({
    format: 'microneedle-session-index' as const,
    version: 1 as const,
    sessions: [],
  }));
  const fileOf = (id: string) => {
    // Ids are checked by the contract already; this guards callers inside main as well.
    if (!recordIdSchema.safeParse(id).success || id === 'index') throw new ApiFailure('invalid-payload', `"${id}" is not a valid session id`, '/id');
    return path.join(dir, `${id}.json`);
  };

  return {
    async save(recordingInput) {
      const recording = validateArgument(ports, recordingInput, 'the recording to save');
      const id = recordIdSchema.safeParse(recording.id).success && recording.id !== 'index' ? recording.id : runtime.newId('s');
      await writeJsonAtomic(fileOf(id), recording).catch((error: Error) => {
        throw new ApiFailure('storage-failed', `cannot write ${fileOf(id)}: ${error.message}`, fileOf(id));
      });
      let report: ScoreReport | undefined;
      try {
        report = ports.scoreRecording(recording);
      } catch (error) {
        // The recording is kept even when it cannot be scored now; it can be re-scored later.
        if (!(error instanceof ApiFailure)) throw error;
      }
      const summary: SessionSummary = {
        id,
        procedure: recording.procedure,
        mode: recording.mode,
        startedAt: recording.startedAt,
        savedAt: runtime.now().toISOString(),
        ...(recording.trainee ? { traineeId: recording.trainee.id, traineeName: recording.trainee.name } : {}),
        ...(report ? { score: report.score, passed: report.passed } : {}),
      };
      await index.update((current) => ({
        // Saving the same recording id again replaces its summary (the file was replaced above).
        next: { ...current, sessions: [...current.sessions.filter((s) => s.id !== id), summary] },
        result: undefined,
      }));
      return { id, summary };
    },
    async list() {
      const { sessions } = await index.read();
      return [...sessions].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
    },
    async open(id) {
      const file = fileOf(id);
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ApiFailure('not-found', `no stored session with id ${id}`, '/id');
        throw new ApiFailure('storage-failed', `cannot read ${file}: ${(error as Error).message}`, file);
      }
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        throw new ApiFailure('storage-corrupt', `${file} is not valid JSON (${(error as Error).message}); it has been left untouched`, file);
      }
      try {
        return { recording: ports.validateRecording(data, file) };
      } catch (error) {
        // A stored file that no longer validates is damaged storage, not a bad request.
        if (error instanceof ApiFailure && error.code === 'invalid-recording') {
          throw new ApiFailure('storage-corrupt', `${error.message}; the file has been left untouched`, file);
        }
        throw error;
      }
    },
    async score(recordingInput) {
      return ports.scoreRecording(validateArgument(ports, recordingInput, 'the recording to score'));
    },
  };
}
