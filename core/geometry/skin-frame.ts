// The local skin frame of PRODUCT.md and the 米 direction classes (8.2).
// "horizontal" = the tangent direction in the transverse (XZ) plane, i.e. Y × n normalised (this points to
// +X, the patient's left, on the face); where the surface is nearly transverse (|n·Y| > 0.9) it is the
// left-right axis projected onto the tangent plane. "vertical" = n × horizontal (points up on the face).
// Functions write into caller-owned arrays so the scorer's hot path allocates nothing.

import type { DirectionClass } from '../scoring/live-contract';

export const TRANSVERSE_LIMIT = 0.9;

/** Writes the unit horizontal axis for unit normal (nx, ny, nz) into out[o..o+2]. */
export function horizontalAxis(nx: number, ny: number, nz: number, out: Float64Array, o = 0): void {
  let hx: number, hy: number, hz: number;
  if (Math.abs(ny) > TRANSVERSE_LIMIT) {
    // X projected onto the tangent plane: X - (X·n) n.
    hx = 1 - nx * nx;
    hy = -nx * ny;
    hz = -nx * nz;
  } else {
    // Y × n = (nz, 0, -nx).
    hx = nz;
    hy = 0;
    hz = -nx;
  }
  const len = Math.hypot(hx, hy, hz) || 1;
  out[o] = hx / len;
  out[o + 1] = hy / len;
  out[o + 2] = hz / len;
}

/** Writes horizontal (out[0..2]) and vertical (out[3..5]) axes of the skin frame at unit normal n. */
export function skinFrame(nx: number, ny: number, nz: number, out: Float64Array): void {
  horizontalAxis(nx, ny, nz, out, 0);
  const hx = out[0], hy = out[1], hz = out[2];
  // vertical = n × h
  out[3] = ny * hz - nz * hy;
  out[4] = nz * hx - nx * hz;
  out[5] = nx * hy - ny * hx;
}

/** Angle of a movement in the skin frame, degrees in [0, 180): 0 horizontal, 45 '/', 90 vertical, 135 '\'. */
export function strokeAngleDeg(dx: number, dy: number, dz: number, frame: Float64Array): number {
  const u = dx * frame[0] + dy * frame[1] + dz * frame[2];
  const v = dx * frame[3] + dy * frame[4] + dz * frame[5];
  let a = (Math.atan2(v, u) * 180) / Math.PI;
  if (a < 0) a += 180;
  if (a >= 180) a -= 180;
  return a;
}

/** The 米 class of a line angle (mod 180): four 45° sectors centred on 0, 45, 90 and 135 degrees. */
export function directionClassOfAngle(angleDeg: number): DirectionClass {
  // ((angleDeg % 180) + 180) % 180 without fmod for the usual angle in [0, 180) (strokeAngleDeg's range): there
  // angleDeg % 180 is angleDeg, and for b = that + 180 in [180, 360], b % 180 is b - 180 (exact) or 0 at 360.
  const r = angleDeg >= 0 && angleDeg < 180 ? angleDeg : angleDeg % 180;
  const b = r + 180;
  const a = b < 180 ? b : b < 360 ? b - 180 : b % 180;
  if (a < 22.5 || a >= 157.5) return 'horizontal';
  if (a < 67.5) return 'diagonalSlash';
  if (a < 112.5) return 'vertical';
  return 'diagonalBackslash';
}

/** Distance in degrees from a line angle to the nearest centre of its class (0 = exactly on an axis). */
export function offAxisDeg(angleDeg: number): number {
  const a = ((angleDeg % 45) + 45) % 45;
  return Math.min(a, 45 - a);
}
