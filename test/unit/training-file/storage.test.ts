// The database file: migrations applied once, a newer or damaged file refused and left exactly as it was,
// restore from a backup, a backup before every migration, and the one-time import of the earlier JSON folder.

import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openDataFolderStorage } from '../../../electron/services';
import { openTrainingDatabase } from '../../../electron/services/db/open';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../../electron/services/db/migrations';
import { ADMIN, NURSE } from '../../helpers/training-services';
import { folderScope } from './folder-scope';
import { fixture, ok, sessionBatches, sha256File, type FolderServices } from './helpers';

const { temp, open } = folderScope();
const dbFile = (dir: string) => path.join(dir, 'training.sqlite');
const userVersion = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
  } finally {
    db.close();
  }
};
/** The hashes of the database file and its WAL and -shm, as found. */
const fileHashes = (file: string) => Object.fromEntries(['', '-wal'].map((side) => [side || 'db', existsSync(file + side) ? sha256File(file + side) : null]));

async function setUpWithData(f: FolderServices) {
  const admin = f.client('window:admin');
  ok(await admin.auth.setup({ institutionName: '华东微针培训中心', admin: ADMIN }));
  const nurse = ok(await admin.people.create(NURSE));
  const trainee = f.client('window:nurse');
  ok(await trainee.auth.signInTrainee({ personId: nurse.id }));
  const started = ok(await trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
  const [batch] = sessionBatches(started.initialSettings, 1);
  ok(await trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events: batch }));
  const done = ok(await trainee.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 2000, zones: [] }));
  return { admin, nurse, attemptId: started.attemptId, report: done.report };
}

describe('migrations', () => {
  it('run once on a new file and set user_version; a second open applies nothing and backs nothing up', async () => {
    const dir = temp('migrate');
    const first = await openDataFolderStorage(dir, () => new Date('2026-11-01T08:00:00Z'));
    expect(first.status.state).toBe('ok');
    expect(first.created).toBe(true);
    const meta = first.store!.all<{ key: string; value: string }>("SELECT key, value FROM meta WHERE key LIKE 'migration.%' ORDER BY key");
    expect(meta.map((m) => m.key)).toEqual(MIGRATIONS.map((m) => `migration.${String(m.version).padStart(3, '0')}`));
    expect(first.store!.get<{ user_version: number }>('PRAGMA user_version')!.user_version).toBe(SCHEMA_VERSION);
    first.close();

    const second = await openDataFolderStorage(dir, () => new Date('2026-12-01T08:00:00Z'));
    expect(second.status).toMatchObject({ state: 'ok', problem: null, backups: [] });
    expect(second.created).toBe(false);
    expect(second.store!.all("SELECT key, value FROM meta WHERE key LIKE 'migration.%' ORDER BY key")).toEqual(meta); // applied at the first open only
    second.close();
    expect(userVersion(dbFile(dir))).toBe(SCHEMA_VERSION);
    expect(existsSync(path.join(dir, 'backups')) ? readdirSync(path.join(dir, 'backups')) : []).toEqual([]);
  });

  it('takes a backup before migrating an older schema, and leaves the file at its old version when a migration fails', async () => {
    const dir = temp('migrate-old');
    const file = dbFile(dir);
    const backupsDir = path.join(dir, 'backups');
    const now = () => new Date('2026-11-01T08:00:00Z');
    const m1 = MIGRATIONS[0];
    const m2: Migration = { version: 2, name: 'test: a notes table', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;' };
    const v1 = await openTrainingDatabase({ file, backupsDir, now, migrations: [m1] });
    expect(v1.status.state).toBe('ok');
    v1.store!.run("INSERT INTO settings (key, value) VALUES ('language', '\"en\"')");
    v1.store!.close();
    expect(userVersion(file)).toBe(1);

    const bad: Migration = { version: 2, name: 'test: broken', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY); THIS IS NOT SQL;' };
    const failed = await openTrainingDatabase({ file, backupsDir, now, migrations: [m1, bad] });
    expect(failed.status.state).toBe('unreadable');
    expect(failed.status.problem).toContain('schema migration 2 (test: broken) failed');
    expect(userVersion(file)).toBe(1); // rolled back
    const check = new DatabaseSync(file, { readOnly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get()).toBeUndefined();
    check.close();

    const v2 = await openTrainingDatabase({ file, backupsDir, now, migrations: [m1, m2] });
    expect(v2.status.state).toBe('ok');
    expect(v2.created).toBe(false);
    v2.store!.close();
    expect(userVersion(file)).toBe(2);
    const before = v2.status.backups.filter((b) => b.file.includes('-before-migration'));
    expect(before.length).toBeGreaterThanOrEqual(1);
    // The backup is the old schema with the data as it was.
    const newest = before[0].file;
    expect(userVersion(newest)).toBe(1);
    const old = new DatabaseSync(newest, { readOnly: true });
    expect(old.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get()).toBeUndefined();
    expect(old.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({ value: '"en"' });
    old.close();
  });
});

describe('a file the app cannot use', () => {
  it('refuses a database from a newer version and leaves it byte for byte, WAL included', async () => {
    const source = temp('newer-src');
    const dir = temp('newer');
    const file = dbFile(dir);
    // Written by "version 99" and left open in WAL mode, as after a crash: frames not yet checkpointed.
    const future = new DatabaseSync(dbFile(source));
    future.exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from the future'); PRAGMA user_version = 99;");
    for (const side of ['', '-wal']) copyFileSync(dbFile(source) + side, file + side);
    future.close();
    const hashes = fileHashes(file);
    expect(hashes['-wal']).not.toBeNull();

    const f = await open(dir);
    const status = ok(await f.client('window:any').storage.status());
    expect(status).toMatchObject({ state: 'newer-version', file, keptCopy: null });
    expect(status.problem).toMatch(/newer version of the app \(schema 99; this version reads up to \d+\)/);
    expect(status.problem).toContain(file);
    // Calls that need the database say so, naming the file; a restore is refused.
    expect(await f.client('window:any').auth.status()).toMatchObject({ ok: false, error: { code: 'storage-corrupt', path: file } });
    expect(await f.client('window:any').storage.restore({ file: path.join(dir, 'backups', 'x.sqlite') })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await f.close();
    expect(fileHashes(file)).toEqual(hashes);
    expect(userVersion(file)).toBe(99);
  });

  it('reports a file of garbage as damaged, naming it and what was reported, keeps a copy and leaves the original', async () => {
    const dir = temp('garbage');
    const file = dbFile(dir);
    writeFileSync(file, Buffer.from('not a database at all, just bytes '.repeat(300)));
    const hash = sha256File(file);
    const f = await open(dir);
    const status = ok(await f.client('window:any').storage.status());
    expect(['corrupt', 'unreadable']).toContain(status.state);
    expect(status.file).toBe(file);
    expect(status.problem).toContain(file);
    expect(status.problem).toMatch(/not a database/);
    expect(status.keptCopy).toMatch(/training\.sqlite\.damaged-/);
    expect(sha256File(status.keptCopy!)).toBe(hash);
    await f.close();
    expect(sha256File(file)).toBe(hash);
  });

  it('reports a damaged page with what integrity_check said, and writes nothing into the file or its WAL', async () => {
    const good = temp('damaged-src');
    const g = await open(good);
    await setUpWithData(g);
    const writer = g.store();
    // Enough rows for several pages, then more written after the checkpoint so the WAL holds frames.
    writer.write(() => {
      for (let i = 0; i < 400; i++) writer.run('INSERT INTO meta (key, value) VALUES (?, ?)', `filler.${i}`, 'x'.repeat(200));
    });
    writer.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    writer.run("INSERT INTO meta (key, value) VALUES ('after-checkpoint', 'in the WAL')");
    const dir = temp('damaged');
    const file = dbFile(dir);
    for (const side of ['', '-wal']) copyFileSync(dbFile(good) + side, file + side);
    // Scribble over the middle of the file (past the header and the first pages).
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes.fill(0xa5, at, at + 4096);
    writeFileSync(file, bytes);
    const hashes = fileHashes(file);
    expect(hashes['-wal']).not.toBeNull();

    const f = await open(dir);
    const status = ok(await f.client('window:any').storage.status());
    expect(status.state).toBe('corrupt');
    expect(status.problem).toMatch(/integrity_check reported|malformed|cannot be read/);
    expect(sha256File(status.keptCopy!)).toBe(hashes.db);
    expect(sha256File(status.keptCopy! + '-wal')).toBe(hashes['-wal']);
    await f.close();
    expect(fileHashes(file)).toEqual(hashes);
  });
});

describe('restore', () => {
  it('brings back a backup made earlier once the file is damaged, and the app works again', async () => {
    const dir = temp('restore');
    let f = await open(dir);
    const { admin, attemptId, report } = await setUpWithData(f);
    const backup = ok(await admin.backups.create());
    expect(statSync(backup.file).size).toBe(backup.bytes);
    // Refused while the database is in order.
    expect(await f.client('window:x').storage.restore({ file: backup.file })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Written after the backup: lost by the restore, as the backup's time says.
    ok(await admin.people.create({ accountRole: 'trainee', name: '后来者', profession: 'technician', certificateNumber: 'T-LATE-1', certificateKind: 'technician-qualification' }));
    await f.close();

    writeFileSync(dbFile(dir), Buffer.alloc(16384, 0x42));
    for (const side of ['-wal', '-shm']) if (existsSync(dbFile(dir) + side)) writeFileSync(dbFile(dir) + side, '');
    f = await open(dir);
    const station = f.client('window:station');
    const damaged = ok(await station.storage.status());
    expect(damaged.state).toBe('corrupt');
    expect(damaged.backups.map((b) => b.file)).toContain(backup.file);
    expect(await station.auth.signInStaff({ username: ADMIN.username, password: ADMIN.password })).toMatchObject({ ok: false, error: { code: 'storage-corrupt', path: dbFile(dir) } });
    // Only the backups in the folder can be restored.
    expect(await station.storage.restore({ file: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const restored = ok(await station.storage.restore({ file: backup.file }));
    expect(restored).toMatchObject({ state: 'ok', problem: null });
    ok(await station.auth.signInStaff({ username: ADMIN.username, password: ADMIN.password }));
    const opened = ok(await station.sessions.open({ id: attemptId }));
    expect(opened.report).toEqual(report);
    expect(ok(await station.people.list({})).map((p) => p.name)).not.toContain('后来者');
    const entry = ok(await station.audit.list({ action: 'storage.restored' })).entries[0];
    expect(entry.details).toEqual({ from: backup.file, damagedCopy: damaged.keptCopy });
    expect(existsSync(damaged.keptCopy!)).toBe(true);
    expect(ok(await station.audit.verify()).ok).toBe(true);
    // And it goes on working: a new attempt after the restore.
    const trainee = f.client('window:nurse');
    ok(await trainee.auth.signInTrainee({ personId: opened.summary.personId }));
    const again = ok(await trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
    ok(await trainee.sessions.append({ attemptId: again.attemptId, seq: 0, events: sessionBatches(again.initialSettings, 1)[0] }));
    expect(await trainee.sessions.finish({ attemptId: again.attemptId, batches: 1, endTMs: 2000, zones: [] })).toMatchObject({ ok: true });
  });
});

describe('the one-time import of the earlier JSON data folder', () => {
  function writeLegacyFolder(dir: string) {
    const profiles = [
      { id: 'p-1', name: '王芳', role: 'nurse', certificateNumber: 'N-OLD-0001', isInstructor: true, createdAt: '2025-03-01T08:00:00.000Z' },
      { id: 'p-2', name: '李明', role: 'technician', certificateNumber: 'T-OLD-0002', isInstructor: false, createdAt: '2025-03-02T08:00:00.000Z' },
      { id: 'p-3', name: '张医生', role: 'physician', certificateNumber: 'P-OLD-0003', createdAt: '2025-03-03T08:00:00.000Z' },
      { id: 'p-4', name: '', role: 'nurse', certificateNumber: 'N-OLD-0004' }, // no name
      { id: 'p-5', name: '重复', role: 'nurse', certificateNumber: 'n-old-0001' }, // same certificate as p-1
    ];
    writeFileSync(path.join(dir, 'profiles.json'), JSON.stringify({ format: 'microneedle-profiles', version: 1, profiles, currentProfileId: 'p-1' }, null, 2));
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ format: 'microneedle-settings', version: 1, settings: { language: 'en', institutionName: '旧版培训中心' } }));
    const sessions = path.join(dir, 'sessions');
    mkdirSync(sessions);
    const recordings = [
      { name: 'roller-forehead-good', trainee: 'p-1', savedAt: '2025-04-01T09:00:00.000Z' },
      { name: 'roller-no-consent', trainee: 'p-1', savedAt: '2025-04-02T09:00:00.000Z' },
      { name: 'nano-forehead-good', trainee: 'p-2', savedAt: '2025-04-03T09:00:00.000Z' },
      { name: 'rf-cheeks-good', trainee: 'p-404', savedAt: '2025-04-04T09:00:00.000Z' }, // nobody imported
    ];
    const index = [];
    for (const r of recordings) {
      const rec = fixture(r.name);
      rec.id = `old-${r.name}`;
      rec.trainee = { id: r.trainee, name: 'x', role: 'nurse' };
      writeFileSync(path.join(sessions, `${rec.id}.json`), JSON.stringify(rec));
      index.push({ id: rec.id, savedAt: r.savedAt });
    }
    const tooLong = fixture('roller-forehead-good');
    tooLong.id = 'old-too-long';
    tooLong.trainee = { id: 'p-2', name: 'x', role: 'technician' };
    tooLong.end.tMs = 31 * 365.25 * 24 * 3600 * 1000;
    writeFileSync(path.join(sessions, 'old-too-long.json'), JSON.stringify(tooLong));
    writeFileSync(path.join(sessions, 'old-broken.json'), '{"format": "microneedle-session", "version": 1, "id": ');
    writeFileSync(path.join(sessions, 'index.json'), JSON.stringify({ sessions: index }));
  }
  const hashTree = (dir: string): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const p = path.join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (!name.startsWith('training.sqlite') && !p.includes(`${path.sep}backups${path.sep}`)) out[path.relative(dir, p)] = sha256File(p);
      }
    };
    walk(dir);
    return out;
  };

  it('imports profiles as trainees and sessions as imported attempts once, rejects what is bad with its reason, and leaves the old files', async () => {
    const dir = temp('legacy');
    writeLegacyFolder(dir);
    const oldFiles = hashTree(dir);
    expect(Object.keys(oldFiles)).toHaveLength(9);

    const f = await open(dir, { legacyDataDir: dir });
    const station = f.client('window:station');
    const status = ok(await station.auth.status());
    expect(status.setupNeeded).toBe(true);
    expect(status.jsonImport).toMatchObject({ profiles: 3, sessions: 3, rejected: 5, instructorFlagsDropped: 1 });
    expect(status.institution.name).toBe('旧版培训中心');
    expect(ok(await station.settings.get()).language).toBe('en');
    expect(ok(await station.auth.chooser()).map((c) => c.name).sort()).toEqual(['张医生', '李明', '王芳'].sort());

    // The administrator set up afterwards sees them as trainees, with the certificate kind their profession needs.
    const admin = f.client('window:admin');
    ok(await admin.auth.setup({ institutionName: '旧版培训中心', admin: ADMIN }));
    const people = ok(await admin.people.list({ includeInactive: true })).filter((p) => p.accountRole !== 'admin');
    expect(people.map((p) => [p.name, p.accountRole, p.profession, p.certificateKind])).toEqual(
      expect.arrayContaining([
        ['王芳', 'trainee', 'nurse', 'nurse-qualification'],
        ['李明', 'trainee', 'technician', 'technician-qualification'],
        ['张医生', 'trainee', 'physician', 'physician-qualification'],
      ]),
    );
    expect(people).toHaveLength(3);
    const wang = people.find((p) => p.name === '王芳')!;
    const attempts = ok(await admin.sessions.list({ limit: 50 }));
    expect(attempts.total).toBe(3);
    expect(attempts.items.every((a) => a.kind === 'imported' && a.status === 'finished' && a.provenance !== null)).toBe(true);
    expect(ok(await admin.sessions.list({ kind: 'test' })).total).toBe(0);
    expect(ok(await admin.sessions.list({ personId: wang.id })).items.map((a) => a.startedAt).sort()).toEqual(['2025-04-01T09:00:00.000Z', '2025-04-02T09:00:00.000Z']);
    expect(attempts.items.map((a) => a.sourceName).sort()).toEqual(['sessions/old-nano-forehead-good.json', 'sessions/old-roller-forehead-good.json', 'sessions/old-roller-no-consent.json']);

    const importEntries = ok(await admin.audit.list({ action: 'import.json-data' })).entries;
    expect(importEntries).toHaveLength(1);
    const rejected = importEntries[0].details.rejectedItems as { file: string; reason: string }[];
    const reasonOf = (file: string) => rejected.find((r) => r.file === file)?.reason;
    expect(reasonOf('profiles.json#/profiles/3')).toMatch(/\/name: name is required/);
    expect(reasonOf('profiles.json#/profiles/4')).toMatch(/certificate number n-old-0001 is already on file/);
    expect(reasonOf('sessions/old-broken.json')).toMatch(/not valid JSON/);
    expect(reasonOf('sessions/old-too-long.json')).toMatch(/\/end\/tMs/);
    expect(reasonOf('sessions/old-rf-cheeks-good.json')).toMatch(/p-404 is not among the imported profiles/);
    expect(rejected).toHaveLength(5);
    await f.close();
    expect(hashTree(dir)).toEqual(oldFiles);

    // A second start imports nothing more.
    const g = await open(dir, { legacyDataDir: dir });
    const again = g.client('window:admin');
    ok(await again.auth.signInStaff({ username: ADMIN.username, password: ADMIN.password }));
    expect(ok(await again.people.list({ includeInactive: true }))).toHaveLength(4);
    expect(ok(await again.sessions.list({})).total).toBe(3);
    expect(ok(await again.audit.list({ action: 'import.json-data' })).total).toBe(1);
    expect(ok(await again.auth.status()).jsonImport).toEqual(status.jsonImport);
    await g.close();
    expect(hashTree(dir)).toEqual(oldFiles);
  });
});
