import { describe, expect, it } from 'vitest';
import { classifyDirection, localSkinFrame, strokeAngleDeg } from '../../../renderer/studio/feedback/direction';
import type { Vec3 } from '../../../core/recording/types';

const close = (a: Vec3, b: Vec3) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));

describe('the local skin frame and 米 directions', () => {
  it('on the front of the face horizontal is +X and vertical is +Y', () => {
    const f = localSkinFrame([0, 0, 1]);
    close(f.horizontal, [1, 0, 0]);
    close(f.vertical, [0, 1, 0]);
  });

  it('on the side of the head horizontal stays in the transverse plane', () => {
    const f = localSkinFrame([1, 0, 0]);
    expect(f.horizontal[1]).toBeCloseTo(0, 9);
    close(f.vertical, [0, 1, 0]);
  });

  it('at the crown (|n·Y| > 0.9) horizontal is the left-right axis projected onto the tangent plane', () => {
    const f = localSkinFrame([0, 1, 0]);
    close(f.horizontal, [1, 0, 0]);
    // Vertical then runs front-back: n × h = Y × X = -Z.
    close(f.vertical, [0, 0, -1]);
  });

  it('classifies movements into the four directions with ±22.5° sectors, as lines not arrows', () => {
    const n: Vec3 = [0, 0, 1];
    expect(classifyDirection([1, 0, 0], n)).toBe('horizontal');
    expect(classifyDirection([-1, 0.3, 0], n)).toBe('horizontal');
    expect(classifyDirection([0, -1, 0], n)).toBe('vertical');
    expect(classifyDirection([1, 1, 0], n)).toBe('diagonalSlash');
    expect(classifyDirection([-1, -1, 0], n)).toBe('diagonalSlash');
    expect(classifyDirection([1, -1, 0], n)).toBe('diagonalBackslash');
    expect(strokeAngleDeg([0, 1, 0], n)).toBeCloseTo(90, 6);
  });
});
