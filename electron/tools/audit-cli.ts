// `npm run audit -- verify [--data-dir DIR]`
// Walks the audit trail of <DIR>/training.sqlite end to end: the database is opened read-only (node:sqlite),
// never written, and may be in use by the app. Prints a line for every entry that does not match (a changed
// entry, a broken link, missing entries) and a summary. The verdict is verifyAuditRows' (the same check as
// the administrator's Audit screen); the walk goes on past the first problem so that every one is named.
// Exit 0: the chain is intact; 1: it is broken; 2: bad arguments, or the database cannot be read.
// DIR defaults to MICRONEEDLE_DATA_DIR, then the app's own data folder (defaultDataDir()).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { auditProblems, verifyAuditRows, type AuditProblem, type AuditRow } from '../services/audit';
import { DATABASE_FILE } from '../services/db/open';
import { dataDirFrom, parseOrUsage, UsageError, type CliIo } from './cli';

const USAGE = 'usage: npm run audit -- verify [--data-dir DIR]';

export type AuditCliIo = CliIo;

/** Every entry that does not match, in order (the Audit screen stops at the first; the tool names them all). */
export function listAuditProblems(rows: Iterable<AuditRow>): AuditProblem[] {
  return [...auditProblems(rows)].map(({ seq, reason }) => ({ seq, reason }));
}

function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): { command: 'verify'; dataDir: string } | { help: true } {
  let command: string | undefined;
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { help: true };
    if (a === '--data-dir') {
      const v = argv[++i];
      if (v === undefined || v === '') throw new UsageError('--data-dir needs a folder');
      dataDir = v;
    } else if (a.startsWith('--data-dir=')) {
      dataDir = a.slice('--data-dir='.length);
      if (dataDir === '') throw new UsageError('--data-dir needs a folder');
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (command === undefined) command = a;
    else throw new UsageError(`unexpected argument "${a}"`);
  }
  if (command === undefined) throw new UsageError('no command given');
  if (command !== 'verify') throw new UsageError(`unknown command "${command}"`);
  return { command, dataDir: dataDirFrom(dataDir, env) };
}

/** Runs the tool; returns the exit code. */
export function runAuditCli(argv: readonly string[], io: AuditCliIo): number {
  const env = io.env ?? process.env;
  const args = parseOrUsage('audit', USAGE, io, () => parseArgs(argv, env));
  if (!args) return 2;
  if ('help' in args) {
    io.out(USAGE);
    io.out('Checks the audit trail of <DIR>/training.sqlite (read-only). DIR defaults to MICRONEEDLE_DATA_DIR, then the app\'s data folder.');
    io.out('Exit 0: intact; 1: broken; 2: bad arguments or unreadable database.');
    return 0;
  }

  const file = path.join(args.dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    io.err(`audit: cannot read ${file}: there is no training database in ${args.dataDir}`);
    return 2;
  }
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true, timeout: 5_000 });
  } catch (error) {
    io.err(`audit: cannot open ${file}: ${(error as Error).message}`);
    return 2;
  }
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit'").get();
    if (!table) {
      io.err(`audit: ${file} has no audit trail (not a training database of this app?)`);
      return 2;
    }
    const select = db.prepare('SELECT seq, at, actor_id, actor_name, action, subject, details, prev_hash, hash FROM audit ORDER BY seq ASC');
    const verdict = verifyAuditRows(select.iterate() as Iterable<AuditRow>);
    const problems = listAuditProblems(select.iterate() as Iterable<AuditRow>);
    const total = (db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    const last = db.prepare('SELECT seq, at, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; at: string; hash: string } | undefined;

    // verifyAuditRows decides; its first bad entry leads the list even if the walk phrased it differently.
    if (verdict.firstBad && !problems.some((p) => p.seq === verdict.firstBad!.seq)) problems.unshift(verdict.firstBad);
    for (const p of problems) io.out(`entry ${p.seq}: ${p.reason}`);
    if (verdict.ok && problems.length === 0) {
      io.out(
        total === 0
          ? `audit trail of ${file}: empty (no entries yet)`
          : `audit trail of ${file}: intact, ${total} entries checked; the last is entry ${last!.seq} of ${last!.at} (hash ${last!.hash.slice(0, 16)}…)`,
      );
      return 0;
    }
    const first = verdict.firstBad ?? problems[0];
    io.out(`audit trail of ${file}: BROKEN, ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${total} entries; the first is at entry ${first.seq}: ${first.reason}`);
    return 1;
  } catch (error) {
    io.err(`audit: cannot read ${file}: ${(error as Error).message}`);
    return 2;
  } finally {
    db.close();
  }
}

const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && /audit-cli\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) {
  process.exitCode = runAuditCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  });
}
