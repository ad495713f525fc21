// Opening the training database: WAL, foreign keys on, a busy timeout for a second process on the same
// folder; integrity_check on every start; numbered migrations in a transaction, with a backup first.
// A database from a newer version is refused and left untouched. A damaged one is never written to: the
// state says which file and what integrity_check reported, a copy is kept, and the app offers a backup.

import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StorageStatus } from '../../../core/api/contract';
import { createBackup, listBackups } from './backups';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import { createTrainingStore, type TrainingStore } from './store';

export const DATABASE_FILE = 'training.sqlite';
export const BACKUPS_DIR = 'backups';
/** How long a writer waits for another process's transaction before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenedDatabase {
  status: StorageStatus;
  /** Null unless the state is ok. */
  store: TrainingStore | null;
  /** True when this open created the schema (a new data folder). */
  created: boolean;
}

export interface OpenOptions {
  file: string;
  backupsDir: string;
  now: () => Date;
  migrations?: readonly Migration[];
}

function applyPragmas(db: DatabaseSync, inMemory: boolean): void {
  if (!inMemory) db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA synchronous = NORMAL');
}

function migrate(db: DatabaseSync, from: number, migrations: readonly Migration[], now: Date): void {
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(m.sql);
      db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
        `migration.${String(m.version).padStart(3, '0')}`,
        JSON.stringify({ name: m.name, appliedAt: now.toISOString() }),
      );
      db.exec(`PRAGMA user_version = ${m.version}`);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw new Error(`schema migration ${m.version} (${m.name}) failed: ${(error as Error).message}`);
    }
  }
}

/** An in-memory database with the current schema, for unit tests and tools. */
export function openMemoryDatabase(now: () => Date = () => new Date(), migrations: readonly Migration[] = MIGRATIONS): TrainingStore {
  const db = new DatabaseSync(':memory:', { enableForeignKeyConstraints: true });
  applyPragmas(db, true);
  migrate(db, 0, migrations, now());
  return createTrainingStore(db, ':memory:');
}

function keepCopy(file: string, now: Date): string {
  const copy = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  copyFileSync(file, copy);
  for (const side of ['-wal', '-shm']) if (existsSync(file + side)) copyFileSync(file + side, copy + side);
  return copy;
}

export async function openTrainingDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const { file, backupsDir } = options;
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations[migrations.length - 1]?.version ?? SCHEMA_VERSION;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const existed = existsSync(file);
  const problem = async (state: StorageStatus['state'], message: string, copy: boolean): Promise<OpenedDatabase> => ({
    status: { state, file, problem: message, keptCopy: copy && existed ? keepCopy(file, options.now()) : null, backups: await listBackups(backupsDir) },
    store: null,
    created: false,
  });

  // An existing file is checked over a read-only connection: closing a read-write one checkpoints the WAL
  // into the file, which would rewrite a damaged file, or one from a newer version, before it is refused.
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, existed ? { readOnly: true, timeout: BUSY_TIMEOUT_MS } : { enableForeignKeyConstraints: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    return problem('unreadable', `cannot open ${file}: ${(error as Error).message}`, true);
  }
  let version: number;
  try {
    // Read the version before anything writes: a newer file must stay exactly as it is.
    version = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (existed) {
      const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
      const report = rows.map((r) => r.integrity_check);
      if (report.length !== 1 || report[0] !== 'ok') {
        db.close();
        return problem('corrupt', `integrity_check reported: ${report.slice(0, 10).join('; ')}`, true);
      }
    }
  } catch (error) {
    if (db.isOpen) db.close();
    return problem('corrupt', `${file} cannot be read as a database: ${(error as Error).message}`, true);
  }
  if (version > latest) {
    db.close();
    return problem('newer-version', `${file} was written by a newer version of the app (schema ${version}; this version reads up to ${latest}). It has been left untouched: update the app to open it.`, false);
  }
  if (existed) {
    db.close();
    try {
      db = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: BUSY_TIMEOUT_MS });
    } catch (error) {
      return problem('unreadable', `cannot open ${file} for writing: ${(error as Error).message}`, false);
    }
  }
  try {
    applyPragmas(db, false);
    if (existed && version > 0 && version < latest) await createBackup(db, backupsDir, 'before-migration', options.now());
    migrate(db, version, migrations, options.now());
  } catch (error) {
    if (db.isOpen) db.close();
    return problem('unreadable', `${file}: ${(error as Error).message}`, false);
  }
  // Refreshes the planner's statistics where they are stale (cheap when they are not).
  db.exec('PRAGMA optimize');
  return {
    status: { state: 'ok', file, problem: null, keptCopy: null, backups: await listBackups(backupsDir) },
    store: createTrainingStore(db, file),
    created: version === 0,
  };
}
