// The sessions service wired to core/recording's real validator, as the desktop and web shells run it.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type ApiDispatcher } from '../../core/api/dispatch';
import type { Recording } from '../../core/recording/types';
import { createServiceHandlers } from '../../electron/services';
import { loadRecordingPorts } from '../../electron/services/recording-ports';

const recording: Recording = {
  format: 'microneedle-session',
  version: 1,
  id: 'rec-e2e-1',
  startedAt: '2026-01-01T08:00:00.000Z',
  trainee: { id: 'p-1', name: '王芳', role: 'nurse' },
  procedure: 'roller',
  mode: 'learn',
  goal: { indication: 'texture', endpoint: 'pink', targetRegions: ['forehead'] },
  case: { id: 'case-1', skinType: 'normal', conditions: [] },
  zones: [],
  steps: [],
  settings: [{ tMs: 0, settings: { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 } }],
  samples: [
    { tMs: 10, p: [0, 60, 80], n: [0, 0, 1], region: 'forehead', pressure: 0.5, contact: true },
    { tMs: 20, p: [5, 60, 80], n: [0, 0, 1], region: 'forehead', pressure: 0.5, contact: true },
  ],
  pulses: [],
  contacts: [],
  end: { tMs: 1000, reason: 'completed' },
};

let dataDir: string;
let api: ApiDispatcher;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-ports-'));
  api = createDispatcher(
    await createServiceHandlers({
      dataDir,
      recordingPorts: loadRecordingPorts(),
      appInfo: { productName: { zh: '微针', en: 'Trainer' }, version: '1', shell: 'web', platform: 'linux', locale: 'zh-CN', dataDir },
    }),
  );
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const fixtureDir = path.resolve(__dirname, '..', 'fixtures', 'recordings');
const fixture = (name: string) => JSON.parse(readFileSync(path.join(fixtureDir, `${name}.json`), 'utf8')) as Recording;
const expected = (name: string) => JSON.parse(readFileSync(path.join(fixtureDir, `${name}.expected.json`), 'utf8')) as { passed: boolean; findings: { id: string }[] };

describe('sessions scored by core/scoring in the main process', () => {
  it('scores a good recording as passed and stores the score with it', async () => {
    const saved = await api('sessions.save', { recording: fixture('roller-forehead-good') });
    expect(saved).toMatchObject({ ok: true, value: { summary: { procedure: 'roller', passed: expected('roller-forehead-good').passed } } });
    const summary = saved.ok ? (saved.value as { summary: { score?: number } }).summary : null;
    expect(summary?.score).toBeGreaterThan(0);
    const listed = await api('sessions.list', {});
    expect(listed.ok && listed.value).toEqual([summary]);
  });

  it('returns the full report for sessions.score, with the fixture’s expected findings', async () => {
    const name = 'roller-horizontal-only';
    const result = await api('sessions.score', { recording: fixture(name) });
    expect(result.ok).toBe(true);
    const report = result.ok ? (result.value as { passed: boolean; findings: { id: string }[] }) : null;
    expect(report?.passed).toBe(expected(name).passed);
    expect(report?.findings.map((f) => f.id).sort()).toEqual(expected(name).findings.map((f) => f.id).sort());
  });
});

describe('sessions with core/recording validation', () => {
  it('stores a valid recording and opens it again unchanged', async () => {
    const saved = await api('sessions.save', { recording });
    expect(saved).toMatchObject({ ok: true, value: { id: 'rec-e2e-1', summary: { procedure: 'roller', traineeId: 'p-1' } } });
    expect(await api('sessions.open', { id: 'rec-e2e-1' })).toEqual({ ok: true, value: { recording } });
  });

  it('names the field of an invalid recording as a path in the call’s arguments', async () => {
    const bad = { ...recording, samples: [{ ...recording.samples[0], n: [0, 0, 3] }] };
    const result = await api('sessions.save', { recording: bad });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-recording', path: '/recording/samples/0/n' } });
    expect(!result.ok && result.error.message).toMatch(/not a valid session recording at \/samples\/0\/n/);
  });

  it('reports a stored recording that no longer validates as a damaged file, left untouched', async () => {
    await api('sessions.save', { recording });
    const file = path.join(dataDir, 'sessions', 'rec-e2e-1.json');
    const damaged = JSON.stringify({ ...recording, procedure: 'laser' });
    writeFileSync(file, damaged);
    expect(await api('sessions.open', { id: 'rec-e2e-1' })).toMatchObject({ ok: false, error: { code: 'storage-corrupt', path: file } });
    expect(readFileSync(file, 'utf8')).toBe(damaged);
  });
});
