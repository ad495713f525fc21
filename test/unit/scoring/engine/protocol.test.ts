// Protocol part: steps before the first treatment (7.x, 8.1/9.1/10.1), order, aftercare (12), zone by zone.
import { describe, expect, it } from 'vitest';
import { PRE_TREATMENT_STEPS } from '../../../../core/rules/procedure';
import { createContext } from '../../../../core/scoring/engine/context';
import { createProtocol } from '../../../../core/scoring/engine/protocol';
import { defaultValues } from '../../../../core/rules/simulator-defaults';
import type { Recording } from '../../../../core/recording/types';
import { createStandInSurface } from '../../../../core/surface/stand-in';
import { recording, steps } from './helpers';

const surface = createStandInSurface({ rings: 24, segments: 48 });

function run(r: Recording, treat: [number, 'forehead' | 'cheek-left' | 'eye-left'][], endMs = 100_000) {
  const ctx = createContext(surface, r);
  const p = createProtocol(ctx, defaultValues());
  const evs = [...r.steps.map((s) => ({ t: s.tMs, f: () => p.onStep(s) })), ...treat.map(([t, region]) => ({ t, f: () => (p.onTreatment(t, region), p.noTreat(region, t), p.trackZone(region, t)) }))];
  evs.sort((a, b) => a.t - b.t);
  for (const e of evs) e.f();
  const { add, extra } = ctx.sink.finishCollector();
  p.finish(add, extra, endMs);
  return { ctx, p, ids: [...ctx.sink.accs.keys(), ...extra.map((a) => a.key)] };
}

const ALL_ROLLER = ['take-history', 'examine', 'consent', 'cleanse', 'photograph', 'anaesthesia', 'cleanse-again', 'disinfect'] as const;

describe('protocol', () => {
  it('asks for every pre-treatment and preparation step before the first treatment', () => {
    const { ids, ctx } = run(recording('roller'), [[1000, 'forehead']]);
    for (const req of PRE_TREATMENT_STEPS) expect(ids).toContain(req.ruleId);
    expect(ids).toContain('roller-preparation');
    expect(ctx.timeline.firstTreatMs).toBe(1000);
  });

  it('is satisfied by the steps in order, then aftercare after the last treatment', () => {
    const r = recording('roller', { steps: [...steps(ALL_ROLLER), { step: 'aftercare-instructions', tMs: 9000 }] });
    expect(run(r, [[1000, 'forehead'], [5000, 'forehead']]).ids).toEqual([]);
    // Aftercare before the last treatment does not count.
    expect(run(r, [[1000, 'forehead'], [9500, 'forehead']]).ids.length).toBeGreaterThan(0);
  });

  it('flags preparation out of order', () => {
    const shuffled = [...ALL_ROLLER].reverse();
    const r = recording('roller', { steps: [...steps(shuffled), { step: 'aftercare-instructions', tMs: 9000 }] });
    const { ids } = run(r, [[1000, 'forehead']]);
    expect(ids).toContain('preparation-order');
    expect(ids).toContain('roller-preparation-order');
  });

  it('counts a touch of a no-treat zone (8.5)', () => {
    const r = recording('roller', { steps: steps(ALL_ROLLER) });
    expect(run(r, [[1000, 'eye-left']]).ids).toContain('no-treat-contact:eye-left');
  });

  it('counts returns to a zone already left, once each', () => {
    const r = recording('roller', { goal: { indication: 'u', endpoint: 'pink', targetRegions: ['forehead', 'cheek-left'] } });
    const { p } = run(r, [
      [1000, 'forehead'],
      [3000, 'forehead'],
      [3100, 'cheek-left'],
      [5000, 'cheek-left'],
      [5100, 'forehead'],
      [7000, 'forehead'],
      [8000, 'forehead'],
    ]);
    expect(p.zoneRevisits()).toBe(1);
  });

  it("asks for a scenario's required steps, at the step's clause", () => {
    const r = recording('roller', { steps: steps(ALL_ROLLER) });
    const ctx = createContext(surface, r, { id: 's', requiredSteps: ['cold-compress'] });
    const p = createProtocol(ctx, defaultValues());
    const { add, extra } = ctx.sink.finishCollector();
    p.finish(add, extra, 100);
    expect(extra.map((a) => a.key)).toEqual(['scenario-required-step:cold-compress']);
  });
});
