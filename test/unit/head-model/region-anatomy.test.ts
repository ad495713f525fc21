import { describe, expect, it } from 'vitest';
import type { RegionId } from '../../../core/anatomy/regions';
import { HEAD_VARIANT_IDS } from '../../../core/head-model/variants';
import { loadShippedHeadModel } from '../../../core/node/head-model-file';

// Region borders follow the landmarks they are built from, on both heads.
describe.each(HEAD_VARIANT_IDS)('on the %s head', (variant) => {
  const model = loadShippedHeadModel(variant);
  const landmark = (id: string) => model.landmarks.find((l) => l.id === id)!.p;
  const verticesOf = (id: RegionId) => {
    const code = model.regionIds.indexOf(id);
    const out: [number, number, number][] = [];
    for (let v = 0; v < model.vertexRegion.length; v++) {
      if (model.vertexRegion[v] === code) out.push([model.positions[v * 3], model.positions[v * 3 + 1], model.positions[v * 3 + 2]]);
    }
    return out;
  };
  const nearest = (points: [number, number, number][], p: [number, number, number]) =>
    Math.min(...points.map((q) => Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2])));

  describe('region borders follow the anatomy', () => {
    it('runs each nasolabial fold from the ala to beside the mouth corner', () => {
      for (const side of ['left', 'right'] as const) {
        const fold = verticesOf(`nasolabial-${side}`);
        expect(nearest(fold, landmark(`alare-${side}`))).toBeLessThan(6);
        expect(nearest(fold, landmark(`cheilion-${side}`))).toBeLessThan(10);
        // Never across the midline.
        for (const p of fold) expect(Math.sign(p[0])).toBe(side === 'left' ? 1 : -1);
      }
    });

    it('spans each eye zone (the open fissure and its lid margins) from canthus to canthus, with lid skin above and below', () => {
      for (const side of ['left', 'right'] as const) {
        const s = side === 'left' ? 1 : -1;
        const eye = verticesOf(`eye-${side}`);
        const xs = eye.map((p) => p[0] * s);
        expect(Math.min(...xs)).toBeLessThan(landmark(`endocanthion-${side}`)[0] * s + 2);
        expect(Math.max(...xs)).toBeGreaterThan(landmark(`exocanthion-${side}`)[0] * s - 2);
        const meanY = (pts: [number, number, number][]) => pts.reduce((sum, p) => sum + p[1], 0) / pts.length;
        expect(meanY(verticesOf(`upper-eyelid-${side}`))).toBeGreaterThan(meanY(eye));
        expect(meanY(verticesOf(`lower-eyelid-${side}`))).toBeLessThan(meanY(eye));
      }
    });

    it('puts the vermilion between the cheilia, around the stomion, and the nostrils under the nasal tip', () => {
      const lips = verticesOf('lips');
      expect(nearest(lips, landmark('stomion'))).toBeLessThan(3);
      expect(nearest(lips, landmark('cheilion-left'))).toBeLessThan(4);
      const half = Math.abs(landmark('cheilion-left')[0]);
      for (const p of lips) expect(Math.abs(p[0])).toBeLessThan(half + 2);
      const nostrils = verticesOf('nostrils');
      const tip = landmark('pronasale');
      for (const p of nostrils) {
        expect(p[1]).toBeLessThan(tip[1]);
        expect(Math.abs(p[0])).toBeLessThan(Math.abs(landmark('alare-left')[0]));
      }
    });

    it('keeps the landmark regions where they belong', () => {
      const regionNear = (p: [number, number, number]) => {
        let best = 0;
        let bestD = Infinity;
        for (let v = 0; v < model.vertexRegion.length; v++) {
          const d = Math.hypot(model.positions[v * 3] - p[0], model.positions[v * 3 + 1] - p[1], model.positions[v * 3 + 2] - p[2]);
          if (d < bestD) [best, bestD] = [v, d];
        }
        return model.regionIds[model.vertexRegion[best]];
      };
      expect(regionNear(landmark('pronasale'))).toBe('nose');
      expect(regionNear(landmark('nasion'))).toBe('nose');
      expect(regionNear(landmark('glabella'))).toBe('forehead');
      expect(regionNear(landmark('pogonion'))).toBe('chin');
      expect(regionNear(landmark('vertex'))).toBe('scalp');
      expect(regionNear(landmark('opisthocranion'))).toBe('scalp');
      expect(regionNear(landmark('gonion-left'))).toBe('mandible-left');
    });
  });
});
