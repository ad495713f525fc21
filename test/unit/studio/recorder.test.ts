import { describe, expect, it } from 'vitest';
import { RECORDING_FORMAT, RECORDING_VERSION, type InputSample } from '../../../core/recording/types';
import { parseRecording } from '../../../core/recording/validate';
import { eventTime, recordingEvents } from '../../../core/recording/event-order';
import { createRecorder } from '../../../renderer/studio/recorder';
import { HEADER } from './helpers';

const sample = (tMs: number, contact = true): InputSample => ({ tMs, p: [0, 60, 80], n: [0, 0.6, 0.8], region: 'forehead', pressure: contact ? 0.55 : 0, contact });

describe('the session recorder', () => {
  it('starts with the initial settings at t = 0 and keeps every event in its stream, in order', () => {
    const seen: string[] = [];
    const r = createRecorder({
      header: HEADER,
      startedAt: '2026-01-01T00:00:00.000Z',
      initialSettings: { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 },
      onEvent: (e) => seen.push(e.kind),
    });
    r.push({ kind: 'step', step: { step: 'cleanse', tMs: 100 } });
    r.push({ kind: 'sample', sample: sample(200) });
    r.push({ kind: 'sample', sample: sample(210, false) });
    r.push({ kind: 'settings', change: { tMs: 300, settings: { device: 'roller', needleLengthMm: 1, drumWidthMm: 20 } } });
    const rec = r.build({ tMs: 400, reason: 'completed' });
    expect(seen).toEqual(['settings', 'step', 'sample', 'sample', 'settings']);
    expect(rec.format).toBe(RECORDING_FORMAT);
    expect(rec.version).toBe(RECORDING_VERSION);
    expect(rec.settings.map((s) => s.tMs)).toEqual([0, 300]);
    expect(rec.samples.map((s) => s.contact)).toEqual([true, false]);
    expect(rec.steps).toEqual([{ step: 'cleanse', tMs: 100 }]);
    expect(rec.end).toEqual({ tMs: 400, reason: 'completed' });
    expect(r.counts()).toEqual({ samples: 2, pulses: 0, contacts: 0, steps: 1 });
  });

  it('builds a recording that core validates', () => {
    const r = createRecorder({ header: HEADER, startedAt: '2026-01-01T00:00:00.000Z', initialSettings: { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 } });
    for (let i = 0; i < 10; i++) r.push({ kind: 'sample', sample: sample(100 + i * 8) });
    r.push({ kind: 'sample', sample: sample(190, false) });
    const parsed = parseRecording(JSON.parse(JSON.stringify(r.build({ tMs: 500, reason: 'completed' }))));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('without an end, ends open (aborted) at the last event', () => {
    const r = createRecorder({ header: HEADER, startedAt: 'x', initialSettings: { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 } });
    r.push({ kind: 'sample', sample: sample(250) });
    expect(r.build().end).toEqual({ tMs: 250, reason: 'aborted' });
  });

  it('never ends before its last event', () => {
    const r = createRecorder({ header: HEADER, startedAt: 'x', initialSettings: { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 } });
    r.push({ kind: 'sample', sample: sample(900) });
    expect(r.build({ tMs: 400, reason: 'completed' }).end).toEqual({ tMs: 900, reason: 'completed' });
  });

  it('zones are copied, so later edits do not change a built recording', () => {
    const r = createRecorder({ header: { ...HEADER, procedure: 'rf' }, startedAt: 'x', initialSettings: { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 } });
    const zones = [{ id: 'zone-1', regions: ['forehead' as const] }];
    r.setZones(zones);
    const rec = r.build();
    zones[0].regions.push('forehead');
    expect(rec.zones).toEqual([{ id: 'zone-1', regions: ['forehead'] }]);
  });

  it('recordingEvents merges the streams in time order, settings first at equal times', () => {
    const r = createRecorder({ header: HEADER, startedAt: 'x', initialSettings: { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 } });
    r.push({ kind: 'sample', sample: sample(50) });
    r.push({ kind: 'step', step: { step: 'cleanse', tMs: 10 } });
    const events = recordingEvents(r.build({ tMs: 60, reason: 'completed' }));
    expect(events.map((e) => [e.kind, eventTime(e)])).toEqual([
      ['settings', 0],
      ['step', 10],
      ['sample', 50],
    ]);
  });
});
