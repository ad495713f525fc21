// The training database as the services see it: opened from the data folder (or in memory for tests),
// with its state when it could not be opened, the restore from a backup, and the backups folder.

import { copyFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StorageStatus } from '../../core/api/contract';
import { ApiFailure } from '../../core/api/errors';
import { listBackups } from './db/backups';
import { BACKUPS_DIR, DATABASE_FILE, openMemoryDatabase, openTrainingDatabase } from './db/open';
import type { TrainingStore } from './db/store';

export interface Storage {
  readonly status: StorageStatus;
  /** Null while the database cannot be used (damaged, from a newer version). */
  readonly store: TrainingStore | null;
  /** True when this start created the database (first start on this data folder). */
  readonly created: boolean;
  /** Null for an in-memory database. */
  readonly backupsDir: string | null;
  /** Only while damaged: starts again from a backup in the backups folder; the damaged file was copied first. */
  restore(file: string): Promise<void>;
  close(): void;
}

export async function openDataFolderStorage(dataDir: string, now: () => Date = () => new Date()): Promise<Storage> {
  const file = path.join(dataDir, DATABASE_FILE);
  const backupsDir = path.join(dataDir, BACKUPS_DIR);
  let opened = await openTrainingDatabase({ file, backupsDir, now });
  const storage: Storage = {
    get status() {
      return opened.status;
    },
    get store() {
      return opened.store;
    },
    get created() {
      return opened.created;
    },
    backupsDir,
    async restore(backupFile) {
      if (opened.status.state === 'ok') throw new ApiFailure('conflict', 'the database is in order; backups are restored only when it is damaged');
      if (opened.status.state === 'newer-version') throw new ApiFailure('conflict', 'this database comes from a newer version of the app; update the app instead of restoring an older backup');
      const known = (await listBackups(backupsDir)).find((b) => path.resolve(b.file) === path.resolve(backupFile));
      if (!known) throw new ApiFailure('not-found', `${backupFile} is not one of the backups in ${backupsDir}`, '/file');
      // The backup must itself be sound before it replaces anything.
      const check = new DatabaseSync(known.file, { readOnly: true });
      try {
        const rows = check.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
        if (rows.length !== 1 || rows[0].integrity_check !== 'ok') throw new ApiFailure('storage-corrupt', `the backup ${known.file} is damaged too: ${rows.map((r) => r.integrity_check).join('; ')}`, known.file);
      } finally {
        check.close();
      }
      if (existsSync(file) && !opened.status.keptCopy) throw new ApiFailure('storage-failed', `no copy of the damaged ${file} was kept; it is not replaced`, file);
      for (const side of ['-wal', '-shm']) rmSync(file + side, { force: true });
      copyFileSync(known.file, file);
      opened = await openTrainingDatabase({ file, backupsDir, now });
      if (opened.status.state !== 'ok') throw new ApiFailure('storage-corrupt', `after restoring ${known.file}: ${opened.status.problem}`, file);
    },
    close() {
      opened.store?.close();
    },
  };
  return storage;
}

export function memoryStorage(now: () => Date = () => new Date()): Storage {
  const store = openMemoryDatabase(now);
  return {
    status: { state: 'ok', file: ':memory:', problem: null, keptCopy: null, backups: [] },
    store,
    created: true,
    backupsDir: null,
    async restore() {
      throw new ApiFailure('conflict', 'an in-memory database has no backups');
    },
    close: () => store.close(),
  };
}
