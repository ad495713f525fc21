// Attempts as main keeps them: imported files never count as tests, implausible recordings are refused with
// their field, batches are stored once and in order, a stored score is never recomputed on open, and main
// refuses to score without the head model.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Recording } from '../../../core/recording/types';
import { shippedHeadModelSha256 } from '../../../core/node/head-model-file';
import { loadScoringPorts, type ScoringPorts } from '../../../electron/services';
import { seededInstitution, standInScoring } from '../../helpers/training-services';
import { fixture, foreheadSamples, ok, sessionBatches, tempDir } from './helpers';

// The head model's path as core/node/surface sees it: null = the shipped file. Tests of the refusal point it
// at a file that does not exist, and the real loadScoringPorts() then meets a missing head model.
const headOverride = vi.hoisted(() => ({ metaPath: null as string | null }));
vi.mock('../../../core/node/surface', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../core/node/surface')>();
  return {
    ...actual,
    loadScoringSurface: (metaPath?: string) => actual.loadScoringSurface(headOverride.metaPath ?? metaPath),
    // Main scores each recording on the head its case names; with the override every head is the missing file.
    scoringSurfaceFor: (recording: Parameters<typeof actual.scoringSurfaceFor>[0]) =>
      headOverride.metaPath ? { ...actual.scoringSurfaceFor(recording), surface: actual.loadScoringSurface(headOverride.metaPath).surface } : actual.scoringSurfaceFor(recording),
  };
});
afterEach(() => {
  headOverride.metaPath = null;
});

/** The stand-in ports, counting how often main validates and scores. */
function countingPorts() {
  const base = standInScoring();
  const calls = { validate: 0, score: 0 };
  const ports: ScoringPorts = {
    validateRecording: (input, source) => {
      calls.validate++;
      return base.validateRecording(input, source);
    },
    scoreRecording: (recording) => {
      calls.score++;
      return base.scoreRecording(recording);
    },
    provenance: (...a: Parameters<ScoringPorts['provenance']>) => base.provenance(...a),
  };
  return { ports, calls };
}

async function startWithBatches(s: Awaited<ReturnType<typeof seededInstitution>>, batches = 3) {
  const started = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
  const events = sessionBatches(started.initialSettings, batches);
  for (let seq = 0; seq < events.length; seq++) ok(await s.trainee.sessions.append({ attemptId: started.attemptId, seq, events: events[seq] }));
  return { started, events, id: started.attemptId, lastT: 100 + batches * 40 * 10 };
}

describe('imported recordings', () => {
  it('a recording edited by hand is stored as imported, scored by main, and never listed as a test', async () => {
    const s = await seededInstitution();
    const edited = fixture('roller-forehead-good');
    // Samples deleted on part of the forehead, consent moved to the very start, and the mode claimed as a test.
    edited.samples = edited.samples.filter((x) => !(x.region === 'forehead' && x.p[0] > 0));
    const consent = edited.steps.find((x) => x.step === 'consent')!;
    edited.steps = [{ ...consent, tMs: 0 }, ...edited.steps.filter((x) => x !== consent)];
    edited.mode = 'test';
    const imported = ok(await s.trainee.sessions.import({ recording: edited, fileName: 'roller-forehead-good (edited).json' }));
    expect(imported.summary).toMatchObject({ kind: 'imported', status: 'finished', personId: s.people.nurse.id, sourceName: 'roller-forehead-good (edited).json' });
    expect(imported.summary.note).toContain('none of it is believed');
    // The start time is main's, not the file's.
    expect(imported.summary.startedAt).not.toBe(edited.startedAt);
    // Main's own score of what was sent.
    const expectedReport = standInScoring().scoreRecording(standInScoring().validateRecording(edited, 'x'));
    expect(imported.report).toEqual(expectedReport);

    for (const api of [s.trainee, s.instructor, s.admin]) {
      expect(ok(await api.sessions.list({ kind: 'test' })).total).toBe(0);
      expect(ok(await api.sessions.list({ kind: 'imported', ...(api === s.trainee ? {} : { personId: s.people.nurse.id }) })).items.map((a) => a.id)).toEqual([imported.summary.id]);
    }
    const opened = ok(await s.trainee.sessions.open({ id: imported.summary.id }));
    expect(opened.summary.kind).toBe('imported');
    expect(opened.recording).toEqual(standInScoring().validateRecording(edited, 'x'));
  });

  it('refuses a file whose trainee name is longer than a recording allows, and quotes a long one in the note at most 60 characters long', async () => {
    const s = await seededInstitution();
    const file = fixture('roller-forehead-good');
    file.trainee = { id: 'someone', name: '长'.repeat(100_000), role: 'nurse' };
    expect(await s.trainee.sessions.import({ recording: file, fileName: 'huge-name.json' })).toMatchObject({ ok: false, error: { code: 'invalid-recording', path: '/recording/trainee/name' } });
    file.trainee = { id: 'someone', name: '长'.repeat(100), role: 'nurse' };
    const imported = ok(await s.trainee.sessions.import({ recording: file, fileName: 'long-name.json' }));
    expect(imported.summary.note).toContain(`trainee "${'长'.repeat(60)}…"`);
    expect(imported.summary.note!.length).toBeLessThan(300);
    expect(ok(await s.trainee.sessions.list({})).items[0].note).toBe(imported.summary.note);
  });

  it('refuses a recording that ends 31 years after its start, naming /end/tMs, and stores nothing', async () => {
    const s = await seededInstitution();
    const long = fixture('roller-forehead-good');
    long.end.tMs = 31 * 365.25 * 24 * 3600 * 1000;
    const r = await s.trainee.sessions.import({ recording: long, fileName: 'long.json' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-recording', path: '/recording/end/tMs' } });
    expect(!r.ok && r.error.message).toContain('/end/tMs');
    expect(!r.ok && r.error.message).toContain('31.0 years');
    expect(ok(await s.admin.sessions.list({ personId: s.people.nurse.id })).total).toBe(0);
    expect(ok(await s.admin.audit.list({ action: 'attempt.imported' })).total).toBe(0);
  });

  it('refuses positions of 1e307 mm, from a file and from the studio', async () => {
    const s = await seededInstitution();
    const absurd = fixture('roller-forehead-good');
    absurd.samples[5] = { ...absurd.samples[5], p: [1e307, 62.8, 90.4] };
    const r = await s.trainee.sessions.import({ recording: absurd, fileName: 'absurd.json' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-recording', path: '/recording/samples/5/p' } });
    expect(!r.ok && r.error.message).toMatch(/absurd/);

    // Streamed: the batch is stored as sent, the finish refuses to score it and keeps it as abandoned.
    const started = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
    const [batch] = sessionBatches(started.initialSettings, 1);
    const bad = batch.map((e, i) => (i === 3 && e.kind === 'sample' ? { ...e, sample: { ...e.sample, p: [0, 1e307, 90] as [number, number, number] } } : e));
    ok(await s.trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events: bad }));
    const finished = await s.trainee.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 2000, zones: [] });
    expect(finished).toMatchObject({ ok: false, error: { code: 'invalid-recording', path: '/samples/2/p' } });
    const kept = ok(await s.trainee.sessions.open({ id: started.attemptId }));
    expect(kept.summary).toMatchObject({ status: 'abandoned', score: null, passed: null });
    expect(kept.summary.note).toMatch(/not scored/);
    expect(kept.recording!.samples).toHaveLength(batch.length - 1);
    expect(ok(await s.trainee.sessions.list({ kind: 'test', status: 'finished' })).total).toBe(0);
  });
});

describe('streamed attempts', () => {
  it('stores a batch once per seq: a resend is a no-op, other content or a gap is a conflict', async () => {
    const s = await seededInstitution();
    const started = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
    const [b0, b1, b2] = sessionBatches(started.initialSettings, 3);
    const id = started.attemptId;
    expect(ok(await s.trainee.sessions.append({ attemptId: id, seq: 0, events: b0 }))).toEqual({ attemptId: id, seq: 0, stored: b0.length });
    expect(ok(await s.trainee.sessions.append({ attemptId: id, seq: 0, events: b0 }))).toEqual({ attemptId: id, seq: 0, stored: 0 });
    expect(await s.trainee.sessions.append({ attemptId: id, seq: 0, events: b1 })).toMatchObject({ ok: false, error: { code: 'conflict', path: '/seq' } });
    expect(await s.trainee.sessions.append({ attemptId: id, seq: 2, events: b2 })).toMatchObject({ ok: false, error: { code: 'conflict', path: '/seq' } });
    ok(await s.trainee.sessions.append({ attemptId: id, seq: 1, events: b1 }));
    expect(ok(await s.trainee.sessions.append({ attemptId: id, seq: 1, events: b1 })).stored).toBe(0);
    ok(await s.trainee.sessions.append({ attemptId: id, seq: 2, events: b2 }));
    ok(await s.trainee.sessions.finish({ attemptId: id, batches: 3, endTMs: 5000, zones: [] }));
    const rec = ok(await s.trainee.sessions.open({ id })).recording!;
    const sent = [...b0, ...b1, ...b2].filter((e) => e.kind === 'sample').map((e) => (e.kind === 'sample' ? e.sample : null));
    expect(rec.samples).toEqual(sent); // every sample once, in order
    expect(rec.settings).toHaveLength(1);
  });

  it('refuses to finish while batches are missing, and a second finish is a conflict', async () => {
    const s = await seededInstitution();
    const started = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
    const [b0, b1] = sessionBatches(started.initialSettings, 2);
    const id = started.attemptId;
    ok(await s.trainee.sessions.append({ attemptId: id, seq: 0, events: b0 }));
    ok(await s.trainee.sessions.append({ attemptId: id, seq: 1, events: b1 }));
    const early = await s.trainee.sessions.finish({ attemptId: id, batches: 3, endTMs: 5000, zones: [] });
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict', path: '/batches' } });
    expect(ok(await s.trainee.sessions.open({ id })).summary.status).toBe('running');
    const done = ok(await s.trainee.sessions.finish({ attemptId: id, batches: 2, endTMs: 5000, zones: [] }));
    expect(done.summary.status).toBe('finished');
    expect(await s.trainee.sessions.finish({ attemptId: id, batches: 2, endTMs: 5000, zones: [] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await s.trainee.sessions.abandon({ attemptId: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await s.trainee.sessions.append({ attemptId: id, seq: 2, events: b1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(ok(await s.admin.audit.list({ action: 'attempt.stored' })).total).toBe(1);
    expect(ok(await s.trainee.sessions.open({ id })).report).toEqual(done.report);
  });

  it('an abandoned attempt keeps every event it received', async () => {
    const s = await seededInstitution();
    const { id, events } = await startWithBatches(s, 3);
    const summary = ok(await s.trainee.sessions.abandon({ attemptId: id }));
    expect(summary).toMatchObject({ status: 'abandoned', score: null, passed: null });
    const kept = ok(await s.instructor.sessions.open({ id }));
    const samples = events.flat().filter((e) => e.kind === 'sample');
    expect(kept.recording!.samples).toHaveLength(samples.length);
    expect(kept.recording!.samples).toEqual(samples.map((e) => (e.kind === 'sample' ? e.sample : null)));
    expect(kept.recording!.end.reason).toBe('aborted');
    expect(ok(await s.admin.audit.list({ action: 'attempt.abandoned' })).entries[0]).toMatchObject({ subject: id, details: { recordingSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(ok(await s.trainee.sessions.list({ result: 'passed' })).total + ok(await s.trainee.sessions.list({ result: 'failed' })).total).toBe(0);
  });

  it('open returns the stored report without scoring again, with its provenance', async () => {
    const { ports, calls } = countingPorts();
    const s = await seededInstitution({ scoring: ports });
    const { id } = await startWithBatches(s, 2);
    const done = ok(await s.trainee.sessions.finish({ attemptId: id, batches: 2, endTMs: 5000, zones: [] }));
    expect(calls).toEqual({ validate: 1, score: 1 });
    const spy = vi.spyOn(ports, 'scoreRecording');
    for (const api of [s.trainee, s.instructor, s.admin]) {
      const opened = ok(await api.sessions.open({ id }));
      expect(opened.report).toEqual(done.report);
      expect(opened.summary).toEqual(done.summary);
    }
    ok(await s.admin.sessions.list({ personId: s.people.nurse.id }));
    expect(spy).not.toHaveBeenCalled();
    expect(calls).toEqual({ validate: 1, score: 1 });

    const provenance = done.summary.provenance!;
    expect(provenance).toEqual({
      engineVersion: expect.stringMatching(/\S/),
      rulesHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      scenarioHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      headModelSha256: 'stand-in-surface-for-tests',
    });
    expect(ok(await s.trainee.sessions.list({})).items[0].provenance).toEqual(provenance);
    expect(ok(await s.admin.audit.list({ action: 'attempt.stored' })).entries[0].details).toMatchObject({ provenance, score: done.report.score, recordingSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The score main stored is the one it computed; the renderer has no say.
    expect(done.summary.score).toBe(done.report.score);
  });
});

describe('scoring on the shipped head', () => {
  it('scores a fixture through loadScoringPorts() with the shipped head model and its SHA-256', async () => {
    const s = await seededInstitution({ scoring: loadScoringPorts() });
    const recording: Recording = fixture('roller-forehead-good');
    const imported = ok(await s.trainee.sessions.import({ recording, fileName: 'roller-forehead-good.json' }));
    expect(imported.report.passed).toBe(true); // as roller-forehead-good.expected.json says
    expect(imported.report.findings).toEqual([]);
    expect(imported.summary.provenance?.headModelSha256).toBe(shippedHeadModelSha256());
    expect(imported.summary.provenance?.headModelSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to check or score when the head model is missing, naming the file, and scores once it is back', async () => {
    const t = tempDir('no-head');
    try {
      const missing = path.join(t.dir, 'assets', 'head', 'head-model.json');
      expect(existsSync(missing)).toBe(false);
      headOverride.metaPath = missing;
      const s = await seededInstitution({ scoring: loadScoringPorts() });
      const r = await s.trainee.sessions.import({ recording: fixture('roller-forehead-good'), fileName: 'good.json' });
      expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(!r.ok && r.error.message).toContain(missing);
      expect(!r.ok && r.error.message).toMatch(/refuses to score/);

      const started = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
      const events = [{ kind: 'settings' as const, change: { tMs: 0, settings: started.initialSettings } }, ...foreheadSamples(100, 20)];
      ok(await s.trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events }));
      const finish = await s.trainee.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 2000, zones: [] });
      expect(finish).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining(missing) } });
      // Nothing was scored or stored: the attempt is still running with its batch.
      const open = ok(await s.trainee.sessions.open({ id: started.attemptId }));
      expect(open.summary).toMatchObject({ status: 'running', score: null, provenance: null });
      expect(ok(await s.admin.audit.list({ action: 'attempt.imported' })).total + ok(await s.admin.audit.list({ action: 'attempt.stored' })).total).toBe(0);

      // The head model back in place: the same services score the import.
      headOverride.metaPath = null;
      expect(await s.trainee.sessions.import({ recording: fixture('roller-forehead-good'), fileName: 'good.json' })).toMatchObject({ ok: true });
    } finally {
      t.cleanup();
    }
  });
});
