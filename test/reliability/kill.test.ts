// Kill test: a child process writes attempts as fast as it can and is SIGKILLed at a random moment, round
// after round, on one data folder. Afterwards the file is sound, every attempt the child acknowledged is
// there, finished, once, with the recording it was told; the rest were abandoned by the next start with
// what they had received; the audit trail verifies. KILL_ROUNDS and KILL_SEED change the run.

import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttemptSummary } from '../../core/api/contract';
import { folderScope } from '../unit/training-file/folder-scope';
import { folderServices, ok, type FolderServices } from '../unit/training-file/helpers';
import { mulberry32 } from '../unit/training-file/prng';
import { SAMPLES_PER_BATCH } from './attempt-writer';
import { acknowledged, checkAcknowledgedAttempts, integrityCheck, signInAdmin, startWriter } from './children';

const ROUNDS = Number(process.env.KILL_ROUNDS ?? 24);
const SEED = Number(process.env.KILL_SEED ?? 20261101);

const scope = folderScope();

type Phase = 'start' | 'append' | 'finish' | 'between';

describe('SIGKILL at random moments', () => {
  it(`loses nothing acknowledged over ${ROUNDS} killed rounds`, async () => {
    const t0 = Date.now();
    const dir = scope.temp('kill');
    const rng = mulberry32(SEED);
    const acked: { id: string; sha256: string }[] = [];
    /** Batches acknowledged per attempt. */
    const appended = new Map<string, number>();
    const killedIn: Record<Phase, number> = { start: 0, append: 0, finish: 0, between: 0 };
    const killedDuringFinish: string[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      const delay = rng.int(50, 1500);
      const w = startWriter(['--dir', dir, '--tag', 'K', '--seed', String(SEED + round)]);
      await w.waitFor('READY');
      await sleep(delay);
      w.child.kill('SIGKILL');
      const exit = await w.exited;
      expect(exit.signal, `round ${round} ended on its own: ${exit.stderr}`).toBe('SIGKILL');
      acked.push(...acknowledged(w.lines).attempts);
      for (const line of w.lines) {
        const [kind, id, seq] = line.split(' ');
        if (kind === 'APPENDED') appended.set(id, Number(seq) + 1);
      }
      // Where it was killed: the step after its last line.
      const [kind, id] = (w.lines.at(-1) ?? 'READY').split(' ');
      const phase: Phase = kind === 'FINISHING' ? 'finish' : kind === 'STARTED' || kind === 'APPENDED' ? 'append' : kind === 'READY' ? 'start' : 'between';
      killedIn[phase]++;
      if (phase === 'finish') killedDuringFinish.push(id);
    }
    const killedAt = Date.now();

    // The file as the last child left it: sound before anything opens it for writing.
    const file = path.join(dir, 'training.sqlite');
    expect(integrityCheck(file)).toEqual(['ok']);

    // The next start (this process) abandons the killed child's running attempt.
    const f: FolderServices = await folderServices(dir, { start: Date.now() });
    scope.defer(() => f.close());
    const admin = f.client('window:admin');
    await signInAdmin(admin);
    await checkAcknowledgedAttempts(admin, acked);

    const all: AttemptSummary[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = ok(await admin.sessions.list({ limit: 200, offset, order: 'asc' }));
      all.push(...page.items);
      if (all.length >= page.total) break;
    }
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    const byStatus = (s: AttemptSummary['status']) => all.filter((a) => a.status === s);
    expect(byStatus('running')).toEqual([]);
    const finished = new Set(byStatus('finished').map((a) => a.id));
    const ackedIds = new Set(acked.map((a) => a.id));
    for (const id of ackedIds) expect(finished.has(id), id).toBe(true);
    // A finished attempt nobody was told about was committed in the instant before a kill during its finish.
    const unacknowledged = [...finished].filter((id) => !ackedIds.has(id));
    for (const id of unacknowledged) expect(killedDuringFinish, id).toContain(id);
    const rolledBack = killedDuringFinish.filter((id) => !finished.has(id));

    // Abandoned attempts kept every batch that was acknowledged (and at most the one in flight).
    const abandoned = byStatus('abandoned');
    for (const a of abandoned) {
      const opened = ok(await admin.sessions.open({ id: a.id }));
      const samples = opened.recording!.samples.length;
      const acknowledgedBatches = appended.get(a.id) ?? 0;
      expect(samples % SAMPLES_PER_BATCH, a.id).toBe(0);
      expect(samples / SAMPLES_PER_BATCH, a.id).toBeGreaterThanOrEqual(acknowledgedBatches);
      expect(samples / SAMPLES_PER_BATCH, a.id).toBeLessThanOrEqual(acknowledgedBatches + 1);
    }

    // One audit entry for each: started for every attempt, stored for each finished, abandoned for each abandoned.
    const store = f.store();
    const counts = Object.fromEntries(
      store.all<{ action: string; n: number; subjects: number }>("SELECT action, count(*) AS n, count(DISTINCT subject) AS subjects FROM audit WHERE action LIKE 'attempt.%' GROUP BY action").map((r) => [r.action, r]),
    );
    expect(counts['attempt.started']).toMatchObject({ n: all.length, subjects: all.length });
    expect(counts['attempt.stored']).toMatchObject({ n: finished.size, subjects: finished.size });
    expect(counts['attempt.abandoned']).toMatchObject({ n: abandoned.length, subjects: abandoned.length });
    const verify = ok(await admin.audit.verify());
    const seq = store.get<{ n: number; max: number }>('SELECT count(*) AS n, max(seq) AS max FROM audit')!;
    expect(verify).toEqual({ ok: true, checked: seq.n, firstBad: null });
    expect(seq.max).toBe(seq.n);
    expect(integrityCheck(file)).toEqual(['ok']);

    const summary =
      `kill test (seed ${SEED}): ${ROUNDS} rounds, each SIGKILLed 50-1500 ms after it was ready; ` +
      `${acked.length} attempts acknowledged, all present, finished and matching their SHA-256; ${all.length} attempts in the file ` +
      `(${finished.size} finished, ${abandoned.length} abandoned by the next start with their batches); ` +
      `killed while finishing ${killedIn.finish} times (${unacknowledged.length} committed just before the kill, ${rolledBack.length} not committed and abandoned), ` +
      `while appending ${killedIn.append}, while starting ${killedIn.start}, between calls ${killedIn.between}; ` +
      `integrity_check ok; audit chain of ${seq.n} entries verified; ${((killedAt - t0) / 1000).toFixed(1)} s killing, ${((Date.now() - killedAt) / 1000).toFixed(1)} s checking`;
    console.log(summary);
    expect(ROUNDS).toBeGreaterThanOrEqual(20);
  }, 180_000);
});
