// The cohort view's numbers, from plain rows main reads out of the store: pass rates per exam module and per
// role (15.2.1 physicians, 15.2.2 technicians, 15.2.3 nurses), the clauses most often missed across the
// trainees, and the completion records issued and due for renewal. Pure: the range, the profession and
// `now` are passed in, and everything is filtered here, so one definition of "in the range" holds.

import type { Profession } from '../api/schemas/people';
import { ROLE_CLAUSES } from '../certification/record';
import { compareClause } from '../scoring/engine/findings';
import { clauseById } from '../standard/clauses';
import type { FindingOccurrence } from './recurring-findings';
import { renewalStage } from './renewal';
import type { CohortStats, MissedClause, ModulePassRate, RolePassRate } from './schemas';

/** The default range: the last 90 days, today included. */
export const COHORT_DEFAULT_DAYS = 90;
export const MISSED_CLAUSES_SHOWN = 10;
const DAY_MS = 86_400_000;
/** The order roles are listed in: the order of their clauses 15.2.1-15.2.3. */
const ROLE_ORDER: readonly Profession[] = ['physician', 'technician', 'nurse'];

export interface CohortRange {
  from: string;
  to: string;
  /** Start of `from` (UTC). */
  startMs: number;
  /** End of `to`: the start of the next day (UTC), excluded. */
  endMs: number;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The range a query asks for: absent `to` is today, absent `from` is 89 days before `to` (90 days in all). */
export function resolveCohortRange(query: { from?: string; to?: string }, now: Date): CohortRange {
  const to = query.to ?? isoDate(now.getTime());
  const endMs = Date.parse(`${to}T00:00:00.000Z`) + DAY_MS;
  const from = query.from ?? isoDate(endMs - COHORT_DEFAULT_DAYS * DAY_MS);
  const startMs = Date.parse(`${from}T00:00:00.000Z`);
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) throw new RangeError(`not a date range: ${from} to ${to}`);
  if (startMs >= endMs) throw new RangeError(`the date range ends (${to}) before it starts (${from})`);
  return { from, to, startMs, endMs };
}

export interface CohortExamRow {
  personId: string;
  profession: Profession | null;
  moduleId: string;
  title: { zh: string; en: string };
  passed: boolean;
  submittedAt: string;
}
export interface CohortPracticeRow {
  attemptId: string;
  personId: string;
  profession: Profession | null;
  endedAt: string;
}
export interface CohortFindingRow {
  personId: string;
  profession: Profession | null;
  occurrence: FindingOccurrence;
}
export interface CohortExaminedRow {
  personId: string;
  profession: Profession;
  examinedAt: string;
}
export interface CohortRecordRow {
  number: string;
  personId: string;
  profession: Profession;
  issuedAt: string;
  validUntil: string;
  recertifyBy: string;
  revoked: boolean;
}
export interface CohortInput {
  exams: readonly CohortExamRow[];
  practice: readonly CohortPracticeRow[];
  findings: readonly CohortFindingRow[];
  examined: readonly CohortExaminedRow[];
  records: readonly CohortRecordRow[];
}

const rateOf = (passed: number, attempts: number) => (attempts === 0 ? null : passed / attempts);

export function cohortStats(input: CohortInput, options: { range: CohortRange; profession?: Profession; now: Date }): CohortStats {
  const { range, profession, now } = options;
  const inRange = (at: string) => {
    const ms = Date.parse(at);
    return ms >= range.startMs && ms < range.endMs;
  };
  const ofRole = (p: Profession | null) => profession === undefined || p === profession;

  const exams = input.exams.filter((e) => ofRole(e.profession) && inRange(e.submittedAt));
  const modules = new Map<string, ModulePassRate & { newestMs: number }>();
  for (const e of exams) {
    const m = modules.get(e.moduleId) ?? { moduleId: e.moduleId, title: e.title, attempts: 0, passed: 0, failed: 0, rate: null, newestMs: -Infinity };
    m.attempts++;
    if (e.passed) m.passed++;
    else m.failed++;
    // The title of the newest attempt's version names the module.
    const ms = Date.parse(e.submittedAt);
    if (ms > m.newestMs) {
      m.newestMs = ms;
      m.title = e.title;
    }
    modules.set(e.moduleId, m);
  }
  const moduleRates = [...modules.values()]
    .map(({ newestMs: _n, ...m }) => ({ ...m, rate: rateOf(m.passed, m.attempts) }))
    .sort((a, b) => (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));

  const roles: RolePassRate[] = ROLE_ORDER.filter((p) => ofRole(p)).map((p) => {
    const mine = exams.filter((e) => e.profession === p);
    const passed = mine.filter((e) => e.passed).length;
    const examined = new Set(input.examined.filter((x) => x.profession === p && inRange(x.examinedAt)).map((x) => x.personId));
    return {
      profession: p,
      clause: ROLE_CLAUSES[p],
      attempts: mine.length,
      passed,
      failed: mine.length - passed,
      rate: rateOf(passed, mine.length),
      traineesAttempted: new Set(mine.map((e) => e.personId)).size,
      traineesExamined: examined.size,
    };
  });

  const byClause = new Map<string, { trainees: Set<string>; occurrences: number }>();
  for (const f of input.findings) {
    if (!ofRole(f.profession) || !inRange(f.occurrence.at)) continue;
    const c = byClause.get(f.occurrence.clause) ?? { trainees: new Set<string>(), occurrences: 0 };
    c.trainees.add(f.personId);
    c.occurrences++;
    byClause.set(f.occurrence.clause, c);
  }
  const missedClauses: MissedClause[] = [...byClause.entries()]
    .map(([clause, c]) => ({ clause, heading: clauseById(clause)?.heading ?? null, trainees: c.trainees.size, occurrences: c.occurrences }))
    .sort((a, b) => b.trainees - a.trainees || b.occurrences - a.occurrences || compareClause(a.clause, b.clause))
    .slice(0, MISSED_CLAUSES_SHOWN);

  const records = input.records.filter((r) => ofRole(r.profession));
  // A record is still held while no later unrevoked record of the same trainee and profession replaces it.
  const held = new Map<string, CohortRecordRow>();
  for (const r of records) {
    if (r.revoked) continue;
    const key = `${r.personId}\u0000${r.profession}`;
    const seen = held.get(key);
    if (!seen || Date.parse(r.issuedAt) > Date.parse(seen.issuedAt)) held.set(key, r);
  }
  let dueForRenewal = 0;
  let expired = 0;
  for (const r of held.values()) {
    const stage = renewalStage(r, now);
    if (stage === 'expired') expired++;
    else if (stage === 'due' || stage === 'due-soon') dueForRenewal++;
  }

  return {
    range: { from: range.from, to: range.to },
    profession: profession ?? null,
    examAttempts: exams.length,
    practiceAttempts: input.practice.filter((p) => ofRole(p.profession) && inRange(p.endedAt)).length,
    modules: moduleRates,
    roles,
    missedClauses,
    records: { issued: records.filter((r) => inRange(r.issuedAt)).length, dueForRenewal, expired },
    computedAt: now.toISOString(),
  };
}
