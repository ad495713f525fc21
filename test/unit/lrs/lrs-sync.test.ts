// The sync of statements to the LRS through the loopback endpoint: what is sent (valid, once per id),
// every mode of the endpoint (accept, reject, timeout, down), a 409 on a conflicting id, the locked
// password across a restart, and who may call what. The password is never returned nor stored in clear.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import validateStatement from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { VERBS } from '../../../core/xapi/statements';
import type { KeyProtector } from '../../../electron/services/certification/keys';
import { createLrsService } from '../../../electron/services/lrs/service';
import { RETRY_CAP_MS } from '../../../electron/services/lrs/outbox';
import { startLrsServer } from '../../helpers/lrs-server';
import { passQuickModule } from '../../helpers/quick-exam';
import { folderScope } from '../training-file/folder-scope';
import { ok } from '../training-file/helpers';
import { lrsInstitution, outboxSize, PASS, reopened } from './lrs-fixture';

const scope = folderScope();
const verbsOf = (statements: Iterable<Record<string, unknown>>) => [...statements].map((s) => (s.verb as { id: string }).id).sort();
const sentOnce = (receipts: Map<string, number>) => [...receipts.values()].every((n) => n === 1);

describe('LRS sync', () => {
  it('sends an exam attempt and a completion record, valid, each statement once; the password never leaves main', async () => {
    const dir = scope.temp('lrs');
    const { s, lrs, live } = await lrsInstitution(dir);
    scope.defer(() => lrs.close());
    scope.defer(() => s.services.dispose());
    const examId = await passQuickModule(s);
    // Submitting queued them (attempted, completed, passed); a scan finds nothing more to make.
    expect(live().store.get<{ n: number }>('SELECT count(*) AS n FROM lrs_outbox')!.n).toBe(3);
    expect(live().lrs.enqueuePending()).toBe(0); // made once
    expect(ok(await s.admin.lrs.pushNow())).toMatchObject({ configured: true, unlocked: true, pending: 0, rejected: 0, lastError: null });
    expect(verbsOf(lrs.stored().values())).toEqual([VERBS.attempted.id, VERBS.completed.id, VERBS.passed.id].sort());
    const passed = [...lrs.stored().values()].find((x) => (x.verb as { id: string }).id === VERBS.passed.id)!;
    expect(passed).toMatchObject({ actor: { name: '王芳', account: { name: s.people.nurse.id } }, result: { success: true, score: { raw: 100, scaled: 1 } }, timestamp: '2026-11-01T08:00:00.000Z' });
    expect(JSON.stringify(passed)).toContain(examId);

    ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
    await live().lrs.tick(); // the timer's work: fill, then push what is due
    expect(lrs.stored().size).toBe(4);
    expect(verbsOf(lrs.stored().values())).toContain(VERBS.satisfied.id);
    for (const statement of lrs.stored().values()) expect(validateStatement(statement)).toEqual([]);
    expect(sentOnce(lrs.receipts())).toBe(true);
    expect(outboxSize(live().store)).toBe(0);
    // Pushing again sends nothing: the made list keeps the statements from being made twice.
    ok(await s.admin.lrs.pushNow());
    expect(sentOnce(lrs.receipts())).toBe(true);

    const status = ok(await s.instructor.lrs.status());
    expect(status).toMatchObject({ endpoint: lrs.endpoint, username: lrs.username, wrapMethod: 'passphrase-scrypt' });
    expect(JSON.stringify(status)).not.toContain(lrs.password);
    const audit = ok(await s.admin.audit.list({ action: 'lrs.configured' })).entries;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ endpoint: lrs.endpoint, username: lrs.username });
    expect(JSON.stringify(audit)).not.toContain(lrs.password);
    await s.services.dispose();
    const file = readFileSync(path.join(dir, 'training.sqlite'));
    expect(file.includes(Buffer.from(lrs.password, 'utf8'))).toBe(false);
  });

  it('a rejecting LRS (400) keeps the statements as rejected with its answer; they go once it accepts', async () => {
    const dir = scope.temp('lrs-reject');
    const { s, lrs, live } = await lrsInstitution(dir);
    scope.defer(() => lrs.close());
    scope.defer(() => s.services.dispose());
    await passQuickModule(s);
    await lrs.setMode('reject');
    const refused = ok(await s.admin.lrs.pushNow());
    expect(refused).toMatchObject({ pending: 0, rejected: 3, lastError: expect.stringMatching(/400/) });
    expect(refused.rejectedStatements).toHaveLength(3);
    expect(refused.rejectedStatements[0]!.lastError).toMatch(/rejected \(test mode\)/);
    // The timer does not hammer a refusing LRS: rejected rows wait hours.
    await live().lrs.tick();
    expect(ok(await s.admin.lrs.status()).rejected).toBe(3);
    await lrs.setMode('accept');
    expect(ok(await s.admin.lrs.pushNow())).toMatchObject({ pending: 0, rejected: 0, lastError: null });
    expect(lrs.stored().size).toBe(3);
  });

  it('one refused statement in a batch is kept alone; a conflicting id (409) is a rejection to show', async () => {
    const dir = scope.temp('lrs-one');
    const { s, lrs, live } = await lrsInstitution(dir);
    scope.defer(() => lrs.close());
    scope.defer(() => s.services.dispose());
    await passQuickModule(s);
    live().lrs.enqueuePending();
    const ids = live().store.all<{ statement_id: string; statement: string }>('SELECT statement_id, statement FROM lrs_outbox ORDER BY enqueued_at, statement_id');
    lrs.refuseIds.add(ids[0]!.statement_id);
    // Another statement already stored under the second id, with other content.
    lrs.stored().set(ids[1]!.statement_id, { ...JSON.parse(ids[1]!.statement), timestamp: '2020-01-01T00:00:00.000Z' });
    const status = ok(await s.admin.lrs.pushNow());
    expect(status).toMatchObject({ pending: 0, rejected: 2 });
    expect(status.rejectedStatements.map((r) => r.statementId).sort()).toEqual([ids[0]!.statement_id, ids[1]!.statement_id].sort());
    expect(status.rejectedStatements.find((r) => r.statementId === ids[1]!.statement_id)!.lastError).toMatch(/409.*different statement with this id/);
    expect(lrs.stored().has(ids[2]!.statement_id)).toBe(true);
    expect(outboxSize(live().store)).toBe(2);
  });

  it('a timeout or a closed LRS backs off (capped) and loses nothing; once it is back everything arrives once', async () => {
    const dir = scope.temp('lrs-offline');
    const { s, lrs, live } = await lrsInstitution(dir);
    scope.defer(() => lrs.close());
    scope.defer(() => s.services.dispose());
    await passQuickModule(s);
    // A service of our own on the same store, with a short request timeout.
    const quick = createLrsService({ store: live().store, audit: live().audit, clock: s.clock, timeoutMs: 200, batchSize: 2 });
    const admin = ok(await s.admin.auth.status()).signedIn!;
    expect((await quick.unlock(admin, PASS)).unlocked).toBe(true);
    await lrs.setMode('timeout');
    await quick.tick();
    let st = quick.status(admin);
    expect(st).toMatchObject({ pending: 3, lastError: expect.stringMatching(/no answer within 0.2 s/) });
    const firstTry = Date.parse(st.nextTryAt!);
    expect(firstTry).toBeGreaterThan(s.clock.now().getTime());
    await lrs.setMode('down');
    const requests = lrs.answers.length;
    await quick.tick(); // backed off: no request
    expect(lrs.answers.length).toBe(requests);
    for (let i = 0; i < 12; i++) {
      s.clock.advance(RETRY_CAP_MS);
      await quick.tick();
    }
    st = quick.status(admin);
    expect(st).toMatchObject({ pending: 3, lastError: expect.stringMatching(/ECONNREFUSED/) });
    // The back-off is capped: the next try is at most the cap away.
    expect(Date.parse(st.nextTryAt!) - s.clock.now().getTime()).toBeLessThanOrEqual(RETRY_CAP_MS);
    await lrs.setMode('accept');
    s.clock.advance(RETRY_CAP_MS);
    await quick.tick();
    expect(quick.status(admin)).toMatchObject({ pending: 0, lastError: null });
    expect(lrs.stored().size).toBe(3);
    expect(sentOnce(lrs.receipts())).toBe(true);
    await quick.stop();
  });

  it('a restart loses nothing: the password is locked until the signing key is unlocked, statements accumulate meanwhile', async () => {
    const dir = scope.temp('lrs-restart');
    const first = await lrsInstitution(dir);
    const { lrs } = first;
    scope.defer(() => lrs.close());
    await lrs.setMode('down');
    await passQuickModule(first.s);
    // Closed right after the submit: whether or not its statements were queued yet, the next start makes them.
    await first.s.services.dispose();

    await lrs.setMode('accept');
    const next = await reopened(dir);
    scope.defer(() => next.services.dispose());
    expect(ok(await next.admin.lrs.status())).toMatchObject({ configured: true, unlocked: false, pending: 3 });
    await next.live().lrs.tick();
    expect(lrs.stored().size).toBe(0);
    expect(await next.admin.lrs.pushNow()).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/locked/) } });
    // Unlocking the signing key with the same passphrase unlocks the LRS password too.
    ok(await next.admin.certificates.unlock({ passphrase: PASS }));
    expect(ok(await next.admin.lrs.status()).unlocked).toBe(true);
    ok(await next.admin.lrs.pushNow());
    expect(lrs.stored().size).toBe(3);
    expect(sentOnce(lrs.receipts())).toBe(true);
    expect(outboxSize(next.live().store)).toBe(0);
  });

  it('the LRS panel unlocks with the passphrase; wrong passphrases, bad endpoints and other roles are refused', async () => {
    const dir = scope.temp('lrs-access');
    const { s, lrs } = await lrsInstitution(dir, { configure: false });
    scope.defer(() => lrs.close());
    scope.defer(() => s.services.dispose());
    const input = { endpoint: lrs.endpoint, username: lrs.username, password: lrs.password, passphrase: PASS };
    expect(ok(await s.instructor.lrs.status())).toMatchObject({ configured: false, unlocked: false, endpoint: null });
    expect(await s.trainee.lrs.status()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.instructor.lrs.configure(input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.instructor.lrs.pushNow()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.admin.lrs.pushNow()).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/configured/) } });
    expect(await s.admin.lrs.configure({ ...input, endpoint: 'ftp://lrs.example.org/' })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/endpoint' } });
    expect(await s.admin.lrs.configure({ ...input, endpoint: 'https://key:secret@lrs.example.org/' })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/endpoint' } });
    expect(await s.admin.lrs.configure({ ...input, passphrase: 'another long passphrase' })).toMatchObject({ ok: false, error: { code: 'forbidden', path: '/passphrase' } });
    expect(await s.admin.lrs.configure({ ...input, passphrase: undefined })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/passphrase' } });
    ok(await s.admin.lrs.configure(input));
    await s.services.dispose();

    const next = await reopened(dir);
    scope.defer(() => next.services.dispose());
    expect(await next.admin.lrs.unlock({ passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'forbidden', path: '/passphrase' } });
    expect(ok(await next.admin.lrs.unlock({ passphrase: PASS })).unlocked).toBe(true);
    expect(ok(await next.admin.audit.list({ action: 'lrs.unlocked' })).entries).toHaveLength(1);
  });
});

describe('LRS password in the OS keyring', () => {
  it('is wrapped by the OS protector when no passphrase is given, and opens by itself at the next start', async () => {
    const dir = scope.temp('lrs-os');
    const { s, lrs, live } = await lrsInstitution(dir, { configure: false });
    scope.defer(() => lrs.close());
    scope.defer(() => s.services.dispose());
    // A stand-in for Electron's safeStorage: reversible, and visibly not the clear text.
    const os: KeyProtector = { method: 'os-safe-storage', wrap: async (b) => Buffer.from(b).reverse(), unwrap: async (b) => Buffer.from(b).reverse() };
    const admin = ok(await s.admin.auth.status()).signedIn!;
    const first = createLrsService({ store: live().store, audit: live().audit, clock: s.clock, osProtector: os });
    expect(await first.configure(admin, { endpoint: lrs.endpoint, username: lrs.username, password: lrs.password })).toMatchObject({ wrapMethod: 'os-safe-storage', unlocked: true });
    const stored = live().store.get<{ secret_wrapped: Uint8Array }>('SELECT secret_wrapped FROM lrs_settings')!;
    expect(Buffer.from(stored.secret_wrapped).includes(Buffer.from(lrs.password))).toBe(false);
    const next = createLrsService({ store: live().store, audit: live().audit, clock: s.clock, osProtector: os });
    expect(next.status(admin).unlocked).toBe(false);
    expect(await next.openWithOs()).toBe(true);
    expect(next.status(admin).unlocked).toBe(true);
    await expect(next.unlock(admin, PASS)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('loopback LRS', () => {
  it('checks the version header and Basic auth, and reads statements back', async () => {
    const lrs = await startLrsServer();
    scope.defer(() => lrs.close());
    const url = `${lrs.endpoint}statements`;
    const auth = `Basic ${Buffer.from(`${lrs.username}:${lrs.password}`).toString('base64')}`;
    const statement = { id: '2ed6657d-e927-568b-95e1-2665a8aea6a2', actor: { mbox: 'mailto:a@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' }, object: { id: 'https://example.org/a' } };
    const post = (headers: Record<string, string>, body: unknown = [statement]) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await post({ Authorization: auth })).status).toBe(400);
    expect((await post({ 'X-Experience-API-Version': '1.0.3', Authorization: 'Basic eDp5' })).status).toBe(401);
    const stored = await post({ 'X-Experience-API-Version': '1.0.3', Authorization: auth });
    expect([stored.status, await stored.json()]).toEqual([200, [statement.id]]);
    expect((await post({ 'X-Experience-API-Version': '1.0.3', Authorization: auth })).status).toBe(200); // identical resend
    expect((await post({ 'X-Experience-API-Version': '1.0.3', Authorization: auth }, [{ ...statement, object: { id: 'https://example.org/b' } }])).status).toBe(409);
    const read = await fetch(`${url}?statementId=${statement.id}`, { headers: { 'X-Experience-API-Version': '1.0.3', Authorization: auth } });
    expect(await read.json()).toEqual(statement);
    expect(lrs.receipts().get(statement.id)).toBe(3);
  });
});
