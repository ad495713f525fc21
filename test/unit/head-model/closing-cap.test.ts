// Coverage counts treatable skin only (issue 11 §1): the shoulders, chest and back that the bust carries
// below the root of the neck, and the flat cap that closes it, are flagged as not skin: they are in no
// region's vertices, area or interior, so rolling the whole neck can cover the neck.

import { describe, expect, it } from 'vitest';
import { surfaceIndex } from '../../../core/geometry/surface-index';
import { HEAD_VARIANT_IDS } from '../../../core/head-model/variants';
import { loadShippedHeadModel } from '../../../core/node/head-model-file';

describe.each(HEAD_VARIANT_IDS)('what is not skin on the %s head', (variant) => {
  const model = loadShippedHeadModel(variant);
  const idx = surfaceIndex(model);
  const notSkin = model.notSkin;
  const neck = idx.regionCode('neck');
  const menton = model.landmarks.find((l) => l.id === 'menton')!.p;

  it('is the bust below the root of the neck and nothing of the head or the neck above it', () => {
    let area = 0;
    let lowestSkinY = Infinity;
    for (let i = 0; i < notSkin.length; i++) {
      const y = model.positions[i * 3 + 1];
      if (!notSkin[i]) {
        lowestSkinY = Math.min(lowestSkinY, y);
        continue;
      }
      area += idx.vertexAreaMm2[i];
      // Everything flagged lies well below the chin (the neck's root is lowest in front, 5-8 cm under the chin,
      // and higher behind and at the sides, where the shoulders begin about 2 cm under the chin's level).
      expect(y).toBeLessThan(menton[1] - 15);
    }
    // Shoulders, upper chest and back, and the cap: several square decimetres.
    expect(area / 100).toBeGreaterThan(300);
    // And the treatable skin ends at the root of the neck, not further down.
    expect(lowestSkinY).toBeGreaterThan(menton[1] - 110);
  });

  it('is in no region: the neck keeps only the skin between the jaw line and the root of the neck', () => {
    const neckVerts = idx.regionVertices(neck);
    expect(neckVerts.some((v) => notSkin[v] === 1)).toBe(false);
    expect(idx.regionInterior(neck, 3).some((v) => notSkin[v] === 1)).toBe(false);
    // A neck of about 31-38 cm around and 6-9 cm from the jaw line to the clavicles: roughly 1.5-3.5 dm².
    expect(idx.regionAreaMm2[neck] / 100).toBeGreaterThan(150);
    expect(idx.regionAreaMm2[neck] / 100).toBeLessThan(400);
  });
});
