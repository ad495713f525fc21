// The xAPI statements of the training file, built from what main stored: exam attempts (migration 002,
// with their own graded result: a later regrade is not restated), completion records (004), people, and
// the institution (settings, and the training file's id from meta for the account home page). Used by the
// LRS outbox (sources not yet made) and by exports (statementsFor with a filter).

import { ApiFailure } from '../../../core/api/errors';
import { completionRecordStatement, examAttemptStatements, institutionHomePage, type Profession, type XapiInstitution, type XapiStatement } from '../../../core/xapi/statements';
import type { TrainingStore } from '../db/store';

export interface StatementFilter {
  /** A date (YYYY-MM-DD, from the day's start) or an ISO time: statements timestamped at or after it. */
  from?: string;
  /** A date (the whole day included) or an ISO time: statements timestamped at or before it. */
  to?: string;
  personId?: string;
  /** Exam attempts of this module, and records whose track includes it. */
  moduleId?: string;
  profession?: Profession;
  /** 'pass': passed attempts and completion records; 'fail': failed attempts. Running attempts match neither. */
  result?: 'pass' | 'fail';
}

/** The statements of one source, made (enqueued) together: an exam's start, its submit, or a record. */
export interface SourcedStatements {
  source: string;
  statements: XapiStatement[];
}

interface AttemptRow {
  id: string;
  person_id: string;
  person_name: string;
  profession: Profession | null;
  module_id: string;
  module_version: number;
  module_hash: string;
  status: 'running' | 'submitted';
  started_at: string;
  submitted_at: string | null;
  elapsed_ms: number;
  score: number | null;
  passed: number | null;
  result: string | null;
  document: string;
}

interface RecordRow {
  number: string;
  person_id: string;
  profession: Profession;
  record_json: string;
  issued_at: string;
}

const ATTEMPT_SELECT = `SELECT e.id, e.person_id, p.name AS person_name, p.profession, e.module_id, e.module_version, e.module_hash, e.status, e.started_at,
  e.submitted_at, e.elapsed_ms, e.score, e.passed, e.result, m.document
FROM exam_attempts e JOIN people p ON p.id = e.person_id JOIN exam_modules m ON m.id = e.module_id AND m.version = e.module_version`;
const RECORD_SELECT = 'SELECT c.number, c.person_id, c.profession, c.record_json, c.issued_at FROM completion_records c';
const NOT_MADE = (source: string) => `NOT EXISTS (SELECT 1 FROM lrs_statements_made s WHERE s.source = ${source})`;

export function institutionOf(store: TrainingStore): XapiInstitution {
  const id = store.get<{ value: string }>("SELECT value FROM meta WHERE key = 'xapi.training-file-id'")?.value;
  if (!id) throw new ApiFailure('storage-corrupt', 'the training file has no xAPI id (meta xapi.training-file-id, made by migration 5)');
  const name = store.get<{ value: string }>("SELECT value FROM settings WHERE key = 'institution.name'");
  return { name: name ? (JSON.parse(name.value) as string) : '', homePage: institutionHomePage(id) };
}

function titleOf(document: string, where: string): { zh: string; en: string } {
  const title = (JSON.parse(document) as { title?: { zh?: unknown; en?: unknown } }).title;
  if (typeof title?.zh !== 'string' || typeof title.en !== 'string') throw new ApiFailure('storage-corrupt', `${where}: the published module has no zh and en title`);
  return { zh: title.zh, en: title.en };
}

function findingClauses(result: string | null, attemptId: string): string[] {
  if (result === null) throw new ApiFailure('storage-corrupt', `exam attempt ${attemptId} is submitted without a result`);
  const parts = (JSON.parse(result) as { parts?: { findings?: { clause: string }[] }[] }).parts ?? [];
  return parts.flatMap((p) => (p.findings ?? []).map((f) => f.clause));
}

function attemptStatements(row: AttemptRow, institution: XapiInstitution): { started: XapiStatement; submitted: XapiStatement[] } {
  const submitted =
    row.status === 'submitted'
      ? (() => {
          if (row.submitted_at === null || row.score === null || row.passed === null) throw new ApiFailure('storage-corrupt', `exam attempt ${row.id} is submitted without its time, score or verdict`);
          return { at: row.submitted_at, elapsedMs: row.elapsed_ms, score: row.score, passed: row.passed === 1, findingClauses: findingClauses(row.result, row.id) };
        })()
      : null;
  const [started, ...rest] = examAttemptStatements(
    {
      attemptId: row.id,
      person: { id: row.person_id, name: row.person_name },
      module: { id: row.module_id, version: row.module_version, hash: row.module_hash, title: titleOf(row.document, `exam attempt ${row.id}`) },
      startedAt: row.started_at,
      submitted,
    },
    institution,
  );
  return { started: started!, submitted: rest };
}

interface RecordJson {
  trainee: { name: string };
  modules: { id: string; version: number }[];
  validUntil: string;
}

function recordStatement(store: TrainingStore, row: RecordRow, institution: XapiInstitution): XapiStatement {
  const record = JSON.parse(row.record_json) as RecordJson;
  const modules = record.modules.map((m) => {
    const doc = store.get<{ document: string }>('SELECT document FROM exam_modules WHERE id = ? AND version = ?', m.id, m.version);
    if (!doc) throw new ApiFailure('storage-corrupt', `record ${row.number} names module ${m.id} version ${m.version}, which is not in the training file`);
    return { id: m.id, version: m.version, title: titleOf(doc.document, `record ${row.number}`) };
  });
  return completionRecordStatement({ number: row.number, person: { id: row.person_id, name: record.trainee.name }, profession: row.profession, issuedAt: row.issued_at, validUntil: record.validUntil, modules }, institution);
}

/** Every source whose statements are not yet made, oldest first: what the outbox filler enqueues. */
export function unmadeSources(store: TrainingStore): SourcedStatements[] {
  const institution = institutionOf(store);
  const out: (SourcedStatements & { at: string })[] = [];
  for (const row of store.all<AttemptRow>(`${ATTEMPT_SELECT} WHERE ${NOT_MADE("'exam-started:' || e.id")} ORDER BY e.started_at, e.id`)) {
    out.push({ source: `exam-started:${row.id}`, statements: [attemptStatements(row, institution).started], at: row.started_at });
  }
  for (const row of store.all<AttemptRow>(`${ATTEMPT_SELECT} WHERE e.status = 'submitted' AND ${NOT_MADE("'exam-submitted:' || e.id")} ORDER BY e.submitted_at, e.id`)) {
    out.push({ source: `exam-submitted:${row.id}`, statements: attemptStatements(row, institution).submitted, at: row.submitted_at! });
  }
  for (const row of store.all<RecordRow>(`${RECORD_SELECT} WHERE ${NOT_MADE("'record:' || c.number")} ORDER BY c.issued_at, c.number`)) {
    out.push({ source: `record:${row.number}`, statements: [recordStatement(store, row, institution)], at: row.issued_at });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at)).map(({ source, statements }) => ({ source, statements }));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function bound(value: string | undefined, end: boolean, pointer: string): number | null {
  if (value === undefined) return null;
  const ms = DATE.test(value) ? Date.parse(`${value}T00:00:00.000Z`) + (end ? 86_400_000 - 1 : 0) : Date.parse(value);
  if (Number.isNaN(ms)) throw new ApiFailure('invalid-payload', `expected a date (YYYY-MM-DD) or an ISO time, not ${JSON.stringify(value)}`, pointer);
  return ms;
}

/**
 * The statements of every exam attempt and completion record that the filter keeps, oldest first. The same
 * store gives the same statements (ids included) as the outbox sent.
 */
export function statementsFor(store: TrainingStore, filter: StatementFilter = {}): XapiStatement[] {
  const from = bound(filter.from, false, '/from');
  const to = bound(filter.to, true, '/to');
  const institution = institutionOf(store);
  const inTime = (s: XapiStatement) => {
    const t = Date.parse(s.timestamp);
    return (from === null || t >= from) && (to === null || t <= to);
  };
  const statements: XapiStatement[] = [];
  const attempts = store.all<AttemptRow>(`${ATTEMPT_SELECT} ORDER BY e.started_at, e.id`).filter(
    (r) =>
      (!filter.personId || r.person_id === filter.personId) &&
      (!filter.moduleId || r.module_id === filter.moduleId) &&
      (!filter.profession || r.profession === filter.profession) &&
      (!filter.result || (r.status === 'submitted' && (r.passed === 1) === (filter.result === 'pass'))),
  );
  for (const row of attempts) {
    const made = attemptStatements(row, institution);
    statements.push(made.started, ...made.submitted);
  }
  if (filter.result !== 'fail') {
    for (const row of store.all<RecordRow>(`${RECORD_SELECT} ORDER BY c.issued_at, c.number`)) {
      if ((filter.personId && row.person_id !== filter.personId) || (filter.profession && row.profession !== filter.profession)) continue;
      if (filter.moduleId && !(JSON.parse(row.record_json) as RecordJson).modules.some((m) => m.id === filter.moduleId)) continue;
      statements.push(recordStatement(store, row, institution));
    }
  }
  return statements.filter(inTime).sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id));
}
