// The footprint grid walks the same cells, so the same candidate vertices, as SurfaceIndex.forEachInBox.
import { describe, expect, it } from 'vitest';
import { surfaceIndex } from '../../../../core/geometry/surface-index';
import { loadScoringSurface } from '../../../../core/node/surface';
import { cellRange, footprintGrid } from '../../../../core/scoring/engine/footprint-grid';

const { surface } = loadScoringSurface();

describe('footprint grid', () => {
  it('is built once per surface and holds each vertex once with its own position and normal', () => {
    const g = footprintGrid(surface);
    expect(footprintGrid(surface)).toBe(g);
    const seen = new Uint8Array(surface.positions.length / 3);
    let mismatches = 0;
    for (let k = 0; k < g.vertex.length; k++) {
      const v = g.vertex[k];
      seen[v]++;
      for (let j = 0; j < 3; j++) {
        if (g.pn[k * 6 + j] !== surface.positions[v * 3 + j] || g.pn[k * 6 + 3 + j] !== surface.normals[v * 3 + j]) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
    expect(seen.every((x) => x === 1)).toBe(true);
  });

  it('gives the candidates of forEachInBox for any box', () => {
    const g = footprintGrid(surface);
    const idx = surfaceIndex(surface);
    const range = new Float64Array(6);
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    for (let i = 0; i < 200; i++) {
      const x = rnd() * 120, y = rnd() * 140, z = rnd() * 120, w = Math.abs(rnd()) * 30;
      const expected: number[] = [];
      idx.forEachInBox(x - w, y - w, z - w, x + w, y + w, z + w, (v) => expected.push(v));
      cellRange(g, x - w, y - w, z - w, x + w, y + w, z + w, range);
      const got: number[] = [];
      for (let iz = range[4]; iz <= range[5]; iz++) {
        for (let iy = range[2]; iy <= range[3]; iy++) {
          const row = (iz * g.ny + iy) * g.nx;
          for (let k = g.cellStart[row + range[0]], e = g.cellStart[row + range[1] + 1]; k < e; k++) got.push(g.vertex[k]);
        }
      }
      expect(got).toEqual(expected);
    }
  });
});
