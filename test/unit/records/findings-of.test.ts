// A person's findings read from the store (one failed practice session, one failed exam attempt), the
// findings that recur across them, the cohort's numbers through the API, and who may ask for them.

import { describe, expect, it } from 'vitest';
import type { ExamResult } from '../../../core/api/schemas/exams';
import type { ScoreReport } from '../../../core/scoring/report';
import { clauseWithin } from '../../../core/standard/clauses';
import { findingsOf } from '../../../electron/services/records/findings-of';
import { NURSE, seededInstitution } from '../../helpers/training-services';
import { quickCatalog } from '../../helpers/quick-exam';
import { ok, sessionBatches } from '../training-file/helpers';

type Seeded = Awaited<ReturnType<typeof seededInstitution>>;

/** A short roller session with no preparation: it fails with findings under protocol clauses. */
async function failedPractice(s: Seeded) {
  const started = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
  const [batch] = sessionBatches(started.initialSettings, 1);
  ok(await s.trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events: batch }));
  ok(await s.trainee.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 2000, zones: [] }));
  const report = JSON.parse(s.services.live()!.store.get<{ report: string }>('SELECT report FROM attempt_content WHERE attempt_id = ?', started.attemptId)!.report) as ScoreReport;
  expect(report.passed).toBe(false);
  return { attemptId: started.attemptId, report };
}

/** The quick module submitted with no answer: every question counts as missed, so it fails. */
async function failedExam(s: Seeded) {
  const { id } = ok(await s.trainee.exams.start({ moduleId: 'quick', certificateNumber: NURSE.certificateNumber }));
  ok(await s.trainee.exams.submit({ examAttemptId: id }));
  const row = s.services.live()!.store.get<{ result: string; passed: number }>('SELECT result, passed FROM exam_attempts WHERE id = ?', id)!;
  expect(row.passed).toBe(0);
  return { id, result: JSON.parse(row.result) as ExamResult };
}

describe('findingsOf', () => {
  it('reads every deducting finding of a failed practice session and every missed question of a failed exam, with their clauses', async () => {
    const s = await seededInstitution({ exams: quickCatalog() });
    const practice = await failedPractice(s);
    s.clock.advance(3_600_000);
    const exam = await failedExam(s);
    const found = findingsOf(s.services.live()!.store, s.people.nurse.id);

    const expectedPractice = practice.report.findings.filter((f) => f.severity !== 'info');
    expect(expectedPractice.length).toBeGreaterThan(0);
    expect(found.filter((f) => f.source === 'practice')).toEqual(
      expectedPractice.map((f) => ({ clause: f.clause, attemptId: practice.attemptId, source: 'practice', at: '2026-11-01T08:00:00.000Z', ruleId: f.ruleId })),
    );
    const items = exam.result.parts.flatMap((p) => p.items);
    expect(items).toHaveLength(5);
    expect(items.every((i) => i.correct === false)).toBe(true);
    const expectedExam = items.flatMap((i) => i.solution!.clauses.map((clause) => ({ clause, attemptId: exam.id, source: 'exam', at: '2026-11-01T09:00:00.000Z', ruleId: `item:${i.itemId}` })));
    expect(found.filter((f) => f.source === 'exam')).toEqual(expectedExam);
    // Each question cites a clause of section 8 (the quick module draws from it).
    expect(items.every((i) => i.solution!.clauses.some((c) => clauseWithin(c, '8')))).toBe(true);
    // The other trainee has nothing on file.
    expect(findingsOf(s.services.live()!.store, s.people.technician.id)).toEqual([]);
    await s.services.dispose();
  });
});

describe('records.recurringFindings and cohort.stats', () => {
  it('a clause found in two attempts recurs; a trainee sees only their own; the cohort counts both attempts', async () => {
    const s = await seededInstitution({ exams: quickCatalog() });
    const first = await failedPractice(s);
    s.clock.advance(60_000);
    const second = await failedPractice(s);
    await failedExam(s);

    const mine = ok(await s.trainee.records.recurringFindings({}));
    const practiceClauses = new Set(first.report.findings.filter((f) => f.severity !== 'info').map((f) => f.clause));
    // Both sessions broke the same protocol clauses; each recurs in (at least) those two attempts.
    for (const clause of practiceClauses) expect(mine.find((r) => r.clause === clause)).toMatchObject({ attempts: expect.any(Number) as number, lastAt: '2026-11-01T08:01:00.000Z' });
    expect(mine.every((r) => r.attempts >= 2)).toBe(true);
    expect(mine[0]!.heading).not.toBeNull();
    expect(second.report.passed).toBe(false);
    // Staff read the same file; a trainee cannot read another's.
    expect(ok(await s.instructor.records.recurringFindings({ personId: s.people.nurse.id }))).toEqual(mine);
    expect(await s.trainee2.records.recurringFindings({ personId: s.people.nurse.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ok(await s.trainee2.records.recurringFindings({}))).toEqual([]);

    const stats = ok(await s.instructor.cohort.stats({}));
    expect(stats).toMatchObject({ range: { from: '2026-08-04', to: '2026-11-01' }, examAttempts: 1, practiceAttempts: 2, profession: null });
    expect(stats.modules).toEqual([{ moduleId: 'quick', title: { zh: '快速理论测验', en: 'Quick theory check' }, attempts: 1, passed: 0, failed: 1, rate: 0 }]);
    expect(stats.roles.find((r) => r.profession === 'nurse')).toMatchObject({ attempts: 1, failed: 1, traineesAttempted: 1, traineesExamined: 0 });
    expect(stats.missedClauses.length).toBeGreaterThan(0);
    expect(stats.missedClauses.every((c) => c.trainees === 1)).toBe(true);
    expect(ok(await s.admin.cohort.stats({ profession: 'technician' }))).toMatchObject({ examAttempts: 0, practiceAttempts: 0, missedClauses: [], modules: [] });
    // A trainee is refused the cohort; a range that ends before it starts is refused at its field.
    expect(await s.trainee.cohort.stats({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.instructor.cohort.stats({ from: '2026-11-02', to: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/to' } });
    expect(await s.instructor.cohort.stats({ from: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/from' } });
    await s.services.dispose();
  });
});
