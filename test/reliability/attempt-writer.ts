// A child process for the reliability tests: opens the data folder as the app does and writes attempts (and,
// with --people, people) until it is killed or its --duration runs out. Every write is acknowledged on stdout
// only after the call that made it has resolved, so a parent can check that nothing acknowledged is lost:
//   READY <pid>                      signed in, about to write
//   STARTED <attemptId>              sessions.start resolved
//   APPENDED <attemptId> <seq>       sessions.append resolved
//   FINISHING <attemptId>            about to call sessions.finish
//   COMMITTED <attemptId> <sha256>   sessions.finish resolved; the recording's SHA-256 from its audit entry
//   PERSON <personId> <certificate>  people.create resolved
//   DONE                             --duration ran out and the last attempt was finished
// Run with `process.execPath --import tsx test/reliability/attempt-writer.ts --dir DIR [--tag T] [--seed N]
// [--duration MS] [--people]`.

import { writeSync } from 'node:fs';
import { buildApiObject } from '../../core/api/call-names';
import type { MicroneedleApi } from '../../core/api/contract';
import type { ApiResult } from '../../core/api/errors';
import { createServices, openDataFolderStorage } from '../../electron/services';
import { ADMIN, FAST_HASHER, TEST_APP_INFO, standInScoring } from '../helpers/training-services';
import { sessionBatches } from '../unit/training-file/helpers';
import { mulberry32 } from '../unit/training-file/prng';

/** Samples in each batch (10 ms apart), so a batch of an attempt is always the same size. */
export const SAMPLES_PER_BATCH = 600;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
/** One line to stdout, synchronously (it is on the pipe before the next call starts); waits out a full pipe. */
function say(line: string): void {
  const bytes = Buffer.from(line + '\n', 'utf8');
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(1, bytes, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    }
  }
}
const must = <T>(r: ApiResult<T>, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.error.code}: ${r.error.message}`);
  return r.value;
};

async function main() {
  const dir = arg('dir');
  if (!dir) throw new Error('--dir is required');
  const tag = arg('tag') ?? 'W';
  const rng = mulberry32(Number(arg('seed') ?? 1));
  const duration = arg('duration') === undefined ? Infinity : Number(arg('duration'));
  const withPeople = process.argv.includes('--people');

  const storage = await openDataFolderStorage(dir);
  if (storage.status.state !== 'ok') throw new Error(`storage: ${JSON.stringify(storage.status)}`);
  const services = await createServices({ storage, appInfo: { ...TEST_APP_INFO, dataDir: dir }, scoring: standInScoring(), hasher: FAST_HASHER, timers: false });
  const client = (key: string) => buildApiObject<MicroneedleApi>((name, args) => services.dispatch(name, args, { clientKey: key }));
  const admin = client(`admin:${tag}`);
  const trainee = client(`trainee:${tag}`);

  // First start: set the institution up. A later one (or one after a kill half-way) signs in.
  const status = must(await admin.auth.status(), 'auth.status');
  if (status.setupNeeded) {
    const setup = await admin.auth.setup({ institutionName: '可靠性测试中心', admin: ADMIN });
    if (!setup.ok && setup.error.code !== 'conflict') must(setup, 'auth.setup');
  }
  if (!must(await admin.auth.status(), 'auth.status').signedIn) must(await admin.auth.signInStaff({ username: ADMIN.username, password: ADMIN.password }), 'sign in admin');
  const name = `学员${tag}`;
  let me = must(await trainee.auth.chooser(), 'auth.chooser').find((c) => c.name === name);
  if (!me) {
    const created = must(
      await admin.people.create({ accountRole: 'trainee', name, profession: 'nurse', certificateNumber: `N-${tag}-0000`, certificateKind: 'nurse-qualification' }),
      'create trainee',
    );
    me = { id: created.id, name, profession: 'nurse' };
  }
  must(await trainee.auth.signInTrainee({ personId: me.id }), 'sign in trainee');
  const store = services.live()!.store;
  say(`READY ${process.pid}`);

  const until = Date.now() + duration;
  let people = 0;
  while (Date.now() < until) {
    const started = must(await trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: rng.chance(0.5) ? 'test' : 'learn' }), 'start');
    const id = started.attemptId;
    say(`STARTED ${id}`);
    const batches = sessionBatches(started.initialSettings, rng.int(2, 3), SAMPLES_PER_BATCH);
    for (let seq = 0; seq < batches.length; seq++) {
      must(await trainee.sessions.append({ attemptId: id, seq, events: batches[seq] }), 'append');
      say(`APPENDED ${id} ${seq}`);
    }
    say(`FINISHING ${id}`);
    must(await trainee.sessions.finish({ attemptId: id, batches: batches.length, endTMs: 100 + batches.length * SAMPLES_PER_BATCH * 10, zones: [] }), 'finish');
    const entry = store.get<{ details: string }>("SELECT details FROM audit WHERE action = 'attempt.stored' AND subject = ?", id);
    say(`COMMITTED ${id} ${(JSON.parse(entry!.details) as { recordingSha256: string }).recordingSha256}`);
    if (withPeople) {
      const certificate = `T-${tag}-${String(++people).padStart(4, '0')}`;
      const person = must(
        await admin.people.create({ accountRole: 'trainee', name: `${tag}号学员${people}`, profession: 'technician', certificateNumber: certificate, certificateKind: 'technician-qualification' }),
        'create person',
      );
      say(`PERSON ${person.id} ${certificate}`);
    }
  }
  say('DONE');
  services.dispose();
}

// Only as a process of its own (the tests import SAMPLES_PER_BATCH from here).
if (process.argv[1] !== undefined && /attempt-writer\.[cm]?[jt]s$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    process.stderr.write(`attempt-writer failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(3);
  });
}
