import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { surfaceIndex } from '../../../core/geometry/surface-index';
import { projectToSurface, regionCentre, tracePath } from '../../../core/geometry/surface-walk';
import { createStandInSurface, STAND_IN_RADII_MM } from '../../../core/surface/stand-in';

const surface = createStandInSurface({ rings: 60, segments: 120 });
const idx = surfaceIndex(surface);

describe('surface index', () => {
  it('finds exactly the vertices in a box (against a brute-force scan)', () => {
    const boxes = [
      [-20, 40, 60, 25, 80, 100],
      [50, -30, -40, 80, 10, 40],
      [-200, -200, -200, 200, 200, 200],
    ];
    for (const [x0, y0, z0, x1, y1, z1] of boxes) {
      const got: number[] = [];
      idx.forEachInBox(x0, y0, z0, x1, y1, z1, (v) => got.push(v));
      const want: number[] = [];
      for (let v = 0; v < idx.vertexCount; v++) {
        const x = surface.positions[v * 3], y = surface.positions[v * 3 + 1], z = surface.positions[v * 3 + 2];
        if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && z >= z0 && z <= z1) want.push(v);
      }
      // The grid returns whole cells: a superset; every vertex truly inside must be there.
      const gotSet = new Set(got);
      expect(gotSet.size).toBe(got.length);
      expect(want.filter((v) => !gotSet.has(v))).toEqual([]);
    }
  });

  it('vertex areas add up to the surface area of the ellipsoid (within meshing error)', () => {
    const total = idx.vertexAreaMm2.reduce((a, b) => a + b, 0);
    const { x: a, y: b, z: c } = STAND_IN_RADII_MM;
    const p = 1.6075;
    const ellipsoid = 4 * Math.PI * (((a * b) ** p + (a * c) ** p + (b * c) ** p) / 3) ** (1 / p);
    expect(Math.abs(total - ellipsoid) / ellipsoid).toBeLessThan(0.02);
    expect(idx.regionAreaMm2.reduce((x, y) => x + y, 0)).toBeCloseTo(total, 6);
  });

  it('keeps region interiors away from region borders', () => {
    const code = idx.regionCode('forehead');
    const all = idx.regionVertices(code);
    const interior = idx.regionInterior(code, 6);
    expect(interior.length).toBeGreaterThan(0);
    expect(interior.length).toBeLessThan(all.length);
    for (const v of interior) {
      for (let k = idx.adjacencyStart[v]; k < idx.adjacencyStart[v + 1]; k++) expect(surface.vertexRegion[idx.adjacency[k]]).toBe(code);
    }
  });
});

describe('surface walk', () => {
  it('projects points onto the surface with its normal and region', () => {
    const p = projectToSurface(surface, 0, 70, 120);
    expect(p.region).toBe('forehead');
    expect(Math.hypot(...p.n)).toBeCloseTo(1, 3);
    expect(p.p[2]).toBeGreaterThan(80);
  });

  it('traces a steered horizontal line across the forehead that stays on the surface', () => {
    const c = regionCentre(surface, 'forehead');
    const path = tracePath(surface, c.p, 0, 30, true);
    expect(path.length).toBe(121);
    const end = path[path.length - 1];
    expect(end.p[0] - c.p[0]).toBeGreaterThan(25); // +X: the patient's left
    expect(Math.abs(end.p[1] - c.p[1])).toBeLessThan(3);
    for (const q of path) {
      const { x, y, z } = STAND_IN_RADII_MM;
      expect(Math.abs((q.p[0] / x) ** 2 + (q.p[1] / y) ** 2 + (q.p[2] / z) ** 2 - 1)).toBeLessThan(0.03);
    }
  });
});

describe('loadScoringSurface', () => {
  it('loads the shipped head once, and refuses to score without a head model instead of using the stand-in', async () => {
    const { loadScoringSurface } = await import('../../../core/node/surface');
    expect(loadScoringSurface().kind).toBe('shipped-head');
    expect(loadScoringSurface()).toBe(loadScoringSurface());
    const dir = mkdtempSync(join(tmpdir(), 'no-head-'));
    try {
      const missing = join(dir, 'head-model.json');
      expect(() => loadScoringSurface(missing)).toThrow(`the head model ${missing} is missing; the scorer refuses to score without it`);
      writeFileSync(missing, '{oops');
      expect(() => loadScoringSurface(missing)).toThrow(`the head model ${missing} cannot be used (head model ${missing}:`);
      expect(() => loadScoringSurface(missing)).toThrow('; the scorer refuses to score without it');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
