import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type ApiDispatcher } from '../../core/api/dispatch';
import { ApiFailure } from '../../core/api/errors';
import type { Recording } from '../../core/recording/types';
import type { ScoreReport } from '../../core/scoring/report';
import { createServiceHandlers, unavailableRecordingPorts, type RecordingPorts } from '../../electron/services';
import { writeJsonAtomic } from '../../electron/services/json-file';
import { defaultDataDir } from '../../electron/services/app-info';

let dataDir: string;
let tick = 0;
const runtime = {
  now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
  newId: (prefix: string) => `${prefix}-${tick++}`,
};

async function dispatcher(ports: RecordingPorts = unavailableRecordingPorts): Promise<ApiDispatcher> {
  const handlers = await createServiceHandlers({
    dataDir,
    recordingPorts: ports,
    runtime,
    appInfo: { productName: { zh: '微针', en: 'Trainer' }, version: '1', shell: 'web', platform: 'linux', locale: 'zh-CN', dataDir },
  });
  return createDispatcher(handlers);
}

const nurse = { name: '王芳', role: 'nurse', certificateNumber: 'N-2024-01' };

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-services-'));
  tick = 0;
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('profiles', () => {
  it('creates, lists, selects and remembers the current profile across service instances', async () => {
    const api = await dispatcher();
    const created = await api('profiles.create', nurse);
    expect(created).toMatchObject({ ok: true, value: { name: '王芳', role: 'nurse', isInstructor: false } });
    const second = await api('profiles.create', { name: 'Li', role: 'physician', certificateNumber: 'P7', isInstructor: true });
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/certificateNumber' } });
    const physician = await api('profiles.create', { name: 'Li', role: 'physician', certificateNumber: 'P-7777', isInstructor: true });
    expect(physician.ok).toBe(true);

    const again = await dispatcher(); // as after a restart
    const list = await again('profiles.list', {});
    expect(list.ok && (list.value as { name: string }[]).map((p) => p.name)).toEqual(['王芳', 'Li']);
    expect(await again('profiles.current', {})).toMatchObject({ ok: true, value: { name: 'Li' } });
    const id = created.ok ? (created.value as { id: string }).id : '';
    await again('profiles.select', { id });
    expect(await again('profiles.current', {})).toMatchObject({ ok: true, value: { name: '王芳' } });
  });

  it('refuses a second profile with the same certificate number, in any letter case', async () => {
    const api = await dispatcher();
    await api('profiles.create', nurse);
    expect(await api('profiles.create', { ...nurse, name: 'Other', certificateNumber: 'n-2024-01' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', path: '/certificateNumber' },
    });
  });

  it('says when the profile to select does not exist', async () => {
    const api = await dispatcher();
    expect(await api('profiles.select', { id: 'p-404' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('names a corrupt profiles file, never overwrites it, and keeps working for other calls', async () => {
    const file = path.join(dataDir, 'profiles.json');
    const corrupt = '{"format":"microneedle-profiles","version":1,"profiles":[{"id":"p-1","name":"","role":"x"}],"currentProfileId":null}';
    writeFileSync(file, corrupt);
    const api = await dispatcher();
    const list = await api('profiles.list', {});
    expect(list).toMatchObject({ ok: false, error: { code: 'storage-corrupt', path: file } });
    expect(!list.ok && list.error.message).toContain(file);
    expect(!list.ok && list.error.message).toContain('/profiles/0/name');
    expect(await api('profiles.create', nurse)).toMatchObject({ ok: false, error: { code: 'storage-corrupt' } });
    expect(readFileSync(file, 'utf8')).toBe(corrupt);
    expect(await api('settings.get', {})).toMatchObject({ ok: true });

    writeFileSync(file, '{"format": "microneedle-profiles", ');
    const truncated = await api('profiles.list', {});
    expect(!truncated.ok && truncated.error.message).toMatch(/is not valid JSON/);
  });

  it('serialises concurrent writes so none is lost', async () => {
    const api = await dispatcher();
    await Promise.all(Array.from({ length: 8 }, (_, i) => api('profiles.create', { ...nurse, certificateNumber: `N-000${i}` })));
    const list = await api('profiles.list', {});
    expect(list.ok && list.value).toHaveLength(8);
  });
});

describe('settings', () => {
  it('defaults to the system language and an empty institution, and merges updates', async () => {
    const api = await dispatcher();
    expect(await api('settings.get', {})).toEqual({ ok: true, value: { language: 'system', institutionName: '' } });
    expect(await api('settings.update', { language: 'en' })).toEqual({ ok: true, value: { language: 'en', institutionName: '' } });
    expect(await api('settings.update', { institutionName: '  华东培训中心 ' })).toEqual({ ok: true, value: { language: 'en', institutionName: '华东培训中心' } });
    expect(await api('settings.update', { language: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/language' } });
    expect(await (await dispatcher())('settings.get', {})).toEqual({ ok: true, value: { language: 'en', institutionName: '华东培训中心' } });
  });
});

describe('atomic writes', () => {
  it('replaces the file in one step and leaves no temp files', async () => {
    const file = path.join(dataDir, 'a', 'doc.json');
    await writeJsonAtomic(file, { v: 1 });
    await writeJsonAtomic(file, { v: 2 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ v: 2 });
    expect(readdirSync(path.dirname(file))).toEqual(['doc.json']);
  });
});

describe('sessions', () => {
  const recording = { id: 'rec-1', procedure: 'roller', mode: 'learn', startedAt: '2026-01-01T08:00:00Z', trainee: { id: 'p-1', name: 'A', role: 'nurse' } };
  const report = { reportVersion: 1, recordingId: 'rec-1', procedure: 'roller', score: 82.5, passed: true, criticalFailure: false, passMark: 60, criteria: [], findings: [], metrics: {} };
  // A validator that accepts objects with an id and names the field otherwise, as core/recording's does.
  const ports: RecordingPorts = {
    validateRecording(input) {
      const r = input as Partial<Recording>;
      if (typeof r.id !== 'string') throw new ApiFailure('invalid-recording', 'recording /id: expected a string', '/id');
      return r as Recording;
    },
    scoreRecording: () => report as ScoreReport,
  };

  it('says clearly when validation and scoring are not built in', async () => {
    const api = await dispatcher();
    expect(await api('sessions.save', { recording })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await api('sessions.score', { recording })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await api('sessions.list', {})).toEqual({ ok: true, value: [] });
  });

  it('stores, scores, lists and reopens a recording', async () => {
    const api = await dispatcher(ports);
    const saved = await api('sessions.save', { recording });
    expect(saved).toMatchObject({ ok: true, value: { id: 'rec-1', summary: { score: 82.5, passed: true, traineeId: 'p-1', procedure: 'roller' } } });
    expect(existsSync(path.join(dataDir, 'sessions', 'rec-1.json'))).toBe(true);
    expect(await api('sessions.list', {})).toMatchObject({ ok: true, value: [{ id: 'rec-1' }] });
    expect(await api('sessions.open', { id: 'rec-1' })).toEqual({ ok: true, value: { recording } });
    expect(await api('sessions.score', { recording })).toEqual({ ok: true, value: report });
    expect(await api('sessions.open', { id: 'rec-2' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api('sessions.open', { id: '../profiles' })).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/id' } });
  });

  it('gives an unsafe recording id a fresh one instead of using it as a file name', async () => {
    const api = await dispatcher(ports);
    const saved = await api('sessions.save', { recording: { ...recording, id: '../../escape' } });
    expect(saved.ok && (saved.value as { id: string }).id).toMatch(/^s-\d+$/);
    expect(readdirSync(dataDir).sort()).toEqual(['sessions']);
  });

  it('keeps a recording that cannot be scored yet, without a score', async () => {
    const api = await dispatcher({ ...ports, scoreRecording: unavailableRecordingPorts.scoreRecording });
    const saved = await api('sessions.save', { recording });
    const summary = saved.ok ? (saved.value as { summary: Record<string, unknown> }).summary : null;
    expect(summary).toMatchObject({ id: 'rec-1', procedure: 'roller' });
    expect(summary?.score).toBeUndefined();
    expect(summary?.passed).toBeUndefined();
  });

  it('passes the validator’s field path through', async () => {
    const api = await dispatcher(ports);
    expect(await api('sessions.save', { recording: { procedure: 'roller' } })).toMatchObject({ ok: false, error: { code: 'invalid-recording', path: '/recording/id' } });
  });

  it('names a corrupt stored recording', async () => {
    const api = await dispatcher(ports);
    mkdirSync(path.join(dataDir, 'sessions'), { recursive: true });
    writeFileSync(path.join(dataDir, 'sessions', 'bad.json'), '{');
    expect(await api('sessions.open', { id: 'bad' })).toMatchObject({ ok: false, error: { code: 'storage-corrupt', path: path.join(dataDir, 'sessions', 'bad.json') } });
  });
});

describe('default data directory', () => {
  it('matches Electron’s userData folder for the product on each platform', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'Microneedling Trainer'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Microneedling Trainer');
    expect(defaultDataDir({}, 'darwin')).toContain(path.join('Library', 'Application Support', 'Microneedling Trainer'));
  });
});
