// UV layout for painting: an azimuthal equidistant projection centred on the crown. Seen from a point
// on the head's vertical axis, each vertex's polar angle from +Y (straight up) sets the distance from
// the UV centre and its azimuth around the axis sets the direction: the crown maps to the centre
// (no pole there), the face to the upper half of the disc (+v), the neck to the rim. The one
// singular point is straight below the centre, which lies on the closed neck cut, and there is no seam
// at all. Overhangs (the back of the ears, the nostril walls, under the chin) share UV space with
// what lies behind them as seen from the centre: paint there comes out on both.

/** Centre of the projection, mm in the head frame: on the vertical axis, below the ear canals. */
export const UV_PROJECTION_CENTRE: readonly [number, number, number] = [0, -20, 0];

export function computeUvs(positions: ArrayLike<number>): Float32Array {
  const n = positions.length / 3;
  const uvs = new Float32Array(n * 2);
  const [cx, cy, cz] = UV_PROJECTION_CENTRE;
  for (let i = 0; i < n; i++) {
    const dx = positions[i * 3] - cx;
    const dy = positions[i * 3 + 1] - cy;
    const dz = positions[i * 3 + 2] - cz;
    const polar = Math.atan2(Math.hypot(dx, dz), dy); // 0 at the crown, π straight down
    const r = (0.5 * polar) / Math.PI; // UV radius 0..0.5
    const horizontal = Math.hypot(dx, dz);
    const sinAz = horizontal > 0 ? dx / horizontal : 0;
    const cosAz = horizontal > 0 ? dz / horizontal : 1;
    // Patient's left (+x) to the right of the texture, face (+z) toward +v.
    uvs[i * 2] = 0.5 + r * sinAz;
    uvs[i * 2 + 1] = 0.5 + r * cosAz;
  }
  return uvs;
}

/**
 * Triangles whose UVs wrap around the disc: the few around the singular point on the neck cap, whose
 * corners sit at widely different azimuths near the rim. A painter that rasterises triangles in UV space
 * should skip them (they are on the underside of the closed cut, never seen and never treated).
 */
export function uvWrapTriangles(uvs: ArrayLike<number>, indices: ArrayLike<number>, maxUvEdge = 0.25): number[] {
  const out: number[] = [];
  for (let t = 0; t < indices.length; t += 3) {
    for (let c = 0; c < 3; c++) {
      const a = indices[t + c];
      const b = indices[t + ((c + 1) % 3)];
      if (Math.hypot(uvs[a * 2] - uvs[b * 2], uvs[a * 2 + 1] - uvs[b * 2 + 1]) > maxUvEdge) {
        out.push(t / 3);
        break;
      }
    }
  }
  return out;
}
