// Findings that recur: a clause found in two or more distinct attempts, ordered by attempts, then
// occurrences, then the standard's clause order; and the renewal stages the home notice and the cohort use.

import { describe, expect, it } from 'vitest';
import { recurringFindings, type FindingOccurrence } from '../../../core/records/recurring-findings';
import { recordStanding, renewalNotices, renewalStage } from '../../../core/records/renewal';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
const occ = (clause: string, attemptId: string, day: number, source: FindingOccurrence['source'] = 'practice'): FindingOccurrence => ({ clause, attemptId, source, at: at(day) });

describe('recurringFindings', () => {
  it('keeps clauses found in 2+ distinct attempts, counted and ordered as worked out by hand', () => {
    const found = recurringFindings([
      // 8.5.1: attempts a, b, c (a twice) -> attempts 3, count 4, last day 9.
      occ('8.5.1', 'a', 1),
      occ('8.5.1', 'a', 1),
      occ('8.5.1', 'b', 5),
      occ('8.5.1', 'c', 9, 'exam'),
      // 7.3: attempts a, c -> attempts 2, count 2, last day 9.
      occ('7.3', 'a', 1),
      occ('7.3', 'c', 9, 'exam'),
      // 9.6.10 and 9.6.4: attempts 2, count 3 each -> same attempts and count: numeric clause order, 9.6.4 before 9.6.10.
      occ('9.6.10', 'b', 5),
      occ('9.6.10', 'b', 5),
      occ('9.6.10', 'd', 3),
      occ('9.6.4', 'd', 3),
      occ('9.6.4', 'b', 5),
      occ('9.6.4', 'b', 5),
      // 12.1: found three times but in one attempt only -> does not recur.
      occ('12.1', 'e', 2),
      occ('12.1', 'e', 2),
      occ('12.1', 'e', 2),
    ]);
    expect(found).toEqual([
      { clause: '8.5.1', count: 4, attempts: 3, lastAt: at(9) },
      { clause: '9.6.4', count: 3, attempts: 2, lastAt: at(5) },
      { clause: '9.6.10', count: 3, attempts: 2, lastAt: at(5) },
      { clause: '7.3', count: 2, attempts: 2, lastAt: at(9) },
    ]);
  });

  it('is empty for no findings and for findings each in one attempt; the last time is the latest, not the last listed', () => {
    expect(recurringFindings([])).toEqual([]);
    expect(recurringFindings([occ('6.1', 'a', 1), occ('6.2', 'b', 2)])).toEqual([]);
    expect(recurringFindings([occ('6.1', 'b', 20), occ('6.1', 'a', 3)])).toEqual([{ clause: '6.1', count: 2, attempts: 2, lastAt: at(20) }]);
  });

  it('refuses an occurrence whose time is not a time, naming the clause and attempt', () => {
    expect(() => recurringFindings([{ clause: '7.1', attemptId: 'x1', source: 'exam', at: 'yesterday' }])).toThrow(/7\.1.*x1.*yesterday/);
  });
});

describe('renewal stages', () => {
  const record = { number: 'MN-2026-000001', profession: 'nurse', issuedAt: '2023-03-01T00:00:00.000Z', recertifyBy: '2026-03-01T00:00:00.000Z', validUntil: '2026-05-30T00:00:00.000Z', revoked: null };
  it('current more than 90 days before recertifyBy, due soon within them, due after, expired after validUntil', () => {
    expect(renewalStage(record, new Date('2025-11-30T23:59:59.000Z'))).toBe('current');
    expect(renewalStage(record, new Date('2025-12-01T00:00:00.000Z'))).toBe('due-soon');
    expect(renewalStage(record, new Date('2026-03-01T00:00:01.000Z'))).toBe('due');
    expect(renewalStage(record, new Date('2026-05-30T00:00:01.000Z'))).toBe('expired');
  });

  it('a record stands valid (due soon included), due past recertifyBy, expired past validUntil, revoked whatever its dates', () => {
    const held = { ...record, revoked: false };
    expect(recordStanding(held, new Date('2025-12-01T00:00:00.000Z'))).toBe('valid');
    expect(recordStanding(held, new Date('2026-03-01T00:00:01.000Z'))).toBe('due');
    expect(recordStanding(held, new Date('2026-05-30T00:00:01.000Z'))).toBe('expired');
    expect(recordStanding({ ...held, revoked: true }, new Date('2025-01-01T00:00:00.000Z'))).toBe('revoked');
  });

  it('notices only the newest unrevoked record per profession, with the days left', () => {
    const now = new Date('2026-02-01T00:00:00.000Z');
    expect(renewalNotices([record], now)).toEqual([{ stage: 'due-soon', number: record.number, profession: 'nurse', recertifyBy: record.recertifyBy, validUntil: record.validUntil, daysLeft: 28 }]);
    const renewed = { ...record, number: 'MN-2026-000009', issuedAt: '2026-01-15T00:00:00.000Z', recertifyBy: '2028-10-17T00:00:00.000Z', validUntil: '2029-01-15T00:00:00.000Z' };
    expect(renewalNotices([record, renewed], now)).toEqual([]);
    // A revoked renewal does not replace the older record.
    expect(renewalNotices([record, { ...renewed, revoked: { at: now.toISOString() } }], now).map((n) => n.number)).toEqual([record.number]);
    expect(renewalNotices([], now)).toEqual([]);
  });
});
