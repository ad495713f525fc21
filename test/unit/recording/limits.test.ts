import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadShippedHeadModel } from '../../../core/node/head-model-file';
import { checkPlausibility, checkRecordingTextSize, formatDuration, precheckRecordingSize, RECORDING_LIMITS } from '../../../core/recording/limits';
import type { Recording } from '../../../core/recording/types';
import { MAX_REPORTED_ERRORS, parseRecording } from '../../../core/recording/validate';
import { surfaceBounds } from '../../../core/surface/surface';
import { MAX_BODY_BYTES } from '../../../electron/web/server';

const dir = new URL('../../fixtures/recordings/', import.meta.url);
const fixtureNames = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
const load = (name: string): Recording => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const base = () => load('roller-forehead-good.json');
const bounds = surfaceBounds(loadShippedHeadModel());
const YEAR_MS = 365.25 * 24 * 3600 * 1000;

const errorsOf = (input: unknown, options = {}) => {
  const r = parseRecording(input, 'x.json', options);
  return r.ok ? [] : r.errors;
};

describe('RECORDING_LIMITS', () => {
  it('matches the web server body limit and the agreed numbers', () => {
    expect(RECORDING_LIMITS).toMatchObject({
      maxFileBytes: 64 * 1024 * 1024,
      maxDurationMs: 2 * 3600 * 1000,
      maxSamples: 300_000,
      maxPulses: 20_000,
      maxContacts: 20_000,
      maxPathPoints: 200_000,
      maxSteps: 2_000,
      maxSettingsChanges: 5_000,
      maxEventsPerSecond: 1_000,
      maxCoordinateMm: 1_000,
    });
    expect(MAX_BODY_BYTES).toBeGreaterThan(RECORDING_LIMITS.maxFileBytes);
  });

  it('lets a recording with the most samples allowed fit in the largest file allowed', () => {
    const fixture = JSON.parse(readFileSync(new URL('../../fixtures/recordings/roller-forehead-good.json', import.meta.url), 'utf8')) as Recording;
    const longest = Math.max(...fixture.samples.map((x) => JSON.stringify(x).length + 1));
    expect(longest * RECORDING_LIMITS.maxSamples).toBeLessThan(RECORDING_LIMITS.maxFileBytes);
  });
});

describe('accepting real recordings', () => {
  it('accepts every fixture with the shipped head bounds and the clock of the day they were recorded', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(20);
    for (const name of fixtureNames) {
      const r = load(name);
      expect(errorsOf(r, { bounds, now: Date.parse(r.startedAt) }), name).toEqual([]);
    }
  });

  it('the shipped head bounds are a head, in mm', () => {
    for (let a = 0; a < 3; a++) {
      expect(bounds.max[a] - bounds.min[a]).toBeGreaterThan(100);
      expect(bounds.max[a] - bounds.min[a]).toBeLessThan(400);
    }
  });
});

describe('size precheck', () => {
  it('refuses 2 million samples from the array length alone, before the schema reads an element', () => {
    const r = base() as unknown as Record<string, unknown>;
    const samples = new Array(2_000_001);
    Object.defineProperty(samples, 0, { get: () => { throw new Error('an element was read'); } });
    r.samples = samples;
    expect(precheckRecordingSize(r)).toEqual([{ pointer: '/samples', message: '2,000,001 samples; a recording holds at most 300,000' }]);
    expect(errorsOf(r)).toEqual([{ pointer: '/samples', message: '2,000,001 samples; a recording holds at most 300,000' }]);
  });

  it('checks every stream and the path points of all contacts together', () => {
    const contacts = Array.from({ length: 3 }, () => ({ path: new Array(70_000) }));
    const doc = { pulses: new Array(20_001), contacts, steps: new Array(2_001), settings: new Array(5_001) };
    expect(precheckRecordingSize(doc).map((e) => e.pointer)).toEqual(['/pulses', '/steps', '/settings', '/contacts']);
    expect(precheckRecordingSize(doc)[3].message).toBe('210,000 path points over all contacts; a recording holds at most 200,000');
    expect(precheckRecordingSize({ contacts: new Array(20_001) })).toEqual([{ pointer: '/contacts', message: '20,001 contacts; a recording holds at most 20,000' }]);
    expect(precheckRecordingSize(null)).toEqual([]);
  });

  it('refuses a JSON text over 64 MiB before parsing it', () => {
    const text = ' '.repeat(RECORDING_LIMITS.maxFileBytes + 1);
    expect(checkRecordingTextSize(text, 'big.json')).toEqual([{ pointer: '', message: 'big.json is 67,108,865 bytes; a recording is at most 67,108,864 bytes (64 MiB)' }]);
    expect(errorsOf(text)[0].message).toMatch(/^x\.json is 67,108,865 bytes/);
    // Counted in UTF-8: 23 M Chinese characters are 69 M bytes.
    expect(checkRecordingTextSize('中'.repeat(23_000_000))).toHaveLength(1);
    expect(checkRecordingTextSize('中'.repeat(22_000_000))).toEqual([]);
  });
});

describe('plausibility', () => {
  it('refuses a session lasting 31 years', () => {
    const r = base();
    r.end.tMs = 31 * YEAR_MS;
    expect(errorsOf(r)).toEqual([{ pointer: '/end/tMs', message: 'the session lasts 31.0 years; no session is longer than 2 h' }]);
    expect(formatDuration(3 * 3600 * 1000)).toBe('3.0 h');
    expect(formatDuration(90_000)).toBe('1.5 min');
  });

  it('refuses absurd coordinates even without the head bounds', () => {
    const r = base();
    r.samples[12].p = [1e307, 0, 0];
    r.samples[13].p = [0, -1001, 0];
    expect(errorsOf(r)).toEqual([
      { pointer: '/samples/12/p', message: 'coordinate 1e+307 mm is absurd; head-frame coordinates lie within ±1000 mm' },
      { pointer: '/samples/13/p', message: 'coordinate -1001 mm is absurd; head-frame coordinates lie within ±1000 mm' },
    ]);
  });

  it('refuses positions off the head when the head bounds are given', () => {
    const r = load('nano-dwell-and-circling.json');
    r.contacts[2].path[1].p = [0, bounds.max[1] + 25, 0];
    r.contacts[3].p = [bounds.min[0] - 19, 0, 0]; // within the 20 mm margin
    const errors = errorsOf(r, { bounds });
    expect(errors.map((e) => e.pointer)).toEqual(['/contacts/2/path/1/p']);
    expect(errors[0].message).toMatch(/^position \[0, [\d.]+, 0\] mm is off the head: more than 20 mm outside its bounds \[/);
    expect(errorsOf(r)).toEqual([]); // no bounds, no head check
    const rf = load('rf-cheeks-good.json');
    rf.pulses[4].p = [0, 0, bounds.max[2] + 21];
    expect(errorsOf(rf, { bounds }).map((e) => e.pointer)).toEqual(['/pulses/4/p']);
    const roller = base();
    roller.samples[12].p = [bounds.max[0] + 30, 0, 0];
    expect(errorsOf(roller, { bounds }).map((e) => e.pointer)).toEqual(['/samples/12/p']);
  });

  it('refuses 1500 samples in one second, pointing at the first sample of that second', () => {
    const r = base();
    const first = r.samples[0];
    const at = (dt: number) => ({ ...first, tMs: first.tMs + dt });
    r.samples = [
      ...Array.from({ length: 200 }, (_, i) => at(i * 10)),
      ...Array.from({ length: 1500 }, (_, i) => at(3000 + i * 0.5)),
      ...Array.from({ length: 200 }, (_, i) => at(4000 + i * 10)),
    ];
    expect(errorsOf(r)).toEqual([{ pointer: '/samples/200', message: `1,500 samples within 1 s from ${first.tMs + 3000} ms; input runs at most 1,000 per second` }]);
  });

  it('refuses a mean rate past the limit in a session shorter than a second', () => {
    const r = base();
    const first = r.samples[0];
    r.steps = [];
    // 1,000 samples within 0.9 s: no second holds more than the limit, and a session under 1 s counts as 1 s.
    r.samples = Array.from({ length: 1000 }, (_, i) => ({ ...first, tMs: i * 0.9 }));
    r.end.tMs = 900;
    expect(checkPlausibility(r)).toEqual([]);
    // 1,600 samples in 1.5 s, in two bursts more than a second apart: 800 in any second, 1,067 per second on average.
    r.samples = Array.from({ length: 1600 }, (_, i) => ({ ...first, tMs: i < 800 ? i * 0.1 : 1400 + (i - 800) * 0.1 }));
    r.end.tMs = 1500;
    expect(checkPlausibility(r)).toEqual([{ pointer: '/samples', message: '1,600 samples in 1.5 s is 1067 per second on average; input runs at most 1,000 per second' }]);
  });

  it('refuses a start time before 2020, not a date, or more than a day in the future', () => {
    const r = base();
    const now = Date.parse('2026-01-15T12:00:00.000Z');
    expect(errorsOf({ ...r, startedAt: '2019-12-31T23:59:59.000Z' })).toEqual([{ pointer: '/startedAt', message: '2019-12-31T23:59:59.000Z is before 2020-01-01; no recording of this simulator is that old' }]);
    expect(errorsOf({ ...r, startedAt: 'yesterday' }).map((e) => e.pointer)).toEqual(['/startedAt']);
    expect(errorsOf({ ...r, startedAt: '2026-01-16T11:00:00.000Z' }, { now })).toEqual([]);
    expect(errorsOf({ ...r, startedAt: '2026-01-16T13:00:00.000Z' }, { now: new Date(now) })).toEqual([
      { pointer: '/startedAt', message: '2026-01-16T13:00:00.000Z is more than a day after the current time 2026-01-15T12:00:00.000Z' },
    ]);
    expect(errorsOf({ ...r, startedAt: '2036-01-16T13:00:00.000Z' })).toEqual([]); // no clock given
  });

  it('caps the errors it reports', () => {
    const r = base();
    for (const s of r.samples) s.p = [5000, 0, 0];
    expect(errorsOf(r)).toHaveLength(MAX_REPORTED_ERRORS);
  });
});
