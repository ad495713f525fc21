// The studio store's attempt slice against the real services (in-memory training file, a trainee signed in
// on their own window): Start builds the recorder from main's header, End stores and shows main's report
// (not the live scorer's), leaving abandons and keeps the events, reopening never scores again, a file is
// imported as imported whatever it says, and errors leave nothing started.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Recording } from '../../../core/recording/types';
import type { ScoringPorts } from '../../../electron/services';
import { createStudioStore } from '../../../renderer/studio/store';
import { seededInstitution, standInScoring } from '../../helpers/training-services';
import { foreheadDir, rayToward, standIn } from './helpers';
import { createSurfacePicker } from '../../../renderer/studio/head/picker';
import { createSessionInput, type PointerInput } from '../../../renderer/studio/input/session-input';
import { createCursorState } from '../../../renderer/studio/scene/cursor';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'recordings');

/** Scoring ports that count how often main validates and scores. */
function countingPorts(): ScoringPorts & { scored: number } {
  const base = standInScoring();
  const ports = {
    scored: 0,
    validateRecording: (input: unknown, source: string) => base.validateRecording(input, source),
    scoreRecording: (r: Recording) => {
      ports.scored++;
      return base.scoreRecording(r);
    },
    provenance: (...a: Parameters<ScoringPorts['provenance']>) => base.provenance(...a),
  };
  return ports;
}

async function studio(procedure: 'roller' | 'rf' | 'nano' = 'roller', client: 'trainee' | 'admin' = 'trainee') {
  const scoring = countingPorts();
  const s = await seededInstitution({ scoring });
  let clock = 1000;
  const store = createStudioStore({ procedure, surface: standIn(), api: s[client], now: () => clock, upload: { intervalMs: 50, backoff: { initialMs: 10, factor: 2, maxMs: 40 } } });
  const input = createSessionInput(store, createSurfacePicker(standIn()), createCursorState());
  const at = (t: number, dir: [number, number, number], buttons = 1): PointerInput => ({ timeStamp: t, ray: rayToward(dir), pointerType: 'mouse', pressure: 0.5, shiftKey: false, altKey: false, buttons });
  const stroke = (t0: number, dy = 0) => {
    input.down(at(t0, foreheadDir(-20, dy)));
    input.move(Array.from({ length: 20 }, (_, i) => at(t0 + (i + 1) * 8, foreheadDir(-20 + 2 * (i + 1), dy))));
    input.up(at(t0 + 200, foreheadDir(20, dy), 0));
  };
  return { s, scoring, store, stroke, tick: (ms: number) => (clock += ms) };
}

describe('the studio store with attempts owned by main', () => {
  it('starts from the header main returns: its id, the signed-in trainee, the start time', async () => {
    const { s, store } = await studio();
    const pending = store.getState().startSession();
    expect(store.getState().busy).toBe('starting');
    await pending;
    const st = store.getState();
    expect(st.phase).toBe('running');
    expect(st.attempt?.id).toMatch(/^a-/);
    expect(st.recorder!.header).toMatchObject({ id: st.attempt!.id, trainee: { id: s.people.nurse.id, name: '王芳', role: 'nurse' }, scenarioId: 'roller-forehead-pink' });
    expect(st.recorder!.startedAt).toBe(st.attempt!.startedAt);
    const list = s.ok(await s.trainee.sessions.list({}));
    expect(list.items).toEqual([expect.objectContaining({ id: st.attempt!.id, status: 'running', kind: 'practice' })]);
    store.getState().attachStudio()();
  });

  it('End stores the attempt without anything else pressed and shows the report main returned', async () => {
    const { s, scoring, store, stroke, tick } = await studio();
    await store.getState().startSession();
    store.getState().recordStep('cleanse');
    stroke(1100);
    stroke(1400, 8);
    tick(5000);
    await store.getState().endSession();
    const st = store.getState();
    expect(st.phase).toBe('debrief');
    expect(st.problem).toBeNull();
    expect(st.outcome?.source).toBe('finished');
    expect(scoring.scored).toBe(1);
    const list = s.ok(await s.trainee.sessions.list({}));
    expect(list.items[0]).toMatchObject({ status: 'finished', kind: 'practice', score: st.outcome!.report!.score });
    const stored = s.ok(await s.trainee.sessions.open({ id: list.items[0].id }));
    expect(stored.report).toEqual(JSON.parse(JSON.stringify(st.outcome!.report)));
    expect((stored.recording as Recording).samples).toEqual(st.recording!.samples);
    expect(st.recording!.samples.length).toBe(44);
  });

  it('Back mid-session abandons the attempt; main keeps the events sent, marked abandoned', async () => {
    const { s, store, stroke } = await studio();
    await store.getState().startSession();
    stroke(1100);
    expect(await store.getState().abandonSession()).toBe(true);
    const list = s.ok(await s.trainee.sessions.list({}));
    expect(list.items[0]).toMatchObject({ status: 'abandoned', score: null });
    const stored = s.ok(await s.trainee.sessions.open({ id: list.items[0].id }));
    expect((stored.recording as Recording).samples).toHaveLength(22);
    expect(store.getState().attempt).toBeNull();
  });

  it('reopening shows the stored report and recording, and main scores nothing again', async () => {
    const { s, scoring, store, stroke, tick } = await studio();
    await store.getState().startSession();
    stroke(1100);
    tick(3000);
    await store.getState().endSession();
    const report = JSON.parse(JSON.stringify(store.getState().outcome!.report)) as unknown;
    const id = s.ok(await s.trainee.sessions.list({})).items[0].id;
    expect(scoring.scored).toBe(1);
    const again = createStudioStore({ procedure: 'roller', surface: standIn(), api: s.trainee });
    await again.getState().openAttempt(id);
    expect(again.getState()).toMatchObject({ phase: 'debrief', outcome: { source: 'stored', report } });
    expect(again.getState().recording!.id).toBe(id);
    expect(scoring.scored).toBe(1);
  });

  it('imports a recording file as imported even when the file says mode test', async () => {
    const { s, store } = await studio();
    const text = readFileSync(path.join(FIXTURES, 'roller-forehead-good.json'), 'utf8');
    const doc = JSON.parse(text) as Recording;
    expect(doc.mode).toBe('test');
    await store.getState().importRecording(doc, doc, 'roller-forehead-good.json');
    const st = store.getState();
    expect(st.outcome).toMatchObject({ source: 'imported', summary: { kind: 'imported', sourceName: 'roller-forehead-good.json' } });
    const list = s.ok(await s.trainee.sessions.list({ kind: 'test' }));
    expect(list.total).toBe(0);
  });

  it('an error from Start is kept to show, and nothing starts (an administrator may not practise)', async () => {
    const { store } = await studio('roller', 'admin');
    await store.getState().startSession();
    expect(store.getState()).toMatchObject({ phase: 'setup', busy: null, attempt: null, recorder: null, problem: { action: 'start', error: { code: 'forbidden' } } });
  });

  it('when finish fails the recording stays, main keeps the attempt running, and a retry stores it', async () => {
    const { s, store, stroke, tick } = await studio();
    await store.getState().startSession();
    stroke(1100);
    tick(2000);
    const api = s.trainee;
    const finish = vi.spyOn(api.sessions, 'finish').mockResolvedValueOnce({ ok: false, error: { code: 'storage-failed', message: 'the app server cannot be reached' } });
    await store.getState().endSession();
    expect(store.getState()).toMatchObject({ phase: 'debrief', outcome: null, problem: { action: 'finish', retry: true, error: { code: 'storage-failed' } } });
    expect(store.getState().recording!.samples).toHaveLength(22);
    expect(s.ok(await api.sessions.list({})).items[0].status).toBe('running');
    await store.getState().retryFinish();
    expect(finish).toHaveBeenCalledTimes(2);
    expect(store.getState()).toMatchObject({ problem: null, outcome: { source: 'finished' } });
    expect(s.ok(await api.sessions.list({})).items[0].status).toBe('finished');
  });

  it('a recording main finds invalid is kept by main as abandoned: the debrief says so and offers no retry', async () => {
    const { s, store, tick } = await studio();
    await store.getState().startSession();
    // Far off the head: main's plausibility check refuses it (the studio's picker never records such a point).
    store.getState().recorder!.push({ kind: 'sample', sample: { tMs: 100, p: [500, 0, 0], n: [1, 0, 0], region: 'forehead', pressure: 0.5, contact: true } });
    tick(1000);
    await store.getState().endSession();
    expect(store.getState()).toMatchObject({
      phase: 'debrief',
      attempt: null,
      problem: { action: 'finish', retry: false, error: { code: 'invalid-recording' } },
      outcome: { source: 'abandoned', summary: { status: 'abandoned', score: null } },
    });
    expect(s.ok(await s.trainee.sessions.list({})).items[0].status).toBe('abandoned');
  });
});
