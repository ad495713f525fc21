// The exams service through the real dispatcher: who may take what, identity, resume with the same
// questions and the time left, grading from stored steps, the non-compensable safety class, retake
// waits, release of results, the practical part as a studio attempt, and role tracks.

import { describe, expect, it } from 'vitest';
import type { ExamAttemptContent } from '../../../core/exams/attempt';
import { openDataFolderStorage } from '../../../electron/services';
import { rightSteps } from '../../helpers/exam-answers';
import { QUICK_MODULE, quickCatalog } from '../../helpers/quick-exam';
import { NURSE, seededInstitution } from '../../helpers/training-services';
import { folderScope } from '../training-file/folder-scope';
import { ok, sessionBatches } from '../training-file/helpers';

const scope = folderScope();
type Seeded = Awaited<ReturnType<typeof seededInstitution>>;

const contentOf = (s: Seeded, id: string) => JSON.parse(s.services.live()!.store.get<{ content: string }>('SELECT content FROM exam_attempts WHERE id = ?', id)!.content) as ExamAttemptContent;
async function sendAll(api: Seeded['trainee'], id: string, steps: ReturnType<typeof rightSteps>) {
  for (const step of steps) ok(await api.exams.step({ examAttemptId: id, step }));
}

/** The quick module with results and solutions that wait for an instructor's release. */
const QUICK = { ...QUICK_MODULE, release: { results: 'on-release', solutions: 'on-release' } };

describe('the catalogue and starting', () => {
  it('a trainee sees the modules of their profession; staff see all and the files that did not load', async () => {
    const s = await seededInstitution();
    const ids = (r: { modules: { ref: { id: string } }[] }) => r.modules.map((m) => m.ref.id).sort();
    expect(ids(ok(await s.trainee.exams.catalog()))).toEqual(['nano', 'rf-nurse', 'roller-nurse', 'theory']);
    expect(ids(ok(await s.trainee2.exams.catalog()))).toEqual(['nano', 'rf-technician', 'roller-technician', 'theory']);
    const staff = ok(await s.instructor.exams.catalog());
    expect(ids(staff)).toHaveLength(6);
    expect(staff.problems).toEqual([]);
    expect(ok(await s.trainee.exams.catalog()).modules.find((m) => m.ref.id === 'roller-nurse')!.standing).toMatchObject({ attemptsUsed: 0, attemptsAllowed: 3, blocked: null });
  });

  it('checks the certificate number and the profession; only one attempt of a module runs at a time', async () => {
    const s = await seededInstitution();
    const wrong = await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: 'N-2024-9999' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'forbidden', path: '/certificateNumber' } });
    const other = await s.trainee.exams.start({ moduleId: 'roller-technician', certificateNumber: NURSE.certificateNumber });
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden', path: '/moduleId' } });
    const started = ok(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: ' n-2024-0001 ' }));
    expect(started.identity).toEqual({ name: NURSE.name, profession: 'nurse', certificateNumber: NURSE.certificateNumber });
    expect((await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: NURSE.certificateNumber })).ok).toBe(false);
    expect(await s.instructor.exams.start({ moduleId: 'roller-nurse', certificateNumber: 'P-1100-22' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('shows the trainee no keys, no question or case ids and no clause numbers while running', async () => {
    const s = await seededInstitution();
    const started = ok(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: NURSE.certificateNumber }));
    const text = JSON.stringify(started.parts);
    expect(text).not.toMatch(/"key"|"explanation"|"correct"|"harmful"|"conditions"|roller-herpes-active-lip|"q\d/);
    expect(started.result).toBeNull();
    const knowledge = started.parts.find((p) => p.kind === 'knowledge')!;
    expect(knowledge.kind === 'knowledge' && knowledge.questions.map((q) => q.itemId)).toEqual([...Array(20).keys()].map((i) => `k${i + 1}`));
  });
});

describe('taking an exam', () => {
  it('saves every answer as a step; reopening shows the same questions, the answers and the time left (a pause does not count)', async () => {
    const s = await seededInstitution();
    const started = ok(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: NURSE.certificateNumber }));
    const content = contentOf(s, started.id);
    const k1 = (content.parts[0] as Extract<ExamAttemptContent['parts'][number], { kind: 'knowledge' }>).items[0]!;
    const response = k1.question.type === 'true-false' ? { kind: 'true-false' as const, value: true } : k1.question.type === 'region' ? { kind: 'regions' as const, regions: ['forehead' as const] } : { kind: 'choice' as const, optionIds: ['a'] };
    const r = ok(await s.trainee.exams.step({ examAttemptId: started.id, step: { kind: 'answer', partId: 'knowledge', itemId: 'k1', response } }));
    ok(await s.trainee.exams.step({ examAttemptId: started.id, step: { kind: 'flag', partId: 'knowledge', itemId: 'k2', flagged: true } }));
    ok(await s.trainee.exams.step({ examAttemptId: started.id, step: { kind: 'ask', partId: 'case', topic: 'infections-herpes' } }));
    s.clock.advance(30_000);
    const before = ok(await s.trainee.exams.open({ id: started.id }));
    expect(before.remainingMs).toBe(started.timeLimitMs - 30_000);
    // The window closes; an hour later the trainee comes back: the hour did not count.
    s.clock.advance(3_600_000);
    const resumed = ok(await s.client('window:nurse-again').auth.signInTrainee({ personId: s.people.nurse.id }).then(() => s.client('window:nurse-again').exams.open({ id: started.id })));
    expect(resumed.remainingMs).toBe(before.remainingMs);
    expect(resumed.parts).toEqual(started.parts);
    expect(resumed.state.answers['knowledge/k1']).toEqual(response);
    expect(resumed.state.flags).toEqual(['knowledge/k2']);
    expect(resumed.state.cases.case!.asked[0]!.answer.zh.length).toBeGreaterThan(0);
    expect(r.seq).toBeGreaterThanOrEqual(0);
  });

  it('refuses a step that does not fit the attempt, naming the field', async () => {
    const s = await seededInstitution();
    const { id } = ok(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: NURSE.certificateNumber }));
    expect(await s.trainee.exams.step({ examAttemptId: id, step: { kind: 'answer', partId: 'oral', itemId: 'k1', response: { kind: 'true-false', value: true } } })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/step/partId' } });
    expect(await s.trainee.exams.step({ examAttemptId: id, step: { kind: 'answer', partId: 'knowledge', itemId: 'k99', response: { kind: 'true-false', value: true } } })).toMatchObject({ ok: false, error: { path: '/step/itemId' } });
    expect(await s.trainee.exams.step({ examAttemptId: id, step: { kind: 'ask', partId: 'knowledge', topic: 'goals' } })).toMatchObject({ ok: false, error: { path: '/step/kind' } });
    expect(await s.trainee2.exams.step({ examAttemptId: id, step: { kind: 'ask', partId: 'case', topic: 'goals' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await s.instructor.exams.step({ examAttemptId: id, step: { kind: 'ask', partId: 'case', topic: 'goals' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('treating a patient with active herpes on the lip fails the attempt whatever the total; the retake waits 24 h and meets the next patient', async () => {
    const s = await seededInstitution();
    const first = ok(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: NURSE.certificateNumber }));
    const content = contentOf(s, first.id);
    expect(content.parts.find((p) => p.kind === 'case')).toMatchObject({ case: { id: 'roller-herpes-active-lip' } });
    await sendAll(s.trainee, first.id, rightSteps(content, { caseDecision: 'treat-everything' }));
    const done = ok(await s.trainee.exams.submit({ examAttemptId: first.id }));
    expect(done.status).toBe('submitted');
    expect(done.result!.passed).toBe(false);
    expect(done.result!.criticalFailure).toBe(true);
    const knowledge = done.result!.parts.find((p) => p.kind === 'knowledge')!;
    expect(knowledge.score).toBe(100);
    expect(done.result!.failReasons[0]!.zh).toMatch(/严重错误.*6\.3/);
    expect(done.result!.failReasons[0]!.en).toMatch(/Critical error.*6\.3/);
    expect(done.solutionsVisible).toBe(true);
    expect(knowledge.items[0]!.solution!.explanation.zh.length).toBeGreaterThan(0);

    const standing = ok(await s.trainee.exams.catalog()).modules.find((m) => m.ref.id === 'roller-nurse')!.standing!;
    expect(standing).toMatchObject({ attemptsUsed: 1, blocked: 'waiting', lastResult: 'failed' });
    expect(Date.parse(standing.nextAllowedAt!) - Date.parse(done.submittedAt!)).toBe(24 * 3_600_000);
    expect(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: NURSE.certificateNumber })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    s.clock.advance(24 * 3_600_000);
    const second = ok(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: NURSE.certificateNumber }));
    expect(second.attemptNo).toBe(2);
    const next = contentOf(s, second.id);
    expect(next.parts.find((p) => p.kind === 'case')).toMatchObject({ case: { id: 'roller-unknown-filler' } });
    const seenBefore = new Set((content.parts[0] as { items: { question: { id: string } }[] }).items.map((i) => i.question.id));
    const again = (next.parts[0] as { items: { question: { id: string } }[] }).items.filter((i) => seenBefore.has(i.question.id));
    expect(again.length, 'the retake draws questions not seen before while the pool allows').toBe(0);
    await sendAll(s.trainee, second.id, rightSteps(next));
    const graded = ok(await s.trainee.exams.submit({ examAttemptId: second.id }));
    const byKind = Object.fromEntries(graded.result!.parts.map((p) => [p.kind, p]));
    expect(byKind.case).toMatchObject({ score: 100, critical: false });
    expect(byKind.complication!.score).toBe(100);
    // The practical part was never started: not done, below its minimum.
    expect(byKind.practical).toMatchObject({ score: 0, passed: false });
    expect(graded.result!.failReasons.some((r) => r.zh.includes(byKind.practical!.title.zh) && r.en.includes(byKind.practical!.title.en))).toBe(true);
  });
});

describe('the practical part', () => {
  it('runs as a test-mode studio attempt on the task main holds, is scored once in main, and counts in the exam', async () => {
    const s = await seededInstitution();
    const exam = ok(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: NURSE.certificateNumber }));
    const started = ok(await s.trainee.exams.startPractical({ examAttemptId: exam.id, partId: 'practical' }));
    expect(started.header).toMatchObject({ mode: 'test', procedure: 'roller', goal: { endpoint: 'pink', targetRegions: ['forehead'] } });
    expect(started.brief.zh.length).toBeGreaterThan(0);
    expect(started.timeLimitMs).toBe(20 * 60_000);
    const [batch] = sessionBatches(started.initialSettings, 1);
    ok(await s.trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events: batch }));
    const finished = ok(await s.trainee.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 5000, zones: [] }));
    expect(finished.summary).toMatchObject({ kind: 'test', mode: 'test', presetId: 'exam:roller-nurse@1/practical' });
    expect(await s.trainee.exams.startPractical({ examAttemptId: exam.id, partId: 'practical' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const view = ok(await s.trainee.exams.open({ id: exam.id }));
    expect(view.state.practicals.practical).toEqual({ attemptId: started.attemptId, status: 'finished' });
    const graded = ok(await s.trainee.exams.submit({ examAttemptId: exam.id }));
    const practical = graded.result!.parts.find((p) => p.kind === 'practical')!;
    expect(practical.practicalAttemptId).toBe(started.attemptId);
    expect(practical.score).toBe(finished.report.score);
  });

  it('a practical left running is ended and kept when the attempt is submitted', async () => {
    const s = await seededInstitution();
    const exam = ok(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: NURSE.certificateNumber }));
    const started = ok(await s.trainee.exams.startPractical({ examAttemptId: exam.id, partId: 'practical' }));
    ok(await s.trainee.exams.submit({ examAttemptId: exam.id }));
    expect(ok(await s.trainee.sessions.open({ id: started.attemptId })).summary.status).toBe('abandoned');
  });
});

describe('time, release and role tracks', () => {
  it('an attempt whose time runs out is submitted with what was saved', async () => {
    const s = await seededInstitution({ exams: quickCatalog(QUICK) });
    const { id } = ok(await s.trainee.exams.start({ moduleId: 'quick', certificateNumber: NURSE.certificateNumber }));
    s.clock.advance(50_000);
    ok(await s.trainee.exams.step({ examAttemptId: id, step: { kind: 'flag', partId: 'knowledge', itemId: 'k1', flagged: true } }));
    s.clock.advance(50_000);
    ok(await s.trainee.exams.step({ examAttemptId: id, step: { kind: 'flag', partId: 'knowledge', itemId: 'k1', flagged: false } }));
    s.clock.advance(30_000);
    expect(await s.trainee.exams.step({ examAttemptId: id, step: { kind: 'flag', partId: 'knowledge', itemId: 'k2', flagged: true } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(ok(await s.instructor.exams.open({ id })).status).toBe('submitted');
  });

  it('results wait for an instructor where the module says so; a pass on every track module marks the trainee examined', async () => {
    const s = await seededInstitution({ exams: quickCatalog(QUICK) });
    const { id } = ok(await s.trainee.exams.start({ moduleId: 'quick', certificateNumber: NURSE.certificateNumber }));
    await sendAll(s.trainee, id, rightSteps(contentOf(s, id)));
    const submitted = ok(await s.trainee.exams.submit({ examAttemptId: id }));
    expect(submitted).toMatchObject({ resultVisible: false, result: null });
    expect(ok(await s.trainee.exams.list({})).items[0]).toMatchObject({ score: null, passed: null, released: false });
    expect(ok(await s.trainee.exams.catalog()).modules[0]!.standing).toMatchObject({ blocked: 'results-pending', lastResult: 'pending' });
    // Staff see it before release.
    expect(ok(await s.instructor.exams.list({ personId: s.people.nurse.id })).items[0]).toMatchObject({ score: 100, passed: true });
    ok(await s.instructor.exams.release({ examAttemptId: id }));
    const seen = ok(await s.trainee.exams.open({ id }));
    expect(seen).toMatchObject({ resultVisible: true, solutionsVisible: true, result: { passed: true } });
    const [track] = ok(await s.trainee.exams.tracks({}));
    expect(track).toMatchObject({ profession: 'nurse', examined: true, modules: [{ moduleId: 'quick', proficient: true }] });
    const audit = ok(await s.admin.audit.list({ limit: 200 })).entries;
    for (const action of ['exam.module-published', 'exam.started', 'exam.submitted', 'exam.released', 'exam.role-examined']) expect(audit.some((e) => e.action === action), action).toBe(true);
    expect(audit.find((e) => e.action === 'exam.released')).toMatchObject({ subject: id, actorId: s.people.instructor.id });
    expect(audit.find((e) => e.action === 'exam.role-examined')).toMatchObject({ subject: s.people.nurse.id, details: { profession: 'nurse' } });
    expect(ok(await s.admin.audit.verify()).ok).toBe(true);
  });

  it('a published module version is never changed: a file that redefines it is listed and the stored one stays', async () => {
    const dir = scope.temp('exam-modules');
    const first = await openDataFolderStorage(dir);
    const a = await seededInstitution({ storage: first, exams: quickCatalog(QUICK) });
    await a.services.dispose();
    const changed = { ...QUICK, title: { zh: '改过的标题', en: 'Changed title' } };
    const b = await seededInstitutionOn(dir, quickCatalog(changed));
    const staff = ok(await b.client('window:admin').exams.catalog());
    expect(staff.modules[0]!.ref.title.en).toBe('Quick theory check');
    expect(staff.problems).toContainEqual(expect.objectContaining({ file: 'modules/quick.json', pointer: '/version', message: expect.stringMatching(/already published with other content/) }));
    const store = b.services.live()!.store;
    expect(() => store.run("UPDATE exam_modules SET document = '{}'")).toThrow(/never changed/);
    expect(ok(await b.client('window:admin').audit.list({ action: 'exam.module-refused' })).entries).toHaveLength(1);
    await b.services.dispose();
  });
});

async function seededInstitutionOn(dir: string, exams: ReturnType<typeof quickCatalog>) {
  const { makeTestServices, ADMIN } = await import('../../helpers/training-services');
  const t = await makeTestServices({ storage: await openDataFolderStorage(dir), exams, idPrefix: 'b' });
  ok(await t.client('window:admin').auth.signInStaff({ username: ADMIN.username, password: ADMIN.password }));
  return t;
}
