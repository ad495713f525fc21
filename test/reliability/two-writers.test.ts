// Concurrency: two child processes and this process write attempts and people to one data folder at the
// same time; then two windows in one process. Every acknowledged write is there exactly once, ids are
// unique, the audit chain verifies with its sequence contiguous, and the file is sound.

import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { MicroneedleApi, Person } from '../../core/api/contract';
import { ADMIN, NURSE, TECHNICIAN, seededInstitution } from '../helpers/training-services';
import { folderScope } from '../unit/training-file/folder-scope';
import { folderServices, ok, sessionBatches, type FolderServices } from '../unit/training-file/helpers';
import { acknowledged, checkAcknowledgedAttempts, integrityCheck, startWriter } from './children';

const WRITE_MS = Number(process.env.TWO_WRITERS_MS ?? 3000);

const scope = folderScope();

/** Attempts from one window until `stop()`, each acknowledged (with its recording's SHA-256) once finish resolved. */
async function attemptsUntil(f: FolderServices, api: MicroneedleApi, stop: () => boolean) {
  const acked: { id: string; sha256: string }[] = [];
  while (!stop()) {
    const started = ok(await api.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
    const batches = sessionBatches(started.initialSettings, 2, 100);
    for (let seq = 0; seq < batches.length; seq++) {
      ok(await api.sessions.append({ attemptId: started.attemptId, seq, events: batches[seq] }));
      await yieldToLoop();
    }
    ok(await api.sessions.finish({ attemptId: started.attemptId, batches: batches.length, endTMs: 2100, zones: [] }));
    const entry = f.store().get<{ details: string }>("SELECT details FROM audit WHERE action = 'attempt.stored' AND subject = ?", started.attemptId)!;
    acked.push({ id: started.attemptId, sha256: (JSON.parse(entry.details) as { recordingSha256: string }).recordingSha256 });
    await yieldToLoop();
  }
  return acked;
}

async function peopleUntil(api: MicroneedleApi, tag: string, stop: () => boolean) {
  const acked: { id: string; certificate: string }[] = [];
  for (let n = 1; !stop(); n++) {
    const certificate = `T-${tag}-${String(n).padStart(4, '0')}`;
    const p = ok(await api.people.create({ accountRole: 'trainee', name: `${tag}号${n}`, profession: 'technician', certificateNumber: certificate, certificateKind: 'technician-qualification' }));
    acked.push({ id: p.id, certificate });
    await yieldToLoop();
  }
  return acked;
}

async function allPeople(admin: MicroneedleApi): Promise<Person[]> {
  return ok(await admin.people.list({ includeInactive: true }));
}

describe('two processes and this one on one data folder', () => {
  it('keeps every acknowledged attempt and person exactly once', async () => {
    const t0 = Date.now();
    const dir = scope.temp('two-writers');
    const f = await folderServices(dir, { start: Date.now() });
    scope.defer(() => f.close());
    const admin = f.client('window:admin');
    ok(await admin.auth.setup({ institutionName: '并发测试中心', admin: ADMIN }));
    const nurse = ok(await admin.people.create(NURSE));
    const tech = ok(await admin.people.create(TECHNICIAN));
    const w1 = f.client('window:nurse');
    const w2 = f.client('window:tech');
    ok(await w1.auth.signInTrainee({ personId: nurse.id }));
    ok(await w2.auth.signInTrainee({ personId: tech.id }));

    const a = startWriter(['--dir', dir, '--tag', 'A', '--seed', '1', '--duration', String(WRITE_MS), '--people']);
    const b = startWriter(['--dir', dir, '--tag', 'B', '--seed', '2', '--duration', String(WRITE_MS), '--people']);
    await Promise.all([a.waitFor('READY'), b.waitFor('READY')]);
    let childrenDone = false;
    const children = Promise.all([a.exited, b.exited]).finally(() => (childrenDone = true));
    const stop = () => childrenDone;
    const [mine1, mine2, minePeople] = await Promise.all([attemptsUntil(f, w1, stop), attemptsUntil(f, w2, stop), peopleUntil(admin, 'P', stop)]);
    const [ea, eb] = await children;
    expect(ea, ea.stderr).toMatchObject({ code: 0 });
    expect(eb, eb.stderr).toMatchObject({ code: 0 });
    expect(a.lines.at(-1)).toBe('DONE');
    expect(b.lines.at(-1)).toBe('DONE');

    const fromA = acknowledged(a.lines);
    const fromB = acknowledged(b.lines);
    const attempts = [...fromA.attempts, ...fromB.attempts, ...mine1, ...mine2];
    const people = [...fromA.people, ...fromB.people, ...minePeople];
    expect(fromA.attempts.length).toBeGreaterThan(0);
    expect(fromB.attempts.length).toBeGreaterThan(0);
    expect(mine1.length + mine2.length).toBeGreaterThan(0);

    expect(integrityCheck(path.join(dir, 'training.sqlite'))).toEqual(['ok']);
    await checkAcknowledgedAttempts(admin, attempts);
    // Each attempt belongs to the trainee of the writer that made it.
    const listed = new Map<string, string>();
    for (let offset = 0; ; offset += 200) {
      const page = ok(await admin.sessions.list({ limit: 200, offset }));
      for (const item of page.items) listed.set(item.id, item.personName);
      if (listed.size >= page.total) break;
    }
    expect(listed.size).toBe(attempts.length);
    for (const x of fromA.attempts) expect(listed.get(x.id)).toBe('学员A');
    for (const x of fromB.attempts) expect(listed.get(x.id)).toBe('学员B');
    for (const x of mine1) expect(listed.get(x.id)).toBe(NURSE.name);
    for (const x of mine2) expect(listed.get(x.id)).toBe(TECHNICIAN.name);
    expect(ok(await admin.sessions.list({ status: 'running' })).total + ok(await admin.sessions.list({ status: 'abandoned' })).total).toBe(0);

    const everyone = await allPeople(admin);
    expect(new Set(everyone.map((p) => p.id)).size).toBe(everyone.length);
    const byId = new Map(everyone.map((p) => [p.id, p]));
    for (const p of people) expect(byId.get(p.id)?.certificateNumber, p.id).toBe(p.certificate);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    // Admin, two trainees made here, one per child, and every acknowledged one: nothing else, nothing twice.
    expect(everyone).toHaveLength(1 + 2 + 2 + people.length);

    const store = f.store();
    const created = store.all<{ subject: string; n: number }>("SELECT subject, count(*) AS n FROM audit WHERE action = 'person.created' GROUP BY subject");
    expect(created.every((r) => r.n === 1)).toBe(true);
    expect(created).toHaveLength(everyone.length);
    const stored = store.get<{ n: number; subjects: number }>("SELECT count(*) AS n, count(DISTINCT subject) AS subjects FROM audit WHERE action = 'attempt.stored'")!;
    expect(stored).toEqual({ n: attempts.length, subjects: attempts.length });
    const verify = ok(await admin.audit.verify());
    const seq = store.get<{ n: number; max: number; min: number }>('SELECT count(*) AS n, max(seq) AS max, min(seq) AS min FROM audit')!;
    expect(verify).toEqual({ ok: true, checked: seq.n, firstBad: null });
    expect([seq.min, seq.max]).toEqual([1, seq.n]);

    console.log(
      `two writers: ${((Date.now() - t0) / 1000).toFixed(1)} s; child A ${fromA.attempts.length} attempts + ${fromA.people.length} people, ` +
        `child B ${fromB.attempts.length} + ${fromB.people.length}, this process ${mine1.length + mine2.length} attempts (two windows) + ${minePeople.length} people; ` +
        `all present once, audit ${seq.n} entries contiguous and verified, integrity ok`,
    );
  }, 60_000);
});

describe('two windows in one process', () => {
  it('keep their own sign-ins and attempts while writing at once', async () => {
    const s = await seededInstitution();
    let round = 0;
    const stop = () => round++ > 40;
    const run = async (api: MicroneedleApi) => {
      const ids: string[] = [];
      while (!stop()) {
        const started = ok(await api.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
        const batches = sessionBatches(started.initialSettings, 3, 30);
        for (let seq = 0; seq < batches.length; seq++) {
          ok(await api.sessions.append({ attemptId: started.attemptId, seq, events: batches[seq] }));
          await yieldToLoop();
        }
        ok(await api.sessions.finish({ attemptId: started.attemptId, batches: 3, endTMs: 1100, zones: [] }));
        ids.push(started.attemptId);
      }
      return ids;
    };
    const [nurseIds, techIds] = await Promise.all([run(s.trainee), run(s.trainee2)]);
    expect(nurseIds.length).toBeGreaterThan(5);
    expect(techIds.length).toBeGreaterThan(5);
    expect(ok(await s.trainee.sessions.list({ limit: 200 })).items.map((x) => x.id).sort()).toEqual([...nurseIds].sort());
    expect(ok(await s.trainee2.sessions.list({ limit: 200 })).items.map((x) => x.id).sort()).toEqual([...techIds].sort());

    // Two administrator windows creating the same certificate at once: one wins, the other is told.
    const second = s.client('window:admin2');
    ok(await second.auth.signInStaff({ username: ADMIN.username, password: ADMIN.password }));
    const same = { accountRole: 'trainee' as const, name: '同号', profession: 'nurse' as const, certificateNumber: 'N-SAME-0001', certificateKind: 'nurse-qualification' as const, pin: '2468' };
    const results = await Promise.all([s.admin.people.create(same), second.people.create({ ...same, certificateNumber: 'n-same-0001' })]);
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict', path: '/certificateNumber' } });
    expect((await allPeople(s.admin)).filter((p) => p.name === '同号')).toHaveLength(1);
    expect(ok(await s.admin.audit.verify()).ok).toBe(true);
  });
});
