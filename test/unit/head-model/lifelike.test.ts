// What makes the shipped heads look like patients (issue 11 §3): eyeballs that the lids meet, painted brows
// and hair on the hair-bearing scalp (8.5.7, 10.4), the vermilion, modelled nostrils, and a woman's and a
// man's head chosen by the case.

import { describe, expect, it } from 'vitest';
import { APPEARANCE_CHANNELS } from '../../../core/head-model/appearance';
import { EYEBALL_DRAWN_INSET_MM, GLOBE, GLOBE_SKIN_INSET_MM, headSdf, nostrilSdf } from '../../../core/head-model/head-sdf';
import { HEAD_VARIANT_IDS, headVariantForCase } from '../../../core/head-model/variants';
import { loadShippedHeadModel } from '../../../core/node/head-model-file';
import type { HeadModel } from '../../../core/surface/surface';

const channel = (model: HeadModel, name: (typeof APPEARANCE_CHANNELS)[number]) => {
  const c = APPEARANCE_CHANNELS.indexOf(name);
  return (v: number) => model.appearance[v * APPEARANCE_CHANNELS.length + c] / 255;
};
const regionShare = (model: HeadModel, region: string, value: (v: number) => number, atLeast: number) => {
  const code = model.regionIds.indexOf(region as never);
  let n = 0;
  let hit = 0;
  for (let v = 0; v < model.vertexRegion.length; v++) {
    if (model.vertexRegion[v] !== code || model.notSkin[v]) continue;
    n++;
    if (value(v) >= atLeast) hit++;
  }
  return hit / n;
};
const nearest = (model: HeadModel, p: readonly number[]) => {
  let best = 0;
  let bestD = Infinity;
  for (let v = 0; v < model.positions.length / 3; v++) {
    const d = Math.hypot(model.positions[v * 3] - p[0], model.positions[v * 3 + 1] - p[1], model.positions[v * 3 + 2] - p[2]);
    if (d < bestD) [best, bestD] = [v, d];
  }
  return best;
};

describe('the eyes', () => {
  const [gx, gy, gz] = GLOBE.centre;
  const drawn = GLOBE.radiusMm - EYEBALL_DRAWN_INSET_MM;
  const onEyeball = (thetaDeg: number, phiDeg: number): [number, number, number] => {
    const t = (thetaDeg * Math.PI) / 180;
    const f = (phiDeg * Math.PI) / 180;
    return [gx + drawn * Math.sin(t) * Math.cos(f), gy + drawn * Math.sin(t) * Math.sin(f), gz + drawn * Math.cos(t)];
  };

  it('show the drawn eyeball in the open fissure: straight ahead it stands in front of the skin', () => {
    // The cornea's apex and the iris around it (up to 20° off the gaze, sideways) are outside the skin.
    for (const [theta, phi] of [[0, 0], [15, 0], [15, 180], [20, 0], [8, 90]]) {
      expect(headSdf(...onEyeball(theta, phi)), `${theta}°/${phi}°`).toBeGreaterThan(0);
    }
    expect(GLOBE_SKIN_INSET_MM).toBeGreaterThan(EYEBALL_DRAWN_INSET_MM);
  });

  it('are covered by the lids above and below the fissure and everywhere behind it: there the eyeball is inside the head', () => {
    for (const [theta, phi] of [[45, 90], [45, 270], [60, 90], [60, 260], [100, 45], [100, 180], [150, 0]]) {
      expect(headSdf(...onEyeball(theta, phi)), `${theta}°/${phi}°`).toBeLessThan(0);
    }
  });

  it.each(HEAD_VARIANT_IDS)('sit mirrored in the %s head, each globe seen through its eye zone', (variant) => {
    const model = loadShippedHeadModel(variant);
    const [left, right] = model.eyes;
    expect(left.side).toBe('left');
    expect(left.centre[0]).toBeGreaterThan(20);
    expect(left.centre[0] + right.centre[0]).toBeCloseTo(0, 1);
    expect(left.radiusMm).toBeGreaterThan(11);
    expect(left.radiusMm).toBeLessThan(13);
    // The skin straight in front of the globe is the eye zone (no-treat), between the canthi.
    const front = nearest(model, [left.centre[0], left.centre[1], left.centre[2] + left.radiusMm]);
    expect(model.regionIds[model.vertexRegion[front]]).toBe('eye-left');
    const en = model.landmarks.find((l) => l.id === 'endocanthion-left')!.p;
    const ex = model.landmarks.find((l) => l.id === 'exocanthion-left')!.p;
    expect(left.centre[0]).toBeGreaterThan(en[0]);
    expect(left.centre[0]).toBeLessThan(ex[0]);
  });
});

describe.each(HEAD_VARIANT_IDS)('the painted %s head', (variant) => {
  const model = loadShippedHeadModel(variant);
  const hair = channel(model, 'hair');
  const brow = channel(model, 'eyebrow');
  const vermilion = channel(model, 'vermilion');
  const shade = channel(model, 'shade');
  const noTreat = channel(model, 'noTreat');

  it('bears hair on the hair-bearing scalp and nowhere on the face', () => {
    expect(regionShare(model, 'scalp', hair, 0.5)).toBeGreaterThan(0.95);
    for (const region of ['forehead', 'cheek-left', 'nose', 'chin', 'lips']) expect(regionShare(model, region, hair, 0.5), region).toBeLessThan(0.02);
    const vertex = nearest(model, model.landmarks.find((l) => l.id === 'vertex')!.p);
    expect(hair(vertex)).toBe(1);
  });

  it('has eyebrows along the eyebrow regions, fullest over the body of the brow', () => {
    expect(regionShare(model, 'eyebrow-left', brow, 0.4)).toBeGreaterThan(0.35);
    expect(regionShare(model, 'eyebrow-right', brow, 0.4)).toBeGreaterThan(0.35);
    for (const region of ['forehead', 'upper-eyelid-left', 'cheek-left', 'temple-left']) expect(regionShare(model, region, brow, 0.4), region).toBeLessThan(0.1);
  });

  it('colours the vermilion of both lips, with a border that fades instead of stepping', () => {
    for (const id of ['labrale-superius', 'labrale-inferius']) {
      expect(vermilion(nearest(model, model.landmarks.find((l) => l.id === id)!.p)), id).toBeGreaterThan(0.9);
    }
    expect(regionShare(model, 'chin', vermilion, 0.1)).toBe(0);
    expect(regionShare(model, 'perioral', vermilion, 0.9)).toBeLessThan(0.05);
    // Between full lip colour and none there are intermediate values (a soft border, not a step).
    let soft = 0;
    for (let v = 0; v < model.vertexRegion.length; v++) if (vermilion(v) > 0.2 && vermilion(v) < 0.8) soft++;
    expect(soft).toBeGreaterThan(30);
  });

  it('models the nostrils as openings, shaded inside', () => {
    const sn = model.landmarks.find((l) => l.id === 'subnasale')!.p;
    const tip = model.landmarks.find((l) => l.id === 'pronasale')!.p;
    const nostrils = model.regionIds.indexOf('nostrils');
    let inside = 0;
    let deepest = Infinity;
    for (let v = 0; v < model.vertexRegion.length; v++) {
      if (model.vertexRegion[v] !== nostrils) continue;
      inside++;
      deepest = Math.min(deepest, -model.positions[v * 3 + 1]);
      expect(model.positions[v * 3 + 1]).toBeLessThan(tip[1] + 2);
    }
    // The openings reach up into the tip: deeper than a painted dot or a dent would.
    expect(inside).toBeGreaterThan(40);
    expect(-deepest).toBeGreaterThan(sn[1] + 4);
    expect(regionShare(model, 'nostrils', shade, 0.5)).toBeGreaterThan(0.4);
    expect(nostrilSdf(6.4, -20, 96)).toBeLessThan(-3);
  });

  it('marks the no-treat zones with a smooth weight that agrees with their labels', () => {
    for (const region of ['eye-left', 'lips', 'nostrils']) expect(regionShare(model, region, noTreat, 0.4), region).toBeGreaterThan(0.9);
    for (const region of ['forehead', 'cheek-left', 'neck']) expect(regionShare(model, region, noTreat, 0.2), region).toBeLessThan(0.01);
  });
});

describe('which head a case is treated on', () => {
  it('follows the patient case: the man for a male case, the woman otherwise', () => {
    expect(headVariantForCase({ sex: 'male' })).toBe('male');
    expect(headVariantForCase({ sex: 'female' })).toBe('female');
    expect(headVariantForCase({})).toBe('female');
    expect(headVariantForCase(undefined)).toBe('female');
  });

  it('gives the man a larger head and a thicker neck than the woman', () => {
    const female = loadShippedHeadModel('female');
    const male = loadShippedHeadModel('male');
    const width = (m: HeadModel, y: number) => {
      let w = 0;
      for (let v = 0; v < m.positions.length / 3; v++) if (Math.abs(m.positions[v * 3 + 1] - y) < 1.5 && Math.abs(m.positions[v * 3 + 2]) < 80) w = Math.max(w, m.positions[v * 3]);
      return w;
    };
    const menton = (m: HeadModel) => m.landmarks.find((l) => l.id === 'menton')!.p[1];
    // Neck width 3 cm under the chin: the man's neck circumference is about 38 cm against the woman's 32 cm.
    expect(width(male, menton(male) - 30)).toBeGreaterThan(width(female, menton(female) - 30) + 3);
    const volume = (m: HeadModel) => m.regions.find((r) => r.id === 'scalp')!.areaCm2;
    expect(volume(male)).toBeGreaterThan(volume(female));
  });
});
