// `npm run records -- export`: run as a child process on a temp training database; it writes FILE and
// FILE.sig.json that verify, takes the passphrase from the environment or a file (never an argument),
// and exits 0/1/2.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataFolderStorage } from '../../../electron/services';
import { verifyExport } from '../../../electron/services/certification/exports/manifest';
import { PROGRESS_FROM_ROWS, runRecordsCli } from '../../../electron/tools/records-cli';
import { seededInstitution } from '../../helpers/training-services';
import { folderScope } from '../training-file/folder-scope';
import { ok } from '../training-file/helpers';
import { seedFixture, seedPeople, seedRecords } from './exports-fixture';

const scope = folderScope();
const REPO = path.resolve(__dirname, '../../..');
const PASS = 'a long admin passphrase';

async function dataFolder(bulkRecords = 0) {
  const dir = scope.temp('records-cli');
  const s = await seededInstitution({ storage: await openDataFolderStorage(dir) });
  ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
  const live = s.services.live()!;
  seedFixture(live.store, live.certificates.keys, { id: s.people.instructor.id, name: '张医生' }, live.store.get<{ id: string }>("SELECT id FROM people WHERE account_role = 'admin'")!.id);
  if (bulkRecords > 0) {
    const bulk = { id: 'p-bulk', name: '护士丙', profession: 'nurse' as const, certificateNumber: 'N-BULK-1' };
    seedPeople(live.store, [bulk]);
    const records = Array.from({ length: bulkRecords }, (_, i) => ({ number: `MN-2025-${String(i + 1).padStart(6, '0')}`, person: bulk, moduleId: 'm', issuedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString() }));
    seedRecords(live.store, live.certificates.keys, records, { id: s.people.instructor.id, name: '张医生' });
  }
  const keys = live.certificates.publicKeys();
  await s.services.dispose();
  return { dir, keys };
}

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'electron/tools/records-cli.ts'), ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000, env: { ...process.env, MN_KEY_PASSPHRASE: '', ...env } });

describe('records CLI', () => {
  it('exports CSV as a child process: FILE and FILE.sig.json that verify; exit 0', async () => {
    const { dir, keys } = await dataFolder();
    const out = path.join(dir, 'nurses.csv');
    const r = cli(['export', '--format', 'csv', '--role', 'nurse', '--from', '2026-10-01', '--to', '2026-10-31', '--out', out, '--data-dir', dir], { MN_KEY_PASSPHRASE: PASS });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 completion records, 1 exam attempts/);
    const bytes = readFileSync(out);
    expect(bytes.toString('utf8')).toMatch(/^\uFEFF类别,证明编号/);
    const manifest = readFileSync(`${out}.sig.json`, 'utf8');
    expect(verifyExport(bytes, manifest, keys)).toMatchObject({ ok: true, manifest: { fileName: 'nurses.csv', filter: { role: 'nurse', from: '2026-10-01', to: '2026-10-31' }, counts: { records: 1, attempts: 1 } } });
    expect(existsSync(`${out}.part`)).toBe(false);
  });

  it('reads the passphrase from a file; a wrong one is exit 1 with nothing written; bad arguments are exit 2', async () => {
    const { dir } = await dataFolder();
    const passFile = path.join(dir, 'pass.txt');
    writeFileSync(passFile, `${PASS}\n`);
    const out = path.join(dir, 'log.json');
    expect(cli(['export', '--format', 'json', '--lang', 'en', '--out', out, '--data-dir', dir, '--passphrase-file', passFile]).status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'microneedle-certification-log', records: [{}, {}, {}] });

    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), env: { MN_KEY_PASSPHRASE: 'not the passphrase' } };
    const wrong = path.join(dir, 'wrong.csv');
    expect(await runRecordsCli(['export', '--format', 'csv', '--out', wrong, '--data-dir', dir], io)).toBe(1);
    expect(lines.join('\n')).toMatch(/passphrase does not unlock/);
    expect(existsSync(wrong) || existsSync(`${wrong}.part`) || existsSync(`${wrong}.sig.json`)).toBe(false);

    const usage = (argv: string[], env: NodeJS.ProcessEnv = { MN_KEY_PASSPHRASE: PASS }) => runRecordsCli(argv, { out: () => undefined, err: (l) => lines.push(l), env });
    lines.length = 0;
    expect(await usage(['export', '--format', 'csv', '--out', wrong, '--passphrase', PASS])).toBe(2);
    expect(lines[0]).toMatch(/never given on the command line/);
    expect(await usage(['export', '--format', 'pdf', '--out', wrong])).toBe(2);
    expect(await usage(['export', '--format', 'csv'])).toBe(2);
    expect(await usage(['export', '--format', 'csv', '--out', wrong, '--from', '2026-11-31'])).toBe(2);
    expect(lines.join('\n')).toMatch(/--from: /);
    expect(await usage(['export', '--format', 'csv', '--out', wrong, '--data-dir', dir], {})).toBe(2);
    expect(await usage(['export', '--format', 'csv', '--out', wrong, '--data-dir', path.join(dir, 'nowhere')])).toBe(2);
  });

  it('shows progress for large exports: a bar on a terminal, percentages otherwise, nothing for small ones', async () => {
    const { dir } = await dataFolder(PROGRESS_FROM_ROWS + 1_000);
    const run = async (stderrIsTTY: boolean, argv: string[] = []) => {
      const shown: string[] = [];
      const io = { out: () => undefined, err: (l: string) => shown.push(l), progress: (t: string) => shown.push(t), stderrIsTTY, env: { MN_KEY_PASSPHRASE: PASS } };
      expect(await runRecordsCli(['export', '--format', 'csv', '--out', path.join(dir, 'a.csv'), '--data-dir', dir, ...argv], io)).toBe(0);
      return shown;
    };
    const bar = await run(true);
    expect(bar.length).toBeGreaterThan(2);
    expect(bar.every((t) => t.startsWith('\r['))).toBe(true);
    expect(bar[bar.length - 1]).toMatch(/\] 100% {2}\d+\/\d+ rows\n$/);
    const plain = await run(false);
    expect(plain.some((t) => t.includes('\r'))).toBe(false);
    expect(plain[plain.length - 1]).toMatch(/^records: 100% \(\d+\/\d+ rows\)\n$/);
    expect(plain.length).toBeLessThanOrEqual(11);
    expect(await run(true, ['--from', '2026-01-01'])).toEqual([]);
  });
});
