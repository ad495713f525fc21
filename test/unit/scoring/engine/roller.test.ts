// Roller part (8.x): footprints, passes and their directions, reversals, rounds.
import { describe, expect, it } from 'vitest';
import { regionCentre, traceStroke } from '../../../../core/geometry/surface-walk';
import { loadScoringSurface } from '../../../../core/node/surface';
import type { InputSample } from '../../../../core/recording/types';
import { DIRECTION_BITS } from '../../../../core/scoring/live-contract';
import { createContext } from '../../../../core/scoring/engine/context';
import { createProtocol } from '../../../../core/scoring/engine/protocol';
import { createRoller } from '../../../../core/scoring/engine/roller';
import { defaultValues } from '../../../../core/rules/simulator-defaults';
import { roundsQuantiles } from '../../../../core/scoring/engine/roller-coverage';
import { createStandInSurface } from '../../../../core/surface/stand-in';
import type { TreatmentSurface } from '../../../../core/surface/surface';
import { recording } from './helpers';

const head = loadScoringSurface().surface;
const standIn = createStandInSurface({ rings: 40, segments: 80 });

function rollerOn(surface: TreatmentSurface) {
  const ctx = createContext(surface, recording('roller'));
  ctx.timeline.settings = { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 };
  const roller = createRoller(ctx, defaultValues(), createProtocol(ctx, defaultValues()));
  return { ctx, roller, feed: (samples: InputSample[]) => { for (const s of samples) roller.onSample(s); roller.endStroke(); } };
}

describe('roller footprint', () => {
  it('every vertex under a stroke on the stand-in counts once per pass, within the drum width of the path', () => {
    const { ctx, roller, feed } = rollerOn(standIn);
    const c = regionCentre(standIn, 'forehead');
    const stroke = traceStroke(standIn, { start: c.p, angleDeg: 90, lengthMm: 24, speedMmPerS: 60, rateHz: 120, t0Ms: 1000, pressure: 0.5 });
    feed(stroke);
    expect(roller.tally.passes).toBe(1);
    expect(roller.tally.passesByClass[2]).toBe(1);
    const pos = standIn.positions;
    let covered = 0;
    for (let v = 0; v < ctx.V; v++) {
      if (ctx.state.passCount[v] === 0) continue;
      covered++;
      expect(ctx.state.passCount[v]).toBe(1);
      expect(ctx.state.directionMask[v]).toBe(DIRECTION_BITS.vertical);
      const near = Math.min(...stroke.map((s) => Math.hypot(pos[v * 3] - s.p[0], pos[v * 3 + 1] - s.p[1], pos[v * 3 + 2] - s.p[2])));
      expect(near).toBeLessThan(10 + 3 + 1);
    }
    expect(covered).toBeGreaterThan(0);
  });

  it('a straight horizontal stroke is one horizontal pass, covering a drum-wide strip once', () => {
    const { ctx, roller, feed } = rollerOn(head);
    const c = regionCentre(head, 'forehead');
    feed(traceStroke(head, { start: c.p, angleDeg: 0, lengthMm: 30, speedMmPerS: 60, rateHz: 120, t0Ms: 1000, pressure: 0.5 }));
    expect(roller.tally.passes).toBe(1);
    expect([...roller.tally.passesByClass]).toEqual([1, 0, 0, 0]);
    const covered = [...ctx.state.passCount.keys()].filter((v) => ctx.state.passCount[v] > 0);
    expect(covered.length).toBeGreaterThan(50);
    for (const v of covered) {
      expect(ctx.state.passCount[v]).toBe(1);
      expect(ctx.state.directionMask[v]).toBe(DIRECTION_BITS.horizontal);
    }
    expect(roller.tally.sweptMm2).toBeGreaterThan(25 * 20);
    expect(roller.tally.pressureN).toBeGreaterThan(0);
  });

  it('a reversal starts a new pass', () => {
    const { roller, feed } = rollerOn(head);
    const c = regionCentre(head, 'forehead');
    const there = traceStroke(head, { start: c.p, angleDeg: 0, lengthMm: 20, speedMmPerS: 60, rateHz: 120, t0Ms: 1000, pressure: 0.5 });
    const end = there[there.length - 1];
    const back = traceStroke(head, { start: end.p, angleDeg: 180, lengthMm: 20, speedMmPerS: 60, rateHz: 120, t0Ms: end.tMs + 8, pressure: 0.5 });
    feed([...there, ...back]);
    expect(roller.tally.passes).toBe(2);
  });
});

describe('rounds', () => {
  it('are area-weighted quantiles of per-vertex rounds', () => {
    const rounds = [3, 0, 1, 2];
    const areas = [1, 1, 1, 1];
    expect(roundsQuantiles(rounds, areas, 4, [0.25, 0.5, 0.75, 1])).toEqual([0, 1, 2, 3]);
    expect(roundsQuantiles([5, 1], [9, 1], 10, [0.1, 0.2])).toEqual([1, 5]);
    expect(roundsQuantiles([], [], 0, [0.5])).toEqual([0]);
  });
});
