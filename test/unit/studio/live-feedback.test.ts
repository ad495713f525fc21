import { describe, expect, it } from 'vitest';
import type { InputSample, Vec3 } from '../../../core/recording/types';
import { DIRECTION_BITS } from '../../../core/scoring/live-contract';
import { createLearnFeedback } from '../../../renderer/studio/feedback/live';
import { HEADER, standIn } from './helpers';

const N: Vec3 = [0, 0, 1];
const s = (tMs: number, p: Vec3, contact = true, region: InputSample['region'] = 'forehead'): InputSample => ({ tMs, p, n: N, region, pressure: contact ? 0.5 : 0, contact });

/** The stand-in vertex nearest a point. */
function nearest(p: Vec3): number {
  const pos = standIn().positions;
  let best = 0;
  let bestD = Infinity;
  for (let v = 0; v < pos.length / 3; v++) {
    const d = (pos[v * 3] - p[0]) ** 2 + (pos[v * 3 + 1] - p[1]) ** 2 + (pos[v * 3 + 2] - p[2]) ** 2;
    if (d < bestD) [best, bestD] = [v, d];
  }
  return best;
}

describe('learn-mode feedback', () => {
  const frontPoint: Vec3 = [0, 0, 95];

  it('counts one pass per vertex per stroke, not per sample, and marks the stroke direction', () => {
    const f = createLearnFeedback(standIn(), HEADER);
    f.push({ kind: 'settings', change: { tMs: 0, settings: { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 } } });
    const v = nearest(frontPoint);
    for (let i = 0; i <= 20; i++) f.push({ kind: 'sample', sample: s(i * 5, [-10 + i, 0, 95]) });
    f.push({ kind: 'sample', sample: s(110, [10, 0, 95], false) });
    expect(f.state.passCount[v]).toBe(1);
    expect(f.state.directionMask[v] & DIRECTION_BITS.horizontal).toBeTruthy();
    // A second stroke, vertical this time.
    for (let i = 0; i <= 20; i++) f.push({ kind: 'sample', sample: s(200 + i * 5, [0, -10 + i, 95]) });
    f.push({ kind: 'sample', sample: s(320, [0, 10, 95], false) });
    expect(f.state.passCount[v]).toBe(2);
    expect(f.state.directionMask[v] & DIRECTION_BITS.vertical).toBeTruthy();
    expect(f.state.version).toBeGreaterThan(0);
  });

  it('a back-and-forth without lifting counts each way as a pass', () => {
    const f = createLearnFeedback(standIn(), HEADER);
    const v = nearest(frontPoint);
    for (let i = 0; i <= 20; i++) f.push({ kind: 'sample', sample: s(i * 5, [-10 + i, 0, 95]) });
    for (let i = 0; i <= 20; i++) f.push({ kind: 'sample', sample: s(110 + i * 5, [10 - i, 0, 95]) });
    expect(f.state.passCount[v]).toBe(2);
  });

  it('warns at once on a vertical stroke on the scalp (8.5.7) and on a needle too long for the site (8.5.x)', () => {
    const f = createLearnFeedback(standIn(), HEADER);
    f.push({ kind: 'settings', change: { tMs: 0, settings: { device: 'roller', needleLengthMm: 2.0, drumWidthMm: 20 } } });
    const warnings = [];
    for (let i = 0; i <= 10; i++) warnings.push(...f.push({ kind: 'sample', sample: { ...s(i * 5, [0, 95 + i, -20], true, 'scalp'), n: [0, 0.2, -0.98] } }));
    expect(warnings.map((w) => w.clause)).toContain('8.5.7');
    expect(warnings.some((w) => w.ruleId === 'roller-needle-length-site' && w.region === 'scalp')).toBe(true);
  });

  it('counts RF footprints and warns about depth outside the site range', () => {
    const f = createLearnFeedback(standIn(), { ...HEADER, procedure: 'rf' });
    const v = nearest(frontPoint);
    const w = f.push({
      kind: 'pulse',
      pulse: { tMs: 10, p: frontPoint, n: N, axis: [0, 0, -1], region: 'cheek-left', depthMm: 3.0, powerW: 20, pulseWidthMs: 100, tipSizeMm: 10, suction: true, bipolar: true, tipId: 'tip-1' },
    });
    expect(f.state.rfHitCount[v]).toBe(1);
    expect(w.map((x) => x.clause)).toEqual(['9.6.5']);
  });

  it('marks contact with a no-treat zone as critical', () => {
    const f = createLearnFeedback(standIn(), HEADER);
    const w = f.push({ kind: 'sample', sample: s(10, frontPoint, true, 'eye-left') });
    expect(w[0]).toMatchObject({ severity: 'critical', region: 'eye-left' });
  });
});
