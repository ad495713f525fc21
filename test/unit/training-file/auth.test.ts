// Signing in: how secrets are stored, counted failures, lock-out that survives a restart, one answer for
// every kind of failure, the audit entries they leave, and the trainee PIN.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices, memoryStorage } from '../../../electron/services';
import { SIGN_IN_FAILED_MESSAGE, SIGN_IN_POLICY } from '../../../electron/services/auth';
import { OWASP_SCRYPT } from '../../../electron/services/passwords';
import { ADMIN, INSTRUCTOR, NURSE, TEST_APP_INFO, seededInstitution, standInScoring, testClock } from '../../helpers/training-services';
import { folderScope } from './folder-scope';
import { ok, type FolderServices } from './helpers';

const scope = folderScope();

async function folder(dir?: string): Promise<FolderServices & { dir: string }> {
  const d = dir ?? scope.temp('auth');
  return { ...(await scope.open(d)), dir: d };
}

async function setUp(f: FolderServices) {
  const admin = f.client('window:admin');
  ok(await admin.auth.setup({ institutionName: '华东微针培训中心', admin: ADMIN }));
  const instructor = ok(await admin.people.create(INSTRUCTOR));
  const nurse = ok(await admin.people.create(NURSE));
  return { admin, instructor, nurse };
}

const failure = { ok: false, error: { code: 'sign-in-failed', message: SIGN_IN_FAILED_MESSAGE } };

describe('stored secrets', () => {
  it('hashes with scrypt at OWASP cost (N=2^17, r=8, p=1) when no hasher is given', async () => {
    expect(OWASP_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const clock = testClock();
    // No `hasher`: createServices uses createScryptHasher() with its production default.
    const services = await createServices({ storage: memoryStorage(clock.now), appInfo: TEST_APP_INFO, scoring: standInScoring(), runtime: clock });
    try {
      const r = await services.dispatch('auth.setup', { institutionName: '中心', admin: ADMIN }, { clientKey: 'w' });
      expect(r.ok).toBe(true);
      const row = services.live()!.store.get<{ password_hash: string }>("SELECT password_hash FROM people WHERE username = 'admin'")!;
      const m = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(row.password_hash);
      expect(m, row.password_hash).not.toBeNull();
      expect({ N: Number(m![1]), r: Number(m![2]), p: Number(m![3]) }).toEqual({ N: 131072, r: 8, p: 1 });
      expect(Buffer.from(m![4], 'base64')).toHaveLength(16); // salt
      expect(Buffer.from(m![5], 'base64')).toHaveLength(32); // derived key
    } finally {
      services.dispose();
    }
  }, 20_000);

  it('never writes a password or PIN in clear to the database file, its WAL or its backups', async () => {
    const f = await folder();
    const { admin, instructor, nurse } = await setUp(f);
    ok(await admin.institution.update({ traineePinRequired: true }));
    const pin = '80357192';
    ok(await admin.people.setPin({ id: nurse.id, pin }));
    const staffWindow = f.client('window:staff');
    ok(await staffWindow.auth.signInStaff({ username: INSTRUCTOR.username, password: INSTRUCTOR.password }));
    const changed = 'a changed instructor passphrase';
    ok(await staffWindow.auth.changePassword({ currentPassword: INSTRUCTOR.password, newPassword: changed }));
    const reset = 'reset by the administrator 42';
    ok(await admin.people.resetPassword({ id: instructor.id, password: reset }));
    const wrong = 'wrong guess of a password';
    expect(await f.client('window:x').auth.signInStaff({ username: 'zhang', password: wrong })).toEqual(failure);
    expect(await f.client('window:y').auth.signInTrainee({ personId: nurse.id, pin: '11112222' })).toEqual(failure);
    ok(await admin.backups.create());
    const secrets = [ADMIN.password, INSTRUCTOR.password, changed, reset, wrong, pin, '11112222'];

    const scan = () => {
      const files = [path.join(f.dir, 'training.sqlite'), path.join(f.dir, 'training.sqlite-wal')].filter(existsSync);
      const backups = path.join(f.dir, 'backups');
      if (existsSync(backups)) files.push(...readdirSync(backups).map((n) => path.join(backups, n)));
      expect(files.length).toBeGreaterThanOrEqual(2);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const secret of secrets) {
          expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${file}`).toBe(false);
          expect(bytes.includes(Buffer.from(secret, 'utf16le')), `${secret} (UTF-16) in ${file}`).toBe(false);
        }
      }
    };
    scan(); // while open: database file and WAL
    const hashes = f.store().all<{ password_hash: string | null; pin_hash: string | null }>('SELECT password_hash, pin_hash FROM people');
    for (const h of hashes.flatMap((r) => [r.password_hash, r.pin_hash]).filter((x) => x !== null)) expect(h).toMatch(/^scrypt\$N=\d+,r=8,p=1\$/);
    await f.close();
    scan(); // after the checkpoint on close
    // The test is able to see a secret: the user name (kept in clear) is found.
    expect(readFileSync(path.join(f.dir, 'training.sqlite')).includes(Buffer.from(`user:${INSTRUCTOR.username}`))).toBe(true);
    expect(existsSync(path.join(f.dir, 'training.sqlite-wal'))).toBe(false);
  });
});

describe('failed sign-ins', () => {
  it('counts failures, locks after the free ones even for the right password, and keeps the lock after a restart', async () => {
    const f = await folder();
    await setUp(f);
    const guess = (password: string) => f.client('window:guess').auth.signInStaff({ username: INSTRUCTOR.username, password });
    const counter = (store = f.store()) =>
      store.get<{ failures: number; locked_until: string | null }>("SELECT failures, locked_until FROM sign_in_failures WHERE account_key = 'user:zhang'");

    for (let i = 1; i <= SIGN_IN_POLICY.freeFailures; i++) {
      expect(await guess(`wrong password ${i}`)).toEqual(failure);
      expect(counter()).toEqual({ failures: i, locked_until: null });
    }
    // The free failures are used up: the next failure pauses sign-in, and then the right password is refused too.
    expect(await guess('wrong password, one more')).toEqual(failure);
    const locked = counter()!;
    expect(locked.failures).toBe(SIGN_IN_POLICY.freeFailures + 1);
    expect(Date.parse(locked.locked_until!) - f.clock.now().getTime()).toBe(SIGN_IN_POLICY.firstLockMs);
    expect(await guess(INSTRUCTOR.password)).toEqual(failure);
    expect(counter()!.failures).toBe(SIGN_IN_POLICY.freeFailures + 2);

    // Reopened on the same data folder (a restart): still locked.
    const dir = f.dir;
    await f.close();
    const g = await folder(dir);
    const again = () => g.client('window:after-restart').auth.signInStaff({ username: INSTRUCTOR.username, password: INSTRUCTOR.password });
    expect(await again()).toEqual(failure);
    const after = counter(g.store())!;
    expect(after.failures).toBe(SIGN_IN_POLICY.freeFailures + 3);
    // The pause doubles with each further failure, up to the cap; once it has passed the right password works.
    expect(Date.parse(after.locked_until!) - g.clock.now().getTime()).toBe(Math.min(SIGN_IN_POLICY.maxLockMs, SIGN_IN_POLICY.firstLockMs * 4));
    g.clock.advance(SIGN_IN_POLICY.firstLockMs * 4 + 1);
    expect(await again()).toMatchObject({ ok: true, value: { accountRole: 'instructor' } });
    expect(counter(g.store())).toBeUndefined(); // cleared by the success
  });

  it('answers unknown user, wrong password, inactive account and locked account alike', async () => {
    const s = await seededInstitution();
    const w = s.client('window:guess');
    const unknown = await w.auth.signInStaff({ username: 'nobody.here', password: 'whatever password' });
    const wrong = await w.auth.signInStaff({ username: INSTRUCTOR.username, password: 'not the password' });
    for (let i = 0; i < SIGN_IN_POLICY.freeFailures; i++) await w.auth.signInStaff({ username: INSTRUCTOR.username, password: 'not the password' });
    const locked = await w.auth.signInStaff({ username: INSTRUCTOR.username, password: INSTRUCTOR.password });
    ok(await s.admin.people.create({ accountRole: 'instructor', name: '周九', username: 'zhou9', password: 'zhou9 password' }));
    const zhou = ok(await s.admin.people.list({ accountRole: 'instructor' })).find((p) => p.username === 'zhou9')!;
    ok(await s.admin.people.setActive({ id: zhou.id, active: false }));
    const inactive = await w.auth.signInStaff({ username: 'zhou9', password: 'zhou9 password' });
    for (const r of [unknown, wrong, locked, inactive]) expect(r).toEqual(failure);
    // Case and spaces in the user name do not open a second counter.
    expect(await w.auth.signInStaff({ username: '  ZHANG ', password: INSTRUCTOR.password })).toEqual(failure);
    expect(ok(await w.auth.status()).signedIn).toBeNull();
  });

  it('leaves sign-in-failed and locked-out entries in the audit trail, without the password', async () => {
    const s = await seededInstitution();
    const w = s.client('window:guess');
    await w.auth.signInStaff({ username: 'ghost', password: 'ghost password' });
    for (let i = 0; i <= SIGN_IN_POLICY.freeFailures; i++) await w.auth.signInStaff({ username: INSTRUCTOR.username, password: `bad password ${i}` });
    const failed = ok(await s.admin.audit.list({ action: 'auth.sign-in-failed', order: 'asc' }));
    expect(failed.total).toBe(SIGN_IN_POLICY.freeFailures + 2);
    expect(failed.entries[0]).toMatchObject({ actorId: null, subject: null, details: { account: 'user:ghost', failures: 1, reason: 'unknown user' } });
    expect(failed.entries[1]).toMatchObject({ subject: s.people.instructor.id, details: { account: 'user:zhang', failures: 1, reason: 'wrong password' } });
    const lockedOut = ok(await s.admin.audit.list({ action: 'auth.locked-out' }));
    expect(lockedOut.total).toBe(1);
    expect(lockedOut.entries[0]).toMatchObject({ subject: s.people.instructor.id, details: { account: 'user:zhang', failures: SIGN_IN_POLICY.freeFailures + 1 } });
    expect(JSON.stringify([failed, lockedOut])).not.toContain('bad password');
    expect(ok(await s.admin.audit.verify()).ok).toBe(true);
  });
});

describe('trainee PIN', () => {
  it('asks for the PIN where the institution requires one, counts and locks wrong PINs, and staff reset it', async () => {
    const s = await seededInstitution();
    const nurseId = s.people.nurse.id;
    const station = s.client('window:station');
    // Without the requirement, choosing the profile is enough.
    expect(await station.auth.signInTrainee({ personId: nurseId })).toMatchObject({ ok: true });
    ok(await station.auth.signOut());
    ok(await s.admin.institution.update({ traineePinRequired: true }));
    expect(await station.auth.signInTrainee({ personId: nurseId, pin: '1234' })).toMatchObject({ ok: false, error: { code: 'forbidden' } }); // no PIN set yet
    expect(await s.trainee.people.setPin({ id: nurseId, pin: '1234' })).toMatchObject({ ok: false, error: { code: 'forbidden' } }); // not by the trainee
    ok(await s.instructor.people.setPin({ id: nurseId, pin: '4826' }));
    expect(ok(await s.admin.people.get({ id: nurseId })).hasPin).toBe(true);
    const stored = s.services.live()!.store.get<{ pin_hash: string }>('SELECT pin_hash FROM people WHERE id = ?', nurseId)!;
    expect(stored.pin_hash).toMatch(/^scrypt\$/);
    expect(stored.pin_hash).not.toContain('4826');

    expect(await station.auth.signInTrainee({ personId: nurseId })).toEqual(failure);
    expect(await station.auth.signInTrainee({ personId: nurseId, pin: '0000' })).toEqual(failure);
    expect(await station.auth.signInTrainee({ personId: nurseId, pin: '4826' })).toMatchObject({ ok: true, value: { personId: nurseId } });
    const counter = () => s.services.live()!.store.get<{ failures: number; locked_until: string | null }>('SELECT failures, locked_until FROM sign_in_failures WHERE account_key = ?', `pin:${nurseId}`);
    expect(counter()).toBeUndefined(); // a success clears the count
    ok(await station.auth.signOut());

    for (let i = 0; i <= SIGN_IN_POLICY.freeFailures; i++) expect(await station.auth.signInTrainee({ personId: nurseId, pin: '9999' })).toEqual(failure);
    expect(counter()!.locked_until).not.toBeNull();
    expect(await station.auth.signInTrainee({ personId: nurseId, pin: '4826' })).toEqual(failure); // locked
    expect(ok(await s.admin.audit.list({ action: 'auth.locked-out' })).entries[0]).toMatchObject({ subject: nurseId, details: { account: `pin:${nurseId}` } });
    // An instructor sets a new PIN: the lock goes with the old one.
    ok(await s.instructor.people.setPin({ id: nurseId, pin: '5555' }));
    expect(counter()).toBeUndefined();
    expect(await station.auth.signInTrainee({ personId: nurseId, pin: '5555' })).toMatchObject({ ok: true });
    // A staff account cannot be signed into through the trainee door.
    expect(await station.auth.signInTrainee({ personId: s.people.instructor.id })).toEqual(failure);
  });
});
