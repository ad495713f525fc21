// SIGKILL in the middle of a push to the LRS: a child pushes 200 queued statements to a slow loopback LRS
// and is killed while the LRS holds a batch it has not yet acknowledged. The next run pushes again: the
// LRS holds every statement exactly once (the resent batch is an identical resend, accepted), nothing the
// LRS had acknowledged is sent again, and the outbox is empty.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { examAttemptStatements, institutionHomePage } from '../../core/xapi/statements';
import { startLrsServer } from '../helpers/lrs-server';
import { folderScope } from '../unit/training-file/folder-scope';
import { ok } from '../unit/training-file/helpers';
import { lrsInstitution, outboxSize, PASS, reopened } from '../unit/lrs/lrs-fixture';
import { integrityCheck, REPO } from './children';

const scope = folderScope();
const PUSHER = path.join(REPO, 'test', 'reliability', 'lrs-pusher.ts');
const STATEMENTS = 200;
const BATCH = 25;

function startPusher(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', PUSHER, '--dir', dir, '--passphrase', PASS], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('SIGKILL during an LRS push', () => {
  it('the LRS holds every statement exactly once and the outbox ends empty', async () => {
    const dir = scope.temp('lrs-kill');
    const lrs = await startLrsServer();
    scope.defer(() => lrs.close());
    const { s, live } = await lrsInstitution(dir, { lrs });
    // 200 queued statements (attempted of 200 attempts), as the filler would have made them.
    const store = live().store;
    const institution = { name: '华东微针培训中心', homePage: institutionHomePage('kill-test') };
    store.write(() => {
      for (let i = 0; i < STATEMENTS; i++) {
        const [statement] = examAttemptStatements(
          { attemptId: `kill-${i}`, person: { id: s.people.nurse.id, name: '王芳' }, module: { id: 'quick', version: 1, hash: 'a'.repeat(64), title: { zh: '快速理论测验', en: 'Quick theory check' } }, startedAt: new Date(Date.UTC(2026, 10, 1, 8, 0, i)).toISOString(), submitted: null },
          institution,
        );
        const at = new Date(Date.UTC(2026, 10, 1, 8, 0, 0, i)).toISOString();
        store.run('INSERT INTO lrs_statements_made (statement_id, source, made_at) VALUES (?, ?, ?)', statement!.id, `exam-started:kill-${i}`, at);
        store.run("INSERT INTO lrs_outbox (statement_id, statement, enqueued_at, tries, next_try_at, state) VALUES (?, ?, ?, 0, ?, 'pending')", statement!.id, JSON.stringify(statement), at, at);
      }
    });
    await s.services.dispose();

    // A slow LRS: it stores each batch at once and answers 400 ms later.
    lrs.delayMs = 400;
    const first = startPusher(dir);
    const deadline = Date.now() + 60_000;
    // Killed once the fourth batch is stored but not yet acknowledged.
    while (lrs.stored().size < 4 * BATCH && Date.now() < deadline) await sleep(5);
    first.child.kill('SIGKILL');
    const exit = await first.exited;
    expect(exit.signal, `the pusher ended on its own: ${first.err()}`).toBe('SIGKILL');
    expect(first.out()).toMatch(/^READY \d+/);
    expect(first.out()).not.toMatch(/DONE/);
    const storedAtKill = lrs.stored().size;
    expect(storedAtKill).toBeGreaterThanOrEqual(4 * BATCH);
    expect(storedAtKill).toBeLessThan(STATEMENTS);
    expect(integrityCheck(path.join(dir, 'training.sqlite'))).toEqual(['ok']);

    // The next run: the unacknowledged batch is sent again (identical, accepted), the rest for the first time.
    lrs.delayMs = 0;
    const next = await reopened(dir);
    scope.defer(() => next.services.dispose());
    const left = ok(await next.admin.lrs.status()).pending;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(STATEMENTS - 3 * BATCH);
    ok(await next.admin.certificates.unlock({ passphrase: PASS }));
    expect(ok(await next.admin.lrs.pushNow())).toMatchObject({ pending: 0, rejected: 0, lastError: null });
    expect(outboxSize(next.live().store)).toBe(0);
    expect(lrs.stored().size).toBe(STATEMENTS);
    const receipts = [...lrs.receipts().values()];
    expect(receipts).toHaveLength(STATEMENTS);
    // Only the batch under way when it was killed went twice; nothing the LRS acknowledged was sent again.
    expect(receipts.filter((n) => n > 1).length).toBeLessThanOrEqual(BATCH);
    expect(Math.max(...receipts)).toBe(2);
    expect(lrs.answers.every((status) => status === 200)).toBe(true);
  }, 120_000);
});
