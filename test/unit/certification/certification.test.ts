// Certification, first slice: key wrapping, signed completion records issued after a passed track, tamper,
// revocation, expiry on a test clock, rotation, who may issue and revoke, renewals, and the verify CLI.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataFolderStorage } from '../../../electron/services';
import { generateSigningKey, passphraseProtector, WrongPassphraseError } from '../../../electron/services/certification/keys';
import { runVerifyCli } from '../../../electron/tools/verify-cli';
import { passQuickModule, quickCatalog } from '../../helpers/quick-exam';
import { NURSE, seededInstitution } from '../../helpers/training-services';
import { folderScope } from '../training-file/folder-scope';
import { ok } from '../training-file/helpers';

const scope = folderScope();
const REPO = path.resolve(__dirname, '../../..');
const PASS = 'a long admin passphrase';
const YEAR = 365 * 86_400_000;
type Seeded = Awaited<ReturnType<typeof seededInstitution>>;


async function passTrack(s: Seeded) {
  const id = await passQuickModule(s);
  expect(ok(await s.trainee.exams.tracks({}))[0]).toMatchObject({ examined: true });
  return id;
}

async function issued(options: Parameters<typeof seededInstitution>[0] = {}) {
  const s = await seededInstitution({ exams: quickCatalog(), ...options });
  ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
  const examId = await passTrack(s);
  const record = ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
  return { s, record, examId, text: JSON.stringify(record.signed, null, 2) };
}

describe('signing keys', () => {
  it('wraps the private key with the passphrase and refuses a wrong one', async () => {
    const { pkcs8 } = generateSigningKey();
    const wrapped = await passphraseProtector(PASS).wrap(pkcs8);
    expect(wrapped.includes(pkcs8)).toBe(false);
    expect((await passphraseProtector(PASS).unwrap(wrapped)).equals(pkcs8)).toBe(true);
    await expect(passphraseProtector('another long passphrase').unwrap(wrapped)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('setup needs 12 characters and an administrator; unlock refuses a wrong passphrase; nothing stores it in clear', async () => {
    const s = await seededInstitution({ exams: quickCatalog() });
    expect(await s.admin.certificates.setupKey({ passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/passphrase' } });
    ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
    expect(await s.admin.certificates.setupKey({ passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await s.admin.certificates.unlock({ passphrase: 'not the passphrase' })).toMatchObject({ ok: false, error: { code: 'forbidden', path: '/passphrase' } });
    expect(await s.admin.certificates.unlock({ passphrase: PASS })).toMatchObject({ ok: true, value: { unlocked: true } });
    const row = s.services.live()!.store.get<{ private_key_wrapped: Uint8Array }>('SELECT private_key_wrapped FROM signing_keys')!;
    expect(Buffer.from(row.private_key_wrapped).includes(Buffer.from(PASS))).toBe(false);
    expect(ok(await s.trainee.certificates.publicKeys())).toHaveLength(1);
  });
});

describe('completion records', () => {
  it('a record issued after a passed track verifies, and its contents come from the stored attempts', async () => {
    const { s, record, examId, text } = await issued();
    expect(record.number).toBe('MN-2026-000001');
    expect(record.signed.record).toMatchObject({
      trainee: { id: s.people.nurse.id, name: NURSE.name, profession: 'nurse', certificateNumber: NURSE.certificateNumber },
      role: { profession: 'nurse', clause: '15.2.3' },
      modules: [{ id: 'quick', version: 1, score: 100, examAttemptId: examId }],
      institution: { name: '华东微针培训中心' },
      issuedBy: { id: s.people.instructor.id },
      issuedAt: '2026-11-01T08:00:00.000Z',
      validUntil: '2029-11-01T08:00:00.000Z',
      validityBasis: 'institution-policy',
    });
    expect(ok(await s.trainee.certificates.verify({ signed: text }))).toEqual({ ok: true, problems: [], number: record.number });
    expect(ok(await s.trainee.certificates.list({})).map((r) => r.number)).toEqual([record.number]);
    const audit = ok(await s.admin.audit.list({ action: 'certificate.issued' })).entries;
    expect(audit[0]).toMatchObject({ subject: s.people.nurse.id, actorId: s.people.instructor.id, details: { number: record.number } });
    // The stored record and signature never change, and no record is deleted.
    const store = s.services.live()!.store;
    expect(() => store.run("UPDATE completion_records SET record_json = '{}'")).toThrow(/never changed/);
    expect(() => store.run("UPDATE completion_records SET signature_b64 = 'x'")).toThrow(/never changed/);
    expect(() => store.run('DELETE FROM completion_records')).toThrow(/never deleted/);
    expect(() => store.run('DELETE FROM signing_keys')).toThrow(/never deleted/);
  });

  it('a changed byte fails the signature; a revoked record fails as revoked; an expired one as expired', async () => {
    const { s, record, text } = await issued();
    const tampered = text.replace(NURSE.certificateNumber, 'N-2024-0009');
    expect(ok(await s.trainee.certificates.verify({ signed: tampered })).problems).toContain('signature');
    // Re-hashing the change does not help: the signature still fails.
    const doc = JSON.parse(tampered) as { recordSha256: string };
    doc.recordSha256 = JSON.parse(text).recordSha256;
    expect(ok(await s.trainee.certificates.verify({ signed: JSON.stringify(doc) })).problems).toEqual(expect.arrayContaining(['hash', 'signature']));
    expect(ok(await s.trainee.certificates.verify({ signed: 'not json' })).problems).toEqual(['format']);

    s.clock.advance(4 * YEAR);
    expect(ok(await s.trainee.certificates.verify({ signed: text })).problems).toEqual(['expired']);
    s.clock.advance(-4 * YEAR);

    expect(ok(await s.admin.certificates.revoke({ number: record.number, reason: 'issued in error' })).revoked).toMatchObject({ reason: 'issued in error' });
    expect(ok(await s.trainee.certificates.verify({ signed: text })).problems).toEqual(['revoked']);
    expect(await s.admin.certificates.revoke({ number: record.number, reason: 'again' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(ok(await s.admin.audit.list({ action: 'certificate.revoked' })).entries).toHaveLength(1);
  });

  it('a rotated key still verifies old records; new records are signed by the new key', async () => {
    const { s, record, text } = await issued();
    const rotated = ok(await s.admin.certificates.rotateKey({ passphrase: PASS, newPassphrase: 'the next long passphrase' }));
    expect(rotated.retired).toBe(record.keyFingerprint);
    const keys = ok(await s.trainee.certificates.publicKeys());
    expect(keys).toHaveLength(2);
    expect(keys.find((k) => k.fingerprint === record.keyFingerprint)!.retiredAt).not.toBeNull();
    expect(ok(await s.trainee.certificates.verify({ signed: text }))).toMatchObject({ ok: true });
    ok(await s.admin.certificates.revoke({ number: record.number, reason: 're-issue' }));
    const again = ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
    expect(again.number).toBe('MN-2026-000002');
    expect(again.keyFingerprint).toBe(rotated.fingerprint);
    expect(ok(await s.trainee.certificates.verify({ signed: JSON.stringify(again.signed) })).ok).toBe(true);
    // Every certificate action is in the trail, with its actor, and the chain verifies.
    const entries = ok(await s.admin.audit.list({ limit: 200 })).entries;
    const adminId = ok(await s.admin.auth.status()).signedIn!.personId;
    for (const action of ['certificate.key-created', 'certificate.key-rotated', 'certificate.revoked']) expect(entries.find((e) => e.action === action), action).toMatchObject({ actorId: adminId });
    expect(entries.filter((e) => e.action === 'certificate.issued').map((e) => e.actorId)).toEqual([s.people.instructor.id, s.people.instructor.id]);
    ok(await s.admin.certificates.unlock({ passphrase: 'the next long passphrase' }));
    expect(ok(await s.admin.audit.list({ action: 'certificate.key-unlocked' })).entries[0]).toMatchObject({ actorId: adminId, details: { fingerprint: rotated.fingerprint } });
    expect(ok(await s.admin.audit.verify()).ok).toBe(true);
  });

  it('refuses to issue before the track is examined, with a locked key, and to anyone but an instructor; only administrators revoke', async () => {
    const s = await seededInstitution({ exams: quickCatalog() });
    ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
    expect(await s.instructor.certificates.issue({ personId: s.people.nurse.id })).toMatchObject({ ok: false, error: { code: 'conflict', path: '/personId' } });
    await passTrack(s);
    expect(await s.admin.certificates.issue({ personId: s.people.nurse.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.trainee.certificates.issue({ personId: s.people.nurse.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const record = ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
    // A current record is not issued twice.
    expect(await s.instructor.certificates.issue({ personId: s.people.nurse.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await s.instructor.certificates.revoke({ number: record.number, reason: 'no' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.trainee.certificates.revoke({ number: record.number, reason: 'no' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Another trainee sees none of it.
    expect(ok(await s.trainee2.certificates.list({}))).toEqual([]);
    expect(await s.trainee2.certificates.list({ personId: s.people.nurse.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // A fresh run (services restarted on the same key) has the key locked until an administrator unlocks it.
    const locked = await seededInstitution({ exams: quickCatalog() });
    await passTrack(locked);
    expect(await locked.instructor.certificates.issue({ personId: locked.people.nurse.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/no signing key/) } });
  });

  it('lists the records due for renewal within N days', async () => {
    const { s, record } = await issued();
    expect(ok(await s.instructor.certificates.renewals({ withinDays: 90 }))).toEqual([]);
    s.clock.advance(3 * YEAR - 30 * 86_400_000);
    const due = ok(await s.instructor.certificates.renewals({ withinDays: 90 }));
    expect(due.map((r) => [r.number, r.expired])).toEqual([[record.number, false]]);
    expect(due[0]!.daysLeft).toBeGreaterThan(25);
    s.clock.advance(60 * 86_400_000);
    expect(ok(await s.admin.certificates.renewals({ withinDays: 0 }))[0]).toMatchObject({ number: record.number, expired: true });
  });
});

describe('npm run verify', () => {
  it('exits 0 on a good file and 1 on a tampered one, from the data folder (read-only) or a PEM file', async () => {
    const dir = scope.temp('certificates');
    const storage = await openDataFolderStorage(dir);
    const { s, text } = await issued({ storage });
    const keys = ok(await s.trainee.certificates.publicKeys());
    await s.services.dispose();
    const good = path.join(dir, 'good.json');
    const bad = path.join(dir, 'bad.json');
    const pem = path.join(dir, 'keys.pem');
    writeFileSync(good, text);
    writeFileSync(bad, text.replace(NURSE.name, '王芳芳'));
    writeFileSync(pem, keys.map((k) => k.publicKeyPem).join(''));
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), now: () => new Date(Date.UTC(2027, 0, 1)) };
    expect(await runVerifyCli([good, '--data-dir', dir], io)).toBe(0);
    expect(await runVerifyCli([bad, '--data-dir', dir], io)).toBe(1);
    expect(lines.join('\n')).toMatch(/signature: /);
    expect(await runVerifyCli([good, '--keys', pem], io)).toBe(0);
    expect(await runVerifyCli([bad, '--keys', pem], io)).toBe(1);
    expect(await runVerifyCli([good, '--data-dir', path.join(dir, 'nowhere')], io)).toBe(2);
    expect(await runVerifyCli([], io)).toBe(2);
    // The script itself, as npm runs it.
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.verify).toBe('tsx electron/tools/verify-cli.ts');
    const cli = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'electron/tools/verify-cli.ts'), file, '--data-dir', dir], { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
    const r = cli(good);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/VERIFIED/);
    expect(cli(bad).status).toBe(1);
  }, 60_000);
});
