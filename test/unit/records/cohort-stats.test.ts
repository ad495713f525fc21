// The cohort's numbers on a fixture built by hand: two roles (nurses and technicians), passes and fails,
// rows inside and outside the range; every expected number is counted out in the comments.

import { describe, expect, it } from 'vitest';
import { cohortStats, resolveCohortRange, type CohortInput } from '../../../core/records/cohort-stats';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const T = { zh: '滚轮微针', en: 'Roller' };
const R = { zh: '射频微针', en: 'RF' };
const exam = (personId: string, profession: 'nurse' | 'technician', moduleId: string, passed: boolean, submittedAt: string) => ({
  personId,
  profession,
  moduleId,
  title: moduleId === 'roller' ? T : R,
  passed,
  submittedAt,
});
const finding = (personId: string, profession: 'nurse' | 'technician', clause: string, attemptId: string, at: string) => ({
  personId,
  profession,
  occurrence: { clause, attemptId, source: 'practice' as const, at },
});

const IN = '2026-11-10T09:00:00.000Z';
const IN2 = '2026-11-20T09:00:00.000Z';
const OUT = '2026-08-01T09:00:00.000Z'; // before the default range (2026-09-02 .. 2026-11-30)

const INPUT: CohortInput = {
  exams: [
    exam('n1', 'nurse', 'roller', false, IN),
    exam('n1', 'nurse', 'roller', true, IN2),
    exam('n2', 'nurse', 'roller', true, IN),
    exam('n2', 'nurse', 'rf', false, IN),
    exam('t1', 'technician', 'roller', false, IN),
    exam('t1', 'technician', 'rf', true, IN2),
    exam('t1', 'technician', 'rf', true, OUT), // out of range
  ],
  practice: [
    { attemptId: 'p1', personId: 'n1', profession: 'nurse', endedAt: IN },
    { attemptId: 'p2', personId: 't1', profession: 'technician', endedAt: IN },
    { attemptId: 'p3', personId: 't1', profession: 'technician', endedAt: OUT },
  ],
  findings: [
    // 8.5.1: trainees n1, n2, t1 (3), occurrences 4 in range (+1 out of range).
    finding('n1', 'nurse', '8.5.1', 'p1', IN),
    finding('n1', 'nurse', '8.5.1', 'p1', IN),
    finding('n2', 'nurse', '8.5.1', 'x2', IN),
    finding('t1', 'technician', '8.5.1', 'p2', IN),
    finding('t1', 'technician', '8.5.1', 'p3', OUT),
    // 7.3: trainees n1, t1 (2), occurrences 3.
    finding('n1', 'nurse', '7.3', 'p1', IN),
    finding('t1', 'technician', '7.3', 'p2', IN),
    finding('t1', 'technician', '7.3', 'p2', IN2),
    // 6.8: trainees n2 (1), 1 occurrence; only outside the range for t1.
    finding('n2', 'nurse', '6.8', 'x2', IN),
    finding('t1', 'technician', '6.8', 'p3', OUT),
  ],
  examined: [
    { personId: 'n1', profession: 'nurse', examinedAt: IN2 },
    { personId: 't1', profession: 'technician', examinedAt: OUT },
  ],
  records: [
    // n1 nurse: issued in range, current.
    { number: 'MN-2026-000002', personId: 'n1', profession: 'nurse', issuedAt: IN2, validUntil: '2029-11-20T09:00:00.000Z', recertifyBy: '2029-08-22T09:00:00.000Z', revoked: false },
    // t1: an old record due (recertifyBy passed, validUntil not), issued out of range.
    { number: 'MN-2023-000001', personId: 't1', profession: 'technician', issuedAt: '2023-12-20T09:00:00.000Z', validUntil: '2026-12-20T09:00:00.000Z', recertifyBy: '2026-09-21T09:00:00.000Z', revoked: false },
    // n3: expired; and a revoked record that counts for nothing held.
    { number: 'MN-2023-000002', personId: 'n3', profession: 'nurse', issuedAt: '2023-01-10T09:00:00.000Z', validUntil: '2026-01-10T09:00:00.000Z', recertifyBy: '2025-10-12T09:00:00.000Z', revoked: false },
    { number: 'MN-2026-000001', personId: 'n2', profession: 'nurse', issuedAt: IN, validUntil: '2029-11-10T09:00:00.000Z', recertifyBy: '2029-08-12T09:00:00.000Z', revoked: true },
  ],
};

describe('resolveCohortRange', () => {
  it('defaults to the 90 days ending today, and refuses a range that ends before it starts', () => {
    expect(resolveCohortRange({}, NOW)).toMatchObject({ from: '2026-09-02', to: '2026-11-30', startMs: Date.parse('2026-09-02T00:00:00Z'), endMs: Date.parse('2026-12-01T00:00:00Z') });
    expect(resolveCohortRange({ to: '2026-10-31' }, NOW)).toMatchObject({ from: '2026-08-03', to: '2026-10-31' });
    expect(() => resolveCohortRange({ from: '2026-12-05' }, NOW)).toThrow(/ends \(2026-11-30\) before it starts \(2026-12-05\)/);
  });
});

describe('cohortStats', () => {
  const range = resolveCohortRange({}, NOW);

  it('counts pass rates per module and role, missed clauses and records, inside the range only', () => {
    const s = cohortStats(INPUT, { range, now: NOW });
    expect(s.examAttempts).toBe(6);
    expect(s.practiceAttempts).toBe(2);
    // roller: n1 fail, n1 pass, n2 pass, t1 fail -> 4 attempts, 2 passed. rf: n2 fail, t1 pass -> 2, 1.
    expect(s.modules).toEqual([
      { moduleId: 'rf', title: R, attempts: 2, passed: 1, failed: 1, rate: 0.5 },
      { moduleId: 'roller', title: T, attempts: 4, passed: 2, failed: 2, rate: 0.5 },
    ]);
    // Nurses: 4 attempts (n1 x2, n2 x2), 2 passed, 2 trainees, n1 examined in range. Technicians: 2 in range, 1
    // passed, examined out of range. Physicians: none.
    expect(s.roles).toEqual([
      { profession: 'physician', clause: '15.2.1', attempts: 0, passed: 0, failed: 0, rate: null, traineesAttempted: 0, traineesExamined: 0 },
      { profession: 'technician', clause: '15.2.2', attempts: 2, passed: 1, failed: 1, rate: 0.5, traineesAttempted: 1, traineesExamined: 0 },
      { profession: 'nurse', clause: '15.2.3', attempts: 4, passed: 2, failed: 2, rate: 0.5, traineesAttempted: 2, traineesExamined: 1 },
    ]);
    expect(s.missedClauses).toEqual([
      { clause: '8.5.1', heading: { zh: '眼睑：0.25 mm，拉至骨面', en: 'Eyelids: 0.25 mm over bone' }, trainees: 3, occurrences: 4 },
      { clause: '7.3', heading: { zh: '告知风险并签署知情同意书', en: 'Risks explained and consent signed' }, trainees: 2, occurrences: 3 },
      { clause: '6.8', heading: { zh: '禁忌：瘢痕疙瘩或瘢痕体质', en: 'Contraindication: keloids or keloid tendency' }, trainees: 1, occurrences: 1 },
    ]);
    // Issued in range: MN-2026-000002 and the revoked MN-2026-000001. Held: n1 current, t1 due, n3 expired.
    expect(s.records).toEqual({ issued: 2, dueForRenewal: 1, expired: 1 });
    expect(s.range).toEqual({ from: '2026-09-02', to: '2026-11-30' });
    expect(s.profession).toBeNull();
  });

  it('a profession narrows everything to its trainees and records', () => {
    const s = cohortStats(INPUT, { range, now: NOW, profession: 'technician' });
    expect(s.examAttempts).toBe(2);
    expect(s.practiceAttempts).toBe(1);
    expect(s.modules.map((m) => [m.moduleId, m.attempts, m.passed])).toEqual([
      ['rf', 1, 1],
      ['roller', 1, 0],
    ]);
    expect(s.roles.map((r) => r.profession)).toEqual(['technician']);
    // t1 only: 7.3 twice, 8.5.1 once (6.8 was out of range).
    expect(s.missedClauses.map((c) => [c.clause, c.trainees, c.occurrences])).toEqual([
      ['7.3', 1, 2],
      ['8.5.1', 1, 1],
    ]);
    expect(s.records).toEqual({ issued: 0, dueForRenewal: 1, expired: 0 });
  });

  it('a range with nothing in it has no modules, zero attempts and no clauses; at most ten clauses are listed', () => {
    const empty = cohortStats(INPUT, { range: resolveCohortRange({ from: '2025-01-01', to: '2025-01-31' }, NOW), now: NOW });
    expect(empty).toMatchObject({ examAttempts: 0, practiceAttempts: 0, modules: [], missedClauses: [], records: { issued: 0 } });
    const many = Array.from({ length: 12 }, (_, i) => finding('n1', 'nurse', `6.${i + 1}`, `a${i}`, IN));
    expect(cohortStats({ ...INPUT, findings: many }, { range, now: NOW }).missedClauses.map((c) => c.clause)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '6.8', '6.9', '6.10']);
  });
});
