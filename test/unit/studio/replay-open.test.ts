import { describe, expect, it } from 'vitest';
import type { Recording } from '../../../core/recording/types';
import { createReplayModel, lastAtOrBefore } from '../../../renderer/studio/debrief/replay-model';
import { readRecordingFile, readRecordingText } from '../../../renderer/studio/debrief/open-file';
import { RECORDING_LIMITS } from '../../../core/recording/limits';
import { createRecorder } from '../../../renderer/studio/recorder';
import { HEADER, standIn } from './helpers';

function stroke(): Recording {
  const r = createRecorder({ header: HEADER, startedAt: '2026-01-01T00:00:00.000Z', initialSettings: { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 } });
  for (let i = 0; i <= 20; i++) r.push({ kind: 'sample', sample: { tMs: 100 + i * 10, p: [-10 + i, 0, 95], n: [0, 0, 1], region: 'forehead', pressure: 0.5, contact: true } });
  r.push({ kind: 'sample', sample: { tMs: 320, p: [10, 0, 95], n: [0, 0, 1], region: 'forehead', pressure: 0, contact: false } });
  r.push({ kind: 'settings', change: { tMs: 400, settings: { device: 'roller', needleLengthMm: 1.0, drumWidthMm: 20 } } });
  return r.build({ tMs: 500, reason: 'completed' });
}

describe('replay', () => {
  it('finds the last point at or before a time', () => {
    const list = [{ tMs: 0 }, { tMs: 10 }, { tMs: 20 }];
    expect(lastAtOrBefore(list, -1)).toBe(-1);
    expect(lastAtOrBefore(list, 10)).toBe(1);
    expect(lastAtOrBefore(list, 15)).toBe(1);
    expect(lastAtOrBefore(list, 99)).toBe(2);
  });

  it('rebuilds the heat map up to any time, forwards and backwards, and moves the device', () => {
    const model = createReplayModel(standIn(), stroke());
    expect(model.durationMs).toBe(500);
    const total = (t: number) => model.stateAt(t).passCount.reduce((a, b) => a + b, 0);
    expect(total(50)).toBe(0);
    const mid = total(200);
    const end = total(500);
    expect(mid).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(mid);
    expect(total(200)).toBe(mid); // scrubbed back: same picture as on the way forward
    expect(model.poseAt(150)?.p).toEqual([-5, 0, 95]);
    expect(model.poseAt(50)).toBeNull();
    expect(model.moveDirAt(150)).toEqual([1, 0, 0]);
    expect(model.moveDirAt(330)).toBeNull(); // lifted
    expect(model.settingsAt(450)).toMatchObject({ needleLengthMm: 1.0 });
    expect(model.settingsAt(10)).toMatchObject({ needleLengthMm: 0.5 });
  });
});

describe('opening a recording file', () => {
  it('accepts a valid recording, keeping the document as the file has it for main to check again', () => {
    const text = JSON.stringify(stroke());
    const r = readRecordingText(text, 'a.json');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.document).toEqual(JSON.parse(text));
  });

  it('refuses a file larger than the recording limit by its size, before reading it', async () => {
    let read = false;
    const big = { name: 'huge.json', size: RECORDING_LIMITS.maxFileBytes + 1, text: async () => ((read = true), '{}') };
    const r = await readRecordingFile(big);
    expect(read).toBe(false);
    expect(r).toEqual({ ok: false, problems: [{ kind: 'too-large', fileName: 'huge.json', bytes: RECORDING_LIMITS.maxFileBytes + 1, maxBytes: RECORDING_LIMITS.maxFileBytes }] });
    const fine = await readRecordingFile({ name: 'a.json', size: 10, text: async () => JSON.stringify(stroke()) });
    expect(fine.ok).toBe(true);
  });

  it('names the file when it is not JSON', () => {
    const r = readRecordingText('{oops', 'bad.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ kind: 'not-json', fileName: 'bad.json' });
  });

  it('names the file and the JSON pointer of a bad field', () => {
    const bad = { ...stroke(), samples: [{ ...stroke().samples[0], region: 'elbow' }] };
    const r = readRecordingText(JSON.stringify(bad), 'edited.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'invalid', fileName: 'edited.json', pointer: '/samples/0/region' }));
  });
});
