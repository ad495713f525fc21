// `npm run verify -- <file> [--data-dir DIR | --keys PEM]`
// Checks any file this app signs: a completion record in the files a person may hold (the signed record
// <number>.json, the certificate PDF with the record attached, a text file holding the QR payload MNR1:…),
// an Open Badges 3.0 credential (<number>.ob3.json), or an exported log with its signed manifest (the
// manifest <file>.sig.json is found beside the log, or the log beside its manifest);
// electron/services/certification/verify-file.ts tells them apart.
// For the record it checks its format, that its hash matches its canonical bytes, that its
// Ed25519 signature holds under a known public key, that it is not revoked and not expired. The public keys
// (and the revoked numbers) come from <DIR>/training.sqlite, opened read-only and never written; or, with
// --keys, from a PEM file of one or more public keys (then revocation cannot be checked, and the tool says so).
// Exit 0: the record verifies; 1: it does not (each problem printed); 2: bad arguments or unreadable input.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createPublicKey } from 'node:crypto';
import type { VerifyFileProblem } from '../../core/api/schemas/certification';
import type { PublicKeyEntry } from '../../core/certification/record';
import { fingerprintOf, nodeVerifyCrypto } from '../services/certification/keys';
import { MANIFEST_SUFFIX } from '../services/certification/exports/manifest';
import { verifyFile } from '../services/certification/verify-file';
import { DATABASE_FILE } from '../services/db/open';
import { dataDirFrom, parseOrUsage, UsageError, type CliIo } from './cli';

const USAGE = 'usage: npm run verify -- <signed-record.json | certificate.pdf | qr-payload.txt | badge.ob3.json | exported-log (with its .sig.json beside it)> [--data-dir DIR | --keys PUBLIC-KEYS.pem]';

const EXPLAIN: Record<VerifyFileProblem, string> = {
  format: 'the file is not a signed completion record of this format',
  hash: 'the record does not match its hash (it was changed)',
  signature: 'the signature does not hold (the record was changed, or signed by another key)',
  'unknown-key': 'it was signed by a key that is not among the known public keys',
  revoked: 'the record has been revoked by the issuer',
  expired: 'the record is past its validUntil date',
  unrecognized: 'the file is not a signed record, a certificate PDF or a QR payload',
  'pdf-no-record': 'the PDF carries no signed record (a certificate PDF has <number>.json attached)',
  'pdf-damaged': 'the record attached to the PDF cannot be read back (the PDF was changed or damaged)',
  'qr-damaged': 'the QR payload cannot be decoded (a character was changed or lost)',
  'manifest-only': 'this is the signed manifest of an export: the exported file it names must be beside it',
};

const KIND_NAMES = { record: 'signed record', pdf: 'certificate PDF', qr: 'QR payload', badge: 'Open Badge', 'export-log': 'exported log' } as const;

/**
 * An exported log and its manifest travel as two files: given the log, its manifest is <log>.sig.json
 * beside it; given the manifest, the log is the file it names, beside it. Absent: no manifest.
 */
function pairedManifest(file: string, bytes: Buffer): { file: string; bytes: Buffer; manifest?: { fileName: string; text: string } } {
  if (file.endsWith(MANIFEST_SUFFIX)) {
    const text = bytes.toString('utf8');
    let named: unknown;
    try {
      named = (JSON.parse(text) as { fileName?: unknown }).fileName;
    } catch {
      return { file, bytes };
    }
    const log = typeof named === 'string' ? path.join(path.dirname(file), path.basename(named)) : null;
    if (!log || !existsSync(log)) return { file, bytes };
    return { file: log, bytes: readFileSync(log), manifest: { fileName: path.basename(file), text } };
  }
  const sidecar = `${file}${MANIFEST_SUFFIX}`;
  return existsSync(sidecar) ? { file, bytes, manifest: { fileName: path.basename(sidecar), text: readFileSync(sidecar, 'utf8') } } : { file, bytes };
}

export interface VerifyCliIo extends CliIo {
  now?: () => Date;
}


function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): { file: string; dataDir: string; keys: string | null } | { help: true } {
  let file: string | undefined;
  let dataDir: string | undefined;
  let keys: string | undefined;
  const value = (name: string, v: string | undefined) => {
    if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { help: true };
    if (a === '--data-dir') dataDir = value(a, argv[++i]);
    else if (a.startsWith('--data-dir=')) dataDir = value('--data-dir', a.slice('--data-dir='.length));
    else if (a === '--keys') keys = value(a, argv[++i]);
    else if (a.startsWith('--keys=')) keys = value('--keys', a.slice('--keys='.length));
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else throw new UsageError(`unexpected argument "${a}"`);
  }
  if (file === undefined) throw new UsageError('no record file given');
  if (keys !== undefined && dataDir !== undefined) throw new UsageError('give --data-dir or --keys, not both');
  return { file: path.resolve(file), dataDir: dataDirFrom(dataDir, env), keys: keys === undefined ? null : path.resolve(keys) };
}

/** Every public key in a PEM file (one or more BEGIN PUBLIC KEY blocks). */
export function keysFromPem(text: string): PublicKeyEntry[] {
  const blocks = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
  return blocks.map((pem) => ({ fingerprint: fingerprintOf(createPublicKey(pem)), publicKeyPem: `${pem}\n` }));
}

export async function runVerifyCli(argv: readonly string[], io: VerifyCliIo): Promise<number> {
  const env = io.env ?? process.env;
  const args = parseOrUsage('verify', USAGE, io, () => parseArgs(argv, env));
  if (!args) return 2;
  if ('help' in args) {
    io.out(USAGE);
    io.out('Exit 0: the record verifies; 1: it does not; 2: bad arguments or unreadable input.');
    return 0;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(args.file);
  } catch (error) {
    io.err(`verify: cannot read ${args.file}: ${(error as Error).message}`);
    return 2;
  }
  let keys: PublicKeyEntry[];
  let revoked: Set<string> | undefined;
  if (args.keys) {
    try {
      keys = keysFromPem(readFileSync(args.keys, 'utf8'));
    } catch (error) {
      io.err(`verify: cannot read the public keys in ${args.keys}: ${(error as Error).message}`);
      return 2;
    }
    if (keys.length === 0) {
      io.err(`verify: ${args.keys} holds no PUBLIC KEY block`);
      return 2;
    }
  } else {
    const file = path.join(args.dataDir, DATABASE_FILE);
    if (!existsSync(file)) {
      io.err(`verify: cannot read ${file}: there is no training database in ${args.dataDir}`);
      return 2;
    }
    let db: DatabaseSync;
    try {
      db = new DatabaseSync(file, { readOnly: true, timeout: 5_000 });
    } catch (error) {
      io.err(`verify: cannot open ${file}: ${(error as Error).message}`);
      return 2;
    }
    try {
      if (!db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'signing_keys'").get()) {
        io.err(`verify: ${file} has no signing keys (a training database from before certification?)`);
        return 2;
      }
      keys = (db.prepare('SELECT fingerprint, public_key_pem FROM signing_keys').all() as { fingerprint: string; public_key_pem: string }[]).map((r) => ({ fingerprint: r.fingerprint, publicKeyPem: r.public_key_pem }));
      revoked = new Set((db.prepare('SELECT number FROM completion_records WHERE revoked_at IS NOT NULL').all() as { number: string }[]).map((r) => r.number));
    } catch (error) {
      io.err(`verify: cannot read ${file}: ${(error as Error).message}`);
      return 2;
    } finally {
      db.close();
    }
  }
  const input = pairedManifest(args.file, bytes);
  const result = await verifyFile({ fileName: path.basename(input.file), bytes: input.bytes, ...(input.manifest ? { manifest: input.manifest } : {}) }, { publicKeys: keys, revoked, now: (io.now ?? (() => new Date()))(), crypto: nodeVerifyCrypto });
  const name = `${result.number ? `record ${result.number}` : path.basename(input.file)}${result.kind === 'export-log' ? ` (exported log${input.manifest ? `, with ${input.manifest.fileName}` : ''})` : result.kind && result.kind !== 'record' ? ` (from the ${KIND_NAMES[result.kind]})` : ''}`;
  for (const p of result.problems) io.out(`${p}: ${EXPLAIN[p]}`);
  if (result.detail) io.out(`detail: ${result.detail}`);
  if (!revoked && result.kind !== 'export-log') io.out('note: revocation was not checked (public keys from a PEM file; the issuer’s database knows what is revoked)');
  if (result.ok) {
    io.out(`${name}: VERIFIED (${result.kind === 'export-log' ? 'manifest signature, file hash, key' : `signature, hash, key${revoked ? ', not revoked' : ''}, not expired`})`);
    return 0;
  }
  io.out(`${name}: NOT VERIFIED (${result.problems.join(', ')})`);
  return 1;
}

const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && /verify-cli\.[cm]?[jt]s$/.test(process.argv[1]);
if (isMain) {
  void runVerifyCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  }).then((code) => {
    process.exitCode = code;
  });
}
