// The cohort view (cohort.stats) and the findings that recur in a trainee's file (records.recurringFindings).
// Main reads the rows here and core/records computes the numbers; the renderer only draws them. Staff see
// the cohort; a trainee sees only their own recurring findings, and of their exams only released results.

import type { SignedIn } from '../../../core/api/contract';
import { ApiFailure } from '../../../core/api/errors';
import type { Profession } from '../../../core/api/schemas/people';
import { completionRecordSchema } from '../../../core/certification/record';
import { cohortStats, resolveCohortRange, type CohortInput, type CohortRange } from '../../../core/records/cohort-stats';
import { recurringFindings } from '../../../core/records/recurring-findings';
import type { CohortQuery, CohortStats, RecurringFindingView } from '../../../core/records/schemas';
import { clauseById } from '../../../core/standard/clauses';
import type { TrainingStore } from '../db/store';
import type { PeopleService } from '../people';
import type { Clock } from '../runtime';
import { findingsOf, traineeFindingsBetween } from './findings-of';

export interface RecordInsightsService {
  cohortStats(staff: SignedIn, query: CohortQuery): CohortStats;
  recurringFindings(caller: SignedIn, personId?: string): RecurringFindingView[];
}

/** Reads what cohortStats needs for the range: trainees' exams and practice in it, every examination and record. */
export function readCohortInput(store: TrainingStore, range: CohortRange): CohortInput {
  const fromIso = new Date(range.startMs).toISOString();
  const beforeIso = new Date(range.endMs).toISOString();
  const professions = new Map(store.all<{ id: string; profession: Profession | null }>("SELECT id, profession FROM people WHERE account_role = 'trainee'").map((p) => [p.id, p.profession]));
  const professionOf = (id: string) => professions.get(id) ?? null;

  // The current result is the newest regrade's where there is one (as exams/rows.ts reads it).
  const exams = store
    .all<{ person_id: string; module_id: string; title_zh: string | null; title_en: string | null; passed: number | null; submitted_at: string }>(
      `SELECT e.person_id, e.module_id, json_extract(m.document, '$.title.zh') AS title_zh, json_extract(m.document, '$.title.en') AS title_en,
         coalesce(r.passed, e.passed) AS passed, e.submitted_at
       FROM exam_attempts e JOIN people p ON p.id = e.person_id JOIN exam_modules m ON m.id = e.module_id AND m.version = e.module_version
       LEFT JOIN exam_regrades r ON r.exam_attempt_id = e.id AND r.seq = (SELECT max(x.seq) FROM exam_regrades x WHERE x.exam_attempt_id = e.id)
       WHERE e.status = 'submitted' AND p.account_role = 'trainee' AND e.submitted_at >= ? AND e.submitted_at < ?`,
      fromIso,
      beforeIso,
    )
    .map((e) => {
      if (e.title_zh === null || e.title_en === null) throw new Error(`published module ${e.module_id} has no title in zh and en`);
      return { personId: e.person_id, profession: professionOf(e.person_id), moduleId: e.module_id, title: { zh: e.title_zh, en: e.title_en }, passed: e.passed === 1, submittedAt: e.submitted_at };
    });

  const practice = store
    .all<{ id: string; person_id: string; at: string }>(
      `SELECT a.id, a.person_id, coalesce(a.ended_at, a.started_at) AS at FROM attempts a JOIN people p ON p.id = a.person_id
       WHERE a.status = 'finished' AND p.account_role = 'trainee' AND NOT EXISTS (SELECT 1 FROM exam_practicals x WHERE x.attempt_id = a.id)
         AND coalesce(a.ended_at, a.started_at) >= ? AND coalesce(a.ended_at, a.started_at) < ?`,
      fromIso,
      beforeIso,
    )
    .map((a) => ({ attemptId: a.id, personId: a.person_id, profession: professionOf(a.person_id), endedAt: a.at }));

  const findings = traineeFindingsBetween(store, fromIso, beforeIso).map((f) => ({ ...f, profession: professionOf(f.personId) }));
  const examined = store.all<{ person_id: string; profession: Profession; examined_at: string }>('SELECT person_id, profession, examined_at FROM role_examinations').map((x) => ({ personId: x.person_id, profession: x.profession, examinedAt: x.examined_at }));
  const records = store
    .all<{ number: string; person_id: string; profession: Profession; record_json: string; issued_at: string; valid_until: string; revoked_at: string | null }>(
      'SELECT number, person_id, profession, record_json, issued_at, valid_until, revoked_at FROM completion_records',
    )
    .map((r) => ({
      number: r.number,
      personId: r.person_id,
      profession: r.profession,
      issuedAt: r.issued_at,
      validUntil: r.valid_until,
      recertifyBy: completionRecordSchema.parse(JSON.parse(r.record_json)).recertifyBy,
      revoked: r.revoked_at !== null,
    }));
  return { exams, practice, findings, examined, records };
}

export function createRecordInsightsService(deps: { store: TrainingStore; people: PeopleService; clock: Clock }): RecordInsightsService {
  const { store, people, clock } = deps;
  return {
    cohortStats(staff, query) {
      if (staff.accountRole !== 'instructor' && staff.accountRole !== 'admin') throw new ApiFailure('forbidden', 'only instructor or admin accounts see the cohort');
      const now = clock.now();
      let range: CohortRange;
      try {
        range = resolveCohortRange(query, now);
      } catch (e) {
        throw new ApiFailure('invalid-payload', (e as Error).message, query.from !== undefined ? '/from' : '/to');
      }
      return cohortStats(readCohortInput(store, range), { range, now, ...(query.profession ? { profession: query.profession } : {}) });
    },

    recurringFindings(caller, personId) {
      if (caller.accountRole === 'trainee' && personId !== undefined && personId !== caller.personId) throw new ApiFailure('forbidden', 'trainees see only their own findings', '/personId');
      const id = personId ?? caller.personId;
      // Staff may open this file (people.get refuses what they may not see, and unknown ids).
      if (id !== caller.personId) people.get(caller, id);
      const occurrences = findingsOf(store, id, { releasedOnly: caller.accountRole === 'trainee' });
      return recurringFindings(occurrences).map((r) => ({ ...r, heading: clauseById(r.clause)?.heading ?? null }));
    },
  };
}
