// Every failure or deduction in a person's file, each under its clause: the findings of their finished
// practice attempts' stored score reports (severity critical, major or minor; 'info' deducts nothing) and,
// from their submitted exam attempts' current results (the newest regrade where there is one), the parts'
// findings and the questions answered wrongly or left unanswered (one occurrence per clause the question
// cites). A studio attempt that was an exam's practical part is counted once, through the exam's result.

import type { ExamResult } from '../../../core/api/schemas/exams';
import type { FindingOccurrence } from '../../../core/records/recurring-findings';
import type { ScoreReport } from '../../../core/scoring/report';
import type { SqlValue, TrainingStore } from '../db/store';
import { EXAM_SELECT, type ExamRow } from '../exams/rows';

export interface FindingsOfOptions {
  /** Only exam results already released to the trainee (what a trainee may see of their own file). */
  releasedOnly?: boolean;
}

/** A finding with the person it belongs to, for reading many people's files at once. */
export interface PersonFinding {
  personId: string;
  occurrence: FindingOccurrence;
}

function parseStored<T>(json: string, what: string): T {
  try {
    return JSON.parse(json) as T;
  } catch (e) {
    throw new Error(`${what} is not valid JSON: ${(e as Error).message}`);
  }
}

function practiceFindings(store: TrainingStore, where: string, params: SqlValue[]): PersonFinding[] {
  const rows = store.all<{ id: string; person_id: string; at: string; report: string }>(
    `SELECT a.id, a.person_id, coalesce(a.ended_at, a.started_at) AS at, c.report FROM attempts a JOIN attempt_content c ON c.attempt_id = a.id
     WHERE a.status = 'finished' AND c.report IS NOT NULL AND NOT EXISTS (SELECT 1 FROM exam_practicals x WHERE x.attempt_id = a.id) AND ${where}
     ORDER BY a.started_at, a.id`,
    ...params,
  );
  const out: PersonFinding[] = [];
  for (const r of rows) {
    const report = parseStored<ScoreReport>(r.report, `the stored report of attempt ${r.id}`);
    for (const f of report.findings) {
      if (f.severity === 'info') continue;
      out.push({ personId: r.person_id, occurrence: { clause: f.clause, attemptId: r.id, source: 'practice', at: r.at, ruleId: f.ruleId } });
    }
  }
  return out;
}

function examFindings(store: TrainingStore, where: string, params: SqlValue[]): PersonFinding[] {
  const rows = store.all<ExamRow>(`${EXAM_SELECT} WHERE e.status = 'submitted' AND ${where} ORDER BY e.started_at, e.id`, ...params);
  const out: PersonFinding[] = [];
  for (const r of rows) {
    if (r.result === null) throw new Error(`submitted exam attempt ${r.id} has no stored result`);
    const result = parseStored<ExamResult>(r.result, `the stored result of exam attempt ${r.id}`);
    const at = r.submitted_at ?? r.started_at;
    const add = (clause: string, ruleId?: string) => out.push({ personId: r.person_id, occurrence: { clause, attemptId: r.id, source: 'exam', at, ...(ruleId ? { ruleId } : {}) } });
    for (const part of result.parts) {
      for (const f of part.findings) add(f.clause);
      for (const item of part.items) {
        // correct null: a question marked outside the standard, shown but not counted.
        if (item.correct !== false || !item.solution) continue;
        for (const clause of item.solution.clauses) add(clause, `item:${item.itemId}`);
      }
    }
  }
  return out;
}

/** A person's findings, practice then exam, each in the order of the attempts' start. */
export function findingsOf(store: TrainingStore, personId: string, options: FindingsOfOptions = {}): FindingOccurrence[] {
  const released = options.releasedOnly ? ' AND e.released_at IS NOT NULL' : '';
  return [...practiceFindings(store, 'a.person_id = ?', [personId]), ...examFindings(store, `e.person_id = ?${released}`, [personId])].map((f) => f.occurrence);
}

/** Every trainee's findings from attempts ended (practice) or submitted (exam) in [fromIso, beforeIso). */
export function traineeFindingsBetween(store: TrainingStore, fromIso: string, beforeIso: string): PersonFinding[] {
  return [
    ...practiceFindings(store, "coalesce(a.ended_at, a.started_at) >= ? AND coalesce(a.ended_at, a.started_at) < ? AND a.person_id IN (SELECT id FROM people WHERE account_role = 'trainee')", [fromIso, beforeIso]),
    ...examFindings(store, "e.submitted_at >= ? AND e.submitted_at < ? AND p.account_role = 'trainee'", [fromIso, beforeIso]),
  ];
}
