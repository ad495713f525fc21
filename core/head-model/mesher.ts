// Marching tetrahedra on a regular grid, each cube split into six tetrahedra around its main diagonal
// (the Kuhn/Freudenthal split). Neighbouring cubes split their shared faces the same way, so the surface
// is watertight and 2-manifold by construction, and no case table is needed: every tetrahedron has at
// most one triangle (1 or 3 corners inside) or one quad (2 inside). A grid value < 0 is inside; 0 counts
// as outside, so no vertex ever lands exactly on a grid point shared by several edges.

export interface GridSpec {
  /** Position of grid point (0, 0, 0), mm. */
  origin: readonly [number, number, number];
  /** Grid spacing, mm. */
  stepMm: number;
  /** Grid points per axis. */
  nx: number;
  ny: number;
  nz: number;
}

export interface RawMesh {
  positions: Float64Array;
  indices: Uint32Array;
  /** For each vertex, its mirror image across x = 0 (itself on the midline), when the mesh is symmetric. */
  mirror?: Int32Array;
}

export type ScalarField = (x: number, y: number, z: number) => number;

/** Samples the field at every grid point, x fastest. */
export function sampleGrid(field: ScalarField, grid: GridSpec): Float64Array {
  const { origin, stepMm, nx, ny, nz } = grid;
  const values = new Float64Array(nx * ny * nz);
  let i = 0;
  for (let k = 0; k < nz; k++) {
    const z = origin[2] + k * stepMm;
    for (let j = 0; j < ny; j++) {
      const y = origin[1] + j * stepMm;
      for (let ii = 0; ii < nx; ii++) values[i++] = field(origin[0] + ii * stepMm, y, z);
    }
  }
  return values;
}

// The six tetrahedra of a cube: walk from corner 0 to corner 7 adding one axis at a time, in each of
// the six axis orders. Corner bit 1 = +x, bit 2 = +y, bit 4 = +z.
function kuhnTetrahedra(): number[][] {
  const orders = [
    [1, 2, 4],
    [1, 4, 2],
    [2, 1, 4],
    [2, 4, 1],
    [4, 1, 2],
    [4, 2, 1],
  ];
  return orders.map(([a, b]) => [0, a, a | b, 7]);
}
const TETS = kuhnTetrahedra();
// The same split reflected in x (corner bit 1 flipped), used on the x < 0 half of a grid symmetric about
// x = 0: the two halves then mesh as exact mirror images. Faces in the x = 0 plane get the same diagonal
// from both sides (a YZ face's diagonal does not depend on x), so the seam stays watertight.
const TETS_MIRRORED = TETS.map((tet) => tet.map((c) => c ^ 1));

/**
 * Meshes the zero set. With `symmetricX` the grid must be symmetric about x = 0 (odd nx, origin at
 * -(nx-1)/2 steps) and the field mirror-symmetric: the result is then exactly mirror-symmetric and
 * carries the vertex mirror map.
 */
export function marchTetrahedra(values: Float64Array, grid: GridSpec, symmetricX = false): RawMesh {
  const { origin, stepMm, nx, ny, nz } = grid;
  if (values.length !== nx * ny * nz) throw new Error(`marchTetrahedra: ${values.length} values for a ${nx}x${ny}x${nz} grid`);
  const total = nx * ny * nz;
  const cornerOffset = [0, 1, nx, nx + 1, nx * ny, nx * ny + 1, nx * ny + nx, nx * ny + nx + 1];
  const vertexOfEdge = new Map<number, number>();
  const edgeLo: number[] = [];
  const edgeHi: number[] = [];
  const midI = (nx - 1) / 2;
  if (symmetricX && (!Number.isInteger(midI) || Math.abs(origin[0] + midI * stepMm) > 1e-9)) {
    throw new Error('marchTetrahedra: a symmetric mesh needs a grid centred on x = 0 with an odd nx');
  }
  const pos: number[] = [];
  const tris: number[] = [];

  const gridPoint = (g: number, out: number[]) => {
    const i = g % nx;
    const j = ((g - i) / nx) % ny;
    const k = (g - i - j * nx) / (nx * ny);
    out[0] = origin[0] + i * stepMm;
    out[1] = origin[1] + j * stepMm;
    out[2] = origin[2] + k * stepMm;
  };
  const pa = [0, 0, 0];
  const pb = [0, 0, 0];
  const edgeVertex = (gIn: number, gOut: number): number => {
    const lo = gIn < gOut ? gIn : gOut;
    const hi = gIn < gOut ? gOut : gIn;
    const key = lo * total + hi;
    const found = vertexOfEdge.get(key);
    if (found !== undefined) return found;
    // Interpolate from the lower grid index so both cubes sharing the edge compute identical bits.
    const vLo = values[lo];
    const vHi = values[hi];
    const t = vLo / (vLo - vHi);
    gridPoint(lo, pa);
    gridPoint(hi, pb);
    const index = pos.length / 3;
    pos.push(pa[0] + (pb[0] - pa[0]) * t, pa[1] + (pb[1] - pa[1]) * t, pa[2] + (pb[2] - pa[2]) * t);
    vertexOfEdge.set(key, index);
    edgeLo.push(lo);
    edgeHi.push(hi);
    return index;
  };

  const g = new Array<number>(4);
  const v = new Array<number>(4);
  // Orientation is decided on the edge midpoints, not the interpolated vertices: the midpoint triangle
  // has the same winding but is never degenerate, even where grid values are nearly zero.
  const m0 = [0, 0, 0];
  const m1 = [0, 0, 0];
  const m2 = [0, 0, 0];
  const midpoint = (gIn: number, gOut: number, out: number[]) => {
    gridPoint(gIn, pa);
    gridPoint(gOut, pb);
    out[0] = (pa[0] + pb[0]) / 2;
    out[1] = (pa[1] + pb[1]) / 2;
    out[2] = (pa[2] + pb[2]) / 2;
  };
  const emit = (
    i0: number,
    o0: number,
    i1: number,
    o1: number,
    i2: number,
    o2: number,
    towardOutside: readonly number[],
  ) => {
    // Counter-clockwise seen from outside: the normal points from the inside corners to the outside ones.
    midpoint(i0, o0, m0);
    midpoint(i1, o1, m1);
    midpoint(i2, o2, m2);
    const ux = m1[0] - m0[0], uy = m1[1] - m0[1], uz = m1[2] - m0[2];
    const wx = m2[0] - m0[0], wy = m2[1] - m0[1], wz = m2[2] - m0[2];
    const nxv = uy * wz - uz * wy, nyv = uz * wx - ux * wz, nzv = ux * wy - uy * wx;
    const dot = nxv * towardOutside[0] + nyv * towardOutside[1] + nzv * towardOutside[2];
    const a = edgeVertex(i0, o0);
    const b = edgeVertex(i1, o1);
    const c = edgeVertex(i2, o2);
    if (dot >= 0) tris.push(a, b, c);
    else tris.push(a, c, b);
  };
  const dir = [0, 0, 0];
  const pIn = [0, 0, 0];
  const pOut = [0, 0, 0];

  for (let k = 0; k < nz - 1; k++) {
    for (let j = 0; j < ny - 1; j++) {
      for (let i = 0; i < nx - 1; i++) {
        const base = i + nx * (j + ny * k);
        let inside = 0;
        for (let c = 0; c < 8; c++) if (values[base + cornerOffset[c]] < 0) inside++;
        if (inside === 0 || inside === 8) continue;
        for (const tet of symmetricX && i < midI ? TETS_MIRRORED : TETS) {
          let nIn = 0;
          for (let c = 0; c < 4; c++) {
            g[c] = base + cornerOffset[tet[c]];
            v[c] = values[g[c]];
            if (v[c] < 0) nIn++;
          }
          if (nIn === 0 || nIn === 4) continue;
          const ins: number[] = [];
          const outs: number[] = [];
          for (let c = 0; c < 4; c++) (v[c] < 0 ? ins : outs).push(g[c]);
          // Direction from the inside corners' centroid to the outside corners' centroid.
          pIn[0] = pIn[1] = pIn[2] = 0;
          pOut[0] = pOut[1] = pOut[2] = 0;
          for (const x of ins) {
            gridPoint(x, pa);
            pIn[0] += pa[0] / ins.length;
            pIn[1] += pa[1] / ins.length;
            pIn[2] += pa[2] / ins.length;
          }
          for (const x of outs) {
            gridPoint(x, pa);
            pOut[0] += pa[0] / outs.length;
            pOut[1] += pa[1] / outs.length;
            pOut[2] += pa[2] / outs.length;
          }
          dir[0] = pOut[0] - pIn[0];
          dir[1] = pOut[1] - pIn[1];
          dir[2] = pOut[2] - pIn[2];
          if (nIn === 1) {
            const a = ins[0];
            emit(a, outs[0], a, outs[1], a, outs[2], dir);
          } else if (nIn === 3) {
            const o = outs[0];
            emit(ins[0], o, ins[1], o, ins[2], o, dir);
          } else {
            // Quad: in0-out0, in0-out1, in1-out1, in1-out0 form a cycle; split on a fixed diagonal
            // (it lies inside this tetrahedron, so no neighbour has to agree with it).
            emit(ins[0], outs[0], ins[0], outs[1], ins[1], outs[1], dir);
            emit(ins[0], outs[0], ins[1], outs[1], ins[1], outs[0], dir);
          }
        }
      }
    }
  }
  const positions = Float64Array.from(pos);
  if (!symmetricX) return { positions, indices: Uint32Array.from(tris) };

  // Mirror map from the grid edges; then copy each left vertex onto its right twin bit-exactly, so
  // everything computed from the positions later is symmetric too.
  const mirrorPoint = (g: number) => {
    const i = g % nx;
    return g - i + (nx - 1 - i);
  };
  const vertexCount = positions.length / 3;
  const mirror = new Int32Array(vertexCount);
  for (let v = 0; v < vertexCount; v++) {
    const a = mirrorPoint(edgeLo[v]);
    const b = mirrorPoint(edgeHi[v]);
    const twin = vertexOfEdge.get(Math.min(a, b) * total + Math.max(a, b));
    if (twin === undefined) throw new Error(`marchTetrahedra: vertex ${v} has no mirror twin (is the field symmetric?)`);
    mirror[v] = twin;
  }
  for (let v = 0; v < vertexCount; v++) {
    const t = mirror[v];
    if (t === v) positions[v * 3] = 0;
    else if (positions[v * 3] > 0) {
      positions[t * 3] = -positions[v * 3];
      positions[t * 3 + 1] = positions[v * 3 + 1];
      positions[t * 3 + 2] = positions[v * 3 + 2];
    }
  }
  return { positions, indices: Uint32Array.from(tris), mirror };
}
