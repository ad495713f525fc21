// The footprint grid walks the same cells, so the same candidate vertices, as SurfaceIndex.forEachInBox, each
// row sorted by x; the drum footprint that walks only part of each row counts exactly the vertices an
// exhaustive test of its oriented box counts.
import { describe, expect, it } from 'vitest';
import { surfaceIndex } from '../../../../core/geometry/surface-index';
import { loadScoringSurface } from '../../../../core/node/surface';
import { cellRange, footprintGrid } from '../../../../core/scoring/engine/footprint-grid';
import { DrumFootprint } from '../../../../core/scoring/engine/drum-footprint';
import { SAME_SIDE_DOT } from '../../../../core/scoring/engine/context';

const { surface } = loadScoringSurface();

describe('footprint grid', () => {
  it('is built once per surface and holds each vertex once with its own position and normal', () => {
    const g = footprintGrid(surface);
    expect(footprintGrid(surface)).toBe(g);
    const seen = new Uint8Array(surface.positions.length / 3);
    let mismatches = 0;
    const positionAxes = [g.px, g.py, g.pz], normalAxes = [g.normalX, g.normalY, g.normalZ];
    for (let k = 0; k < g.vertex.length; k++) {
      const v = g.vertex[k];
      seen[v]++;
      for (let j = 0; j < 3; j++) {
        if (positionAxes[j][k] !== surface.positions[v * 3 + j] || normalAxes[j][k] !== surface.normals[v * 3 + j]) mismatches++;
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
      expect([...got].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    }
  });

  it('keeps each row of cells (one y and z, consecutive x) sorted by x', () => {
    const g = footprintGrid(surface);
    let unsorted = 0;
    for (let row = 0; row < g.ny * g.nz; row++) {
      for (let k = g.cellStart[row * g.nx] + 1, e = g.cellStart[(row + 1) * g.nx]; k < e; k++) if (g.px[k] < g.px[k - 1]) unsorted++;
    }
    expect(unsorted).toBe(0);
    expect(g.cells).toBe(g.vertex);
  });

  it('the drum footprint counts exactly the vertices inside its oriented box on the same side, for any direction', () => {
    const g = footprintGrid(surface);
    const V = surface.positions.length / 3;
    const P = surface.positions, N = surface.normals;
    const passCount = new Uint16Array(V), dirPasses = new Uint16Array(V * 4), mask = new Uint8Array(V);
    const dose = new Float32Array(V), bleeding = new Float32Array(V);
    const depthTol = 3;
    const fp = new DrumFootprint(g, passCount, dirPasses, mask, depthTol, dose, bleeding);
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    let inside = 0;
    for (let i = 0; i < 400; i++) {
      // Anchor on a vertex; normal its own, tilted a little; direction in the tangent plane, sometimes exactly
      // along an axis so a slab has no x component.
      const v0 = Math.floor(((rnd() + 1) / 2) * V);
      const a = [P[v0 * 3], P[v0 * 3 + 1], P[v0 * 3 + 2]];
      let n = [N[v0 * 3] + rnd() * 0.2, N[v0 * 3 + 1] + rnd() * 0.2, N[v0 * 3 + 2] + rnd() * 0.2];
      if (i % 5 === 0) n = [0, 0, 1];
      let l = Math.hypot(n[0], n[1], n[2]);
      // A recorded normal is unit only to the digits stored (three decimals: up to about 0.1 % off).
      const nScale = i % 3 === 1 ? 1 + rnd() * 2e-3 : 1;
      n = n.map((c) => (c / l) * nScale);
      let t = i % 5 === 0 ? [i % 10 === 0 ? 1 : 0, i % 10 === 0 ? 0 : 1, 0] : [rnd(), rnd(), rnd()];
      const tn = (t[0] * n[0] + t[1] * n[1] + t[2] * n[2]) / (nScale * nScale);
      t = t.map((c, j) => c - tn * n[j]);
      // A direction held from the previous chunk lies in that chunk's tangent plane, a few degrees off this one.
      if (i % 7 === 3) t = t.map((c, j) => c + n[j] * 0.08 * Math.hypot(t[0], t[1], t[2]));
      l = Math.hypot(t[0], t[1], t[2]);
      t = t.map((c) => c / l);
      const len = 0.5 + Math.abs(rnd()) * 5, halfW = 2 + Math.abs(rnd()) * 12;
      fp.args.set([...a, ...t, ...n, len, halfW], 0);
      passCount.fill(0);
      fp.lay(i, i % 4);
      const cx = n[1] * t[2] - n[2] * t[1], cy = n[2] * t[0] - n[0] * t[2], cz = n[0] * t[1] - n[1] * t[0];
      const missing: number[] = [], extra: number[] = [];
      for (let v = 0; v < V; v++) {
        const qx = P[v * 3] - a[0], qy = P[v * 3 + 1] - a[1], qz = P[v * 3 + 2] - a[2];
        const along = qx * t[0] + qy * t[1] + qz * t[2], across = qx * cx + qy * cy + qz * cz, depth = qx * n[0] + qy * n[1] + qz * n[2];
        const inBox = along >= -1e-6 && along <= len + 1e-6 && Math.abs(across) <= halfW && Math.abs(depth) <= depthTol;
        const sameSide = N[v * 3] * n[0] + N[v * 3 + 1] * n[1] + N[v * 3 + 2] * n[2] >= SAME_SIDE_DOT;
        const expected = inBox && sameSide ? 1 : 0;
        if (expected) inside++;
        if (passCount[v] < expected) missing.push(v);
        if (passCount[v] > expected) extra.push(v);
      }
      expect({ i, missing, extra }).toEqual({ i, missing: [], extra: [] });
    }
    expect(inside).toBeGreaterThan(4000); // the boxes are on the skin, not in the air
  });
});
