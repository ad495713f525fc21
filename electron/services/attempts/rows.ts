// Attempt rows: how a stored attempt becomes its summary, how stored recordings are packed (gzip'd JSON
// with its SHA-256), and the list query with its filters, sorting and paging.

import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AttemptSummary, ScoreProvenance, SignedIn, attemptQuerySchema } from '../../../core/api/contract';
import type { ScoreReport } from '../../../core/scoring/report';
import { ApiFailure } from '../../../core/api/errors';
import type { Recording } from '../../../core/recording/types';
import type { z } from 'zod';
import type { TrainingStore } from '../db/store';

export interface AttemptRow {
  id: string;
  person_id: string;
  person_name: string;
  kind: AttemptSummary['kind'];
  status: AttemptSummary['status'];
  procedure: AttemptSummary['procedure'];
  mode: AttemptSummary['mode'];
  preset_id: string | null;
  started_at: string;
  ended_at: string | null;
  last_activity_at: string;
  duration_ms: number | null;
  header: string;
  zones: string;
  next_seq: number;
  event_count: number;
  recording: Uint8Array | null;
  recording_sha256: string | null;
  report: string | null;
  score: number | null;
  passed: number | null;
  critical_failure: number | null;
  engine_version: string | null;
  rules_hash: string | null;
  scenario_hash: string | null;
  head_model_sha256: string | null;
  source_name: string | null;
  note: string | null;
  instance_id: string | null;
}

export const ATTEMPT_SELECT =
  'SELECT a.*, p.name AS person_name, c.header, c.zones, c.recording, c.recording_sha256, c.report FROM attempts a JOIN people p ON p.id = a.person_id JOIN attempt_content c ON c.attempt_id = a.id';
/** The columns a summary needs (no recording, report or header), for lists over many attempts. */
const SUMMARY_COLUMNS = `a.id, a.person_id, p.name AS person_name, a.kind, a.status, a.procedure, a.mode, a.preset_id, a.started_at, a.ended_at,
  a.duration_ms, a.score, a.passed, a.critical_failure, a.engine_version, a.rules_hash, a.scenario_hash, a.head_model_sha256, a.source_name, a.note`;

export function toSummary(r: Omit<AttemptRow, 'header' | 'zones' | 'recording' | 'report' | 'recording_sha256' | 'next_seq' | 'event_count' | 'last_activity_at' | 'instance_id'>): AttemptSummary {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    kind: r.kind,
    status: r.status,
    procedure: r.procedure,
    mode: r.mode,
    presetId: r.preset_id,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    durationMs: r.duration_ms,
    score: r.score,
    passed: r.passed === null ? null : r.passed === 1,
    criticalFailure: r.critical_failure === null ? null : r.critical_failure === 1,
    sourceName: r.source_name,
    provenance:
      r.engine_version && r.rules_hash && r.scenario_hash && r.head_model_sha256
        ? { engineVersion: r.engine_version, rulesHash: r.rules_hash, scenarioHash: r.scenario_hash, headModelSha256: r.head_model_sha256 }
        : null,
    note: r.note,
  };
}

export function packRecording(recording: Recording): { blob: Uint8Array; sha256: string } {
  const json = Buffer.from(JSON.stringify(recording), 'utf8');
  return { blob: gzipSync(json, { level: 6 }), sha256: createHash('sha256').update(json).digest('hex') };
}

/** The stored recording, checked against the hash stored with it: a changed byte is damaged storage. */
export function unpackRecording(row: Pick<AttemptRow, 'id' | 'recording' | 'recording_sha256'>, where: string): Recording {
  if (!row.recording) throw new ApiFailure('not-found', `attempt ${row.id} has no stored recording`, '/id');
  let json: Buffer;
  try {
    json = gunzipSync(row.recording);
  } catch (error) {
    throw new ApiFailure('storage-corrupt', `the stored recording of attempt ${row.id} in ${where} cannot be unpacked: ${(error as Error).message}`, where);
  }
  if (createHash('sha256').update(json).digest('hex') !== row.recording_sha256) {
    throw new ApiFailure('storage-corrupt', `the stored recording of attempt ${row.id} in ${where} does not match its SHA-256`, where);
  }
  return JSON.parse(json.toString('utf8')) as Recording;
}

/** Who may see whose attempts: trainees their own; instructors trainees' and their own; administrators all. */
export function visibleTo(caller: SignedIn): { sql: string; params: string[] } {
  if (caller.accountRole === 'admin') return { sql: '1 = 1', params: [] };
  if (caller.accountRole === 'instructor') {
    return { sql: "(a.person_id = ? OR a.person_id IN (SELECT id FROM people WHERE account_role = 'trainee'))", params: [caller.personId] };
  }
  return { sql: 'a.person_id = ?', params: [caller.personId] };
}

const SORT_COLUMNS = { startedAt: 'a.started_at', score: 'a.score', procedure: 'a.procedure' } as const;

export function listAttempts(store: TrainingStore, caller: SignedIn, q: z.output<typeof attemptQuerySchema>): { items: AttemptSummary[]; total: number } {
  if (caller.accountRole === 'trainee' && q.personId !== undefined && q.personId !== caller.personId) {
    throw new ApiFailure('forbidden', 'trainees see only their own attempts', '/personId');
  }
  const where: string[] = [];
  const params: (string | number)[] = [];
  const visible = visibleTo(caller);
  where.push(visible.sql);
  params.push(...visible.params);
  const add = (sql: string, ...values: (string | number)[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (q.personId !== undefined) add('a.person_id = ?', q.personId);
  if (q.procedure) add('a.procedure = ?', q.procedure);
  if (q.kind) add('a.kind = ?', q.kind);
  if (q.status) add('a.status = ?', q.status);
  if (q.result === 'passed') add('a.passed = 1');
  if (q.result === 'failed') add('a.passed = 0');
  if (q.result === 'not-scored') add('a.score IS NULL');
  if (q.from) add('a.started_at >= ?', q.from);
  if (q.to) add('a.started_at <= ?', q.to);
  const clause = where.join(' AND ');
  const direction = q.order === 'asc' ? 'ASC' : 'DESC';
  // Unscored attempts sort last whichever the direction; ties by start time, then id, so pages are stable.
  const order = `${q.sort === 'score' ? 'a.score IS NULL, ' : ''}${SORT_COLUMNS[q.sort]} ${direction}, a.started_at ${direction}, a.id ${direction}`;
  // The page is chosen on the attempts table alone, then joined for the names: counting and paging never
  // touch the people table or the bulky content.
  const rows = store.all<AttemptRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM (SELECT * FROM attempts a WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?) a JOIN people p ON p.id = a.person_id ORDER BY ${order}`,
    ...params,
    q.limit,
    q.offset,
  );
  const total = store.get<{ n: number }>(`SELECT count(*) AS n FROM attempts a WHERE ${clause}`, ...params)?.n ?? 0;
  return { items: rows.map(toSummary), total };
}

/** Stores an attempt that arrives complete (a recording opened from a file, or the earlier JSON data). */
export function insertFinishedAttempt(
  store: TrainingStore,
  a: {
    id: string;
    personId: string;
    recording: Recording;
    packed: { blob: Uint8Array; sha256: string };
    report: ScoreReport;
    provenance: ScoreProvenance;
    startedAt: string;
    storedAt: string;
    sourceName: string;
    note: string;
  },
): void {
  store.run(
    `INSERT INTO attempts (id, person_id, kind, status, procedure, mode, started_at, ended_at, last_activity_at, duration_ms,
       score, passed, critical_failure, engine_version, rules_hash, scenario_hash, head_model_sha256, source_name, note)
     VALUES (?, ?, 'imported', 'finished', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    a.id,
    a.personId,
    a.recording.procedure,
    a.recording.mode,
    a.startedAt,
    a.storedAt,
    a.storedAt,
    a.recording.end.tMs,
    a.report.score,
    a.report.passed ? 1 : 0,
    a.report.criticalFailure ? 1 : 0,
    a.provenance.engineVersion,
    a.provenance.rulesHash,
    a.provenance.scenarioHash,
    a.provenance.headModelSha256,
    a.sourceName,
    a.note,
  );
  store.run(
    "INSERT INTO attempt_content (attempt_id, header, zones, recording, recording_sha256, report) VALUES (?, '{}', ?, ?, ?, ?)",
    a.id,
    JSON.stringify(a.recording.zones),
    a.packed.blob,
    a.packed.sha256,
    JSON.stringify(a.report),
  );
}
