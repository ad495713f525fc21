// Short-edge collapse remembers refused edges between passes; remembering must never change the mesh: the
// plain algorithm, which re-tests every edge in every pass, gives the same vertices and triangles.
import { describe, expect, it } from 'vitest';
import { decimateShortEdges } from '../../../core/head-model/decimate';
import { checkClosedManifold } from '../../../core/head-model/mesh-checks';
import { marchTetrahedra, sampleGrid } from '../../../core/head-model/mesher';
import { HEAD_VARIANTS } from '../../../core/head-model/variants';

describe('short-edge collapse', () => {
  it('gives the same mesh whether or not it remembers refused collapses between passes', () => {
    const { sdf, bounds } = HEAD_VARIANTS.male;
    const stepMm = 3.5;
    const half = Math.ceil(bounds.max[0] / stepMm) * stepMm;
    const grid = {
      origin: [-half, bounds.min[1], bounds.min[2]] as const,
      stepMm,
      nx: Math.round((2 * half) / stepMm) + 1,
      ny: Math.ceil((bounds.max[1] - bounds.min[1]) / stepMm) + 1,
      nz: Math.ceil((bounds.max[2] - bounds.min[2]) / stepMm) + 1,
    };
    const raw = marchTetrahedra(sampleGrid(sdf, grid), grid, true);
    // Fine on the face, coarse elsewhere, as the shipped build asks: many refusals, many passes.
    const options = { targetTriangles: 10_000, maxEdgeMm: 5, maxEdgeMmAt: (_x: number, _y: number, z: number) => (z > 40 ? 4 : 8), field: sdf, maxSurfaceDeviationMm: 0.1, maxPasses: 60 };
    // With the mirror map (each collapse and its mirror image together, as the shipped build does) and without.
    for (const mesh of [raw, { positions: raw.positions, indices: raw.indices }]) {
      const remembered = decimateShortEdges(mesh, options);
      const plain = decimateShortEdges(mesh, { ...options, rememberRefusals: false });
      expect(remembered.indices.length).toBeLessThan(mesh.indices.length / 3);
      expect(checkClosedManifold(remembered.indices).boundaryEdges).toBe(0);
      expect(Array.from(remembered.indices)).toEqual(Array.from(plain.indices));
      expect(Array.from(remembered.positions)).toEqual(Array.from(plain.positions));
      expect(remembered.mirror && Array.from(remembered.mirror)).toEqual(plain.mirror && Array.from(plain.mirror));
    }
  }, 120_000);
});
