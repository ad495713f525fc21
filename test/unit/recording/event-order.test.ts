import { describe, expect, it } from 'vitest';
import { projectToSurface, regionCentre, traceStroke } from '../../../core/geometry/surface-walk';
import { findPreset, recordingHeaderForPreset } from '../../../core/practice/presets';
import {
  compareEvents,
  EVENT_KIND_ORDER,
  eventEndTime,
  eventTime,
  forEachRecordingEvent,
  recordingEvents,
} from '../../../core/recording/event-order';
import type { DeviceSettings, NanoContact, Recording, RfPulse, SessionEnd, StepId, Vec3 } from '../../../core/recording/types';
import { parseRecording } from '../../../core/recording/validate';
import { createScoringEngine } from '../../../core/scoring/live';
import type { LiveWarning, RecordingEvent, RecordingHeader } from '../../../core/scoring/live-contract';
import { score } from '../../../core/scoring/score';
import { surfaceBounds } from '../../../core/surface/surface';
import { createRecorder, type SessionRecorder } from '../../../renderer/studio/recorder';
import { standIn } from '../studio/helpers';

const surface = standIn();
const payload = (e: RecordingEvent) => (e.kind === 'sample' ? e.sample : e.kind === 'pulse' ? e.pulse : e.kind === 'contact' ? e.contact : e.kind === 'settings' ? e.change : e.kind === 'step' ? e.step : e.declaration);

const roller = { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 } satisfies DeviceSettings;
const sample = (tMs: number) => ({ tMs, p: [0, 60, 80] as Vec3, n: [0, 0.6, 0.8] as Vec3, region: 'forehead' as const, pressure: 0.5, contact: true });

/** A small recording whose streams tie at t = 100 across every kind. */
function tied(): Recording {
  const contact: NanoContact = { tStartMs: 100, tEndMs: 900, p: [0, 60, 80], n: [0, 0.6, 0.8], region: 'forehead', technique: 'point-lift', needleHeightUm: 100, path: [] };
  const pulse = { ...sample(100), axis: [0, -0.6, -0.8] as Vec3, depthMm: 1, powerW: 20, pulseWidthMs: 100, tipSizeMm: 10, suction: true, bipolar: true, tipId: 'tip-1' } as RfPulse;
  const header = recordingHeaderForPreset(findPreset('roller-forehead-pink')!, { id: 'r', mode: 'learn' });
  return {
    ...createRecorder({ header, startedAt: '2026-01-01T00:00:00.000Z', initialSettings: roller }).build(),
    settings: [{ tMs: 0, settings: roller }, { tMs: 100, settings: { ...roller, needleLengthMm: 1 } }],
    steps: [{ step: 'cleanse', tMs: 100 }, { step: 'photograph', tMs: 100 }, { step: 'disinfect', tMs: 950 }],
    samples: [sample(50), sample(100), sample(100), sample(120)],
    pulses: [pulse],
    contacts: [contact],
    endpoints: [{ tMs: 100, regions: ['forehead'] }, { tMs: 120, regions: ['forehead'] }],
    end: { tMs: 1000, reason: 'completed' },
  };
}

describe('the event order', () => {
  it('ranks settings, then steps, then treatment events, then endpoint declarations at equal times', () => {
    expect(EVENT_KIND_ORDER).toEqual({ settings: 0, step: 1, sample: 2, pulse: 2, contact: 2, endpoint: 3 });
    const events = recordingEvents(tied());
    expect(events.map((e) => [e.kind, eventTime(e)])).toEqual([
      ['settings', 0],
      ['sample', 50],
      ['settings', 100],
      ['step', 100],
      ['step', 100],
      ['sample', 100],
      ['sample', 100],
      ['pulse', 100],
      ['contact', 100],
      // A declaration judges what was done up to and including its time.
      ['endpoint', 100],
      ['sample', 120],
      ['endpoint', 120],
      ['step', 950],
    ]);
    // Same-stream ties keep the recorded order.
    const steps = events.filter((e) => e.kind === 'step').map((e) => (e.kind === 'step' ? e.step.step : ''));
    expect(steps).toEqual(['cleanse', 'photograph', 'disinfect']);
  });

  it('times a contact from its touch and ends it at its lift', () => {
    const contact = tied().contacts[0];
    expect(eventTime({ kind: 'contact', contact })).toBe(100);
    expect(eventEndTime({ kind: 'contact', contact })).toBe(900);
    expect(eventEndTime({ kind: 'sample', sample: sample(7) })).toBe(7);
  });

  it('compareEvents sorts the concatenated streams (stably) into the merged order', () => {
    const r = tied();
    const all: RecordingEvent[] = [
      ...r.settings.map((change) => ({ kind: 'settings', change }) as const),
      ...r.steps.map((step) => ({ kind: 'step', step }) as const),
      ...r.samples.map((s) => ({ kind: 'sample', sample: s }) as const),
      ...r.pulses.map((pulse) => ({ kind: 'pulse', pulse }) as const),
      ...r.contacts.map((contact) => ({ kind: 'contact', contact }) as const),
      ...(r.endpoints ?? []).map((declaration) => ({ kind: 'endpoint', declaration }) as const),
    ];
    expect([...all].sort(compareEvents).map(payload)).toEqual(recordingEvents(r).map(payload));
    // Different streams never compare equal, so even a reversed input sorts into the same kind sequence.
    const kinds = (list: RecordingEvent[]) => list.map((e) => `${e.kind}@${eventTime(e)}`);
    expect(kinds([...all].reverse().sort(compareEvents))).toEqual(kinds(recordingEvents(r)));
  });

  it('the allocation-free walk that score() uses visits the same events in the same order', () => {
    const r = tied();
    const walked: [string, unknown][] = [];
    forEachRecordingEvent(r, (e) => walked.push([e.kind, payload(e)]));
    const listed = recordingEvents(r).map((e) => [e.kind, payload(e)]);
    expect(walked.length).toBe(listed.length);
    walked.forEach(([kind, p], i) => {
      expect(kind).toBe(listed[i][0]);
      expect(p).toBe(listed[i][1]); // the very same object, not a copy
    });
  });
});

// ---------- A studio session, scored live as it is recorded and in batch afterwards ----------

interface Studio {
  rec: SessionRecorder;
  warnings: LiveWarning[];
  finish(end?: SessionEnd): { recording: Recording; liveReport: ReturnType<ReturnType<typeof createScoringEngine>['finish']>; liveState: ReturnType<typeof createScoringEngine>['state'] };
}

function studio(header: RecordingHeader, initialSettings: DeviceSettings): Studio {
  const live = createScoringEngine(surface, header);
  const warnings: LiveWarning[] = [];
  // The studio wires the recorder to its live scorer exactly so: every event, as pushed.
  const rec = createRecorder({ header, startedAt: '2026-03-01T09:00:00.000Z', initialSettings, onEvent: (e) => warnings.push(...live.push(e)) });
  rec.setZones(header.zones);
  return {
    rec,
    warnings,
    finish(end) {
      const recording = rec.build(end);
      return { recording, liveReport: live.finish(recording.end), liveState: live.state };
    },
  };
}

const step = (rec: SessionRecorder, s: StepId, tMs: number, zoneId?: string) => rec.push({ kind: 'step', step: { step: s, tMs, ...(zoneId ? { zoneId } : {}) } });

function expectSameAsBatch(out: ReturnType<Studio['finish']>, rec: SessionRecorder) {
  // The merged order of the built recording is the order the session pushed its events in.
  expect(recordingEvents(out.recording).map(payload)).toEqual(rec.events().map(payload));
  const text = JSON.stringify(out.recording);
  const parsed = parseRecording(text, 'session.json', { bounds: surfaceBounds(surface) });
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  if (!parsed.ok) return;
  const batch = score(parsed.recording, { surface });
  expect(out.liveReport).toEqual(batch);
  expect(out.liveReport.findings.length).toBeGreaterThan(0);
  // The per-vertex state of a replay in the merged order equals the live one.
  const replay = createScoringEngine(surface, parsed.recording);
  for (const e of recordingEvents(parsed.recording)) replay.push(e);
  expect(Array.from(replay.state.passCount)).toEqual(Array.from(out.liveState.passCount));
  expect(Array.from(replay.state.rfHitCount)).toEqual(Array.from(out.liveState.rfHitCount));
  expect(Array.from(replay.state.nanoContactCount)).toEqual(Array.from(out.liveState.nanoContactCount));
}

const onSurface = (base: Vec3, dx: number, dy: number) => projectToSurface(surface, base[0] + dx, base[1] + dy, base[2]);

describe('a session recorded by the studio scores the same live and in batch', () => {
  it('roller: settings, a step and a sample at one time; duplicate sample times; an end before the last event', () => {
    const header = recordingHeaderForPreset(findPreset('roller-forehead-pink')!, { id: 'roller-1', mode: 'learn' });
    const s = studio(header, roller);
    step(s.rec, 'take-history', 0); // the same time as the initial settings
    step(s.rec, 'examine', 100);
    step(s.rec, 'consent', 200);
    step(s.rec, 'cleanse', 300);
    step(s.rec, 'photograph', 400);
    // Needle changed and disinfection recorded at the clock read the first stroke also starts at.
    s.rec.push({ kind: 'settings', change: { tMs: 1000, settings: { ...roller, needleLengthMm: 1.5 } } });
    step(s.rec, 'disinfect', 1000);
    const c = regionCentre(surface, 'forehead').p;
    let t = 1000;
    for (const [i, angleDeg] of [0, 90, 45, 135, 0].entries()) {
      const stroke = traceStroke(surface, { start: onSurface(c, i * 4 - 8, 0).p, angleDeg, lengthMm: 25, speedMmPerS: 60, rateHz: 120, t0Ms: t });
      s.rec.push({ kind: 'sample', sample: stroke[0] });
      s.rec.push({ kind: 'sample', sample: { ...stroke[0], pressure: 0.6 } }); // coalesced events share a timestamp
      for (const x of stroke.slice(1)) s.rec.push({ kind: 'sample', sample: x });
      t = stroke[stroke.length - 1].tMs + 250;
      if (i === 2) s.rec.push({ kind: 'settings', change: { tMs: t - 100, settings: roller } });
    }
    step(s.rec, 'aftercare-instructions', t + 500);
    const out = s.finish({ tMs: t - 200, reason: 'completed' });
    expect(out.recording.end.tMs).toBe(t + 500);
    expectSameAsBatch(out, s.rec);
  });

  it('rf: a zone start and its first pulse at one time; a new tip (settings, then the step) mid-session', () => {
    const preset = findPreset('rf-face-tightening')!;
    const header = recordingHeaderForPreset(preset, { id: 'rf-1', mode: 'test', trainee: { id: 't-1', name: 'Li', role: 'nurse' } });
    const s = studio(header, preset.initialSettings);
    (['take-history', 'examine', 'consent', 'cleanse', 'photograph'] as const).forEach((id, i) => step(s.rec, id, i * 100));
    const rf = preset.initialSettings as Extract<DeviceSettings, { device: 'rf' }>;
    let t = 2000;
    for (const [zi, region] of (['forehead', 'cheek-left'] as const).entries()) {
      const zoneId = header.zones[zi].id;
      if (zi === 1) {
        s.rec.push({ kind: 'settings', change: { tMs: t, settings: { ...rf, tipId: 'tip-2' } } });
        step(s.rec, 'fit-new-tip', t);
      }
      step(s.rec, 'treat-start', t, zoneId);
      const c = regionCentre(surface, region).p;
      for (let k = 0; k < 12; k++) {
        const hit = onSurface(c, (k % 4) * 6 - 9, Math.floor(k / 4) * 6 - 6);
        const axis: Vec3 = [-hit.n[0], -hit.n[1], -hit.n[2]];
        const pulse: RfPulse = { tMs: t, p: hit.p, n: hit.n, axis, region: hit.region, zoneId, depthMm: rf.depthMm, powerW: rf.powerW, pulseWidthMs: rf.pulseWidthMs, tipSizeMm: rf.tipSizeMm, suction: k !== 5, bipolar: true, tipId: zi === 0 ? 'tip-1' : 'tip-2', pressure: 0.5 };
        s.rec.push({ kind: 'pulse', pulse });
        t += k === 3 ? 0 : 400; // two pulses at one time
      }
      step(s.rec, 'treat-end', t, zoneId);
      t += 1000;
    }
    step(s.rec, 'apply-product', t);
    expectSameAsBatch(s.finish({ tMs: t + 100, reason: 'completed' }), s.rec);
  });

  it('nano: contacts pushed at their lift, with later events timed before that lift', () => {
    const preset = findPreset('nano-face-delivery')!;
    const header = recordingHeaderForPreset(preset, { id: 'nano-1', mode: 'learn' });
    const nano = preset.initialSettings as Extract<DeviceSettings, { device: 'nano' }>;
    const s = studio(header, nano);
    (['take-history', 'examine', 'consent', 'remove-makeup', 'cleanse', 'photograph', 'mount-needle'] as const).forEach((id, i) => step(s.rec, id, i * 100));
    const c = regionCentre(surface, 'forehead').p;
    let t = 1000;
    let technique: 'point-lift' | 'sliding' = 'point-lift';
    let lastLift = 0;
    for (let k = 0; k < 10; k++) {
      const at = onSurface(c, (k % 5) * 5 - 10, Math.floor(k / 5) * 5);
      const dwell = k === 6 ? 3500 : 800;
      const path = [0, 1, 2, 3].map((j) => ({ tMs: t + (j * dwell) / 4, p: onSurface(at.p, technique === 'sliding' ? j * 2 : 0, 0).p }));
      if (k === 0) step(s.rec, 'apply-product', t); // the step, then a contact touching at the same time
      const contact: NanoContact = { tStartMs: t, tEndMs: t + dwell, p: at.p, n: at.n, region: at.region, technique, needleHeightUm: nano.needleHeightUm, path };
      s.rec.push({ kind: 'contact', contact });
      lastLift = t + dwell;
      // The step clock lags the pointer's timestamps: these come after the contact but are timed inside it.
      if (k === 2) step(s.rec, 'disinfect', t + dwell - 200);
      if (k === 4) {
        technique = 'sliding';
        s.rec.push({ kind: 'settings', change: { tMs: t + dwell - 100, settings: { ...nano, technique } } });
      }
      t += dwell + 300;
    }
    step(s.rec, 'wet-compress', lastLift - 50);
    const out = s.finish();
    expect(out.recording.end).toEqual({ tMs: lastLift, reason: 'aborted' });
    expect(s.warnings.length).toBeGreaterThan(0);
    expectSameAsBatch(out, s.rec);
  });
});
