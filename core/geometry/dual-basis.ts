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
