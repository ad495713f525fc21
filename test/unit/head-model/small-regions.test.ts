// Small regions are measured from many vertices (issue 11 §1): the mesh keeps its density on the lids, and
// coverage is judged on most of a narrow region's skin, not on the handful of vertices a 3 mm border band
// would leave of a lower eyelid.

import { describe, expect, it } from 'vitest';
import { TREATMENT_REGION_IDS } from '../../../core/anatomy/regions';
import { surfaceIndex } from '../../../core/geometry/surface-index';
import { HEAD_VARIANT_IDS } from '../../../core/head-model/variants';
import { loadShippedHeadModel } from '../../../core/node/head-model-file';
import { SIMULATOR_DEFAULTS } from '../../../core/rules/simulator-defaults';

const band = SIMULATOR_DEFAULTS.borderBandMm.value;
const minShare = SIMULATOR_DEFAULTS.minJudgedAreaFraction.value;

describe.each(HEAD_VARIANT_IDS)('small regions on the %s head', (variant) => {
  const idx = surfaceIndex(loadShippedHeadModel(variant));
  const areaOf = (verts: Uint32Array) => verts.reduce((a, v) => a + idx.vertexAreaMm2[v], 0);

  it('keep the lids densely meshed: each lid has well over a hundred vertices', () => {
    for (const side of ['left', 'right']) {
      for (const lid of ['upper-eyelid', 'lower-eyelid']) expect(idx.regionVertices(idx.regionCode(`${lid}-${side}` as never)).length, `${lid}-${side}`).toBeGreaterThan(150);
    }
  });

  it('judge a narrow region on most of its skin: the full band would leave too little of a lower eyelid', () => {
    const lid = idx.regionCode('lower-eyelid-left');
    expect(areaOf(idx.regionInterior(lid, band)) / idx.regionAreaMm2[lid]).toBeLessThan(minShare);
    const judged = idx.judgedInterior(lid, band, minShare);
    expect(areaOf(judged) / idx.regionAreaMm2[lid]).toBeGreaterThanOrEqual(minShare);
    expect(judged.length).toBeGreaterThan(100);
  });

  it('judge every treatment region on at least the minimum share, and a large one with the full band', () => {
    for (const id of TREATMENT_REGION_IDS) {
      const code = idx.regionCode(id);
      if (code < 0 || idx.regionAreaMm2[code] === 0) continue;
      expect(areaOf(idx.judgedInterior(code, band, minShare)) / idx.regionAreaMm2[code], id).toBeGreaterThanOrEqual(minShare - 1e-9);
    }
    const forehead = idx.regionCode('forehead');
    expect(idx.judgedInterior(forehead, band, minShare)).toBe(idx.regionInterior(forehead, band));
  });
});
