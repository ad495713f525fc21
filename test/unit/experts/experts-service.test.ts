// experts.* through the real dispatcher on an in-memory training file: instructors mark finished sessions of
// a task (never running, abandoned or imported ones, never twice) and unmark them with a reason; each is
// audited with its actor and subject and the attempt itself is not changed; the benchmark a trainee gets is
// the aggregate only (no ids, names or dates); staff list who marked what.

import { describe, expect, it } from 'vitest';
import type { MicroneedleApi } from '../../../core/api/contract';
import { seededInstitution } from '../../helpers/training-services';
import { fixture, ok, sessionBatches } from '../training-file/helpers';

const PRESET = 'roller-forehead-pink';

async function finishedSession(api: MicroneedleApi, samples = 40) {
  const started = ok(await api.sessions.start({ presetId: PRESET, mode: 'learn' }));
  const [events] = sessionBatches(started.initialSettings, 1, samples);
  ok(await api.sessions.append({ attemptId: started.attemptId, seq: 0, events: events! }));
  return ok(await api.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 100 + samples * 10, zones: [] }));
}

async function institution() {
  const s = await seededInstitution();
  const experts = [await finishedSession(s.instructor, 30), await finishedSession(s.instructor, 40), await finishedSession(s.instructor, 60)];
  const traineeSession = await finishedSession(s.trainee, 20);
  return { ...s, experts, traineeSession };
}

const attemptRow = (s: Awaited<ReturnType<typeof institution>>, id: string) => s.services.live()!.store.all('SELECT * FROM attempts a JOIN attempt_content c ON c.attempt_id = a.id WHERE a.id = ?', id);

describe('experts.mark and experts.unmark', () => {
  it('marks a finished session of a task once, unmarks it with a reason, audits both and leaves the attempt as it was', async () => {
    const s = await institution();
    const id = s.experts[0]!.summary.id;
    const before = attemptRow(s, id);
    expect(ok(await s.instructor.experts.mark({ attemptId: id }))).toEqual({ attemptId: id, presetId: PRESET, marked: true });
    expect(await s.instructor.experts.mark({ attemptId: id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already an expert session') } });
    expect(await s.instructor.experts.unmark({ attemptId: id, reason: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(ok(await s.instructor.experts.unmark({ attemptId: id, reason: '针长不符合额部要求' }))).toEqual({ attemptId: id, presetId: PRESET, marked: false });
    expect(await s.instructor.experts.unmark({ attemptId: id, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('is not an expert session') } });
    // Marked again: the history keeps all three rows.
    ok(await s.instructor.experts.mark({ attemptId: id }));
    expect(attemptRow(s, id)).toEqual(before);
    const store = s.services.live()!.store;
    expect(store.all('SELECT action, reason FROM expert_benchmarks WHERE attempt_id = ? ORDER BY seq', id)).toEqual([
      { action: 'marked', reason: null },
      { action: 'unmarked', reason: '针长不符合额部要求' },
      { action: 'marked', reason: null },
    ]);
    const audit = ok(await s.admin.audit.list({ order: 'asc', offset: 0, limit: 200 })).entries.filter((e) => e.action.startsWith('expert.'));
    expect(audit.map((e) => [e.action, e.actorId, e.subject])).toEqual([
      ['expert.marked', s.people.instructor.id, id],
      ['expert.unmarked', s.people.instructor.id, id],
      ['expert.marked', s.people.instructor.id, id],
    ]);
    expect(audit[0]!.details).toMatchObject({ presetId: PRESET, personId: s.people.instructor.id, procedure: 'roller', kind: 'practice' });
    expect(audit[1]!.details).toMatchObject({ presetId: PRESET, reason: '针长不符合额部要求' });
    expect(ok(await s.admin.audit.verify())).toMatchObject({ ok: true });
    await s.services.dispose();
  });

  it('refuses running, abandoned and imported attempts, attempts it may not see, and every role but instructors', async () => {
    const s = await institution();
    const running = ok(await s.instructor.sessions.start({ presetId: PRESET, mode: 'learn' }));
    expect(await s.instructor.experts.mark({ attemptId: running.attemptId })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('is running') } });
    const gone = ok(await s.instructor.sessions.start({ presetId: PRESET, mode: 'learn' }));
    ok(await s.instructor.sessions.abandon({ attemptId: gone.attemptId }));
    expect(await s.instructor.experts.mark({ attemptId: gone.attemptId })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('is abandoned') } });
    const imported = ok(await s.instructor.sessions.import({ recording: fixture('roller-forehead-good'), fileName: 'good.json' }));
    expect(await s.instructor.experts.mark({ attemptId: imported.summary.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('belongs to no task') } });
    expect(await s.instructor.experts.mark({ attemptId: 'a-nothing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A trainee's finished session may be marked by an instructor; neither trainee nor administrator may mark.
    ok(await s.instructor.experts.mark({ attemptId: s.traineeSession.summary.id }));
    expect(await s.trainee.experts.mark({ attemptId: s.traineeSession.summary.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.admin.experts.mark({ attemptId: s.experts[0]!.summary.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.trainee.experts.unmark({ attemptId: s.traineeSession.summary.id, reason: 'mine' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await s.services.dispose();
  });
});

describe('experts.benchmark and experts.list', () => {
  it('says so under three sessions, then gives the spread and suggested thresholds', async () => {
    const s = await institution();
    const empty = ok(await s.trainee.experts.benchmark({ presetId: PRESET }));
    expect(empty).toMatchObject({ presetId: PRESET, procedure: 'roller', sessions: 0, spread: false, minSessions: 3, suggestedThresholds: [] });
    expect(empty.metrics.every((m) => m.n === 0 && m.mean === null)).toBe(true);
    ok(await s.instructor.experts.mark({ attemptId: s.experts[0]!.summary.id }));
    ok(await s.instructor.experts.mark({ attemptId: s.experts[1]!.summary.id }));
    const two = ok(await s.trainee.experts.benchmark({ presetId: PRESET }));
    expect(two).toMatchObject({ sessions: 2, spread: false, suggestedThresholds: [] });
    expect(two.metrics.find((m) => m.key === 'coveragePct')).toMatchObject({ n: 2, sd: null, min: null, max: null });
    ok(await s.instructor.experts.mark({ attemptId: s.experts[2]!.summary.id }));
    const three = ok(await s.trainee.experts.benchmark({ presetId: PRESET }));
    expect(three).toMatchObject({ sessions: 3, spread: true });
    const coverage = s.experts.map((e) => e.report.metrics.coveragePct!);
    const mean = coverage.reduce((a, b) => a + b, 0) / 3;
    expect(three.metrics.find((m) => m.key === 'coveragePct')).toMatchObject({ n: 3, min: Math.min(...coverage), max: Math.max(...coverage) });
    expect(three.metrics.find((m) => m.key === 'coveragePct')!.mean).toBeCloseTo(mean, 3);
    expect(three.suggestedThresholds.map((t) => t.key)).toContain('minCoverageFraction');
    // The trainee's aggregate names nobody: no attempt ids, person ids or names, no dates.
    const text = JSON.stringify(three);
    for (const secret of [...s.experts.map((e) => e.summary.id), s.people.instructor.id, s.people.instructor.name, '2026-']) expect(text).not.toContain(secret);
    expect(await s.trainee.experts.benchmark({ presetId: 'no-such-task' })).toMatchObject({ ok: false, error: { code: 'not-found', path: '/presetId' } });
    await s.services.dispose();
  });

  it('lists the marked sessions with whose they are and who marked them, for staff only', async () => {
    const s = await institution();
    ok(await s.instructor.experts.mark({ attemptId: s.experts[1]!.summary.id }));
    ok(await s.instructor.experts.mark({ attemptId: s.traineeSession.summary.id }));
    ok(await s.instructor.experts.unmark({ attemptId: s.traineeSession.summary.id, reason: '学员操作，不作示范' }));
    const list = ok(await s.admin.experts.list({ presetId: PRESET }));
    expect(list).toEqual([
      expect.objectContaining({ attemptId: s.experts[1]!.summary.id, presetId: PRESET, personId: s.people.instructor.id, personName: s.people.instructor.name, kind: 'practice', markedById: s.people.instructor.id, markedByName: s.people.instructor.name }),
    ]);
    expect(ok(await s.instructor.experts.list({ presetId: PRESET }))).toEqual(list);
    expect(await s.trainee.experts.list({ presetId: PRESET })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await s.services.dispose();
  });
});
