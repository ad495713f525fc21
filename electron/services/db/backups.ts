// Backups of the training database with SQLite's online backup API: a consistent copy taken while the
// app runs. Made on a schedule and before every schema migration; kept in <dataDir>/backups.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { backup, type DatabaseSync } from 'node:sqlite';
import type { BackupInfo } from '../../../core/api/contract';

export const BACKUP_PREFIX = 'training-';
export const BACKUP_SUFFIX = '.sqlite';
/** Scheduled backups kept (those made before a migration are never pruned). */
export const SCHEDULED_BACKUPS_KEPT = 14;
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

export type BackupReason = 'scheduled' | 'manual' | 'before-migration';

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export async function createBackup(db: DatabaseSync, backupsDir: string, reason: BackupReason, now: Date): Promise<BackupInfo> {
  await fs.mkdir(backupsDir, { recursive: true, mode: 0o700 });
  let file = path.join(backupsDir, `${BACKUP_PREFIX}${stamp(now)}-${reason}${BACKUP_SUFFIX}`);
  for (let n = 2; await exists(file); n++) file = path.join(backupsDir, `${BACKUP_PREFIX}${stamp(now)}-${reason}-${n}${BACKUP_SUFFIX}`);
  await backup(db, file);
  const stat = await fs.stat(file);
  if (reason === 'scheduled') await pruneScheduled(backupsDir);
  return { file, createdAt: now.toISOString(), bytes: stat.size };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Backups in the folder, newest first (by the time in the name, which is when it was taken). */
export async function listBackups(backupsDir: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = await fs.readdir(backupsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    if (!name.startsWith(BACKUP_PREFIX) || !name.endsWith(BACKUP_SUFFIX)) continue;
    const m = /^training-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
    if (!m) continue;
    const file = path.join(backupsDir, name);
    const stat = await fs.stat(file);
    out.push({ file, createdAt: `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`, bytes: stat.size });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
}

async function pruneScheduled(backupsDir: string): Promise<void> {
  const scheduled = (await listBackups(backupsDir)).filter((b) => b.file.includes('-scheduled'));
  for (const old of scheduled.slice(SCHEDULED_BACKUPS_KEPT)) await fs.rm(old.file, { force: true });
}
