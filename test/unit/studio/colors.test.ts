import { describe, expect, it } from 'vitest';
import { HEAD_REGION_IDS, regionCode } from '../../../core/anatomy/regions';
import { DIRECTION_BITS } from '../../../core/scoring/live-contract';
import { RF_GAP_RGB, directionColor, DIRECTION_COUNT_RGB, heatColor, HEAT_STOPS, popcount4, SKIN_RGB, srgbToLinear, writeVertexColors } from '../../../renderer/studio/feedback/colors';

describe('colour mappings', () => {
  it('heat: none for 0, one stop per count, the last stop for many', () => {
    expect(heatColor(0)).toBeNull();
    expect(heatColor(1)).toEqual(HEAT_STOPS[0]);
    expect(heatColor(3)).toEqual(HEAT_STOPS[2]);
    expect(heatColor(40)).toEqual(HEAT_STOPS[HEAT_STOPS.length - 1]);
  });

  it('direction coverage counts the 米 directions an element has had', () => {
    const all = DIRECTION_BITS.horizontal | DIRECTION_BITS.vertical | DIRECTION_BITS.diagonalSlash | DIRECTION_BITS.diagonalBackslash;
    expect(popcount4(all)).toBe(4);
    expect(directionColor(0)).toBeNull();
    expect(directionColor(DIRECTION_BITS.vertical)).toEqual(DIRECTION_COUNT_RGB[0]);
    expect(directionColor(all)).toEqual(DIRECTION_COUNT_RGB[3]);
  });

  it('skin colour follows the dose the scorer judges (each pass with its own needle and force), not the pass count', () => {
    // Six forehead vertices, all rolled 28 times; their doses (pass·mm, core/scoring/engine/skin-reaction.ts) differ:
    // 0: nothing; 1: 10 (20 passes of 0.5 mm at moderate force: 8.4.2's five rounds, no visible change);
    // 2: 14 (28 passes of 0.5 mm, pink, 8.4.1); 3: 3 (28 light passes of a 0.25 mm needle: still plain skin);
    // 4: 20 from a 1.0 mm needle (bleeding dose 20: purpura established, 8.4.3); 5: 14 from a 1.0 mm needle.
    const n = 6;
    const vertexRegion = new Uint8Array(n).fill(regionCode('forehead'));
    const state = {
      passCount: new Uint16Array(n).fill(28),
      directionMask: new Uint8Array(n),
      rfHitCount: new Uint16Array(n),
      nanoContactCount: new Uint16Array(n),
      rollerDosePassMm: Float32Array.from([0, 10, 14, 3, 20, 14]),
      bleedingDosePassMm: Float32Array.from([0, 0, 0, 0, 20, 14]),
      version: 1,
    };
    const out = new Float32Array(n * 3);
    writeVertexColors(out, { view: 'skin', feedback: true, state, vertexRegion, regionIds: HEAD_REGION_IDS, targetRegions: new Set(), showRegions: false });
    const rgb = (v: number) => Array.from(out.slice(v * 3, v * 3 + 3));
    const skin = SKIN_RGB.map((c) => Math.fround(srgbToLinear(c)));
    expect(rgb(0)).toEqual(skin);
    expect(rgb(1)).toEqual(skin);
    expect(rgb(3)).toEqual(skin);
    // Pink: redder than skin (green falls more than red).
    expect(rgb(2)[1]).toBeLessThan(skin[1] - 0.1);
    expect(skin[0] - rgb(2)[0]).toBeLessThan(skin[1] - rgb(2)[1]);
    // A 1.0 mm needle's dose bleeds: darker than pink at the same dose, and darkest once purpura is established.
    expect(rgb(5)[0]).toBeLessThan(rgb(2)[0]);
    expect(rgb(4)[0]).toBeLessThan(rgb(5)[0]);
    // Test mode shows nothing of it.
    const off = new Float32Array(n * 3);
    writeVertexColors(off, { view: 'skin', feedback: false, state, vertexRegion, regionIds: HEAD_REGION_IDS, targetRegions: new Set(), showRegions: false });
    expect(Array.from(off.slice(12, 15))).toEqual(skin);
  });

  it('writes skin where nothing happened, heat where it did, and marks no-treat zones even with regions hidden', () => {
    const n = 3;
    const vertexRegion = Uint8Array.from([regionCode('forehead'), regionCode('forehead'), regionCode('eye-left')]);
    const state = { passCount: Uint16Array.from([0, 3, 0]), directionMask: new Uint8Array(n), rfHitCount: new Uint16Array(n), nanoContactCount: new Uint16Array(n), rollerDosePassMm: new Float32Array(n), bleedingDosePassMm: new Float32Array(n), version: 1 };
    const out = new Float32Array(n * 3);
    writeVertexColors(out, { view: 'passes', feedback: true, state, vertexRegion, regionIds: HEAD_REGION_IDS, targetRegions: new Set(), showRegions: false });
    expect(Array.from(out.slice(0, 3))).toEqual(SKIN_RGB.map(srgbToLinear).map((v) => Math.fround(v)));
    expect(out[3 + 1]).toBeGreaterThan(out[3]); // green-ish heat for 3 passes
    expect(out[6]).not.toBeCloseTo(srgbToLinear(SKIN_RGB[0]), 3);
    // Test mode (feedback off): no heat at all.
    const off = new Float32Array(n * 3);
    writeVertexColors(off, { view: 'passes', feedback: false, state, vertexRegion, regionIds: HEAD_REGION_IDS, targetRegions: new Set(), showRegions: false });
    expect(Array.from(off.slice(3, 6))).toEqual(Array.from(off.slice(0, 3)));
  });

  it('RF view: target skin without pulses shows as a gap, pulsed skin as heat, other skin untouched', () => {
    const vertexRegion = Uint8Array.from([regionCode('forehead'), regionCode('forehead'), regionCode('neck')]);
    const state = { passCount: new Uint16Array(3), directionMask: new Uint8Array(3), rfHitCount: Uint16Array.from([0, 1, 0]), nanoContactCount: new Uint16Array(3), rollerDosePassMm: new Float32Array(3), bleedingDosePassMm: new Float32Array(3), version: 1 };
    const out = new Float32Array(9);
    writeVertexColors(out, { view: 'rf', feedback: true, state, vertexRegion, regionIds: HEAD_REGION_IDS, targetRegions: new Set(['forehead']), showRegions: false });
    const gapMix = 0.8; // overlay strength
    expect(out[0]).toBeCloseTo(srgbToLinear(SKIN_RGB[0] + (RF_GAP_RGB[0] - SKIN_RGB[0]) * gapMix), 5);
    expect(out[5]).toBeGreaterThan(out[3]); // blue heat for 1 pulse
    expect(Array.from(out.slice(6, 9))).toEqual(SKIN_RGB.map((c) => Math.fround(srgbToLinear(c))));
  });
});

describe('srgbToLinear', () => {
  it('follows the sRGB transfer curve to within 1e-7, exact at black and white', () => {
    const exact = (c: number) => (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    let worst = 0;
    for (let i = 0; i <= 100_000; i++) worst = Math.max(worst, Math.abs(srgbToLinear(i / 100_000) - exact(i / 100_000)));
    expect(worst).toBeLessThan(1e-7);
    expect(srgbToLinear(0)).toBe(0);
    expect(srgbToLinear(1)).toBe(1);
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214041, 6);
  });
});
