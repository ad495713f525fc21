// Who may call what: every call of the contract by every kind of caller on a seeded institution, against a
// table written out here by hand (so loosening CALL_ACCESS fails this file), then the finer rules the
// services apply once a role may make a call.

import { describe, expect, it } from 'vitest';
import { CALL_ACCESS, mayCall, type CallAccess } from '../../../core/api/access';
import { API_CALL_NAMES, type ApiCallName } from '../../../core/api/call-names';
import type { AccountRole } from '../../../core/api/contract';
import type { ApiResult } from '../../../core/api/errors';
import { ADMIN, INSTRUCTOR, makeTestServices, NURSE, seededInstitution, TECHNICIAN } from '../../helpers/training-services';
import { fixture, ok, sessionBatches } from './helpers';

type Caller = 'nobody' | AccountRole;
const CALLERS: readonly Caller[] = ['nobody', 'trainee', 'instructor', 'admin'];

const PUBLIC = 'public' as const;
const ANYONE: AccountRole[] = ['trainee', 'instructor', 'admin'];
const STAFF: AccountRole[] = ['instructor', 'admin'];
const ADMIN_ONLY: AccountRole[] = ['admin'];
const OPERATORS: AccountRole[] = ['trainee', 'instructor'];
const TRAINEES: AccountRole[] = ['trainee'];
const AUTHORS: AccountRole[] = ['instructor'];

/**
 * Written out by hand, not copied from core/api/access.ts: a change to CALL_ACCESS must be made here too.
 * The sensitive ones (people.create/setRole/setActive/resetPassword/list, audit.*, backups.*,
 * institution.update) are those a trainee must never reach.
 */
const EXPECTED_ACCESS: Record<ApiCallName, typeof PUBLIC | AccountRole[]> = {
  'app.info': PUBLIC,
  'settings.get': PUBLIC,
  'settings.update': PUBLIC,
  'storage.status': PUBLIC,
  'storage.restore': PUBLIC,
  'auth.status': PUBLIC,
  'auth.setup': PUBLIC,
  'auth.chooser': PUBLIC,
  'auth.signInTrainee': PUBLIC,
  'auth.signInStaff': PUBLIC,
  'auth.signOut': ANYONE,
  'auth.changePassword': STAFF,
  'institution.get': ANYONE,
  'institution.update': ADMIN_ONLY,
  'people.list': STAFF,
  'people.get': ANYONE,
  'people.create': STAFF,
  'people.update': STAFF,
  'people.setActive': ADMIN_ONLY,
  'people.setRole': ADMIN_ONLY,
  'people.resetPassword': ADMIN_ONLY,
  'people.setPin': STAFF,
  'sessions.start': OPERATORS,
  'sessions.append': OPERATORS,
  'sessions.finish': OPERATORS,
  'sessions.abandon': OPERATORS,
  'sessions.import': ANYONE,
  'sessions.list': ANYONE,
  'sessions.open': ANYONE,
  'exams.catalog': ANYONE,
  'exams.module': ANYONE,
  'exams.start': TRAINEES,
  'exams.open': ANYONE,
  'exams.step': TRAINEES,
  'exams.startPractical': TRAINEES,
  'exams.submit': TRAINEES,
  'exams.list': ANYONE,
  'exams.release': STAFF,
  'exams.tracks': ANYONE,
  'authoring.list': AUTHORS,
  'authoring.get': AUTHORS,
  'authoring.drafts': AUTHORS,
  'authoring.saveDraft': AUTHORS,
  'authoring.openDraft': AUTHORS,
  'authoring.discardDraft': AUTHORS,
  'authoring.publish': AUTHORS,
  'authoring.archive': AUTHORS,
  'authoring.preview': AUTHORS,
  'authoring.analysis': AUTHORS,
  'authoring.regradeCandidates': AUTHORS,
  'authoring.regrade': AUTHORS,
  'authoring.uploadMedia': AUTHORS,
  'media.get': ANYONE,
  'packs.export': AUTHORS,
  'packs.import': AUTHORS,
  'certificates.setupKey': ADMIN_ONLY,
  'certificates.unlock': ADMIN_ONLY,
  'certificates.rotateKey': ADMIN_ONLY,
  'certificates.issue': AUTHORS,
  'certificates.list': ANYONE,
  'certificates.revoke': ADMIN_ONLY,
  'certificates.renewals': STAFF,
  'certificates.verify': ANYONE,
  'certificates.publicKeys': ANYONE,
  'certificates.badge': ANYONE,
  'certificates.pdf': ANYONE,
  'people.filePdf': ANYONE,
  'certificates.verifyFile': ANYONE,
  'certificates.keyStatus': STAFF,
  'records.exportStart': ADMIN_ONLY,
  'records.exportProgress': ADMIN_ONLY,
  'records.exportFetch': ADMIN_ONLY,
  'cohort.stats': STAFF,
  'records.recurringFindings': ANYONE,
  'lrs.status': STAFF,
  'lrs.configure': ADMIN_ONLY,
  'lrs.unlock': ADMIN_ONLY,
  'lrs.pushNow': ADMIN_ONLY,
  'experts.mark': AUTHORS,
  'experts.unmark': AUTHORS,
  'experts.benchmark': ANYONE,
  'experts.list': STAFF,
  'audit.list': ADMIN_ONLY,
  'audit.verify': ADMIN_ONLY,
  'backups.list': ADMIN_ONLY,
  'backups.create': ADMIN_ONLY,
};

/** Refusals a trainee must get whatever CALL_ACCESS says (the brief's list, kept separately on purpose). */
const TRAINEE_NEVER: ApiCallName[] = [
  'people.create',
  'people.setRole',
  'people.setActive',
  'people.resetPassword',
  'people.list',
  'people.update',
  'people.setPin',
  'audit.verify',
  'audit.list',
  'cohort.stats',
  'backups.create',
  'backups.list',
  'certificates.setupKey',
  'certificates.unlock',
  'certificates.rotateKey',
  'certificates.issue',
  'certificates.revoke',
  'certificates.renewals',
  'records.exportStart',
  'records.exportFetch',
  'institution.update',
  'auth.changePassword',
];

const allowedByTable = (name: ApiCallName, caller: Caller) => {
  const rule = EXPECTED_ACCESS[name];
  return rule === PUBLIC || (caller !== 'nobody' && rule.includes(caller));
};

/** What a call answers for an allowed caller with the payloads below, when it is not a value. */
/** A valid new question, as an instructor's form would send it. */
const QUESTION_DRAFT = {
  id: 'q-access-check',
  version: 1,
  type: 'true-false',
  clauses: ['8.5.1'],
  difficulty: 1,
  stem: { zh: '眼睑推荐针长 0.25 mm。', en: 'The recommended needle length for the eyelids is 0.25 mm.' },
  explanation: { zh: '8.5.1 推荐 0.25 mm。', en: '8.5.1 recommends 0.25 mm.' },
  key: true,
};
const SHIPPED_QUESTION = 'q8-eyelid-needle-length';

const ALLOWED_BUT_REFUSED_BY_SERVICE: Partial<Record<ApiCallName, string>> = {
  'authoring.archive': 'not-found', // no such question: the call reached the service
  'media.get': 'not-found', // no such image: the call reached the service
  'storage.restore': 'conflict', // the database is fine: restore is refused
  'auth.setup': 'conflict', // an administrator exists
  'backups.create': 'unavailable', // an in-memory database has no backups folder
  'certificates.unlock': 'conflict', // no signing key has been set up
  'certificates.rotateKey': 'conflict', // no signing key has been set up
  'certificates.issue': 'conflict', // the nurse is not examined for her profession
  'certificates.revoke': 'not-found', // no such record
  'certificates.badge': 'not-found', // no such record
  'certificates.pdf': 'not-found', // no such record
  'records.exportStart': 'conflict', // no signing key has been set up (every export is signed)
  'records.exportProgress': 'not-found', // no such job of the caller's
  'records.exportFetch': 'not-found', // no such job of the caller's
  'lrs.unlock': 'conflict', // no LRS has been configured
  'lrs.pushNow': 'conflict', // no LRS has been configured
  'experts.unmark': 'conflict', // the finished attempt is not an expert session
};

async function institutionFor(caller: Caller) {
  const s = await seededInstitution();
  // A finished attempt of the nurse's, and a running one for each operator.
  const done = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
  const [first] = sessionBatches(done.initialSettings, 1);
  ok(await s.trainee.sessions.append({ attemptId: done.attemptId, seq: 0, events: first }));
  ok(await s.trainee.sessions.finish({ attemptId: done.attemptId, batches: 1, endTMs: 2000, zones: [] }));
  const nurseRunning = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
  const instructorRunning = ok(await s.instructor.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
  // A running exam of the nurse's and a submitted one of the technician's.
  const exam = ok(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: NURSE.certificateNumber }));
  const techExam = ok(await s.trainee2.exams.start({ moduleId: 'roller-technician', certificateNumber: TECHNICIAN.certificateNumber }));
  ok(await s.trainee2.exams.submit({ examAttemptId: techExam.id }));
  // A question draft of the instructor's (valid, so it can be published), and one to discard.
  const draft = ok(await s.instructor.authoring.saveDraft({ kind: 'question', document: QUESTION_DRAFT }));
  const spare = ok(await s.instructor.authoring.saveDraft({ kind: 'question', document: { ...QUESTION_DRAFT, id: 'q-access-spare' } }));
  const api = caller === 'nobody' ? s.client('window:nobody') : caller === 'trainee' ? s.trainee : caller === 'instructor' ? s.instructor : s.admin;
  const running = caller === 'instructor' ? instructorRunning : nurseRunning;
  return { s, api, finishedId: done.attemptId, running, examId: exam.id, submittedExamId: techExam.id, draftId: draft.draftId, spareDraftId: spare.draftId };
}

type Ctx = Awaited<ReturnType<typeof institutionFor>>;

/** A payload that passes the call's schema, made for the caller (own attempt, own id, own password). */
async function validPayload(name: ApiCallName, caller: Caller, ctx: Ctx): Promise<unknown> {
  const { s, running, finishedId, examId, submittedExamId, draftId, spareDraftId } = ctx;
  const events = sessionBatches(running.initialSettings, 1)[0];
  switch (name) {
    case 'settings.update':
      return { language: 'en' };
    case 'storage.restore':
      return { file: 'training-2026-01-01T00-00-00-000Z-manual.sqlite' };
    case 'auth.setup':
      return { institutionName: '另一个中心', admin: { name: '第二管理员', username: 'second', password: 'another long password' } };
    case 'auth.signInTrainee':
      return { personId: s.people.technician.id };
    case 'auth.signInStaff':
      return { username: INSTRUCTOR.username, password: INSTRUCTOR.password };
    case 'auth.changePassword':
      return { currentPassword: caller === 'admin' ? ADMIN.password : INSTRUCTOR.password, newPassword: 'a brand new password' };
    case 'institution.update':
      return { traineePinRequired: true };
    case 'people.list':
      return {};
    case 'people.get':
      return { id: caller === 'trainee' ? s.people.nurse.id : s.people.technician.id };
    case 'people.create':
      return { accountRole: 'trainee', name: '赵六', profession: 'physician', certificateNumber: 'P-9999-01', certificateKind: 'physician-practising' };
    case 'people.update':
      return { id: s.people.technician.id, name: '李明明' };
    case 'people.setActive':
      return { id: s.people.technician.id, active: false };
    case 'people.setRole':
      return { id: s.people.technician.id, accountRole: 'instructor', username: 'li.ming', password: 'long enough password' };
    case 'people.resetPassword':
      return { id: s.people.instructor.id, password: 'reset to this password' };
    case 'people.setPin':
      return { id: s.people.technician.id, pin: '2468' };
    case 'sessions.start':
      return { presetId: 'roller-forehead-pink', mode: 'test' };
    case 'sessions.append':
      return { attemptId: running.attemptId, seq: 0, events };
    case 'sessions.finish': {
      // Give the attempt its batch first (as its owner) so a permitted finish succeeds.
      const owner = caller === 'instructor' ? s.instructor : s.trainee;
      ok(await owner.sessions.append({ attemptId: running.attemptId, seq: 0, events }));
      return { attemptId: running.attemptId, batches: 1, endTMs: 2000, zones: [] };
    }
    case 'sessions.abandon':
      return { attemptId: running.attemptId };
    case 'sessions.import':
      return { recording: fixture('roller-forehead-good'), fileName: 'roller-forehead-good.json' };
    case 'sessions.list':
      return {};
    case 'sessions.open':
      return { id: finishedId };
    case 'audit.list':
      return { limit: 10 };
    case 'exams.module':
      return { moduleId: 'roller-nurse' };
    case 'exams.start':
      return { moduleId: 'nano', certificateNumber: NURSE.certificateNumber };
    case 'exams.open':
      return { id: examId };
    case 'exams.step':
      return { examAttemptId: examId, step: { kind: 'ask', partId: 'case', topic: 'medications' } };
    case 'exams.startPractical':
      return { examAttemptId: examId, partId: 'practical' };
    case 'exams.submit':
      return { examAttemptId: examId };
    case 'exams.release':
      return { examAttemptId: submittedExamId };
    case 'authoring.list':
      return { kind: 'question' };
    case 'authoring.get':
      return { kind: 'exam-module', id: 'roller-nurse' };
    case 'authoring.saveDraft':
      return { kind: 'question', document: { ...QUESTION_DRAFT, id: 'q-access-other' } };
    case 'authoring.openDraft':
      return { draftId };
    case 'authoring.discardDraft':
      return { draftId: spareDraftId };
    case 'authoring.publish':
      return { draftId };
    case 'authoring.archive':
      return { kind: 'question', id: 'q-access-none', archived: false };
    case 'authoring.preview':
      return { moduleId: 'roller-nurse' };
    case 'authoring.analysis':
      return { moduleId: 'roller-nurse' };
    case 'authoring.regradeCandidates':
      return { questionId: SHIPPED_QUESTION };
    case 'authoring.regrade':
      return { questionId: SHIPPED_QUESTION, reason: 'the key was wrong' };
    case 'authoring.uploadMedia':
      return { mediaType: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' };
    case 'media.get':
      return { sha256: '0'.repeat(64) };
    case 'packs.export':
      return { format: 'moodle' };
    case 'packs.import':
      return { format: 'pack', fileName: 'empty.json', base64: Buffer.from('{}').toString('base64'), apply: false };
    case 'certificates.setupKey':
    case 'certificates.unlock':
    case 'certificates.rotateKey':
      return { passphrase: 'a long admin passphrase' };
    case 'certificates.issue':
      return { personId: s.people.nurse.id };
    case 'lrs.configure':
      return { endpoint: 'http://127.0.0.1:9/xapi/', username: 'lrs-key', password: 'lrs secret', passphrase: 'a long admin passphrase' };
    case 'lrs.unlock':
      return { passphrase: 'a long admin passphrase' };
    case 'certificates.list':
      return caller === 'trainee' ? {} : { personId: s.people.nurse.id };
    case 'certificates.revoke':
      return { number: 'MN-2026-000001', reason: 'issued in error' };
    case 'certificates.badge':
      return { number: 'MN-2026-000001' };
    case 'certificates.pdf':
      return { number: 'MN-2026-000001' };
    case 'people.filePdf':
      return { personId: s.people.nurse.id, lang: 'zh' };
    case 'certificates.verifyFile':
      return { fileName: 'record.json', base64: Buffer.from('{}').toString('base64') };
    case 'certificates.renewals':
      return { withinDays: 90 };
    case 'records.exportStart':
      return { format: 'csv', filter: { role: 'nurse' }, lang: 'zh' };
    case 'records.exportProgress':
    case 'records.exportFetch':
      return { jobId: 'export-none' };
    case 'certificates.verify':
      return { signed: '{"format":"microneedle-signed-completion-record"}' };
    case 'exams.tracks':
      return caller === 'trainee' ? {} : { personId: s.people.nurse.id };
    case 'cohort.stats':
      return { from: '2026-10-01', to: '2026-11-01', profession: 'nurse' };
    case 'experts.mark':
      return { attemptId: finishedId };
    case 'experts.unmark':
      return { attemptId: finishedId, reason: 'not an expert session after all' };
    case 'experts.benchmark':
    case 'experts.list':
      return { presetId: 'roller-forehead-pink' };
    case 'records.recurringFindings':
      return caller === 'trainee' ? {} : { personId: s.people.nurse.id };
    default:
      return {};
  }
}

const callAs = (ctx: Ctx, name: ApiCallName, payload: unknown): Promise<ApiResult<unknown>> => {
  const [group, method] = name.split('.') as [string, string];
  const fn = (ctx.api as unknown as Record<string, Record<string, (a: unknown) => Promise<ApiResult<unknown>>>>)[group][method];
  return fn(payload);
};

describe('the access table', () => {
  it('CALL_ACCESS is exactly the table written out in this test (loosening or tightening it fails here)', () => {
    for (const name of API_CALL_NAMES) {
      const actual: CallAccess = CALL_ACCESS[name];
      const expected = EXPECTED_ACCESS[name];
      expect(actual === 'public' ? 'public' : [...actual].sort(), name).toEqual(expected === PUBLIC ? 'public' : [...expected].sort());
    }
    expect(Object.keys(CALL_ACCESS).sort()).toEqual([...API_CALL_NAMES].sort());
  });

  it('keeps every sensitive call away from trainees and from nobody', () => {
    for (const name of TRAINEE_NEVER) {
      expect(mayCall(CALL_ACCESS[name], 'trainee'), name).toBe(false);
      expect(mayCall(CALL_ACCESS[name], null), name).toBe(false);
    }
  });
});

describe('every call by every caller', () => {
  const cases = API_CALL_NAMES.flatMap((name) => CALLERS.map((caller) => [name, caller] as const));
  it.each(cases)('%s by %s', async (name, caller) => {
    const ctx = await institutionFor(caller);
    const payload = await validPayload(name, caller, ctx);
    const result = await callAs(ctx, name, payload);
    // The table says who may call; CALL_ACCESS must agree (checked above), and so must the dispatcher.
    const allowed = allowedByTable(name, caller);
    expect(allowed).toBe(mayCall(CALL_ACCESS[name], caller === 'nobody' ? null : caller));
    if (!allowed) {
      expect(result).toEqual({
        ok: false,
        error: caller === 'nobody' ? { code: 'unauthenticated', message: `${name} needs a signed-in person` } : { code: 'forbidden', message: `${name} is not open to the ${caller} role` },
      });
      return;
    }
    const refusedBy = ALLOWED_BUT_REFUSED_BY_SERVICE[name];
    if (refusedBy) expect(result, JSON.stringify(result)).toMatchObject({ ok: false, error: { code: refusedBy } });
    else expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  });
});

describe('finer rules in the services', () => {
  it('an instructor creates trainees only, never instructors or administrators, and cannot reset passwords', async () => {
    const s = await seededInstitution();
    const staff = { name: '钱七', username: 'qian7', password: 'long enough password' };
    expect(await s.instructor.people.create({ accountRole: 'instructor', ...staff })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.instructor.people.create({ accountRole: 'admin', ...staff })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.instructor.people.resetPassword({ id: s.people.instructor.id, password: 'my own new password' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.instructor.people.setRole({ id: s.people.nurse.id, accountRole: 'instructor', ...{ username: 'wang', password: 'long enough password' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await s.instructor.people.update({ id: s.people.instructor.id, name: '张主任' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admins = ok(await s.admin.people.list({ accountRole: 'admin' }));
    expect(await s.instructor.people.get({ id: admins[0].id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.instructor.people.list({ accountRole: 'admin' })).toMatchObject({ ok: false, error: { code: 'forbidden', path: '/accountRole' } });
    expect(ok(await s.instructor.people.list({})).every((p) => p.accountRole === 'trainee')).toBe(true);
    // Nobody was created by the refused calls.
    expect(ok(await s.admin.people.list({ includeInactive: true })).map((p) => p.name).sort()).toEqual(['张医生', '李明', '王芳', '陈主任'].sort());
    // What an instructor may do.
    expect(await s.instructor.people.create({ accountRole: 'trainee', name: '孙八', profession: 'technician', certificateNumber: 'T-8888', certificateKind: 'technician-qualification' })).toMatchObject({ ok: true });
  });

  it('a trainee sees only their own attempts and their own file', async () => {
    const s = await seededInstitution();
    const theirs = ok(await s.trainee2.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
    const [batch] = sessionBatches(theirs.initialSettings, 1);
    ok(await s.trainee2.sessions.append({ attemptId: theirs.attemptId, seq: 0, events: batch }));
    ok(await s.trainee2.sessions.finish({ attemptId: theirs.attemptId, batches: 1, endTMs: 2000, zones: [] }));
    const running = ok(await s.trainee2.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));

    expect(await s.trainee.sessions.list({ personId: s.people.technician.id })).toMatchObject({ ok: false, error: { code: 'forbidden', path: '/personId' } });
    expect(await s.trainee.sessions.open({ id: theirs.attemptId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(ok(await s.trainee.sessions.list({})).total).toBe(0);
    expect(await s.trainee.people.get({ id: s.people.technician.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.trainee.people.get({ id: s.people.instructor.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.trainee.people.get({ id: s.people.nurse.id })).toMatchObject({ ok: true, value: { id: s.people.nurse.id } });
    // Another trainee's running attempt cannot be written to, finished or abandoned.
    expect(await s.trainee.sessions.append({ attemptId: running.attemptId, seq: 0, events: batch })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await s.trainee.sessions.finish({ attemptId: running.attemptId, batches: 0, endTMs: 10, zones: [] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await s.trainee.sessions.abandon({ attemptId: running.attemptId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(ok(await s.trainee2.sessions.open({ id: running.attemptId })).summary.status).toBe('running');
    // Staff do see it.
    expect(ok(await s.instructor.sessions.list({ personId: s.people.technician.id })).total).toBe(2);
  });

  it('a deactivated person loses access on their open window at once', async () => {
    const s = await seededInstitution();
    expect(await s.trainee.sessions.list({})).toMatchObject({ ok: true });
    ok(await s.admin.people.setActive({ id: s.people.nurse.id, active: false }));
    expect(await s.trainee.sessions.list({})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(ok(await s.trainee.auth.status()).signedIn).toBeNull();
    expect(await s.trainee.auth.signInTrainee({ personId: s.people.nurse.id })).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
    // Staff too.
    ok(await s.admin.people.setActive({ id: s.people.instructor.id, active: false }));
    expect(await s.instructor.people.list({})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await s.client('window:other').auth.signInStaff({ username: INSTRUCTOR.username, password: INSTRUCTOR.password })).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
    // Reactivated, the trainee may sign in again.
    ok(await s.admin.people.setActive({ id: s.people.nurse.id, active: true }));
    expect(await s.trainee.auth.signInTrainee({ personId: s.people.nurse.id })).toMatchObject({ ok: true });
  });

  it('withdrawing the instructor role takes effect on the next call', async () => {
    const s = await seededInstitution();
    expect(await s.instructor.people.list({})).toMatchObject({ ok: true });
    ok(await s.admin.people.setRole({ id: s.people.instructor.id, accountRole: 'trainee' }));
    expect(await s.instructor.people.list({})).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'people.list is not open to the trainee role' } });
    expect(await s.instructor.people.create({ accountRole: 'trainee', name: '孙八', profession: 'technician', certificateNumber: 'T-8888', certificateKind: 'technician-qualification' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(ok(await s.instructor.auth.status()).signedIn).toMatchObject({ personId: s.people.instructor.id, accountRole: 'trainee' });
    // The password went with the role.
    expect(await s.client('window:other').auth.signInStaff({ username: INSTRUCTOR.username, password: INSTRUCTOR.password })).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
    // Granted again (with new credentials), the same window has staff calls back.
    ok(await s.admin.people.setRole({ id: s.people.instructor.id, accountRole: 'instructor', username: 'zhang2', password: 'long enough password' }));
    expect(await s.instructor.people.list({})).toMatchObject({ ok: true });
  });

  it('nobody can run setup once an administrator exists, from any window', async () => {
    const s = await seededInstitution();
    const again = { institutionName: '冒名中心', admin: { name: '冒名者', username: 'intruder', password: 'intruder password' } };
    for (const api of [s.client('window:fresh'), s.trainee, s.instructor, s.admin]) {
      expect(await api.auth.setup(again)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    expect(ok(await s.admin.people.list({ includeInactive: true })).some((p) => p.username === 'intruder')).toBe(false);
    expect(ok(await s.admin.institution.get()).name).toBe('华东微针培训中心');
    expect(await s.client('window:x').auth.signInStaff({ username: 'intruder', password: 'intruder password' })).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
  });

  it('two windows racing through setup leave exactly one administrator', async () => {
    const t = await makeTestServices();
    const [a, b] = await Promise.all([
      t.client('window:a').auth.setup({ institutionName: '甲', admin: ADMIN }),
      t.client('window:b').auth.setup({ institutionName: '乙', admin: { ...ADMIN, username: 'admin2' } }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const admins = t.services.live()!.store.all<{ username: string }>("SELECT username FROM people WHERE account_role = 'admin'");
    expect(admins).toHaveLength(1);
    // The loser's credentials do not work.
    const loser = a.ok ? 'admin2' : 'admin';
    expect(await t.client('window:c').auth.signInStaff({ username: loser, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'sign-in-failed' } });
  });

  it('sessions.start binds the signed-in trainee from main, whatever the payload says', async () => {
    const s = await seededInstitution();
    const impostor = { id: s.people.technician.id, name: '李明', role: 'technician' };
    expect(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test', trainee: impostor } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', message: expect.stringContaining('trainee') },
    });
    expect(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test', personId: s.people.technician.id } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    const started = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
    expect(started.header.trainee).toEqual({ id: s.people.nurse.id, name: '王芳', role: 'nurse' });
    const [batch] = sessionBatches(started.initialSettings, 1);
    ok(await s.trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events: batch }));
    const done = ok(await s.trainee.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 2000, zones: [] }));
    expect(done.summary).toMatchObject({ personId: s.people.nurse.id, personName: '王芳', kind: 'test', mode: 'test' });
    const opened = ok(await s.admin.sessions.open({ id: started.attemptId }));
    expect(opened.recording?.trainee).toEqual({ id: s.people.nurse.id, name: '王芳', role: 'nurse' });
    expect(ok(await s.trainee2.sessions.list({})).total).toBe(0);
    // An imported file naming another trainee is filed under the caller.
    const file = fixture('roller-forehead-good');
    file.trainee = impostor as never;
    const imported = ok(await s.trainee.sessions.import({ recording: file, fileName: 'other.json' }));
    expect(imported.summary.personId).toBe(s.people.nurse.id);
  });
});
