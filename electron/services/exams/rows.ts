// Exam attempt rows and what is derived from them: where a trainee stands with a module (attempts used,
// retake wait, proficiency), what the caller may see of a result, and the summary a list shows.

import type { ExamAttemptSummary, SignedIn } from '../../../core/api/contract';
import type { ExamModule } from '../../../core/exams/format/module';
import type { TrainingStore } from '../db/store';

export interface ExamRow {
  id: string;
  person_id: string;
  person_name: string;
  module_id: string;
  module_version: number;
  module_hash: string;
  attempt_no: number;
  status: 'running' | 'submitted';
  started_at: string;
  submitted_at: string | null;
  time_limit_ms: number;
  elapsed_ms: number;
  segment_started_at: string;
  last_seen_at: string;
  segment_client: string | null;
  next_seq: number;
  content: string;
  score: number | null;
  passed: number | null;
  critical_failure: number | null;
  result: string | null;
  released_at: string | null;
  /** 1 when the result is a regrade's (the newest regrade is the current result). */
  regraded: number;
}

// The current result is the newest regrade's where there is one: the attempt's own result is never rewritten.
export const EXAM_SELECT = `SELECT e.id, e.person_id, e.module_id, e.module_version, e.module_hash, e.attempt_no, e.status, e.started_at, e.submitted_at,
  e.time_limit_ms, e.elapsed_ms, e.segment_started_at, e.last_seen_at, e.segment_client, e.next_seq, e.content, e.released_at,
  coalesce(r.score, e.score) AS score, coalesce(r.passed, e.passed) AS passed, coalesce(r.critical_failure, e.critical_failure) AS critical_failure,
  coalesce(r.result, e.result) AS result, (r.seq IS NOT NULL) AS regraded, p.name AS person_name
FROM exam_attempts e JOIN people p ON p.id = e.person_id
LEFT JOIN exam_regrades r ON r.exam_attempt_id = e.id AND r.seq = (SELECT max(x.seq) FROM exam_regrades x WHERE x.exam_attempt_id = e.id)`;

export function examRow(store: TrainingStore, id: string): ExamRow | undefined {
  return store.get<ExamRow>(`${EXAM_SELECT} WHERE e.id = ?`, id);
}

export function attemptsOf(store: TrainingStore, personId: string, moduleId: string): ExamRow[] {
  return store.all<ExamRow>(`${EXAM_SELECT} WHERE e.person_id = ? AND e.module_id = ? ORDER BY e.attempt_no`, personId, moduleId);
}

/** Staff see every result; a trainee once it is released (modules with immediate results release on submitting). */
export function resultVisibleTo(caller: SignedIn, row: ExamRow): boolean {
  return row.status === 'submitted' && (caller.accountRole !== 'trainee' || row.released_at !== null);
}

export function solutionsVisibleTo(caller: SignedIn, row: ExamRow, module: ExamModule): boolean {
  if (row.status !== 'submitted') return false;
  if (caller.accountRole !== 'trainee') return true;
  if (module.release.solutions === 'never') return false;
  if (module.release.solutions === 'after-submit') return resultVisibleTo(caller, row);
  return row.released_at !== null;
}

export function toExamSummary(caller: SignedIn, row: ExamRow, module: ExamModule): ExamAttemptSummary {
  const visible = resultVisibleTo(caller, row);
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    module: { id: row.module_id, version: row.module_version, hash: row.module_hash, title: module.title },
    attemptNo: row.attempt_no,
    status: row.status,
    startedAt: row.started_at,
    submittedAt: row.submitted_at,
    score: visible ? row.score : null,
    passed: visible ? row.passed === 1 : null,
    criticalFailure: visible ? row.critical_failure === 1 : null,
    released: row.released_at !== null,
    regraded: row.regraded === 1,
  };
}

export interface Standing {
  attemptsUsed: number;
  attemptsAllowed: number;
  runningAttemptId: string | null;
  nextAllowedAt: string | null;
  blocked: 'no-attempts-left' | 'waiting' | 'proficient' | 'results-pending' | null;
  lastResult: 'passed' | 'failed' | 'pending' | null;
  consecutivePasses: number;
  consecutivePassesRequired: number;
  proficient: boolean;
}

/**
 * Where a trainee stands with a module, from their attempts of any of its versions. Proficiency is the
 * module's number of passes in a row (the latest attempts); the retake wait runs from a failed attempt.
 */
export function standingOf(rows: readonly ExamRow[], module: ExamModule, now: Date, options: { releasedOnly: boolean }): Standing {
  const rule = module.passRule;
  const running = rows.find((r) => r.status === 'running') ?? null;
  const all = rows.filter((r) => r.status === 'submitted');
  // A trainee's standing knows nothing of a result not yet released to them.
  const pending = options.releasedOnly ? all.filter((r) => r.released_at === null) : [];
  const submitted = options.releasedOnly ? all.filter((r) => r.released_at !== null) : all;
  const last = submitted[submitted.length - 1];
  let streak = 0;
  for (let i = submitted.length - 1; i >= 0 && submitted[i]!.passed === 1; i--) streak++;
  const proficient = streak >= rule.consecutivePasses;
  const lastResult = pending.length > 0 ? 'pending' : !last ? null : last.passed === 1 ? 'passed' : 'failed';
  let nextAllowedAt: string | null = null;
  if (last && last.passed !== 1 && last.submitted_at) {
    const at = Date.parse(last.submitted_at) + rule.retakeWaitHours * 3_600_000;
    if (at > now.getTime()) nextAllowedAt = new Date(at).toISOString();
  }
  const blocked = running
    ? null
    : pending.length > 0
      ? 'results-pending'
      : proficient
        ? 'proficient'
        : rows.length >= rule.attemptsAllowed
          ? 'no-attempts-left'
          : nextAllowedAt
            ? 'waiting'
            : null;
  return {
    attemptsUsed: rows.length,
    attemptsAllowed: rule.attemptsAllowed,
    runningAttemptId: running?.id ?? null,
    nextAllowedAt,
    blocked,
    lastResult,
    consecutivePasses: streak,
    consecutivePassesRequired: rule.consecutivePasses,
    proficient,
  };
}
