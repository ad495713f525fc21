// Expert benchmarks (experts.*). Instructors mark a finished practice or test session of a task as an expert
// session, and unmark it with a reason; every mark and unmark is a new row (the history is kept) and an
// audit entry, and the attempt itself is never touched. The benchmark is computed here from the stored
// reports of the task's current expert sessions by core/scoring/benchmarks.ts: a trainee gets the aggregate
// only, never whose sessions they are; staff may list the marks.

import type { SignedIn } from '../../../core/api/contract';
import { ApiFailure } from '../../../core/api/errors';
import type { ExpertBenchmarkView, ExpertMark } from '../../../core/api/schemas/experts';
import { findPreset } from '../../../core/practice/presets';
import { suggestThresholds } from '../../../core/scoring/benchmark-thresholds';
import { expertBenchmark, MIN_EXPERT_SESSIONS } from '../../../core/scoring/benchmarks';
import type { ScoreReport } from '../../../core/scoring/report';
import { migrateScoreReport } from '../../../core/scoring/report-migrate';
import type { AuditTrail } from '../audit';
import { visibleTo } from '../attempts/rows';
import type { TrainingStore } from '../db/store';
import type { Clock } from '../runtime';

export interface ExpertsService {
  mark(caller: SignedIn, attemptId: string): { attemptId: string; presetId: string; marked: boolean };
  unmark(caller: SignedIn, attemptId: string, reason: string): { attemptId: string; presetId: string; marked: boolean };
  benchmark(caller: SignedIn, presetId: string): ExpertBenchmarkView;
  list(caller: SignedIn, presetId: string): ExpertMark[];
}

interface MarkableRow {
  id: string;
  person_id: string;
  kind: string;
  status: string;
  procedure: ScoreReport['procedure'];
  preset_id: string | null;
  score: number | null;
  has_report: number;
  marked: number;
}

const MARKABLE_SELECT = `SELECT a.id, a.person_id, a.kind, a.status, a.procedure, a.preset_id, a.score, (c.report IS NOT NULL) AS has_report,
  EXISTS (SELECT 1 FROM expert_sessions s WHERE s.attempt_id = a.id) AS marked
  FROM attempts a JOIN attempt_content c ON c.attempt_id = a.id`;

export function createExpertsService(deps: { store: TrainingStore; audit: AuditTrail; clock: Clock }): ExpertsService {
  const { store, audit, clock } = deps;

  const instructorOnly = (caller: SignedIn) => {
    // Main's own check, whatever the access table says: marking experts is teaching staff's call.
    if (caller.accountRole !== 'instructor') throw new ApiFailure('forbidden', 'only instructors mark expert sessions', '/attemptId');
  };

  /** The attempt as the instructor may see it (their own or a trainee's), read inside the write. */
  const markable = (caller: SignedIn, attemptId: string): MarkableRow & { preset_id: string } => {
    const visible = visibleTo(caller);
    const r = store.get<MarkableRow>(`${MARKABLE_SELECT} WHERE a.id = ? AND ${visible.sql}`, attemptId, ...visible.params);
    if (!r) throw new ApiFailure('not-found', `no attempt ${attemptId} on a file you may open`, '/attemptId');
    if (r.kind === 'imported' || r.preset_id === null) throw new ApiFailure('conflict', `attempt ${attemptId} was opened from a file and belongs to no task: it cannot be an expert session`, '/attemptId');
    if (r.status !== 'finished' || !r.has_report) throw new ApiFailure('conflict', `attempt ${attemptId} is ${r.status === 'finished' ? 'not scored' : r.status}: only a finished, scored session can be an expert session`, '/attemptId');
    return r as MarkableRow & { preset_id: string };
  };

  /** The task's procedure: a practice preset's, or that of the attempts stored under the task's id. */
  const procedureOf = (presetId: string): ScoreReport['procedure'] => {
    const preset = findPreset(presetId);
    if (preset) return preset.procedure;
    const stored = store.get<{ procedure: ScoreReport['procedure'] }>('SELECT procedure FROM attempts WHERE preset_id = ? LIMIT 1', presetId);
    if (!stored) throw new ApiFailure('not-found', `no practice preset or practical task ${presetId}`, '/presetId');
    return stored.procedure;
  };

  return {
    mark(caller, attemptId) {
      instructorOnly(caller);
      return store.write(() => {
        const r = markable(caller, attemptId);
        if (r.marked) throw new ApiFailure('conflict', `attempt ${attemptId} is already an expert session of ${r.preset_id}`, '/attemptId');
        const at = clock.now().toISOString();
        store.run("INSERT INTO expert_benchmarks (attempt_id, preset_id, action, by_person_id, at) VALUES (?, ?, 'marked', ?, ?)", attemptId, r.preset_id, caller.personId, at);
        audit.append({ action: 'expert.marked', actor: caller, subject: attemptId, details: { presetId: r.preset_id, personId: r.person_id, procedure: r.procedure, kind: r.kind, score: r.score } });
        return { attemptId, presetId: r.preset_id, marked: true };
      });
    },

    unmark(caller, attemptId, reason) {
      instructorOnly(caller);
      return store.write(() => {
        const r = markable(caller, attemptId);
        if (!r.marked) throw new ApiFailure('conflict', `attempt ${attemptId} is not an expert session`, '/attemptId');
        const at = clock.now().toISOString();
        store.run("INSERT INTO expert_benchmarks (attempt_id, preset_id, action, by_person_id, at, reason) VALUES (?, ?, 'unmarked', ?, ?, ?)", attemptId, r.preset_id, caller.personId, at, reason);
        audit.append({ action: 'expert.unmarked', actor: caller, subject: attemptId, details: { presetId: r.preset_id, personId: r.person_id, reason } });
        return { attemptId, presetId: r.preset_id, marked: false };
      });
    },

    benchmark(_caller, presetId) {
      // Any signed-in person: the aggregate names nobody (no ids, names or dates leave here).
      const procedure = procedureOf(presetId);
      const reports = store
        .all<{ report: string }>(
          `SELECT c.report FROM expert_sessions s JOIN attempts a ON a.id = s.attempt_id JOIN attempt_content c ON c.attempt_id = a.id
           WHERE s.preset_id = ? AND a.status = 'finished' AND c.report IS NOT NULL ORDER BY s.attempt_id`,
          presetId,
        )
        .map((row) => migrateScoreReport(JSON.parse(row.report)));
      const bench = expertBenchmark(procedure, reports);
      return { presetId, ...bench, minSessions: MIN_EXPERT_SESSIONS, suggestedThresholds: suggestThresholds(bench) };
    },

    list(caller, presetId) {
      if (caller.accountRole === 'trainee') throw new ApiFailure('forbidden', 'trainees see the experts’ aggregate only', '/presetId');
      return store
        .all<{ attempt_id: string; preset_id: string; person_id: string; person_name: string; procedure: ExpertMark['procedure']; kind: ExpertMark['kind']; score: number | null; at: string; by_id: string; by_name: string }>(
          `SELECT s.attempt_id, s.preset_id, a.person_id, p.name AS person_name, a.procedure, a.kind, a.score, s.at, s.by_person_id AS by_id, b.name AS by_name
           FROM expert_sessions s JOIN attempts a ON a.id = s.attempt_id JOIN people p ON p.id = a.person_id JOIN people b ON b.id = s.by_person_id
           WHERE s.preset_id = ? ORDER BY s.at, s.attempt_id`,
          presetId,
        )
        .map((r) => ({
          attemptId: r.attempt_id,
          presetId: r.preset_id,
          personId: r.person_id,
          personName: r.person_name,
          procedure: r.procedure,
          kind: r.kind,
          score: r.score,
          markedAt: r.at,
          markedById: r.by_id,
          markedByName: r.by_name,
        }));
    },
  };
}
