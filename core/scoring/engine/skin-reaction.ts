// The simulator's skin-reaction model (a simulator model: the standard names the endpoint signs of 8.4, not
// the dose that produces them; every number here is a simulator default, core/rules/simulator-defaults.ts).
// One definition serves what the trainee sees (the studio's skin colour, renderer/studio/feedback/colors.ts)
// and what is scored (the endpoint rules, engine/endpoint.ts).
//
// Dose, per vertex, in pass·mm: every roller pass that covers the vertex adds its needle length × its force
// relative to the pressure scale's moderate level (0.55, docs/recording-format.md), so five rounds of 0.5 mm
// at moderate force add 20 × 0.5 = 10; every RF pulse and nano contact over it adds a fixed dose. Passes with
// needles of at least skinBleedingNeedleMm also add to the bleeding dose. From the two doses:
//   erythema           0 up to skinVisibleDose, rising to 1 (pink, 8.4.1) at skinPinkDose;
//   pinpoint bleeding  bleeding dose, the same ramp (13.3's punctate bleeding);
//   purpura            bleeding dose from skinPinkDose, 1 (haemorrhagic purpura, 8.4.3) at skinPurpuraDose.
// "No visible change" (8.4.2) is all three at 0.

import { PRESSURE_LEVELS } from '../../recording/pressure-words';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';

export type SkinReactionDefaults = Pick<
  SimulatorDefaultValues,
  'skinVisibleDosePassMm' | 'skinPinkDosePassMm' | 'skinPurpuraDosePassMm' | 'skinBleedingNeedleMm' | 'skinRfPulseDosePassMm' | 'skinNanoContactDosePassMm'
>;

export interface SkinReaction {
  /** 0..1: 1 is fully pink (8.4.1). */
  erythema: number;
  /** 0..1: pinpoint bleeding (13.3). */
  pinpointBleeding: number;
  /** 0..1: 1 is haemorrhagic purpura established (8.4.3). */
  purpura: number;
}

const clamp01 = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x);

/** The dose one roller pass adds, pass·mm: needle length × pressure relative to the moderate level. */
export function rollerPassDosePassMm(needleLengthMm: number, pressure: number): number {
  return needleLengthMm * (Math.max(0, pressure) / PRESSURE_LEVELS.moderate);
}

/** Whether a roller needle of this length draws blood in the model. */
export const isBleedingNeedle = (needleLengthMm: number, cfg: Pick<SkinReactionDefaults, 'skinBleedingNeedleMm'>): boolean => needleLengthMm >= cfg.skinBleedingNeedleMm;

/** The reaction to a dose (pass·mm) of which `bleedingDosePassMm` came from bleeding needles. */
export function skinReaction(dosePassMm: number, bleedingDosePassMm: number, cfg: SkinReactionDefaults): SkinReaction {
  const visible = cfg.skinVisibleDosePassMm, pink = cfg.skinPinkDosePassMm;
  const ramp = pink > visible ? pink - visible : 1e-9;
  return {
    erythema: clamp01((dosePassMm - visible) / ramp),
    pinpointBleeding: clamp01((bleedingDosePassMm - visible) / ramp),
    purpura: clamp01((bleedingDosePassMm - pink) / Math.max(cfg.skinPurpuraDosePassMm - pink, 1e-9)),
  };
}

/** Whether a reaction shows anything to the naked eye (8.4.2 asks for nothing). */
export const visibleChange = (r: SkinReaction): boolean => r.erythema > 0 || r.pinpointBleeding > 0 || r.purpura > 0;

/** Per-vertex inputs of the model as the engine accumulates them. */
export interface SkinDoseArrays {
  /** Roller dose per vertex, pass·mm. */
  readonly rollerDosePassMm: Float32Array;
  /** The part of it from bleeding needles. */
  readonly bleedingDosePassMm: Float32Array;
  readonly rfHitCount: Uint16Array;
  readonly nanoContactCount: Uint16Array;
}

/** The reaction at vertex v. */
export function vertexReaction(a: SkinDoseArrays, v: number, cfg: SkinReactionDefaults): SkinReaction {
  const dose = a.rollerDosePassMm[v] + a.rfHitCount[v] * cfg.skinRfPulseDosePassMm + a.nanoContactCount[v] * cfg.skinNanoContactDosePassMm;
  return skinReaction(dose, a.bleedingDosePassMm[v], cfg);
}

/** Shares of a region's area showing each sign, 0..1 (area-weighted over the vertices given). */
export interface RegionReaction {
  areaMm2: number;
  /** Any visible change (8.4.2 breached where the goal is absorption). */
  visible: number;
  /** Fully pink (8.4.1). */
  pink: number;
  /** Pinpoint bleeding fully developed. */
  pinpointBleeding: number;
  /** Haemorrhagic purpura established (8.4.3). */
  purpura: number;
}

export function regionReaction(a: SkinDoseArrays, verts: ArrayLike<number>, vertexAreaMm2: ArrayLike<number>, cfg: SkinReactionDefaults): RegionReaction {
  let total = 0, visible = 0, pink = 0, bleeding = 0, purpura = 0;
  for (let i = 0; i < verts.length; i++) {
    const v = verts[i];
    const area = vertexAreaMm2[v];
    total += area;
    const r = vertexReaction(a, v, cfg);
    if (visibleChange(r)) visible += area;
    if (r.erythema >= 1) pink += area;
    if (r.pinpointBleeding >= 1) bleeding += area;
    if (r.purpura >= 1) purpura += area;
  }
  const share = (x: number) => (total > 0 ? x / total : 0);
  return { areaMm2: total, visible: share(visible), pink: share(pink), pinpointBleeding: share(bleeding), purpura: share(purpura) };
}
