// The signing key wrapped by the OS keyring (Electron's safeStorage) where it really protects keys: set up
// without a passphrase, opened by itself at the next start, rotated without one; refused where the keyring is
// Linux's basic_text or absent, so that the key is never "protected" by a hard-coded password.

import { afterEach, describe, expect, it } from 'vitest';
import { osKeyProtector } from '../../../electron/main/os-key-protector';
import { generateSigningKey } from '../../../electron/services/certification/keys';
import { openDataFolderStorage } from '../../../electron/services';
import { resetElectronDouble, safeStorage } from '../../doubles/electron';
import { passQuickModule, quickCatalog } from '../../helpers/quick-exam';
import { makeTestServices, seededInstitution } from '../../helpers/training-services';
import { folderScope } from '../training-file/folder-scope';
import { ok } from '../training-file/helpers';

const scope = folderScope();
afterEach(() => resetElectronDouble());

describe('the OS keyring protector', () => {
  it('is offered only where the keyring really protects keys', async () => {
    safeStorage.backend = 'basic_text';
    expect(await osKeyProtector()).toBeNull();
    safeStorage.backend = 'gnome_libsecret';
    safeStorage.available = false;
    expect(await osKeyProtector()).toBeNull();
    safeStorage.available = true;
    const protector = await osKeyProtector();
    expect(protector?.method).toBe('os-safe-storage');
    const { pkcs8 } = generateSigningKey();
    const wrapped = await protector!.wrap(pkcs8);
    expect(wrapped.includes(pkcs8)).toBe(false);
    expect((await protector!.unwrap(wrapped)).equals(pkcs8)).toBe(true);
  });

  it('without it, a key needs a passphrase', async () => {
    const s = await seededInstitution();
    expect(ok(await s.admin.certificates.keyStatus({}))).toEqual({ state: 'none', fingerprint: null, createdAt: null, wrapMethod: null, osProtection: false });
    expect(await s.admin.certificates.setupKey({})).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/passphrase' } });
    expect(await s.trainee.certificates.keyStatus({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('sets up without a passphrase, opens by itself at the next start and issues; rotation needs no passphrase', async () => {
    const protector = (await osKeyProtector())!;
    const dir = scope.temp('mn-os-key-');
    const storage = await openDataFolderStorage(dir);
    const s = await seededInstitution({ storage, exams: quickCatalog(), osKeyProtector: protector });
    const made = ok(await s.admin.certificates.setupKey({}));
    expect(ok(await s.instructor.certificates.keyStatus({}))).toMatchObject({ state: 'unlocked', fingerprint: made.fingerprint, wrapMethod: 'os-safe-storage', osProtection: true });
    await passQuickModule(s);
    await s.services.dispose();

    // Next start: the key opens with the OS keyring, no administrator needed.
    const again = await makeTestServices({ storage: await openDataFolderStorage(dir), exams: quickCatalog(), osKeyProtector: protector, idPrefix: 'b' });
    const admin = again.client('window:admin2');
    ok(await admin.auth.signInStaff({ username: 'admin', password: 'correct horse battery' }));
    expect(ok(await admin.certificates.keyStatus({}))).toMatchObject({ state: 'unlocked', fingerprint: made.fingerprint });
    const audit = ok(await admin.audit.list({ action: 'certificate.key-unlocked' }));
    expect(audit.entries[0]).toMatchObject({ actorId: null, details: { fingerprint: made.fingerprint, wrapMethod: 'os-safe-storage' } });
    const instructor = again.client('window:instructor2');
    ok(await instructor.auth.signInStaff({ username: 'zhang', password: 'instructor pass 1' }));
    const record = ok(await instructor.certificates.issue({ personId: s.people.nurse.id }));
    expect(record.keyFingerprint).toBe(made.fingerprint);
    const rotated = ok(await admin.certificates.rotateKey({}));
    expect(rotated.retired).toBe(made.fingerprint);
    expect(ok(await admin.certificates.keyStatus({}))).toMatchObject({ state: 'unlocked', fingerprint: rotated.fingerprint, wrapMethod: 'os-safe-storage' });
    await again.services.dispose();

    // The same database where the OS keyring is missing: locked, and says why.
    const elsewhere = await makeTestServices({ storage: await openDataFolderStorage(dir), exams: quickCatalog(), idPrefix: 'c' });
    const admin3 = elsewhere.client('window:admin3');
    ok(await admin3.auth.signInStaff({ username: 'admin', password: 'correct horse battery' }));
    expect(ok(await admin3.certificates.keyStatus({}))).toMatchObject({ state: 'locked', wrapMethod: 'os-safe-storage', osProtection: false });
    expect(await admin3.certificates.unlock({ passphrase: 'any passphrase at all' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await elsewhere.services.dispose();
  });
});
