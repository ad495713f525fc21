// Stroke direction in the local skin frame (PRODUCT.md "Head frame"): horizontal is the tangent in the
// transverse (XZ) plane, or the left-right axis projected onto the tangent plane where the surface is nearly
// transverse (|n·Y| > 0.9); vertical is n × horizontal. A stroke is then one of the four 米 directions (8.2).

import type { Vec3 } from '../../../core/recording/types';
import type { DirectionClass } from '../../../core/scoring/live-contract';

export function localSkinFrame(n: Vec3): { horizontal: Vec3; vertical: Vec3 } {
  let h: Vec3;
  if (Math.abs(n[1]) > 0.9) {
    // X projected onto the tangent plane.
    h = [1 - n[0] * n[0], -n[0] * n[1], -n[0] * n[2]];
  } else {
    // Y × n lies in the XZ plane and is tangent; for n = +Z it is +X.
    h = [n[2], 0, -n[0]];
  }
  const hl = Math.hypot(h[0], h[1], h[2]) || 1;
  h = [h[0] / hl, h[1] / hl, h[2] / hl];
  const v: Vec3 = [n[1] * h[2] - n[2] * h[1], n[2] * h[0] - n[0] * h[2], n[0] * h[1] - n[1] * h[0]];
  return { horizontal: h, vertical: v };
}

/** Angle of a movement in the skin frame, degrees in [0, 180) (a line, not an arrow). */
export function strokeAngleDeg(d: Vec3, n: Vec3): number {
  const { horizontal, vertical } = localSkinFrame(n);
  const u = d[0] * horizontal[0] + d[1] * horizontal[1] + d[2] * horizontal[2];
  const w = d[0] * vertical[0] + d[1] * vertical[1] + d[2] * vertical[2];
  let a = (Math.atan2(w, u) * 180) / Math.PI;
  if (a < 0) a += 180;
  if (a >= 180) a -= 180;
  return a;
}

/** The 米 direction nearest to a movement: each class spans ±22.5°. "/" rises to the patient's left. */
export function classifyDirection(d: Vec3, n: Vec3): DirectionClass {
  const a = strokeAngleDeg(d, n);
  if (a < 22.5 || a >= 157.5) return 'horizontal';
  if (a < 67.5) return 'diagonalSlash';
  if (a < 112.5) return 'vertical';
  return 'diagonalBackslash';
}
