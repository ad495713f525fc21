// `npm run records -- export --format csv|xlsx|json|xapi|ob3 [--from YYYY-MM-DD] [--to YYYY-MM-DD]
//   [--role technician|nurse|physician] [--module ID] [--result pass|fail] [--trainee ID] [--lang zh|en]
//   --out FILE [--data-dir DIR] [--passphrase-file FILE]`
// Exports the certification log of <DIR>/training.sqlite headless: the database is opened read-only (one
// read transaction, so the file is one consistent snapshot), the signing key is unlocked with the
// passphrase from MN_KEY_PASSPHRASE or --passphrase-file (never a command-line argument: other users can
// read those), and FILE and FILE.sig.json are written. Large exports show progress on stderr: a bar when it
// is a terminal, plain percentages otherwise. A read-only run writes no audit entry; the manifest names
// the command line as the exporter.
// Exit 0: written; 1: the export failed (no key, wrong passphrase, a format not wired yet); 2: bad
// arguments or unreadable input.

import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ApiFailure } from '../../core/api/errors';
import { exportFormatSchema, recordsFilterSchema, type ExportFormat, type RecordsFilter } from '../../core/api/schemas/certification';
import { createKeyRing, passphraseProtector } from '../services/certification/keys';
import { WIRED_FORMATS } from '../services/certification/exports/formats';
import { MANIFEST_SUFFIX } from '../services/certification/exports/manifest';
import { runExport } from '../services/certification/exports/run';
import { DATABASE_FILE } from '../services/db/open';
import { createTrainingStore } from '../services/db/store';
import { dataDirFrom, parseOrUsage, UsageError, type CliIo } from './cli';

const USAGE = [
  'usage: npm run records -- export --format csv|xlsx|json|xapi|ob3 --out FILE',
  '         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--role technician|nurse|physician] [--module ID]',
  '         [--result pass|fail] [--trainee ID] [--lang zh|en] [--data-dir DIR] [--passphrase-file FILE]',
  '       the key passphrase comes from MN_KEY_PASSPHRASE or --passphrase-file, never from the command line',
].join('\n');

/** Below this many rows the export is quick and no progress is shown. */
export const PROGRESS_FROM_ROWS = 5_000;

export interface RecordsCliIo extends CliIo {
  /** Progress text on stderr without a line end (a terminal's bar is redrawn with \r). */
  progress?: (text: string) => void;
  stderrIsTTY?: boolean;
  now?: () => Date;
}

interface Args {
  format: ExportFormat;
  filter: RecordsFilter;
  lang: 'zh' | 'en';
  out: string;
  dataDir: string;
  passphraseFile: string | null;
}

const FLAGS: Record<string, keyof RecordsFilter | 'format' | 'lang' | 'out' | 'data-dir' | 'passphrase-file'> = {
  '--format': 'format',
  '--from': 'from',
  '--to': 'to',
  '--role': 'role',
  '--module': 'moduleId',
  '--result': 'result',
  '--trainee': 'traineeId',
  '--lang': 'lang',
  '--out': 'out',
  '--data-dir': 'data-dir',
  '--passphrase-file': 'passphrase-file',
};

function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): Args | { help: true } {
  let command: string | undefined;
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return { help: true };
    if (a === '--passphrase' || a.startsWith('--passphrase=')) throw new UsageError('the passphrase is never given on the command line: set MN_KEY_PASSPHRASE or use --passphrase-file FILE');
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag in FLAGS) {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      if (given.has(flag)) throw new UsageError(`${flag} is given twice`);
      given.set(flag, v);
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (command === undefined) command = a;
    else throw new UsageError(`unexpected argument "${a}"`);
  }
  if (command === undefined) throw new UsageError('no command given (export)');
  if (command !== 'export') throw new UsageError(`unknown command "${command}"`);
  const format = exportFormatSchema.safeParse(given.get('--format'));
  if (!given.has('--format')) throw new UsageError('--format is required');
  if (!format.success) throw new UsageError(`--format must be one of ${exportFormatSchema.options.join(', ')}`);
  const out = given.get('--out');
  if (!out) throw new UsageError('--out FILE is required');
  const lang = given.get('--lang') ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError('--lang must be zh or en');
  const raw: Record<string, string> = {};
  for (const [flag, key] of Object.entries(FLAGS)) if (given.has(flag) && !['format', 'lang', 'out', 'data-dir', 'passphrase-file'].includes(key)) raw[key] = given.get(flag)!;
  const filter = recordsFilterSchema.safeParse(raw);
  if (!filter.success) {
    const issue = filter.error.issues[0]!;
    const flag = Object.entries(FLAGS).find(([, key]) => key === issue.path[0])?.[0] ?? '--to';
    throw new UsageError(`${flag}: ${issue.message}`);
  }
  return { format: format.data, filter: filter.data, lang, out: path.resolve(out), dataDir: dataDirFrom(given.get('--data-dir'), env), passphraseFile: given.has('--passphrase-file') ? path.resolve(given.get('--passphrase-file')!) : null };
}

function progressReporter(io: RecordsCliIo): (done: number, total: number) => void {
  const write = io.progress ?? io.err;
  let lastPercent = -1;
  return (done, total) => {
    if (total < PROGRESS_FROM_ROWS) return;
    const percent = Math.floor((100 * done) / total);
    if (io.stderrIsTTY) {
      if (percent === lastPercent) return;
      const filled = Math.round(percent / 4);
      write(`\r[${'#'.repeat(filled)}${'.'.repeat(25 - filled)}] ${String(percent).padStart(3)}%  ${done}/${total} rows${done >= total ? '\n' : ''}`);
    } else {
      if (percent < lastPercent + 10 && done < total) return;
      write(`records: ${percent}% (${done}/${total} rows)${io.progress ? '\n' : ''}`);
    }
    lastPercent = percent;
  };
}

export async function runRecordsCli(argv: readonly string[], io: RecordsCliIo): Promise<number> {
  const env = io.env ?? process.env;
  const args = parseOrUsage('records', USAGE, io, () => parseArgs(argv, env));
  if (!args) return 2;
  if ('help' in args) {
    io.out(USAGE);
    io.out(`Formats available in this build: ${WIRED_FORMATS.join(', ')}. Writes FILE and FILE${MANIFEST_SUFFIX} (the signed manifest).`);
    io.out('Exit 0: written; 1: the export failed; 2: bad arguments or unreadable input.');
    return 0;
  }
  let passphrase: string;
  if (args.passphraseFile) {
    try {
      passphrase = readFileSync(args.passphraseFile, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      io.err(`records: cannot read the passphrase file ${args.passphraseFile}: ${(error as Error).message}`);
      return 2;
    }
  } else if (env.MN_KEY_PASSPHRASE) passphrase = env.MN_KEY_PASSPHRASE;
  else {
    io.err('records: every export is signed: set MN_KEY_PASSPHRASE or give --passphrase-file FILE with the signing key’s passphrase');
    return 2;
  }
  const file = path.join(args.dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    io.err(`records: cannot read ${file}: there is no training database in ${args.dataDir}`);
    return 2;
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true, timeout: 5_000 });
  } catch (error) {
    io.err(`records: cannot open ${file}: ${(error as Error).message}`);
    return 2;
  }
  const partial = `${args.out}.part`;
  let fd: number | null = null;
  try {
    for (const table of ['completion_records', 'signing_keys', 'exam_attempts']) {
      if (!db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) {
        io.err(`records: ${file} has no ${table} table (a training database from before certification?)`);
        return 2;
      }
    }
    const store = createTrainingStore(db, file);
    const now = io.now ?? (() => new Date());
    const keys = createKeyRing(store, { now });
    const active = keys.active();
    if (active?.wrapMethod === 'os-safe-storage') throw new ApiFailure('conflict', 'the signing key is protected by the operating system’s key store, which only the app can open: export from the app');
    await keys.unlock(passphraseProtector(passphrase));
    const institution = store.get<{ value: string }>("SELECT value FROM settings WHERE key = 'institution.name'");
    db.exec('BEGIN'); // one snapshot for every page
    fd = openSync(partial, 'w');
    const out = fd;
    const done = await runExport({
      store,
      keys,
      request: { format: args.format, filter: args.filter, lang: args.lang },
      now: now(),
      exportedBy: { id: null, name: `command line (${os.userInfo().username}@${os.hostname()})` },
      institution: institution ? (JSON.parse(institution.value) as string) : '',
      fileName: path.basename(args.out),
      sink: { write: (chunk) => void writeSync(out, chunk) },
      onProgress: progressReporter(io),
    });
    closeSync(fd);
    fd = null;
    renameSync(partial, args.out);
    writeFileSync(`${args.out}${MANIFEST_SUFFIX}`, done.manifestText);
    io.out(`records: wrote ${args.out} (${done.manifest.byteLength} bytes: ${done.counts.records} completion records, ${done.counts.attempts} exam attempts) and ${path.basename(args.out)}${MANIFEST_SUFFIX}, signed by key ${done.manifest.signature.keyFingerprint.slice(0, 16)}…`);
    return 0;
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(partial, { force: true });
    if (error instanceof ApiFailure) {
      io.err(`records: ${error.message}`);
      return 1;
    }
    io.err(`records: the export failed: ${(error as Error).message}`);
    return 1;
  } finally {
    if (db.isTransaction) db.exec('COMMIT');
    db.close();
  }
}

const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && /records-cli\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) {
  void runRecordsCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    progress: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
  }).then((code) => {
    process.exitCode = code;
  });
}
