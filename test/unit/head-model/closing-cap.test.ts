// Coverage counts treatable skin only (issue 11 §1): the flat cap that closes the shipped head where the
// neck is cut is in no region's vertices, area or interior, so rolling the whole neck can cover the neck.

import { describe, expect, it } from 'vitest';
import { surfaceIndex } from '../../../core/geometry/surface-index';
import { HEAD_SHAPE } from '../../../core/head-model/head-sdf';
import { loadScoringSurface } from '../../../core/node/surface';

describe('the closing cap under the neck', () => {
  const { surface } = loadScoringSurface();
  const idx = surfaceIndex(surface);
  const cap = surface.notSkin!;
  const neck = idx.regionCode('neck');

  it('is found where the model is cut, facing down, and nowhere else', () => {
    let area = 0;
    for (let i = 0; i < cap.length; i++) {
      if (!cap[i]) continue;
      area += idx.vertexAreaMm2[i];
      expect(surface.positions[i * 3 + 1]).toBeLessThan(HEAD_SHAPE.neckCutY + 8);
      expect(surface.normals[i * 3 + 1]).toBeLessThan(-0.7);
    }
    // A disc about the neck's cross-section at the cut (a neck of about 12 x 13 cm there).
    expect(area / 100).toBeGreaterThan(100);
    expect(area / 100).toBeLessThan(220);
  });

  it('is in no region: the neck keeps its skin, about three quarters of what it had with the cap', () => {
    const neckVerts = idx.regionVertices(neck);
    expect(neckVerts.some((v) => cap[v] === 1)).toBe(false);
    expect(idx.regionInterior(neck, 3).some((v) => cap[v] === 1)).toBe(false);
    let withCap = 0;
    for (let i = 0; i < cap.length; i++) if (surface.vertexRegion[i] === neck) withCap += idx.vertexAreaMm2[i];
    const share = idx.regionAreaMm2[neck] / withCap;
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.85);
  });
});
