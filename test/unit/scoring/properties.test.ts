// Properties of the scorer: sampling rate, left-right mirroring and time shifts do not change the result,
// the live scorer and the batch scorer agree, and scoring is deterministic.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mirrorRegion } from '../../../core/anatomy/regions';
import { regionCentre, traceStroke } from '../../../core/geometry/surface-walk';
import { loadScoringSurface } from '../../../core/node/surface';
import { recordingEvents } from '../../../core/recording/event-order';
import type { InputSample, Recording, Vec3 } from '../../../core/recording/types';
import { createLiveScorer, createScoringEngine } from '../../../core/scoring/live';
import type { ScoreReport } from '../../../core/scoring/report';
import { score } from '../../../core/scoring/score';

const { surface } = loadScoringSurface();
const dir = new URL('../../fixtures/recordings/', import.meta.url);
const fixture = (name: string): Recording => JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));

function strokesAt(rateHz: number): Recording {
  const r = fixture('roller-forehead-good');
  const c = regionCentre(surface, 'forehead');
  const samples: InputSample[] = [];
  let t = r.samples[0].tMs;
  const starts: Vec3[] = [c.p, [c.p[0] - 20, c.p[1] + 5, c.p[2]], [c.p[0] + 15, c.p[1] - 6, c.p[2]]];
  for (const start of starts) {
    for (const angleDeg of [0, 45, 90, 135, 180, 270]) {
      const s = traceStroke(surface, { start, angleDeg, lengthMm: 24, speedMmPerS: 70, rateHz, t0Ms: t, pressure: 0.5 });
      samples.push(...s);
      t = s[s.length - 1].tMs + 150;
    }
  }
  return { ...r, samples, end: { tMs: t + 60000, reason: 'completed' } };
}

describe('sampling rate', () => {
  it('60, 120 and 240 Hz give the same direction classes and pass counts', () => {
    const runs = [60, 120, 240].map((hz) => {
      const engine = createScoringEngine(surface, strokesAt(hz));
      for (const e of recordingEvents(strokesAt(hz))) engine.push(e);
      return { report: engine.finish(), passCount: Uint16Array.from(engine.state.passCount), mask: Uint8Array.from(engine.state.directionMask) };
    });
    const classes = (r: ScoreReport) => Object.fromEntries(Object.entries(r.metrics).filter(([k]) => k.startsWith('rollerPasses')));
    expect(classes(runs[0].report)['rollerPasses']).toBe(18);
    expect(classes(runs[0].report)['rollerPasses.horizontal']).toBe(6);
    expect(classes(runs[1].report)).toEqual(classes(runs[0].report));
    expect(classes(runs[2].report)).toEqual(classes(runs[0].report));
    // Per-vertex pass counts and direction masks: identical except where a footprint edge grazes a vertex.
    for (const other of [runs[1], runs[2]]) {
      let touched = 0;
      let differ = 0;
      for (let v = 0; v < runs[0].passCount.length; v++) {
        if (runs[0].passCount[v] === 0 && other.passCount[v] === 0) continue;
        touched++;
        if (runs[0].passCount[v] !== other.passCount[v] || runs[0].mask[v] !== other.mask[v]) differ++;
      }
      expect(touched).toBeGreaterThan(500);
      expect(differ / touched).toBeLessThan(0.01);
    }
  });
});

const mirrorVec = (v: Vec3): Vec3 => [-v[0] || 0, v[1], v[2]];

function mirrorRecording(r: Recording): Recording {
  return {
    ...r,
    goal: { ...r.goal, targetRegions: r.goal.targetRegions.map(mirrorRegion) },
    case: { ...r.case, conditions: r.case.conditions.map((c) => ({ ...c, regions: c.regions?.map(mirrorRegion) })) },
    zones: r.zones.map((z) => ({ ...z, regions: z.regions.map(mirrorRegion) })),
    samples: r.samples.map((s) => ({ ...s, p: mirrorVec(s.p), n: mirrorVec(s.n), region: mirrorRegion(s.region) })),
    pulses: r.pulses.map((p) => ({ ...p, p: mirrorVec(p.p), n: mirrorVec(p.n), axis: mirrorVec(p.axis), region: mirrorRegion(p.region) })),
    contacts: r.contacts.map((c) => ({ ...c, p: mirrorVec(c.p), n: mirrorVec(c.n), region: mirrorRegion(c.region), path: c.path.map((q) => ({ ...q, p: mirrorVec(q.p) })) })),
  };
}

const mirrorFindingId = (id: string) => id.replace(/(left|right)$/, (m) => (m === 'left' ? 'right' : 'left'));

describe('left-right mirroring', () => {
  for (const name of ['roller-eyelid-no-tension', 'roller-nasolabial-short-needle', 'rf-periocular-monopolar-deep', 'rf-missed-and-tilted', 'nano-dwell-and-circling', 'roller-cheek-absorption-1-round']) {
    it(`${name}: mirrored session gives mirrored region findings`, () => {
      const r = fixture(name);
      const a = score(r, { surface });
      const b = score(mirrorRecording(r), { surface });
      expect(a.findings.length).toBeGreaterThan(0);
      expect(b.findings.map((f) => `${f.id} ${f.severity} ${f.region ?? ''}`).sort()).toEqual(a.findings.map((f) => `${mirrorFindingId(f.id)} ${f.severity} ${f.region ? mirrorRegion(f.region) : ''}`).sort());
      expect(b.score).toBe(a.score);
    });
  }
});

describe('time shift', () => {
  for (const name of ['roller-cheek-absorption-3-rounds', 'rf-reused-tip-thin-skin', 'nano-scalp-sliding-repeated', 'roller-no-consent']) {
    it(`${name}: shifting every time by a constant changes nothing but the spans`, () => {
      const r = fixture(name);
      const dt = 123456.5;
      const shifted: Recording = {
        ...r,
        steps: r.steps.map((s) => ({ ...s, tMs: s.tMs + dt })),
        settings: r.settings.map((s) => ({ ...s, tMs: s.tMs + dt })),
        samples: r.samples.map((s) => ({ ...s, tMs: s.tMs + dt })),
        pulses: r.pulses.map((p) => ({ ...p, tMs: p.tMs + dt })),
        contacts: r.contacts.map((c) => ({ ...c, tStartMs: c.tStartMs + dt, tEndMs: c.tEndMs + dt, path: c.path.map((q) => ({ ...q, tMs: q.tMs + dt })) })),
        end: { ...r.end, tMs: r.end.tMs + dt },
      };
      const a = score(r, { surface });
      const b = score(shifted, { surface });
      const strip = (rep: ScoreReport) => ({ ...rep, findings: rep.findings.map((f) => ({ ...f, span: undefined })) });
      expect(strip(b)).toEqual(strip(a));
      a.findings.forEach((f, i) => expect(b.findings[i].span!.startMs).toBeCloseTo(f.span!.startMs + dt, 6));
    });
  }
});

describe('live and batch agree', () => {
  for (const name of ['roller-scalp-vertical', 'rf-missed-and-tilted', 'nano-dwell-and-circling', 'roller-uneven-pressure-no-aftercare']) {
    it(`${name}: the live scorer fed every event reports what score() reports`, () => {
      const r = fixture(name);
      const live = createLiveScorer(surface, r);
      const warnings = [];
      for (const e of recordingEvents(r)) warnings.push(...live.push(e));
      const batch = score(r, { surface });
      const liveReport = (live as ReturnType<typeof createScoringEngine>).finish(r.end);
      expect(liveReport).toEqual(batch);
      // Every finding raised while events arrived was announced live, at most once per finding.
      const liveIds = new Set(warnings.map((w) => `${w.ruleId}${w.region ? ':' + w.region : ''}`));
      expect(warnings.length).toBe(liveIds.size);
      expect(live.state.version).toBeGreaterThan(0);
    });
  }

  it('is deterministic', () => {
    const r = fixture('rf-cheeks-good');
    expect(score(r, { surface })).toEqual(score(structuredClone(r), { surface }));
  });
});
