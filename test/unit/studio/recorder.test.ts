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

  it('never lets a stream go back in time (main refuses such a recording): an earlier time is raised to the last one', () => {
    const seen: number[] = [];
    const r = createRecorder({
      header: { ...HEADER, procedure: 'nano' },
      startedAt: '2026-01-01T00:00:00.000Z',
      initialSettings: { device: 'nano', needleHeightUm: 100, technique: 'point-lift', level: 2 },
      onEvent: (e) => e.kind === 'contact' && seen.push(e.contact.tStartMs),
    });
    const contact = (tStartMs: number, tEndMs: number, path: number[]) => ({
      kind: 'contact' as const,
      contact: { tStartMs, tEndMs, p: [0, 60, 80] as [number, number, number], n: [0, 0.6, 0.8] as [number, number, number], region: 'forehead' as const, technique: 'point-lift' as const, needleHeightUm: 100, path: path.map((tMs) => ({ tMs, p: [0, 60, 80] as [number, number, number] })) },
    });
    const sound = contact(100, 300, [100, 200, 300]);
    r.push(sound);
    r.push(contact(250, 240, [260, 230, 270]));
    r.push({ kind: 'step', step: { step: 'cleanse', tMs: 500 } });
    r.push({ kind: 'step', step: { step: 'disinfect', tMs: 490 } });
    const rec = r.build({ tMs: 1000, reason: 'completed' });
    expect(r.events()[1]).toBe(sound); // in order: kept as it is
    expect(rec.contacts[1]).toMatchObject({ tStartMs: 250, tEndMs: 250 });
    expect(rec.contacts[1].path.map((x) => x.tMs)).toEqual([250, 250, 250]);
    expect(rec.steps.map((x) => x.tMs)).toEqual([500, 500]);
    expect(seen).toEqual([100, 250]);
    const parsed = parseRecording(JSON.parse(JSON.stringify(rec)));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);

    const roller = createRecorder({ header: HEADER, startedAt: '2026-01-01T00:00:00.000Z', initialSettings: { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 } });
    for (const t of [100, 108, 116, 90, 98]) roller.push({ kind: 'sample', sample: sample(t) });
    expect(roller.build().samples.map((x) => x.tMs)).toEqual([100, 108, 116, 116, 116]);
  });
});
