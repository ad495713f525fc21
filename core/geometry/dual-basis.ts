// The dual basis of three vectors a, b, c: the vectors A, B, C with q = (a·q) A + (b·q) B + (c·q) C for every
// q. A footprint test bounds a·q, b·q and c·q; through the dual basis those bounds give the exact axis-aligned
// box of the points that can pass, even where the three are not quite orthonormal (a recorded normal a little
// off unit length, a stroke direction held over from the previous chunk's tangent plane). For an orthonormal
// right-handed frame the dual basis is the frame itself.

/** Below this |det| the three are treated as coplanar: the box they bound is unbounded. */
const MIN_DET = 1e-3;

/**
 * Writes A (0..2), B (3..5) and C (6..8) for the rows a = m[0..2], b = m[3..5], c = m[6..8]. Returns false,
 * writing nothing, where the rows are (nearly) coplanar.
 */
export function dualBasis(m: Float64Array, out: Float64Array): boolean {
  const ax = m[0], ay = m[1], az = m[2], bx = m[3], by = m[4], bz = m[5], cx = m[6], cy = m[7], cz = m[8];
  // b × c, c × a, a × b
  const bcx = by * cz - bz * cy, bcy = bz * cx - bx * cz, bcz = bx * cy - by * cx;
  const det = ax * bcx + ay * bcy + az * bcz;
  if (!(Math.abs(det) >= MIN_DET)) return false;
  const inv = 1 / det;
  out[0] = bcx * inv;
  out[1] = bcy * inv;
  out[2] = bcz * inv;
  out[3] = (cy * az - cz * ay) * inv;
  out[4] = (cz * ax - cx * az) * inv;
  out[5] = (cx * ay - cy * ax) * inv;
  out[6] = (ay * bz - az * by) * inv;
  out[7] = (az * bx - ax * bz) * inv;
  out[8] = (ax * by - ay * bx) * inv;
  return true;
}

/**
 * The axis-aligned box of the points q whose projections on the rows of m lie within bounds: row i between
 * bounds[2i] and bounds[2i + 1]. Written to out as min x, y, z then max x, y, z (relative to the origin the
 * projections are taken from); `dual` is scratch for the dual basis. Returns false, writing nothing to out,
 * where the rows are (nearly) coplanar and the box has no bound.
 */
export function projectionBox(m: Float64Array, bounds: Float64Array, dual: Float64Array, out: Float64Array): boolean {
  if (!dualBasis(m, dual)) return false;
  for (let axis = 0; axis < 3; axis++) {
    let lo = 0, hi = 0;
    for (let row = 0; row < 3; row++) {
      const d = dual[row * 3 + axis];
      const a = bounds[row * 2] * d, b = bounds[row * 2 + 1] * d;
      lo += a < b ? a : b;
      hi += a < b ? b : a;
    }
    out[axis] = lo;
    out[3 + axis] = hi;
  }
  return true;
}
