// Shared by the training-file tests: services on a real data folder (file-backed SQLite), recordings and
// event batches that validate on the stand-in surface, raw table snapshots and file hashes.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApiObject } from '../../../core/api/call-names';
import type { MicroneedleApi } from '../../../core/api/contract';
import type { ApiResult } from '../../../core/api/errors';
import type { Recording } from '../../../core/recording/types';
import { createServices, openDataFolderStorage, type AppServices, type ScoringPorts } from '../../../electron/services';
import type { TrainingStore } from '../../../electron/services/db/store';
import { systemRuntime } from '../../../electron/services/runtime';
import { FAST_HASHER, TEST_APP_INFO, standInScoring, testClock } from '../../helpers/training-services';

export const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'recordings');

export function fixture(name: string): Recording {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Recording;
}

export function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

/** A temp folder removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `mn-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export interface FolderServices {
  services: AppServices;
  client(clientKey: string): MicroneedleApi;
  store(): TrainingStore;
  clock: ReturnType<typeof testClock>;
  /** dispose(), then waits until the database connection has really closed (dispose lets a backup finish first). */
  close(): Promise<void>;
}

/**
 * Services on `<dir>/training.sqlite` as the app opens them. The clock is the test clock (it advances only
 * when told), ids are random: services opened again on the same folder must not mint the same ids.
 */
export async function folderServices(dir: string, options: { scoring?: ScoringPorts; legacyDataDir?: string; start?: number } = {}): Promise<FolderServices> {
  const clock = testClock(options.start);
  const runtime = { now: clock.now, newId: systemRuntime.newId };
  const storage = await openDataFolderStorage(dir, clock.now);
  const services = await createServices({
    storage,
    appInfo: { ...TEST_APP_INFO, dataDir: dir },
    scoring: options.scoring ?? standInScoring(),
    runtime,
    hasher: FAST_HASHER,
    ...(options.legacyDataDir ? { legacyDataDir: options.legacyDataDir } : {}),
  });
  return {
    services,
    clock,
    client: (clientKey) => buildApiObject<MicroneedleApi>((name, args) => services.dispatch(name, args, { clientKey })),
    store: () => {
      const live = services.live();
      if (!live) throw new Error(`the training database is not usable: ${JSON.stringify(storage.status)}`);
      return live.store;
    },
    close: async () => {
      services.dispose();
      for (let i = 0; i < 1000 && storage.store?.db.isOpen; i++) await new Promise((resolve) => setTimeout(resolve, 2));
      if (storage.store?.db.isOpen) throw new Error('the training database did not close');
    },
  };
}

type Vec3 = [number, number, number];

/** Samples on the forehead of the stand-in surface (the smoke test's position), `count` of them from `t0`, 10 ms apart. */
export function foreheadSamples(t0: number, count: number, region = 'forehead') {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'sample' as const,
    sample: { tMs: t0 + i * 10, p: [i % 7, 60, 90] as Vec3, n: [0, 0, 1] as Vec3, region, pressure: 0.5, contact: true },
  }));
}

/** The batches of a short roller session on 'roller-forehead-pink': the settings in force, then samples. */
export function sessionBatches(initialSettings: unknown, batches = 3, perBatch = 40) {
  const out = [];
  for (let b = 0; b < batches; b++) {
    const samples = foreheadSamples(100 + b * perBatch * 10, perBatch);
    out.push(b === 0 ? [{ kind: 'settings' as const, change: { tMs: 0, settings: initialSettings } }, ...samples] : samples);
  }
  return out as Parameters<MicroneedleApi['sessions']['append']>[0]['events'][];
}

/** Every user table's rows, for before/after comparisons. */
export function snapshotTables(store: TrainingStore, except: (table: string) => boolean = () => false): Record<string, unknown[]> {
  const tables = store.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").map((t) => t.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    if (except(t)) continue;
    out[t] = store.all(`SELECT * FROM "${t}" ORDER BY rowid`).map((row) => ({ ...row }));
  }
  return out;
}

