// RF part (9.x): zone attribution by region (9.2, 9.3), the no-miss flood fill.
import { describe, expect, it } from 'vitest';
import { skinFrame } from '../../../../core/geometry/skin-frame';
import { surfaceIndex } from '../../../../core/geometry/surface-index';
import { loadScoringSurface } from '../../../../core/node/surface';
import { UNIT_VECTOR_TOLERANCE } from '../../../../core/recording/validate';
import { SIMULATOR_DEFAULTS } from '../../../../core/rules/simulator-defaults';
import { RF_ZONE_STEPS } from '../../../../core/rules/procedure';
import { createContext, SAME_SIDE_DOT } from '../../../../core/scoring/engine/context';
import { largestMissMm2 } from '../../../../core/scoring/engine/rf';
import { createLiveScorer } from '../../../../core/scoring/live';
import { score } from '../../../../core/scoring/score';
import { createStandInSurface } from '../../../../core/surface/stand-in';
import { pulseAt, recording, steps } from './helpers';

const surface = createStandInSurface({ rings: 40, segments: 80 });
const PRE = ['take-history', 'examine', 'consent', 'cleanse', 'photograph', 'anaesthesia', 'fit-new-tip'] as const;
const zones = [
  { id: 'zone-1', regions: ['forehead' as const] },
  { id: 'zone-2', regions: ['cheek-left' as const] },
];

describe('RF zone attribution (9.2)', () => {
  it('attributes a pulse to the zone containing its region, not to the zone selected in the panel', () => {
    // Only zone-1 is prepared; every pulse says zone-1, but the later ones land in zone-2's region.
    const r = recording('rf', {
      goal: { indication: 'unit', endpoint: 'tightening', targetRegions: ['forehead', 'cheek-left'] },
      zones,
      steps: [...steps(PRE), ...steps(RF_ZONE_STEPS, 5000, 'zone-1')],
      pulses: [pulseAt(surface, 'forehead', 10_000, { zoneId: 'zone-1' }), pulseAt(surface, 'cheek-left', 11_000, { zoneId: 'zone-1' }), pulseAt(surface, 'cheek-left', 12_000, { zoneId: 'zone-1' })],
    });
    const { findings } = score(r, { surface });
    const ids = findings.map((f) => f.id);
    const prep = findings.find((f) => f.id === 'rf-zone-preparation:zone-2');
    expect(prep).toMatchObject({ ruleId: 'rf-zone-preparation', clause: '9.2', severity: 'major', span: { startMs: 11_000, endMs: 11_000 } });
    expect(prep?.evidence.values).toMatchObject({ zone: 'zone-2', missingSteps: 'remove-anaesthetic,cleanse-again,disinfect' });
    // The trainee reads the zone by its regions, never by its id.
    expect(prep?.evidence.text.zh).toMatch(/^分区（左面颊）治疗前缺少：/);
    expect(prep?.evidence.text.en).toMatch(/^zone \(Left cheek\): missing before its first pulse:/);
    expect(JSON.stringify(prep?.message)).not.toContain('zone-2');
    expect(ids).not.toContain('rf-zone-preparation:zone-1');
  });

  it('accepts a zone prepared under its own id whatever zone the pulses name', () => {
    const r = recording('rf', {
      goal: { indication: 'unit', endpoint: 'tightening', targetRegions: ['forehead', 'cheek-left'] },
      zones,
      steps: [...steps(PRE), ...steps(RF_ZONE_STEPS, 5000, 'zone-1'), ...steps(RF_ZONE_STEPS, 10_500, 'zone-2')],
      pulses: [pulseAt(surface, 'forehead', 10_000, { zoneId: 'zone-2' }), pulseAt(surface, 'cheek-left', 11_000, { zoneId: 'zone-1' })],
    });
    expect(score(r, { surface }).findings.map((f) => f.id).filter((id) => id.startsWith('rf-zone-preparation'))).toEqual([]);
  });

  it('a pulse in a region of no zone belongs to no zone: no zone preparation is asked for it', () => {
    const r = recording('rf', {
      zones,
      steps: [...steps(PRE), ...steps(RF_ZONE_STEPS, 5000, 'zone-1')],
      pulses: [pulseAt(surface, 'forehead', 10_000), pulseAt(surface, 'chin', 11_000, { zoneId: 'zone-2' })],
    });
    expect(score(r, { surface }).findings.map((f) => f.id).filter((id) => id.startsWith('rf-zone-preparation'))).toEqual([]);
  });

  it('without zones in the recording, each target region is a zone', () => {
    const r = recording('rf', { steps: steps(PRE), pulses: [pulseAt(surface, 'forehead', 10_000, { zoneId: 'zone-9' })] });
    expect(score(r, { surface }).findings.map((f) => f.id)).toContain('rf-zone-preparation:forehead');
  });
});

describe('largestMissMm2 (9.3 no-miss)', () => {
  it('is the whole region when nothing is hit, and 0 when everything is', () => {
    const ctx = createContext(surface, recording('rf'));
    const idx = surfaceIndex(surface);
    const verts = idx.regionVertices(idx.regionCode('forehead'));
    const hit = new Uint16Array(idx.vertexCount);
    let total = 0;
    for (const v of verts) total += idx.vertexAreaMm2[v];
    // The forehead's vertices may form more than one connected patch, so the largest is at most the total.
    const none = largestMissMm2(ctx, verts, hit);
    expect(none).toBeGreaterThan(0);
    expect(none).toBeLessThanOrEqual(total + 1e-9);
    for (const v of verts) hit[v] = 1;
    expect(largestMissMm2(ctx, verts, hit)).toBe(0);
  });
});

describe('RF tip footprint', () => {
  it('counts exactly the vertices under the tip on the same side, even for normals a little off unit length', () => {
    const head = loadScoringSurface().surface;
    const idx = surfaceIndex(head);
    const P = head.positions, N = head.normals, V = P.length / 3;
    const tol = SIMULATOR_DEFAULTS.footprintDepthToleranceMm.value;
    const frame = new Float64Array(6);
    const expected = new Uint16Array(V);
    const live = createLiveScorer(head, recording('rf'));
    let seed = 9;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    for (let i = 0; i < 20_000; i++) {
      const v0 = Math.floor(((rnd() + 1) / 2) * V);
      // Recording validation accepts normals of length 1 ± UNIT_VECTOR_TOLERANCE: the pulses use both halves of it.
      const scale = 1 + (i % 2 ? -1 : 1) * UNIT_VECTOR_TOLERANCE * (0.5 + 0.5 * Math.abs(rnd()));
      const n = [N[v0 * 3] * scale, N[v0 * 3 + 1] * scale, N[v0 * 3 + 2] * scale] as [number, number, number];
      const p = [P[v0 * 3], P[v0 * 3 + 1], P[v0 * 3 + 2]] as [number, number, number];
      const pulse = { ...pulseAt(head, 'forehead', 1000 + i), p, n, axis: [-n[0], -n[1], -n[2]] as [number, number, number], tipSizeMm: 10 + Math.abs(rnd()) * 10 };
      live.push({ kind: 'pulse', pulse });
      // The tip's square in its skin frame, within the depth tolerance, on the same side; searched in a box
      // far wider than the tip.
      skinFrame(n[0], n[1], n[2], frame);
      const half = pulse.tipSizeMm / 2, r = 2 * half + tol;
      idx.forEachInBox(p[0] - r, p[1] - r, p[2] - r, p[0] + r, p[1] + r, p[2] + r, (v) => {
        const qx = P[v * 3] - p[0], qy = P[v * 3 + 1] - p[1], qz = P[v * 3 + 2] - p[2];
        const u = qx * frame[0] + qy * frame[1] + qz * frame[2], w = qx * frame[3] + qy * frame[4] + qz * frame[5], depth = qx * n[0] + qy * n[1] + qz * n[2];
        if (Math.abs(u) <= half && Math.abs(w) <= half && Math.abs(depth) <= tol && N[v * 3] * n[0] + N[v * 3 + 1] * n[1] + N[v * 3 + 2] * n[2] >= SAME_SIDE_DOT) expected[v]++;
      });
    }
    const wrong: number[] = [];
    for (let v = 0; v < V; v++) if (live.state.rfHitCount[v] !== expected[v]) wrong.push(v);
    expect(wrong).toEqual([]);
    expect(expected.reduce((sum, c) => sum + c, 0)).toBeGreaterThan(20_000 * 50); // the tips are on the skin
  });
});
