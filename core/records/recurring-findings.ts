// Findings that recur in a trainee's file: the clauses of 《微针治疗操作规范》 they broke or missed in more
// than one attempt, practice and exam together. A clause recurs when it is found in at least two distinct
// attempts; several findings under one clause in one attempt count once towards `attempts`.

import { compareClause } from '../scoring/engine/findings';

/** One failure or deduction under one clause, in one practice or exam attempt. */
export type FindingOccurrence = {
  clause: string;
  attemptId: string;
  source: 'practice' | 'exam';
  /** ISO time of the attempt's end (practice) or submission (exam). */
  at: string;
  ruleId?: string;
};

export type RecurringFinding = {
  clause: string;
  /** Occurrences under the clause, all attempts together. */
  count: number;
  /** Distinct attempts the clause was found in (2 or more). */
  attempts: number;
  /** ISO time of the latest occurrence. */
  lastAt: string;
};

/** The fewest distinct attempts in which a clause must be found to recur. */
export const RECURRING_MIN_ATTEMPTS = 2;

/** Clauses found in 2+ distinct attempts, most attempts first, then most occurrences, then the standard's clause order. */
export function recurringFindings(occurrences: FindingOccurrence[]): RecurringFinding[] {
  const byClause = new Map<string, { count: number; attemptIds: Set<string>; lastMs: number; lastAt: string }>();
  for (const o of occurrences) {
    const ms = Date.parse(o.at);
    if (Number.isNaN(ms)) throw new Error(`finding occurrence for clause ${o.clause} in attempt ${o.attemptId}: "at" is not an ISO time: ${o.at}`);
    const entry = byClause.get(o.clause) ?? { count: 0, attemptIds: new Set<string>(), lastMs: -Infinity, lastAt: o.at };
    entry.count++;
    entry.attemptIds.add(o.attemptId);
    if (ms > entry.lastMs) {
      entry.lastMs = ms;
      entry.lastAt = o.at;
    }
    byClause.set(o.clause, entry);
  }
  const out: RecurringFinding[] = [];
  for (const [clause, e] of byClause) {
    if (e.attemptIds.size >= RECURRING_MIN_ATTEMPTS) out.push({ clause, count: e.count, attempts: e.attemptIds.size, lastAt: e.lastAt });
  }
  return out.sort((a, b) => b.attempts - a.attempts || b.count - a.count || compareClause(a.clause, b.clause));
}
