// The skin-reaction model (core/scoring/engine/skin-reaction.ts): expectations worked out by hand from its
// definition and the simulator defaults (visible above 12 pass·mm, pink at 14, purpura from bleeding
// needles ≥ 1.0 mm at 20; an RF pulse 6, a nano contact 1; force relative to the moderate level 0.55).
import { describe, expect, it } from 'vitest';
import { defaultValues } from '../../../core/rules/simulator-defaults';
import { PRESSURE_LEVELS } from '../../../core/recording/pressure-words';
import { isBleedingNeedle, regionReaction, rollerPassDosePassMm, skinReaction, vertexReaction, visibleChange, type SkinReactionDefaults } from '../../../core/scoring/engine/skin-reaction';

const cfg = defaultValues();

/** One vertex's reaction, through the engine's per-vertex path, after `passes` passes of one needle at moderate force, RF pulses and nano contacts. */
function skinReactionFromCounts(passes: number, needleLengthMm: number, rfHits: number, nanoContacts: number, c: SkinReactionDefaults) {
  const roller = passes * rollerPassDosePassMm(needleLengthMm, PRESSURE_LEVELS.moderate);
  const doses = {
    rollerDosePassMm: Float32Array.of(roller),
    bleedingDosePassMm: Float32Array.of(isBleedingNeedle(needleLengthMm, c) ? roller : 0),
    rfHitCount: Uint16Array.of(rfHits),
    nanoContactCount: Uint16Array.of(nanoContacts),
  };
  return vertexReaction(doses, 0, c);
}

describe('skin-reaction model', () => {
  it('a pass adds needle × force ÷ moderate: 0.5 mm moderate 0.5, 1.0 mm firm 1.0 × 0.85/0.55', () => {
    expect(rollerPassDosePassMm(0.5, 0.55)).toBeCloseTo(0.5, 12);
    expect(rollerPassDosePassMm(1.0, 0.85)).toBeCloseTo(0.85 / 0.55, 12);
    expect(rollerPassDosePassMm(1.0, 0.25)).toBeCloseTo(0.25 / 0.55, 12);
    expect(rollerPassDosePassMm(1.0, 0)).toBe(0);
  });

  it('8.4.2: five rounds (20 passes) of 0.5 mm at moderate force show no visible change', () => {
    const r = skinReactionFromCounts(20, 0.5, 0, 0, cfg);
    expect(r).toEqual({ erythema: 0, pinpointBleeding: 0, purpura: 0 });
    expect(visibleChange(r)).toBe(false);
  });

  it('erythema rises from 12 to 14 pass·mm: 13 is half pink, 14 fully pink (8.4.1)', () => {
    expect(skinReaction(12, 0, cfg).erythema).toBe(0);
    expect(skinReaction(13, 0, cfg).erythema).toBeCloseTo(0.5, 12);
    expect(skinReaction(14, 0, cfg).erythema).toBe(1);
    expect(visibleChange(skinReaction(12.1, 0, cfg))).toBe(true);
  });

  it('only needles from 1.0 mm bleed; purpura begins past the pink dose and is established at 20 (8.4.3)', () => {
    expect(isBleedingNeedle(0.75, cfg)).toBe(false);
    expect(isBleedingNeedle(1.0, cfg)).toBe(true);
    // 40 passes of 0.5 mm: 20 pass·mm, fully pink, no blood.
    expect(skinReactionFromCounts(40, 0.5, 0, 0, cfg)).toEqual({ erythema: 1, pinpointBleeding: 0, purpura: 0 });
    // 17 passes of 1.0 mm: pinpoint bleeding full (17 ≥ 14), purpura (17 - 14) / (20 - 14) = 0.5.
    const r = skinReactionFromCounts(17, 1.0, 0, 0, cfg);
    expect(r.pinpointBleeding).toBe(1);
    expect(r.purpura).toBeCloseTo(0.5, 12);
    expect(skinReactionFromCounts(20, 1.0, 0, 0, cfg).purpura).toBe(1);
    // 1.5 mm: 14 passes = 21 pass·mm, purpura established.
    expect(skinReactionFromCounts(14, 1.5, 0, 0, cfg).purpura).toBe(1);
  });

  it('RF pulses redden but never bleed; three nano contacts on a site (10.5) stay invisible', () => {
    expect(skinReactionFromCounts(0, 0, 2, 0, cfg).erythema).toBe(0); // 12 pass·mm
    expect(skinReactionFromCounts(0, 0, 3, 0, cfg)).toEqual({ erythema: 1, pinpointBleeding: 0, purpura: 0 }); // 18
    expect(visibleChange(skinReactionFromCounts(0, 0, 0, 3, cfg))).toBe(false);
  });

  it('follows a task\'s own defaults', () => {
    const strict = { ...cfg, skinVisibleDosePassMm: 4, skinPinkDosePassMm: 6 };
    // 10 passes of 0.5 mm = 5 pass·mm: half-way from 4 to 6.
    expect(skinReactionFromCounts(10, 0.5, 0, 0, strict).erythema).toBeCloseTo(0.5, 12);
  });

  it('a region\'s shares are area-weighted', () => {
    // Three vertices of areas 1, 1, 2 mm²: doses 0 (nothing), 13 (visible, not pink), 20 from 1.0 mm (purpura).
    const arrays = {
      rollerDosePassMm: Float32Array.from([0, 13, 20]),
      bleedingDosePassMm: Float32Array.from([0, 0, 20]),
      rfHitCount: new Uint16Array(3),
      nanoContactCount: new Uint16Array(3),
    };
    const r = regionReaction(arrays, [0, 1, 2], [1, 1, 2], cfg);
    expect(r).toEqual({ areaMm2: 4, visible: 0.75, pink: 0.5, pinpointBleeding: 0.5, purpura: 0.5 });
  });
});
