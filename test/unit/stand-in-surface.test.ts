import { describe, expect, it } from 'vitest';
import { createStandInSurface } from '../../core/surface/stand-in';

describe('stand-in surface', () => {
  const s = createStandInSurface({ rings: 60, segments: 120 });
  it('faces outward: triangle normals agree with vertex normals', () => {
    let agree = 0;
    const tris = s.indices.length / 3;
    for (let t = 0; t < tris; t++) {
      const [a, b, c] = [s.indices[t * 3], s.indices[t * 3 + 1], s.indices[t * 3 + 2]];
      const p = (i: number) => [s.positions[i * 3], s.positions[i * 3 + 1], s.positions[i * 3 + 2]];
      const [pa, pb, pc] = [p(a), p(b), p(c)];
      const u = [pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]];
      const v = [pc[0] - pa[0], pc[1] - pa[1], pc[2] - pa[2]];
      const n = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
      const dot = n[0] * s.normals[a * 3] + n[1] * s.normals[a * 3 + 1] + n[2] * s.normals[a * 3 + 2];
      if (dot > 0) agree++;
    }
    expect(agree).toBe(tris);
  });
  it('has a forehead in front and scalp behind', () => {
    const regionOfNearest = (x: number, y: number, z: number) => {
      let best = 0;
      let bestD = Infinity;
      for (let i = 0; i < s.positions.length / 3; i++) {
        const d = (s.positions[i * 3] - x) ** 2 + (s.positions[i * 3 + 1] - y) ** 2 + (s.positions[i * 3 + 2] - z) ** 2;
        if (d < bestD) [best, bestD] = [i, d];
      }
      return s.regionIds[s.vertexRegion[best]];
    };
    expect(regionOfNearest(0, 60, 80)).toBe('forehead');
    expect(regionOfNearest(0, 30, -90)).toBe('scalp');
  });
});
