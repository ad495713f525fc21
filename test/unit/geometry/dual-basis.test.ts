// The dual basis turns bounds on a·q, b·q and c·q into q itself: q = (a·q) A + (b·q) B + (c·q) C.
import { describe, expect, it } from 'vitest';
import { dualBasis, projectionBox } from '../../../core/geometry/dual-basis';

const dot = (m: Float64Array, i: number, d: Float64Array, j: number) => m[i] * d[j] + m[i + 1] * d[j + 1] + m[i + 2] * d[j + 2];

describe('dualBasis', () => {
  it('is the frame itself for an orthonormal right-handed frame', () => {
    const s = Math.SQRT1_2;
    const m = Float64Array.from([s, s, 0, -s, s, 0, 0, 0, 1]);
    const d = new Float64Array(9);
    expect(dualBasis(m, d)).toBe(true);
    for (let i = 0; i < 9; i++) expect(d[i]).toBeCloseTo(m[i], 12);
  });

  it('reconstructs any point from its three projections for rows that are not orthonormal', () => {
    // A stroke direction tilted 5° out of the tangent plane and a normal 1 % longer than unit.
    const t = [Math.cos(0.087), 0, Math.sin(0.087)], n = [0, 0, 1.01];
    const c = [n[1] * t[2] - n[2] * t[1], n[2] * t[0] - n[0] * t[2], n[0] * t[1] - n[1] * t[0]];
    const m = Float64Array.from([...t, ...c, ...n]);
    const d = new Float64Array(9);
    expect(dualBasis(m, d)).toBe(true);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(dot(m, i * 3, d, j * 3)).toBeCloseTo(i === j ? 1 : 0, 12);
    const q = [3.5, -7.25, 1.5];
    const proj = [0, 1, 2].map((i) => m[i * 3] * q[0] + m[i * 3 + 1] * q[1] + m[i * 3 + 2] * q[2]);
    for (let k = 0; k < 3; k++) expect(proj[0] * d[k] + proj[1] * d[3 + k] + proj[2] * d[6 + k]).toBeCloseTo(q[k], 12);
  });

  it('refuses (nearly) coplanar rows and leaves the output alone', () => {
    const m = Float64Array.from([1, 0, 0, 0, 1, 0, 1, 1, 1e-5]);
    const d = new Float64Array(9).fill(7);
    expect(dualBasis(m, d)).toBe(false);
    expect([...d]).toEqual(new Array(9).fill(7));
  });

  it('bounds exactly the points whose projections lie within their bounds', () => {
    // Rows not orthonormal: a direction tilted out of the plane, a normal 2 % short of unit.
    const t = [Math.cos(0.1), 0, Math.sin(0.1)], n = [0, 0.02, 0.98];
    const c = [n[1] * t[2] - n[2] * t[1], n[2] * t[0] - n[0] * t[2], n[0] * t[1] - n[1] * t[0]];
    const m = Float64Array.from([...t, ...c, ...n]);
    const bounds = Float64Array.from([0, 3, -10, 10, -3, 3]);
    const box = new Float64Array(6);
    expect(projectionBox(m, bounds, new Float64Array(9), box)).toBe(true);
    // Every corner of the oriented box (the extremes of a parallelepiped) lies in it, and each face of the box
    // touches one corner.
    const dual = new Float64Array(9);
    dualBasis(m, dual);
    const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
    for (const a of [0, 3]) for (const b of [-10, 10]) for (const d of [-3, 3]) {
      for (let k = 0; k < 3; k++) {
        const q = a * dual[k] + b * dual[3 + k] + d * dual[6 + k];
        lo[k] = Math.min(lo[k], q);
        hi[k] = Math.max(hi[k], q);
      }
    }
    for (let k = 0; k < 3; k++) {
      expect(box[k]).toBeCloseTo(lo[k], 12);
      expect(box[3 + k]).toBeCloseTo(hi[k], 12);
    }
    expect(projectionBox(Float64Array.from([1, 0, 0, 0, 1, 0, 1, 1, 0]), bounds, new Float64Array(9), box)).toBe(false);
  });
});
