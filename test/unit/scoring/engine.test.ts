import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { directionClassOfAngle, skinFrame, strokeAngleDeg } from '../../../core/geometry/skin-frame';
import { projectToSurface, regionCentre, samplePath, tracePath, traceStroke } from '../../../core/geometry/surface-walk';
import { loadScoringSurface } from '../../../core/node/surface';
import { recordingEvents } from '../../../core/recording/event-order';
import type { Recording } from '../../../core/recording/types';
import { createLiveScorer } from '../../../core/scoring/live';
import { parseScenario } from '../../../core/scoring/scenario';
import { score } from '../../../core/scoring/score';
import { createStandInSurface } from '../../../core/surface/stand-in';

const { surface } = loadScoringSurface();
const dir = new URL('../../fixtures/recordings/', import.meta.url);
const fixture = (name: string): Recording => JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));

describe('skin frame (PRODUCT.md)', () => {
  const f = new Float64Array(6);
  it('on the face, horizontal is +X and vertical is +Y', () => {
    skinFrame(0, 0, 1, f);
    expect([...f].map((x) => Math.round(x * 1e6) / 1e6 || 0)).toEqual([1, 0, 0, 0, 1, 0]);
    expect(directionClassOfAngle(strokeAngleDeg(1, 0, 0, f))).toBe('horizontal');
    expect(directionClassOfAngle(strokeAngleDeg(-1, 0, 0, f))).toBe('horizontal');
    expect(directionClassOfAngle(strokeAngleDeg(0, -1, 0, f))).toBe('vertical');
    expect(directionClassOfAngle(strokeAngleDeg(1, 1, 0, f))).toBe('diagonalSlash');
    expect(directionClassOfAngle(strokeAngleDeg(-1, 1, 0, f))).toBe('diagonalBackslash');
    expect(directionClassOfAngle(strokeAngleDeg(1, 0.3, 0, f))).toBe('horizontal'); // 16.7 degrees
  });
  it('on the crown (|n·Y| > 0.9) horizontal is the left-right axis projected on the tangent plane', () => {
    const n = [0.1, 0.95, 0.2];
    const l = Math.hypot(...n);
    skinFrame(n[0] / l, n[1] / l, n[2] / l, f);
    expect(f[0]).toBeGreaterThan(0.95);
    expect(Math.abs(f[0] * n[0] + f[1] * n[1] + f[2] * n[2]) / l).toBeLessThan(1e-9);
    // vertical = n × horizontal is unit and tangent
    expect(Math.hypot(f[3], f[4], f[5])).toBeCloseTo(1, 9);
  });
});

describe('live warnings', () => {
  it('warn the moment a vertical stroke crosses the scalp (8.5.7), once', () => {
    const r = fixture('roller-scalp-left-right');
    const live = createLiveScorer(surface, r);
    for (const e of recordingEvents(r)) expect(live.push(e)).toEqual([]);
    const start = r.samples[0].p;
    const stroke = traceStroke(surface, { start, angleDeg: 90, lengthMm: 20, speedMmPerS: 60, rateHz: 120, t0Ms: r.end.tMs + 1000 });
    const raised = stroke.flatMap((s) => live.push({ kind: 'sample', sample: s }));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ ruleId: 'roller-scalp-direction', clause: '8.5.7', severity: 'major', region: 'scalp' });
    expect(raised[0].tMs).toBeLessThan(stroke[stroke.length - 1].tMs);
    expect(live.report().findings.map((x) => x.id)).toContain('roller-scalp-direction:scalp');
  });

  it('accept left-right strokes over the crown, where the skin frame switches definition, and flag front-back ones', () => {
    const r = fixture('roller-scalp-left-right');
    const warningsFor = (angleDeg: number, z: number) => {
      const live = createLiveScorer(surface, r);
      for (const e of recordingEvents({ ...r, samples: [] })) live.push(e);
      const c = projectToSurface(surface, 0, 200, z);
      let t = r.end.tMs + 1000;
      const out: string[] = [];
      for (const dir of [0, 180]) {
        const path = tracePath(surface, c.p, angleDeg + dir, 60);
        for (let k = 0; k < path.length - 1; k += 100) {
          for (const s of samplePath(path.slice(k, k + 101), { speedMmPerS: 60, rateHz: 120, t0Ms: t })) {
            out.push(...live.push({ kind: 'sample', sample: s }).map((w) => w.ruleId));
            t = s.tMs + 100;
          }
        }
      }
      return out;
    };
    for (const z of [-45, 10]) {
      expect(warningsFor(0, z)).toEqual([]);
      expect(warningsFor(90, z)).toEqual(['roller-scalp-direction']);
    }
  });

  it('warn at the first contact with a no-treat zone, critical', () => {
    const r = fixture('roller-touches-eye');
    const live = createLiveScorer(surface, r);
    const all = [...recordingEvents(r)].flatMap((e) => live.push(e));
    const eye = all.find((w) => w.ruleId === 'no-treat-contact')!;
    expect(eye).toMatchObject({ severity: 'critical', region: 'eye-left' });
    expect(eye.tMs).toBe(r.samples.find((s) => s.contact && s.region === 'eye-left')!.tMs);
  });

  it('accumulate per-vertex state on any surface behind the interface (stand-in)', () => {
    const standIn = createStandInSurface({ rings: 80, segments: 160 });
    const c = regionCentre(standIn, 'forehead');
    const r = { ...fixture('roller-forehead-good'), samples: traceStroke(standIn, { start: c.p, angleDeg: 0, lengthMm: 30, speedMmPerS: 60, rateHz: 120, t0Ms: 100000 }) };
    const live = createLiveScorer(standIn, r);
    for (const e of recordingEvents(r)) live.push(e);
    const touched = live.state.passCount.filter((x) => x > 0).length;
    expect(touched).toBeGreaterThan(10);
    expect(live.state.directionMask.filter((m) => m === 1).length).toBe(touched);
  });
});

describe('scenarios', () => {
  it('validate with pointers', () => {
    const bad = parseScenario({ id: 's', weights: { safety: -1 }, defaults: { nope: 1 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/weights/safety', '/defaults']));
  });

  it('override simulator defaults, disable rules, set pass marks and weights', () => {
    const r = fixture('roller-horizontal-only');
    expect(score(r, { surface }).findings.map((f) => f.id)).toEqual(['roller-cross-pattern:forehead']);
    expect(score(r, { surface, scenario: { id: 'drill', defaults: { minCrossPatternFraction: 0 } } }).findings).toEqual([]);
    expect(score(r, { surface, scenario: { id: 'drill', disabledRules: ['roller-cross-pattern'] } }).findings).toEqual([]);
    const weighted = score(r, { surface, scenario: { id: 'w', weights: { coverage: 5 }, passMark: 90 } });
    expect(weighted.score).toBeCloseTo((5 * 75 + 5 * 100) / 10, 5);
    expect(weighted.passed).toBe(false);
  });

  it('may change severities but never lower a critical rule', () => {
    const r = fixture('roller-no-consent');
    const rep = score(r, { surface, scenario: { id: 's', severity: { 'consent-before-treatment': 'minor' } } });
    expect(rep.findings[0].severity).toBe('critical');
    expect(rep.passed).toBe(false);
    const h = score(fixture('roller-herpes-no-antiviral'), { surface, scenario: { id: 's', severity: { 'antiviral-prophylaxis': 'critical' } } });
    expect(h).toMatchObject({ criticalFailure: true, passed: false });
  });

  it('add required steps with the clause of the step', () => {
    const rep = score(fixture('roller-forehead-good'), { surface, scenario: { id: 's', requiredSteps: ['wipe-blood'] } });
    expect(rep.findings).toMatchObject([{ id: 'scenario-required-step:wipe-blood', clause: '8.3', severity: 'major' }]);
  });
});

describe('untreated targets', () => {
  for (const name of ['roller-forehead-good', 'rf-cheeks-good', 'nano-forehead-good']) {
    it(`${name} with its treatment events removed fails: every target untreated is critical`, () => {
      const r = fixture(name);
      const rep = score({ ...r, samples: [], pulses: [], contacts: [] }, { surface });
      expect(rep.passed).toBe(false);
      const untreated = rep.findings.filter((f) => f.ruleId.endsWith('-target-untreated'));
      expect(untreated.map((f) => f.region)).toEqual(r.goal.targetRegions);
      expect(untreated.every((f) => f.severity === 'critical')).toBe(true);
    });
  }
});
