// Certification-log export benchmarks (issue 10), on a database file in a temp folder: 100,000 completion
// records signed with a test key (seeded in one transaction), exported to CSV (target under 1 s) and XLSX
// (under 10 s) through the same runExport the app's jobs and `npm run records` use, with the manifest signed.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStandInSurface } from '../core/surface/stand-in';
import { createServices, openDataFolderStorage, scoringPortsOn } from '../electron/services';
import { runExport } from '../electron/services/certification/exports/run';
import type { ExportFormat } from '../core/api/schemas/certification';
import { createScryptHasher } from '../electron/services/passwords';
import { seedModules, seedPeople, seedRecords, type SeedPerson, type SeedRecord } from '../test/unit/certification/exports-fixture';
import type { BenchRow } from './table';

const APP_INFO = { productName: { zh: '微针', en: 'Trainer' }, version: 'bench', shell: 'web' as const, platform: process.platform, locale: 'zh-CN', dataDir: '' };
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const TRAINEES = 2_000;
const PROFESSIONS = ['nurse', 'technician', 'physician'] as const;
const TARGET_MS: Partial<Record<ExportFormat, number>> = { csv: 1_000, xlsx: 10_000 };

function must<T>(r: unknown): T {
  const x = r as { ok: boolean; value?: T; error?: { message: string } };
  if (!x.ok) throw new Error(x.error!.message);
  return x.value as T;
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-records-'));
  // Nothing is scored here: the stand-in surface spares loading the head model.
  const services = await createServices({ storage: await openDataFolderStorage(dir), appInfo: APP_INFO, scoring: scoringPortsOn(createStandInSurface(), 'bench-stand-in'), hasher: createScryptHasher({ N: 2 ** 10, r: 8, p: 1 }) });
  try {
    must(await services.dispatch('auth.setup', { institutionName: '华东微针培训中心', admin: { name: '管理员', username: 'admin', password: 'bench password 1' } }, { clientKey: 'admin' }));
    must(await services.dispatch('certificates.setupKey', { passphrase: 'a long bench passphrase' }, { clientKey: 'admin' }));
    const live = services.live()!;
    const people: SeedPerson[] = Array.from({ length: TRAINEES }, (_, i) => ({ id: `p-bench-${i}`, name: `学员${i}`, profession: PROFESSIONS[i % 3]!, certificateNumber: `C-${String(i).padStart(6, '0')}` }));
    seedPeople(live.store, people);
    seedModules(live.store, ['core-0', 'core-1', 'core-2']);
    function* records(): Generator<SeedRecord> {
      for (let i = 0; i < RECORDS; i++) yield { number: `MN-2025-${String(i + 1).padStart(6, '0')}`, person: people[i % TRAINEES]!, moduleId: `core-${i % 3}`, issuedAt: new Date(Date.UTC(2025, 0, 1) + i * 300_000).toISOString() };
    }
    const issuer = { id: 'p-bench-issuer', name: '张医生' };
    const t0 = performance.now();
    seedRecords(live.store, live.certificates.keys, records(), issuer);
    const seedMs = performance.now() - t0;
    // A running app's WAL is checkpointed as it goes; one of 100,000 rows is not, yet.
    live.store.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const rows: BenchRow[] = [{ group: 'records', name: `seed ${RECORDS.toLocaleString('en')} signed completion records (one transaction)`, figures: { 'total s': +(seedMs / 1000).toFixed(2), 'signed per s': Math.round(RECORDS / (seedMs / 1000)) } }];
    for (const format of ['csv', 'xlsx'] as const) {
      let bytes = 0;
      const heapBefore = process.memoryUsage().heapUsed;
      const t = performance.now();
      const done = await runExport({ store: live.store, keys: live.certificates.keys, request: { format, filter: {}, lang: 'zh' }, now: new Date(), exportedBy: { id: null, name: 'bench' }, institution: '华东微针培训中心', sink: { write: (c) => void (bytes += c.byteLength) } });
      const ms = performance.now() - t;
      const target = TARGET_MS[format]!;
      rows.push({
        group: 'records',
        name: `export ${done.counts.records.toLocaleString('en')} records to ${format.toUpperCase()} with a signed manifest`,
        figures: { 'total s': +(ms / 1000).toFixed(2), MB: +(bytes / 1e6).toFixed(1), 'heap growth MB': +((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0) },
        target: `< ${target / 1000} s`,
        met: ms < target,
      });
    }
    // xAPI statements (statementsFor) of one month, and OB 3.0 credentials (badgesFor, one eddsa-rdfc-2022
    // proof each) of one trainee's records: rates, not targets.
    for (const [format, filter] of [['xapi', { from: '2025-01-01', to: '2025-01-31' }], ['ob3', { traineeId: people[0]!.id }]] as const) {
      let bytes = 0;
      const t = performance.now();
      const done = await runExport({ store: live.store, keys: live.certificates.keys, request: { format, filter, lang: 'zh' }, now: new Date(), exportedBy: { id: null, name: 'bench' }, institution: '华东微针培训中心', sink: { write: (c) => void (bytes += c.byteLength) } });
      const s = (performance.now() - t) / 1000;
      rows.push({ group: 'records', name: `export ${done.counts.records.toLocaleString('en')} records to ${format === 'xapi' ? 'xAPI statements' : 'Open Badges 3.0 credentials'}`, figures: { 'total s': +s.toFixed(2), 'records per s': Math.round(done.counts.records / s), MB: +(bytes / 1e6).toFixed(1) } });
    }
    return rows;
  } finally {
    await services.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
