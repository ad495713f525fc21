// The studio's uploader: a running attempt's events go to main in numbered batches, in order, one in
// flight, retried unchanged with back-off when a call fails (lost answers included), zones when they
// change; against a fake main, then against the real services, where the stored attempt holds exactly the
// events recorded.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../core/api/errors';
import { MAX_EVENTS_PER_BATCH } from '../../../core/api/schemas/attempts';
import type { InputSample, Recording, Zone } from '../../../core/recording/types';
import type { RecordingEvent } from '../../../core/scoring/live-contract';
import { backoffDelay, createAttemptUploader, type AppendArgs, type UploadState } from '../../../renderer/studio/attempt-upload';
import { createRecorder } from '../../../renderer/studio/recorder';
import { seededInstitution } from '../../helpers/training-services';

const sample = (tMs: number, contact = true): RecordingEvent => ({
  kind: 'sample',
  sample: { tMs, p: [0, 60, 80], n: [0, 0.6, 0.8], region: 'forehead', pressure: contact ? 0.55 : 0, contact } satisfies InputSample,
});

/** A stand-in for the recorder: the events and zones the uploader reads. */
function source() {
  const events: RecordingEvent[] = [];
  let zones: Zone[] = [];
  return { events: () => events, zones: () => zones, push: (...e: RecordingEvent[]) => events.push(...e), setZones: (z: Zone[]) => (zones = z) };
}

type Behaviour = 'ok' | 'fail' | 'lose';

/**
 * Main as the attempts service behaves: a batch sent again with the same seq and events is stored once,
 * any other seq than the next is refused. `plan` says, call by call, whether the call fails before it
 * arrives, arrives but its answer is lost, or succeeds.
 */
function fakeMain(plan: Behaviour[] = []) {
  const stored: AppendArgs[] = [];
  const calls: { at: number; args: AppendArgs }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const append = async (args: AppendArgs): Promise<ApiResult<{ attemptId: string; seq: number; stored: number }>> => {
    const behaviour = plan[calls.length] ?? 'ok';
    calls.push({ at: Date.now(), args: structuredClone(args) });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await Promise.resolve();
    inFlight--;
    if (behaviour === 'fail') return { ok: false, error: { code: 'storage-failed', message: 'the app server cannot be reached' } };
    const before = stored[args.seq];
    if (before) {
      if (JSON.stringify(before.events) !== JSON.stringify(args.events)) return { ok: false, error: { code: 'conflict', message: 'other events' } };
      return behaviour === 'lose' ? { ok: false, error: { code: 'storage-failed', message: 'lost' } } : { ok: true, value: { attemptId: args.attemptId, seq: args.seq, stored: 0 } };
    }
    if (args.seq !== stored.length) return { ok: false, error: { code: 'conflict', message: `expected batch ${stored.length}` } };
    stored.push(structuredClone(args));
    if (behaviour === 'lose') return { ok: false, error: { code: 'storage-failed', message: 'the answer was lost' } };
    return { ok: true, value: { attemptId: args.attemptId, seq: args.seq, stored: args.events.length } };
  };
  return { append, stored, calls, maxInFlight: () => maxInFlight, storedEvents: () => stored.flatMap((b) => b.events) };
}

describe('the attempt uploader (fake main)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends what was recorded about once a second, in seq order, one batch in flight, and says what is pending', async () => {
    const src = source();
    const main = fakeMain();
    const states: UploadState[] = [];
    const up = createAttemptUploader({ attemptId: 'a-1', source: src, append: main.append, onChange: (s) => states.push(s) });
    up.start();
    src.push(sample(0), sample(8), sample(16));
    expect(up.state()).toMatchObject({ pendingEvents: 3, lastStoredSeq: -1, batches: 0, error: null });
    await vi.advanceTimersByTimeAsync(999);
    expect(main.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(main.calls.map((c) => c.args.seq)).toEqual([0]);
    expect(up.state()).toMatchObject({ pendingEvents: 0, lastStoredSeq: 0, batches: 1, inFlight: false });
    // Nothing new: no call. Then two more events.
    await vi.advanceTimersByTimeAsync(1000);
    expect(main.calls).toHaveLength(1);
    src.push(sample(24), sample(32, false));
    await vi.advanceTimersByTimeAsync(1000);
    expect(main.calls.map((c) => [c.args.seq, c.args.events.length])).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(main.storedEvents()).toEqual(src.events());
    expect(main.maxInFlight()).toBe(1);
    // The state reaches the studio per batch, not per sample.
    expect(states.length).toBeLessThanOrEqual(6);
    up.stop();
  });

  it('never sends more than MAX_EVENTS_PER_BATCH at once, and sends a backlog batch after batch', async () => {
    const src = source();
    const main = fakeMain();
    const up = createAttemptUploader({ attemptId: 'a-1', source: src, append: main.append });
    up.start();
    for (let i = 0; i < MAX_EVENTS_PER_BATCH * 2 + 10; i++) src.push(sample(i));
    await vi.advanceTimersByTimeAsync(1000);
    // (a zero delay is 1 ms under fake timers)
    await vi.advanceTimersByTimeAsync(5);
    expect(main.calls.map((c) => c.args.events.length)).toEqual([MAX_EVENTS_PER_BATCH, MAX_EVENTS_PER_BATCH, 10]);
    expect(main.calls.map((c) => c.at)).toEqual([1000, 1001, 1002]);
    expect(main.calls.map((c) => c.args.seq)).toEqual([0, 1, 2]);
    expect(main.storedEvents()).toEqual(src.events());
    up.stop();
  });

  it('retries the same batch after a lost answer; main stores it once and nothing is duplicated or reordered', async () => {
    const src = source();
    const main = fakeMain(['lose', 'ok', 'fail', 'lose', 'ok']);
    const up = createAttemptUploader({ attemptId: 'a-1', source: src, append: main.append });
    up.start();
    src.push(sample(0), sample(8));
    await vi.advanceTimersByTimeAsync(1000);
    expect(up.state()).toMatchObject({ batches: 0, error: { code: 'storage-failed' }, fatal: false, failures: 1 });
    // Events recorded while the batch is being retried wait for the next one.
    src.push(sample(16));
    await vi.advanceTimersByTimeAsync(500);
    expect(main.calls[1].args).toEqual(main.calls[0].args);
    expect(up.state()).toMatchObject({ batches: 1, error: null, pendingEvents: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(500);
    await vi.advanceTimersByTimeAsync(1000);
    expect(main.calls.map((c) => c.args.seq)).toEqual([0, 0, 1, 1, 1]);
    expect(main.calls[4].args).toEqual(main.calls[2].args);
    expect(main.stored.map((b) => b.seq)).toEqual([0, 1]);
    expect(main.storedEvents()).toEqual(src.events());
    expect(up.state()).toMatchObject({ batches: 2, lastStoredSeq: 1, pendingEvents: 0, error: null });
    up.stop();
  });

  it('backs off 0.5, 1, 2, 4 s... up to its ceiling while main does not answer', async () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, { initialMs: 500, factor: 2, maxMs: 15_000 }))).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
    const src = source();
    const main = fakeMain(['fail', 'fail', 'fail', 'fail']);
    const up = createAttemptUploader({ attemptId: 'a-1', source: src, append: main.append });
    up.start();
    src.push(sample(0));
    await vi.advanceTimersByTimeAsync(1000 + 500 + 1000 + 2000 + 4000);
    expect(main.calls.map((c) => c.at)).toEqual([1000, 1500, 2500, 4500, 8500]);
    expect(main.stored.map((b) => b.seq)).toEqual([0]);
    up.stop();
  });

  it('sends the zones with the next batch when they change, and only then', async () => {
    const src = source();
    src.setZones([{ id: 'zone-1', regions: ['forehead'] }]);
    const main = fakeMain();
    const up = createAttemptUploader({ attemptId: 'a-1', source: src, append: main.append });
    up.start();
    src.push(sample(0));
    await vi.advanceTimersByTimeAsync(1000);
    expect(main.calls[0].args.zones).toBeUndefined();
    src.setZones([{ id: 'zone-1', regions: ['forehead'] }, { id: 'zone-2', regions: ['nose'] }]);
    await vi.advanceTimersByTimeAsync(1000);
    // A zone change alone is a batch of its own, with no events.
    expect(main.calls[1].args).toEqual({ attemptId: 'a-1', seq: 1, events: [], zones: [{ id: 'zone-1', regions: ['forehead'] }, { id: 'zone-2', regions: ['nose'] }] });
    src.push(sample(8));
    await vi.advanceTimersByTimeAsync(1000);
    expect(main.calls[2].args.zones).toBeUndefined();
    up.stop();
  });

  it('flush sends everything now and says null; it gives up after its tries with the error; a hopeless error stops it at once', async () => {
    const src = source();
    const main = fakeMain(['fail', 'ok']);
    const up = createAttemptUploader({ attemptId: 'a-1', source: src, append: main.append });
    up.start();
    for (let i = 0; i < MAX_EVENTS_PER_BATCH + 1; i++) src.push(sample(i));
    const flushed = up.flush();
    await vi.advanceTimersByTimeAsync(500);
    expect(await flushed).toBeNull();
    expect(main.stored.map((b) => b.events.length)).toEqual([MAX_EVENTS_PER_BATCH, 1]);
    expect(up.state().batches).toBe(2);

    const down = fakeMain(['fail', 'fail', 'fail']);
    const up2 = createAttemptUploader({ attemptId: 'a-2', source: src, append: down.append });
    const gaveUp = up2.flush({ attempts: 3 });
    await vi.advanceTimersByTimeAsync(500 + 1000);
    expect(await gaveUp).toMatchObject({ code: 'storage-failed' });
    expect(down.calls).toHaveLength(3);

    const ended = createAttemptUploader({
      attemptId: 'a-3',
      source: src,
      append: async () => ({ ok: false, error: { code: 'conflict', message: 'attempt a-3 has already ended (abandoned)' } }),
    });
    ended.start();
    expect(await ended.flush()).toMatchObject({ code: 'conflict' });
    expect(ended.state()).toMatchObject({ fatal: true, batches: 0 });
    // Stopped: the timer does not keep calling main.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ended.state().failures).toBe(1);
  });

  it('keeps a paused session alive: an empty batch after five quiet minutes, so main does not take it for abandoned', async () => {
    const src = source();
    const main = fakeMain();
    const up = createAttemptUploader({ attemptId: 'a-1', source: src, append: main.append });
    up.start();
    src.push(sample(0));
    await vi.advanceTimersByTimeAsync(1000);
    expect(main.calls).toHaveLength(1);
    // Reading the case: nothing recorded for a while, nothing sent...
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(main.calls).toHaveLength(1);
    // ...until five minutes have passed since main last stored a batch.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(main.calls.map((c) => [c.args.seq, c.args.events.length])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(up.state()).toMatchObject({ batches: 2, pendingEvents: 0 });
    up.stop();
  });

  it('sendNow (the window is closing) sends the next batch at once, without waiting for the timer', async () => {
    const src = source();
    const main = fakeMain();
    const up = createAttemptUploader({ attemptId: 'a-1', source: src, append: main.append });
    up.start();
    src.push(sample(0));
    up.sendNow();
    up.sendNow(); // one batch in flight at a time
    await vi.advanceTimersByTimeAsync(0);
    expect(main.calls.map((c) => c.args.seq)).toEqual([0]);
    up.stop();
  });
});

describe('the attempt uploader against the real services', () => {
  it('streams a session to main, which stores exactly the events recorded, in order, and scores them once', async () => {
    const s = await seededInstitution();
    const started = s.ok(await s.trainee.sessions.start({ presetId: 'rf-face-tightening', mode: 'learn' }));
    const recorder = createRecorder({ header: started.header, startedAt: started.startedAt, app: started.app, initialSettings: started.initialSettings });
    const up = createAttemptUploader({ attemptId: started.attemptId, source: recorder, append: (a) => s.trainee.sessions.append(a), maxEventsPerBatch: 7 });
    recorder.push({ kind: 'step', step: { step: 'take-history', tMs: 100 } });
    for (let i = 0; i < 12; i++) {
      recorder.push({
        kind: 'pulse',
        pulse: { tMs: 1000 + i * 300, p: [-20 + i * 3, 74, 62], n: [0, 0.6, 0.8], axis: [0, -0.6, -0.8], region: 'forehead', zoneId: 'zone-1', depthMm: 1, powerW: 20, pulseWidthMs: 100, tipSizeMm: 10, suction: true, bipolar: true, tipId: 'tip-1', pressure: 0.5 },
      });
    }
    expect(await up.flush()).toBeNull();
    recorder.setZones([...recorder.zones(), { id: 'zone-4', regions: ['nose'] }]);
    recorder.push({ kind: 'settings', change: { tMs: 5000, settings: { ...started.initialSettings, device: 'rf', tipSizeMm: 10, depthMm: 1.5, powerW: 20, pulseWidthMs: 100, suction: true, bipolar: true, tipId: 'tip-1' } } });
    expect(await up.flush()).toBeNull();
    const batches = up.state().batches;
    expect(batches).toBe(3); // 14 events in batches of 7, then the zone change with its one event
    const local = recorder.build({ tMs: 6000, reason: 'completed' });
    const done = s.ok(await s.trainee.sessions.finish({ attemptId: started.attemptId, batches, endTMs: 6000, zones: [...recorder.zones()] }));
    expect(done.summary).toMatchObject({ status: 'finished', kind: 'practice', score: done.report.score });
    const stored = s.ok(await s.trainee.sessions.open({ id: started.attemptId }));
    const rec = stored.recording as Recording;
    for (const stream of ['settings', 'steps', 'samples', 'pulses', 'contacts', 'zones'] as const) expect(rec[stream], stream).toEqual(local[stream]);
    expect(rec.end).toEqual(local.end);
    expect(stored.report).toEqual(done.report);
  });
});
