// The audit trail: append-only by trigger, an entry for every recorded action, a hash chain that names the
// entry that was changed or the gap where one was removed, and `npm run audit -- verify` on the data folder.

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../core/api/contract';
import { canonicalJson } from '../../../core/canonical-json';
import { auditEntryHash, verifyAuditRows, type AuditAction } from '../../../electron/services/audit';
import { SIGN_IN_POLICY } from '../../../electron/services/auth';
import { ADMIN, INSTRUCTOR, NURSE, TECHNICIAN, seededInstitution } from '../../helpers/training-services';
import { folderScope } from './folder-scope';
import { fixture, ok, sessionBatches, sha256File } from './helpers';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'electron', 'tools', 'audit-cli.ts');

const { temp, open } = folderScope();

/** Every action the trail records: one list, in core; this test produces each of them. */
// Exam, authoring, pack and media actions are checked where they are tested (test/unit/exams/), and certificate
// actions in test/unit/certification/, each with its actor and subject.
// Exams, authoring, certification, LRS and export actions are checked by their own suites (test/unit/exams, certification, lrs).
// Expert marks (expert.marked, expert.unmarked) are checked with their actor and subject in test/unit/experts/experts-service.test.ts.
const ALL_ACTIONS = AUDIT_ACTIONS.filter((a) => !a.startsWith('exam.') && !a.startsWith('authoring.') && !a.startsWith('packs.') && !a.startsWith('media.') && !a.startsWith('certificate.') && !a.startsWith('lrs.') && !a.startsWith('expert.') && a !== 'records.exported');

type RawAuditRow = Parameters<typeof verifyAuditRows>[0] extends Iterable<infer R> ? R : never;
function rawVerify(file: string) {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return verifyAuditRows(db.prepare('SELECT * FROM audit ORDER BY seq').all() as unknown as RawAuditRow[]);
  } finally {
    db.close();
  }
}

/** A data folder with a working institution and a varied trail; closed, so the file can be copied. */
async function populatedFolder(): Promise<{ dir: string; entries: number }> {
  const dir = temp('audit-src');
  const f = await open(dir);
  const admin = f.client('window:admin');
  ok(await admin.auth.setup({ institutionName: '华东微针培训中心', admin: ADMIN }));
  ok(await admin.people.create(INSTRUCTOR));
  const nurse = ok(await admin.people.create(NURSE));
  const trainee = f.client('window:nurse');
  ok(await trainee.auth.signInTrainee({ personId: nurse.id }));
  const started = ok(await trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
  const [batch] = sessionBatches(started.initialSettings, 1);
  ok(await trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events: batch }));
  ok(await trainee.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 2000, zones: [] }));
  ok(await admin.people.update({ id: nurse.id, name: '王芳芳' }));
  const entries = ok(await admin.audit.list({ limit: 1 })).total;
  await f.close();
  return { dir, entries };
}

function copyFolder(from: string): string {
  const to = temp('audit-copy');
  for (const side of ['', '-wal', '-shm']) {
    const file = path.join(from, 'training.sqlite' + side);
    if (existsSync(file)) copyFileSync(file, path.join(to, 'training.sqlite' + side));
  }
  return to;
}

/** Raw access to a copy, with the append-only triggers dropped: what someone with the file could do. */
function tamper(dir: string, work: (db: DatabaseSync) => void): void {
  const db = new DatabaseSync(path.join(dir, 'training.sqlite'));
  try {
    db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    work(db);
  } finally {
    db.close();
  }
}

function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the audit table', () => {
  it('refuses UPDATE and DELETE through its triggers', async () => {
    const s = await seededInstitution();
    const store = s.services.live()!.store;
    const before = store.all('SELECT * FROM audit ORDER BY seq').map((r) => ({ ...r }));
    expect(before.length).toBeGreaterThan(3);
    expect(() => store.run("UPDATE audit SET details = '{}' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => store.run("UPDATE audit SET action = 'nothing' WHERE seq = 3")).toThrow(/append-only/);
    expect(() => store.run('DELETE FROM audit WHERE seq = 1')).toThrow(/append-only/);
    expect(() => store.run('DELETE FROM audit')).toThrow(/append-only/);
    expect(store.all('SELECT * FROM audit ORDER BY seq').map((r) => ({ ...r }))).toEqual(before);
  });

  it('records every action, each with its actor and subject, and the chain verifies', async () => {
    const dir = temp('audit-all');
    // The earlier JSON data, so the one-time import leaves its entry too.
    writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify({ format: 'microneedle-profiles', version: 1, profiles: [{ id: 'p-1', name: '旧学员', role: 'nurse', certificateNumber: 'N-OLD-1' }], currentProfileId: null }));
    let f = await open(dir, { legacyDataDir: dir });
    const admin = f.client('window:admin');
    const setupAdmin = ok(await admin.auth.setup({ institutionName: '华东微针培训中心', admin: ADMIN }));
    ok(await admin.institution.update({ traineePinRequired: true }));
    const instructor = ok(await admin.people.create(INSTRUCTOR));
    const nurse = ok(await admin.people.create(NURSE));
    const tech = ok(await admin.people.create(TECHNICIAN));
    ok(await admin.people.update({ id: tech.id, name: '李明明' }));
    ok(await admin.people.setActive({ id: tech.id, active: false }));
    ok(await admin.people.setActive({ id: tech.id, active: true }));
    ok(await admin.people.setRole({ id: tech.id, accountRole: 'instructor', username: 'liming', password: 'liming password' }));
    ok(await admin.people.resetPassword({ id: instructor.id, password: 'reset instructor pw' }));
    ok(await admin.people.setPin({ id: nurse.id, pin: '1357' }));
    const staff = f.client('window:staff');
    for (let i = 0; i <= SIGN_IN_POLICY.freeFailures; i++) await staff.auth.signInStaff({ username: 'liming', password: 'wrong password!' });
    f.clock.advance(SIGN_IN_POLICY.firstLockMs + 1);
    ok(await staff.auth.signInStaff({ username: 'zhang', password: 'reset instructor pw' }));
    ok(await staff.auth.changePassword({ currentPassword: 'reset instructor pw', newPassword: 'changed instructor pw' }));
    const trainee = f.client('window:nurse');
    ok(await trainee.auth.signInTrainee({ personId: nurse.id, pin: '1357' }));
    const a1 = ok(await trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
    const [batch] = sessionBatches(a1.initialSettings, 1);
    ok(await trainee.sessions.append({ attemptId: a1.attemptId, seq: 0, events: batch }));
    ok(await trainee.sessions.finish({ attemptId: a1.attemptId, batches: 1, endTMs: 2000, zones: [] }));
    const a2 = ok(await trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
    ok(await trainee.sessions.abandon({ attemptId: a2.attemptId }));
    const imported = ok(await trainee.sessions.import({ recording: fixture('roller-forehead-good'), fileName: 'good.json' }));
    const backup = ok(await admin.backups.create());

    const entries = ok(await admin.audit.list({ order: 'asc', limit: 200 })).entries;
    const by = (action: AuditAction) => entries.filter((e) => e.action === action);
    expect(by('import.json-data')[0]).toMatchObject({ actorId: null, details: { profiles: 1, sessions: 0 } });
    expect(by('institution.setup')[0]).toMatchObject({ actorId: setupAdmin.personId, details: { institutionName: '华东微针培训中心' } });
    expect(by('institution.updated').at(-1)).toMatchObject({ actorId: setupAdmin.personId, details: { after: { traineePinRequired: true } } });
    expect(by('person.created').map((e) => e.subject)).toEqual(expect.arrayContaining([setupAdmin.personId, instructor.id, nurse.id, tech.id]));
    expect(by('person.updated')[0]).toMatchObject({ subject: tech.id, details: { before: { name: '李明' }, after: { name: '李明明' } } });
    expect(by('person.deactivated')[0]).toMatchObject({ subject: tech.id, actorId: setupAdmin.personId });
    expect(by('person.reactivated')[0]).toMatchObject({ subject: tech.id });
    expect(by('person.role-granted')[0]).toMatchObject({ subject: tech.id, actorId: setupAdmin.personId, details: { from: 'trainee', to: 'instructor' } });
    expect(by('person.password-reset')[0]).toMatchObject({ subject: instructor.id });
    expect(by('person.pin-changed')[0]).toMatchObject({ subject: nurse.id, details: { cleared: false } });
    expect(by('auth.sign-in-failed')).toHaveLength(SIGN_IN_POLICY.freeFailures + 1);
    expect(by('auth.locked-out')[0]).toMatchObject({ subject: tech.id, details: { account: 'user:liming' } });
    expect(by('auth.signed-in').map((e) => e.subject)).toEqual(expect.arrayContaining([setupAdmin.personId, instructor.id, nurse.id]));
    expect(by('auth.password-changed')[0]).toMatchObject({ subject: instructor.id, actorId: instructor.id });
    expect(by('attempt.started').map((e) => e.subject)).toEqual([a1.attemptId, a2.attemptId]);
    expect(by('attempt.stored')[0]).toMatchObject({ subject: a1.attemptId, actorId: nurse.id, details: { kind: 'test', recordingSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(by('attempt.abandoned')[0]).toMatchObject({ subject: a2.attemptId });
    expect(by('attempt.imported')[0]).toMatchObject({ subject: imported.summary.id, details: { fileName: 'good.json' } });
    expect(by('backup.created')[0]).toMatchObject({ actorId: setupAdmin.personId, details: { file: backup.file, reason: 'manual' } });
    const verified = ok(await admin.audit.verify());
    expect(verified).toEqual({ ok: true, checked: entries.length, firstBad: null });

    // The last one: a restore from that backup after the file is damaged.
    await f.close();
    writeFileSync(path.join(dir, 'training.sqlite'), Buffer.alloc(8192, 0x5a));
    for (const side of ['-wal', '-shm']) if (existsSync(path.join(dir, 'training.sqlite' + side))) writeFileSync(path.join(dir, 'training.sqlite' + side), '');
    f = await open(dir, { legacyDataDir: dir });
    ok(await f.client('window:any').storage.restore({ file: backup.file }));
    const after = f.client('window:admin2');
    ok(await after.auth.signInStaff({ username: ADMIN.username, password: ADMIN.password }));
    // The restored trail is the backup's (taken just before its own backup.created entry), plus the restore.
    const restored = ok(await after.audit.list({ order: 'asc', limit: 200 })).entries;
    expect(restored.find((e) => e.action === 'storage.restored')).toMatchObject({ details: { from: backup.file } });
    const seen = new Set([...entries, ...restored].map((e) => e.action));
    for (const action of ALL_ACTIONS) expect(seen.has(action), action).toBe(true);
    expect(ok(await after.audit.verify()).ok).toBe(true);
  });
});

describe('the listed trail', () => {
  it('names the person each entry is about, or whose attempt it is, for the reader', async () => {
    const s = await seededInstitution();
    const started = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
    const listed = ok(await s.admin.audit.list({ limit: 200 })).entries;
    expect(listed.find((e) => e.action === 'person.created' && e.subject === s.people.technician.id)?.subjectName).toBe(TECHNICIAN.name);
    expect(listed.find((e) => e.action === 'attempt.started' && e.subject === started.attemptId)?.subjectName).toBe(NURSE.name);
    expect(listed.find((e) => e.action === 'institution.setup')?.subjectName).toBeNull();
    // The name is looked up when listed: it is not part of what the hash covers.
    expect(ok(await s.admin.audit.verify()).ok).toBe(true);
  });
});

describe('tampering', () => {
  it('names the entry whose details were changed in a copy, while the original still verifies', async () => {
    const { dir, entries } = await populatedFolder();
    const copy = copyFolder(dir);
    const target = 6;
    tamper(copy, (db) => {
      const row = db.prepare('SELECT details FROM audit WHERE seq = ?').get(target) as { details: string };
      const details = { ...(JSON.parse(row.details) as Record<string, unknown>), forged: true };
      db.prepare('UPDATE audit SET details = ? WHERE seq = ?').run(canonicalJson(details), target);
    });
    expect(rawVerify(path.join(dir, 'training.sqlite'))).toEqual({ ok: true, checked: entries, firstBad: null });
    const result = rawVerify(path.join(copy, 'training.sqlite'));
    expect(result).toMatchObject({ ok: false, checked: target - 1, firstBad: { seq: target, reason: expect.stringMatching(/does not match its hash/) } });
    // The services say the same to an administrator.
    const f = await open(copy);
    expect(f.services.live()!.audit.verify()).toEqual(result);
  });

  it('names the next entry when a changed entry was re-hashed, and the gap when one was deleted', async () => {
    const { dir } = await populatedFolder();
    const rehashed = copyFolder(dir);
    tamper(rehashed, (db) => {
      const row = db.prepare('SELECT * FROM audit WHERE seq = 4').get() as unknown as RawAuditRow;
      const details = { ...(JSON.parse(row.details) as Record<string, unknown>), forged: true };
      const hash = auditEntryHash({ seq: row.seq, at: row.at, actorId: row.actor_id, actorName: row.actor_name, action: row.action, subject: row.subject, details, prevHash: row.prev_hash });
      db.prepare('UPDATE audit SET details = ?, hash = ? WHERE seq = 4').run(canonicalJson(details), hash);
    });
    expect(rawVerify(path.join(rehashed, 'training.sqlite'))).toMatchObject({ ok: false, firstBad: { seq: 5, reason: expect.stringMatching(/link to entry 4/) } });

    const deleted = copyFolder(dir);
    tamper(deleted, (db) => db.prepare('DELETE FROM audit WHERE seq = 7').run());
    expect(rawVerify(path.join(deleted, 'training.sqlite'))).toMatchObject({ ok: false, checked: 6, firstBad: { seq: 8, reason: expect.stringMatching(/expected entry 7 here/) } });

    const respaced = copyFolder(dir);
    tamper(respaced, (db) => {
      const row = db.prepare('SELECT details FROM audit WHERE seq = 3').get() as { details: string };
      db.prepare('UPDATE audit SET details = ? WHERE seq = 3').run(JSON.stringify(JSON.parse(row.details), null, 1));
    });
    expect(rawVerify(path.join(respaced, 'training.sqlite'))).toMatchObject({ ok: false, firstBad: { seq: 3, reason: expect.stringMatching(/canonical/) } });
  });
});

describe('npm run audit -- verify', () => {
  it('is the package script', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.audit).toBe('tsx electron/tools/audit-cli.ts');
  });

  it('exits 0 on an intact trail and 1 on a tampered copy, naming every problem, without writing the file', async () => {
    const { dir, entries } = await populatedFolder();
    const good = copyFolder(dir);
    const goodHash = sha256File(path.join(good, 'training.sqlite'));
    const intact = runCli(['verify', '--data-dir', good]);
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout.trim().split('\n')).toHaveLength(1);
    expect(intact.stdout).toContain(`intact, ${entries} entries checked`);
    expect(intact.stdout).toContain(path.join(good, 'training.sqlite'));
    expect(sha256File(path.join(good, 'training.sqlite'))).toBe(goodHash);

    const bad = copyFolder(dir);
    tamper(bad, (db) => {
      const row = db.prepare('SELECT details FROM audit WHERE seq = 5').get() as { details: string };
      db.prepare('UPDATE audit SET details = ? WHERE seq = 5').run(canonicalJson({ ...(JSON.parse(row.details) as object), forged: 1 }));
      db.prepare('DELETE FROM audit WHERE seq IN (8, 9)').run();
    });
    const badHash = sha256File(path.join(bad, 'training.sqlite'));
    const broken = runCli(['verify', `--data-dir=${bad}`]);
    expect(broken.status, broken.stderr).toBe(1);
    const lines = broken.stdout.trim().split('\n');
    expect(lines).toEqual([
      'entry 5: its content does not match its hash (changed after it was written)',
      'entry 10: expected entry 8 here, found 10: entries 8 to 9 are missing (removed from the trail)',
      expect.stringMatching(new RegExp(`BROKEN, 2 problems in ${entries - 2} entries; the first is at entry 5: its content does not match its hash`)),
    ]);
    expect(sha256File(path.join(bad, 'training.sqlite'))).toBe(badHash);
  }, 60_000);

  it('exits 2 on bad arguments and on a missing or unreadable database, and defaults to the app data folder', async () => {
    expect(runCli([]).status).toBe(2);
    const unknown = runCli(['check']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "check"[\s\S]*usage: npm run audit -- verify/);
    expect(runCli(['verify', '--data-dir']).status).toBe(2);
    const empty = temp('audit-empty');
    const missing = runCli(['verify', '--data-dir', empty]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(path.join(empty, 'training.sqlite'));
    const garbage = temp('audit-garbage');
    writeFileSync(path.join(garbage, 'training.sqlite'), 'this is not a database '.repeat(500));
    const unreadable = runCli(['verify', '--data-dir', garbage]);
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toMatch(/cannot (open|read) .*training\.sqlite: .*not a database/);

    // No --data-dir: defaultDataDir() (XDG_CONFIG_HOME/Microneedling Trainer on Linux).
    const { dir } = await populatedFolder();
    const config = temp('audit-xdg');
    const appDir = path.join(config, 'Microneedling Trainer');
    mkdirSync(appDir);
    copyFileSync(path.join(dir, 'training.sqlite'), path.join(appDir, 'training.sqlite'));
    const env = process.platform === 'linux' ? { XDG_CONFIG_HOME: config, MICRONEEDLE_DATA_DIR: '' } : { MICRONEEDLE_DATA_DIR: appDir };
    const byDefault = runCli(['verify'], env);
    expect(byDefault.status, byDefault.stderr).toBe(0);
    expect(byDefault.stdout).toContain(path.join(appDir, 'training.sqlite'));
  }, 60_000);
});
