// Running attempt-writer.ts as a child process and reading what it acknowledged, and checking a data folder
// afterwards against those acknowledgements.

import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect } from 'vitest';
import type { MicroneedleApi } from '../../core/api/contract';
import { ADMIN } from '../helpers/training-services';
import { ok } from '../unit/training-file/helpers';

export const REPO = path.resolve(__dirname, '..', '..');
export const WRITER = path.join(REPO, 'test', 'reliability', 'attempt-writer.ts');

export interface Writer {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line that starts with `prefix` (rejects if the child exits first). */
  waitFor(prefix: string, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startWriter(args: string[]): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    partial += chunk;
    const parts = partial.split('\n');
    partial = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of [...waiters]) {
        if (line.startsWith(w.prefix)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => {
      // A line cut off by the kill is not acknowledged.
      resolve({ code, signal, stderr });
    }),
  );
  return {
    child,
    lines,
    exited,
    waitFor(prefix, timeoutMs = 30_000) {
      const found = lines.find((l) => l.startsWith(prefix));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${prefix} line from the writer within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        waiters.push({
          prefix,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(new Error(`the writer exited (${code ?? signal}) before ${prefix}; stderr: ${stderr}`));
        });
      });
    },
  };
}

/** Acknowledged writes in a writer's output: attempts with their recording SHA-256, people with their certificate. */
export function acknowledged(lines: readonly string[]) {
  const attempts: { id: string; sha256: string }[] = [];
  const people: { id: string; certificate: string }[] = [];
  for (const line of lines) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'COMMITTED') attempts.push({ id: a, sha256: b });
    if (kind === 'PERSON') people.push({ id: a, certificate: b });
  }
  return { attempts, people };
}

export function integrityCheck(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check);
  } finally {
    db.close();
  }
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Every acknowledged attempt is finished, its stored recording unpacks (open checks it against the stored
 * SHA-256) and matches the SHA-256 the writer was told, once; the audit trail verifies with seq contiguous.
 */
export async function checkAcknowledgedAttempts(admin: MicroneedleApi, acked: readonly { id: string; sha256: string }[]) {
  const ids = acked.map((a) => a.id);
  expect(new Set(ids).size, 'an attempt acknowledged twice').toBe(ids.length);
  for (const a of acked) {
    const opened = await admin.sessions.open({ id: a.id });
    expect(opened.ok, `${a.id}: ${JSON.stringify(!opened.ok && opened.error)}`).toBe(true);
    if (!opened.ok) continue;
    expect(opened.value.summary.status, a.id).toBe('finished');
    expect(opened.value.report, a.id).not.toBeNull();
    expect(sha256(JSON.stringify(opened.value.recording)), a.id).toBe(a.sha256);
  }
}

export async function signInAdmin(api: MicroneedleApi) {
  ok(await api.auth.signInStaff({ username: ADMIN.username, password: ADMIN.password }));
}
