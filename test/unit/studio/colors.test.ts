import { describe, expect, it } from 'vitest';
import { HEAD_REGION_IDS, regionCode } from '../../../core/anatomy/regions';
import { DIRECTION_BITS } from '../../../core/scoring/live-contract';
import { RF_GAP_RGB, directionColor, DIRECTION_COUNT_RGB, heatColor, HEAT_STOPS, popcount4, skinReaction, SKIN_RGB, srgbToLinear, writeVertexColors } from '../../../renderer/studio/feedback/colors';

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

  it('skin reaction (core/scoring/engine/skin-reaction.ts): nothing visible below 12 pass·mm, pink by 14; bleeding only from 1.0 mm, purpura past 14', () => {
    expect(skinReaction(0, 0.5).pink).toBe(0);
    // 0.5 mm at moderate force: 20 passes (5 rounds, 8.4.2's most) = 10 pass·mm, no visible change; 26 = 13, half pink; 28 = 14, pink.
    expect(skinReaction(20, 0.5).pink).toBe(0);
    expect(skinReaction(26, 0.5).pink).toBeCloseTo(0.5, 6);
    expect(skinReaction(28, 0.5).pink).toBe(1);
    expect(skinReaction(40, 0.5).petechiae).toBe(0);
    // 1.0 mm: 13 passes = 13 pass·mm, pinpoint bleeding half-way; purpura starts past 14, full at 20.
    expect(skinReaction(13, 1.0).petechiae).toBeCloseTo(0.5, 6);
    expect(skinReaction(13, 1.0).purpura).toBe(0);
    expect(skinReaction(17, 1.0).purpura).toBeCloseTo(0.5, 6);
    expect(skinReaction(8, 2.0).purpura).toBeCloseTo(1 / 3, 6);
  });

  it('writes skin where nothing happened, heat where it did, and marks no-treat zones even with regions hidden', () => {
    const n = 3;
    const vertexRegion = Uint8Array.from([regionCode('forehead'), regionCode('forehead'), regionCode('eye-left')]);
    const state = { passCount: Uint16Array.from([0, 3, 0]), directionMask: new Uint8Array(n), rfHitCount: new Uint16Array(n), nanoContactCount: new Uint16Array(n), version: 1 };
    const out = new Float32Array(n * 3);
    writeVertexColors(out, { view: 'passes', feedback: true, state, vertexRegion, regionIds: HEAD_REGION_IDS, targetRegions: new Set(), showRegions: false, maxNeedleLengthMm: 0.5 });
    expect(Array.from(out.slice(0, 3))).toEqual(SKIN_RGB.map(srgbToLinear).map((v) => Math.fround(v)));
    expect(out[3 + 1]).toBeGreaterThan(out[3]); // green-ish heat for 3 passes
    expect(out[6]).not.toBeCloseTo(srgbToLinear(SKIN_RGB[0]), 3);
    // Test mode (feedback off): no heat at all.
    const off = new Float32Array(n * 3);
    writeVertexColors(off, { view: 'passes', feedback: false, state, vertexRegion, regionIds: HEAD_REGION_IDS, targetRegions: new Set(), showRegions: false, maxNeedleLengthMm: 0.5 });
    expect(Array.from(off.slice(3, 6))).toEqual(Array.from(off.slice(0, 3)));
  });

  it('RF view: target skin without pulses shows as a gap, pulsed skin as heat, other skin untouched', () => {
    const vertexRegion = Uint8Array.from([regionCode('forehead'), regionCode('forehead'), regionCode('neck')]);
    const state = { passCount: new Uint16Array(3), directionMask: new Uint8Array(3), rfHitCount: Uint16Array.from([0, 1, 0]), nanoContactCount: new Uint16Array(3), version: 1 };
    const out = new Float32Array(9);
    writeVertexColors(out, { view: 'rf', feedback: true, state, vertexRegion, regionIds: HEAD_REGION_IDS, targetRegions: new Set(['forehead']), showRegions: false, maxNeedleLengthMm: 0 });
    const gapMix = 0.8; // overlay strength
    expect(out[0]).toBeCloseTo(srgbToLinear(SKIN_RGB[0] + (RF_GAP_RGB[0] - SKIN_RGB[0]) * gapMix), 5);
    expect(out[5]).toBeGreaterThan(out[3]); // blue heat for 1 pulse
    expect(Array.from(out.slice(6, 9))).toEqual(SKIN_RGB.map((c) => Math.fround(srgbToLinear(c))));
  });
});
