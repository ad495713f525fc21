// The export filter applied in SQL: completion records (migration 004) and submitted exam attempts (002,
// with the newest regrade's result, as exams/rows.ts reads them), attempts joined to people
// (a record carries its trainee's name and certificate as signed). Rows are read in
// pages by keyset (rowid) so that a log of 100,000 records never sits in memory as rows and file at once.

import type { RecordsFilter } from '../../../../core/api/schemas/certification';
import type { CompletionRecord } from '../../../../core/certification/record';
import type { TrainingStore, SqlValue } from '../../db/store';

/** A record's row with the fields of its signed document (the trainee's name and certificate as signed). */
export interface RecordRowDb {
  number: string;
  person_id: string;
  profession: 'technician' | 'nurse' | 'physician';
  trainee_name: string;
  certificate_number: string;
  clause: string;
  modules: string;
  issued_at: string;
  issued_by: string;
  valid_until: string;
  recertify_by: string;
  signature_b64: string;
  key_fingerprint: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  /** The signed canonical JSON, read only for formats that carry the signed documents. */
  record_json: string | null;
}

export interface AttemptRowDb {
  id: string;
  person_id: string;
  person_name: string;
  profession: 'technician' | 'nurse' | 'physician' | null;
  certificate_number: string | null;
  module_id: string;
  module_version: number;
  module_hash: string;
  attempt_no: number;
  submitted_at: string;
  score: number | null;
  passed: number | null;
  critical_failure: number | null;
  regraded: number;
}

interface RawRecordRow {
  row_key: number;
  number: string;
  person_id: string;
  profession: RecordRowDb['profession'];
  signature_b64: string;
  key_fingerprint: string;
  issued_at: string;
  valid_until: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  record_json: string;
}

/**
 * The signed fields, parsed in JS (measured faster than SQLite's json_extract for this): record_json was
 * checked against completionRecordSchema when issued, and triggers keep it unchanged.
 */
function withSignedFields(r: RawRecordRow, documents: boolean): RecordRowDb {
  const record = JSON.parse(r.record_json) as CompletionRecord;
  return {
    number: r.number,
    person_id: r.person_id,
    profession: r.profession,
    trainee_name: record.trainee.name,
    certificate_number: record.trainee.certificateNumber,
    clause: record.role.clause,
    modules: record.modules.map((m) => `${m.id} v${m.version} (${m.score})`).join('; '),
    issued_at: r.issued_at,
    issued_by: record.issuedBy.name,
    valid_until: r.valid_until,
    recertify_by: record.recertifyBy,
    signature_b64: r.signature_b64,
    key_fingerprint: r.key_fingerprint,
    revoked_at: r.revoked_at,
    revoke_reason: r.revoke_reason,
    record_json: documents ? r.record_json : null,
  };
}

/** The day's first instant and the next day's first instant (UTC), as stored ISO strings compare. */
export function dayBounds(filter: RecordsFilter): { fromIso: string | null; beforeIso: string | null } {
  const fromIso = filter.from ? `${filter.from}T00:00:00.000Z` : null;
  let beforeIso: string | null = null;
  if (filter.to) {
    const next = new Date(`${filter.to}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    beforeIso = next.toISOString();
  }
  return { fromIso, beforeIso };
}

interface Where {
  sql: string;
  params: SqlValue[];
}

/** Completion records are issued on a pass: result 'fail' selects none of them. */
export function recordsWhere(filter: RecordsFilter): Where {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  const add = (sql: string, value: SqlValue) => {
    parts.push(sql);
    params.push(value);
  };
  const { fromIso, beforeIso } = dayBounds(filter);
  if (fromIso) add('c.issued_at >= ?', fromIso);
  if (beforeIso) add('c.issued_at < ?', beforeIso);
  if (filter.role) add('c.profession = ?', filter.role);
  if (filter.traineeId) add('c.person_id = ?', filter.traineeId);
  if (filter.moduleId) add("EXISTS (SELECT 1 FROM json_each(c.record_json, '$.modules') m WHERE json_extract(m.value, '$.id') = ?)", filter.moduleId);
  if (filter.result === 'fail') parts.push('0');
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const ATTEMPT_FROM = `FROM exam_attempts e JOIN people p ON p.id = e.person_id
LEFT JOIN exam_regrades r ON r.exam_attempt_id = e.id AND r.seq = (SELECT max(x.seq) FROM exam_regrades x WHERE x.exam_attempt_id = e.id)`;

export function attemptsWhere(filter: RecordsFilter): Where {
  const parts = ["e.status = 'submitted'", 'e.submitted_at IS NOT NULL'];
  const params: SqlValue[] = [];
  const add = (sql: string, value: SqlValue) => {
    parts.push(sql);
    params.push(value);
  };
  const { fromIso, beforeIso } = dayBounds(filter);
  if (fromIso) add('e.submitted_at >= ?', fromIso);
  if (beforeIso) add('e.submitted_at < ?', beforeIso);
  if (filter.role) add('p.profession = ?', filter.role);
  if (filter.traineeId) add('e.person_id = ?', filter.traineeId);
  if (filter.moduleId) add('e.module_id = ?', filter.moduleId);
  if (filter.result) add('coalesce(r.passed, e.passed) = ?', filter.result === 'pass' ? 1 : 0);
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

export interface ExportCounts {
  records: number;
  attempts: number;
}

export function countMatching(store: TrainingStore, filter: RecordsFilter): ExportCounts {
  const r = recordsWhere(filter);
  const a = attemptsWhere(filter);
  return {
    records: store.get<{ n: number }>(`SELECT count(*) AS n FROM completion_records c ${r.sql}`, ...r.params)!.n,
    attempts: store.get<{ n: number }>(`SELECT count(*) AS n ${ATTEMPT_FROM} ${a.sql}`, ...a.params)!.n,
  };
}

export const EXPORT_PAGE_ROWS = 2_000;

/**
 * The matching records in the order they were stored (issue order), one page at a time. The keyset is the
 * rowid, so each page is a seek in the table's own b-tree, never a sort of the whole log.
 */
export function* recordPages(store: TrainingStore, filter: RecordsFilter, options: { documents?: boolean; pageRows?: number } = {}): Generator<RecordRowDb[]> {
  const pageRows = options.pageRows ?? EXPORT_PAGE_ROWS;
  const w = recordsWhere(filter);
  const join = w.sql ? `${w.sql} AND` : 'WHERE';
  const sql = `SELECT c.rowid AS row_key, c.number, c.person_id, c.profession, c.signature_b64, c.key_fingerprint, c.issued_at, c.valid_until, c.revoked_at, c.revoke_reason, c.record_json
    FROM completion_records c ${join} c.rowid > ? ORDER BY c.rowid LIMIT ?`;
  let after = 0;
  for (;;) {
    const raw = store.all<RawRecordRow>(sql, ...w.params, after, pageRows);
    if (raw.length === 0) return;
    yield raw.map((r) => withSignedFields(r, options.documents === true));
    after = raw[raw.length - 1]!.row_key;
    if (raw.length < pageRows) return;
  }
}

/** The matching submitted attempts in the order they were started, one page at a time (rowid keyset, as above). */
export function* attemptPages(store: TrainingStore, filter: RecordsFilter, pageRows = EXPORT_PAGE_ROWS): Generator<AttemptRowDb[]> {
  const w = attemptsWhere(filter);
  const sql = `SELECT e.rowid AS row_key, e.id, e.person_id, p.name AS person_name, p.profession, p.certificate_number, e.module_id, e.module_version, e.module_hash, e.attempt_no, e.submitted_at,
      coalesce(r.score, e.score) AS score, coalesce(r.passed, e.passed) AS passed, coalesce(r.critical_failure, e.critical_failure) AS critical_failure, (r.seq IS NOT NULL) AS regraded
    ${ATTEMPT_FROM} ${w.sql} AND e.rowid > ? ORDER BY e.rowid LIMIT ?`;
  let after = 0;
  for (;;) {
    const page = store.all<AttemptRowDb & { row_key: number }>(sql, ...w.params, after, pageRows);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.row_key;
    if (page.length < pageRows) return;
  }
}
