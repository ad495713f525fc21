// Short-edge collapse for the marching-tetrahedra mesh. Marching tetrahedra leaves many slivers and tiny
// triangles where the surface passes near grid points; collapsing the shortest edges first evens the
// triangle sizes and brings the count down to what a renderer and a raycaster want, without changing the
// shape (the merged vertex is put back on the zero surface).
//
// Every collapse keeps the mesh closed and 2-manifold: an edge (a, b) is collapsed only when the vertices
// adjacent to both a and b are exactly the two apexes of the edge's two triangles (the link condition),
// and only when no surviving triangle around it would flip or fold. Passes are deterministic: edges are
// sorted by length with the vertex indices as tie-break, and each pass touches a vertex at most once.

import type { RawMesh, ScalarField } from './mesher';

export interface DecimateOptions {
  /** Stop when the triangle count is at or below this. */
  targetTriangles: number;
  /** Never collapse edges at least this long, mm. */
  maxEdgeMm: number;
  /** Where given, the longest edge allowed at an edge's midpoint instead of maxEdgeMm (coarser off the skin). */
  maxEdgeMmAt?: (x: number, y: number, z: number) => number;
  /** Field whose zero set the merged vertex is projected back onto. */
  field: ScalarField;
  /** A collapse is refused when the merged point is farther than this from the zero set, mm. */
  maxSurfaceDeviationMm: number;
  maxPasses?: number;
  /**
   * Skip, in later passes, edges whose collapse was refused and around which nothing has changed since (on by
   * default). Off re-tests every edge in every pass: the plain algorithm, which must give the same mesh.
   */
  rememberRefusals?: boolean;
}

function projectToSurface(field: ScalarField, p: number[]): void {
  // Two Newton steps along the finite-difference gradient.
  const e = 0.25;
  for (let it = 0; it < 2; it++) {
    const [x, y, z] = p;
    const d = field(x, y, z);
    const gx = (field(x + e, y, z) - field(x - e, y, z)) / (2 * e);
    const gy = (field(x, y + e, z) - field(x, y - e, z)) / (2 * e);
    const gz = (field(x, y, z + e) - field(x, y, z - e)) / (2 * e);
    const g2 = gx * gx + gy * gy + gz * gz;
    if (g2 < 1e-8) return;
    const s = Math.max(-0.5, Math.min(0.5, d / g2 * Math.sqrt(g2))) / Math.sqrt(g2);
    p[0] = x - gx * s;
    p[1] = y - gy * s;
    p[2] = z - gz * s;
  }
}

export function decimateShortEdges(mesh: RawMesh, options: DecimateOptions): RawMesh {
  const pos = Float64Array.from(mesh.positions);
  const tri = Uint32Array.from(mesh.indices);
  const triCount = tri.length / 3;
  const vertCount = pos.length / 3;
  const triAlive = new Uint8Array(triCount).fill(1);
  let aliveTris = triCount;
  // Incident triangles per vertex, kept as growable arrays.
  const incident: number[][] = Array.from({ length: vertCount }, () => []);
  for (let t = 0; t < triCount; t++) for (let c = 0; c < 3; c++) incident[tri[t * 3 + c]].push(t);

  const maxPasses = options.maxPasses ?? 12;
  const touched = new Uint32Array(vertCount);
  // A refused collapse stays refused until its neighbourhood changes: the test reads only the triangles around
  // the edge's ends (and their mirror images), and every collapse marks the merged vertex and its ring with
  // the collapse count. So an edge whose test failed at count C, with no end (or mirrored end) marked after C,
  // would fail again and is not listed for the next pass. Kept per triangle corner, as edges are listed.
  const remember = options.rememberRefusals ?? true;
  let collapseCount = 0;
  const changedAt = new Int32Array(vertCount);
  const refusedAt = new Int32Array(triCount * 3).fill(-1);
  const stamp = new Uint32Array(vertCount);
  let stampCounter = 0;
  const newPos = [0, 0, 0];

  const faceNormal = (a: number, b: number, c: number, pa: number[] | null, ia: number, out: number[]) => {
    const ax = ia === a && pa ? pa[0] : pos[a * 3], ay = ia === a && pa ? pa[1] : pos[a * 3 + 1], az = ia === a && pa ? pa[2] : pos[a * 3 + 2];
    const bx = ia === b && pa ? pa[0] : pos[b * 3], by = ia === b && pa ? pa[1] : pos[b * 3 + 1], bz = ia === b && pa ? pa[2] : pos[b * 3 + 2];
    const cx = ia === c && pa ? pa[0] : pos[c * 3], cy = ia === c && pa ? pa[1] : pos[c * 3 + 1], cz = ia === c && pa ? pa[2] : pos[c * 3 + 2];
    const ux = bx - ax, uy = by - ay, uz = bz - az;
    const vx = cx - ax, vy = cy - ay, vz = cz - az;
    out[0] = uy * vz - uz * vy;
    out[1] = uz * vx - ux * vz;
    out[2] = ux * vy - uy * vx;
  };
  const n0 = [0, 0, 0];
  const n1 = [0, 0, 0];

  const ga = [0, 0, 0];
  const fieldNormalAt = (x: number, y: number, z: number, out: number[]) => {
    const f = options.field;
    const e = 0.3;
    out[0] = f(x + e, y, z) - f(x - e, y, z);
    out[1] = f(x, y + e, z) - f(x, y - e, z);
    out[2] = f(x, y, z + e) - f(x, y, z - e);
    const len = Math.hypot(out[0], out[1], out[2]) || 1;
    out[0] /= len;
    out[1] /= len;
    out[2] /= len;
  };
  // Field normal per vertex, kept current as vertices merge.
  const vn = new Float64Array(vertCount * 3);
  for (let v = 0; v < vertCount; v++) {
    fieldNormalAt(pos[v * 3], pos[v * 3 + 1], pos[v * 3 + 2], ga);
    vn[v * 3] = ga[0];
    vn[v * 3 + 1] = ga[1];
    vn[v * 3 + 2] = ga[2];
  }
  const shared: number[] = [];
  const mirror = mesh.mirror ? Int32Array.from(mesh.mirror) : undefined;
  const mirrorPos = [0, 0, 0];

  /** Link condition and no-flip test for merging b into a at p; fills `shared` with the edge's triangles. */
  const canCollapse = (a: number, b: number, p: number[]): boolean => {
    shared.length = 0;
    for (const t of incident[a]) {
      if (!triAlive[t]) continue;
      const i0 = tri[t * 3], i1 = tri[t * 3 + 1], i2 = tri[t * 3 + 2];
      if (i0 === b || i1 === b || i2 === b) shared.push(t);
    }
    if (shared.length !== 2) return false;
    stampCounter++;
    let ringASize = 0;
    for (const t of incident[a]) {
      if (!triAlive[t]) continue;
      for (let c = 0; c < 3; c++) {
        const v = tri[t * 3 + c];
        if (stamp[v] !== stampCounter) {
          stamp[v] = stampCounter;
          ringASize++;
        }
      }
    }
    let common = 0;
    let ringBSize = 0;
    stampCounter++;
    const ringBMark = stampCounter;
    for (const t of incident[b]) {
      if (!triAlive[t]) continue;
      for (let c = 0; c < 3; c++) {
        const v = tri[t * 3 + c];
        if (stamp[v] === ringBMark) continue;
        if (v !== a && v !== b && stamp[v] === ringBMark - 1) common++;
        stamp[v] = ringBMark;
        ringBSize++;
      }
    }
    if (common !== 2) return false;
    // The merged vertex must stay on the surface: an edge across a crease or furrow has its midpoint
    // off the surface, and collapsing it would file the crease down into a jagged line.
    if (Math.abs(options.field(p[0], p[1], p[2])) > options.maxSurfaceDeviationMm) return false;
    // Keep the sampling dense where the surface bends sharply (furrows, rims): the field's normal at
    // the merged point must agree to within about 20° with the normals of every vertex it will join,
    // or shading interpolated across the new, larger triangles shows dark shards.
    fieldNormalAt(p[0], p[1], p[2], ga);
    for (const v of [a, b]) {
      for (const t of incident[v]) {
        if (!triAlive[t]) continue;
        for (let c = 0; c < 3; c++) {
          const u = tri[t * 3 + c];
          if (ga[0] * vn[u * 3] + ga[1] * vn[u * 3 + 1] + ga[2] * vn[u * 3 + 2] < 0.94) return false;
        }
      }
    }
    // A vertex of valence 3 next to the edge would pinch the surface.
    if (ringASize <= 4 || ringBSize <= 4) return false;
    for (const v of [a, b]) {
      for (const t of incident[v]) {
        if (!triAlive[t] || t === shared[0] || t === shared[1]) continue;
        const i0 = tri[t * 3], i1 = tri[t * 3 + 1], i2 = tri[t * 3 + 2];
        faceNormal(i0, i1, i2, null, -1, n0);
        faceNormal(i0, i1, i2, p, v, n1);
        const l0 = Math.hypot(n0[0], n0[1], n0[2]);
        const l1 = Math.hypot(n1[0], n1[1], n1[2]);
        if (l1 < 1e-9 || n0[0] * n1[0] + n0[1] * n1[1] + n0[2] * n1[2] < 0.7 * l0 * l1) return false;
      }
    }
    return true;
  };

  /** Merges b into a at p (after canCollapse(a, b, p) succeeded) and locks the neighbourhood for this pass. */
  const applyCollapse = (a: number, b: number, p: number[], pass: number) => {
    canCollapse(a, b, p); // refills `shared` for this edge
    for (const t of shared) {
      triAlive[t] = 0;
      aliveTris--;
    }
    for (const t of incident[b]) {
      if (!triAlive[t]) continue;
      for (let c = 0; c < 3; c++) if (tri[t * 3 + c] === b) tri[t * 3 + c] = a;
      incident[a].push(t);
    }
    incident[b] = [];
    incident[a] = incident[a].filter((t) => triAlive[t] === 1);
    pos[a * 3] = p[0];
    pos[a * 3 + 1] = p[1];
    pos[a * 3 + 2] = p[2];
    fieldNormalAt(p[0], p[1], p[2], ga);
    vn[a * 3] = ga[0];
    vn[a * 3 + 1] = ga[1];
    vn[a * 3 + 2] = ga[2];
    collapseCount++;
    for (const t of incident[a]) {
      for (let c = 0; c < 3; c++) {
        const u = tri[t * 3 + c];
        touched[u] = pass;
        changedAt[u] = collapseCount;
      }
    }
  };
  /** Whether the test at this corner's edge failed with nothing around it changed since. */
  const stillRefused = (corner: number, a: number, b: number): boolean => {
    const at = remember ? refusedAt[corner] : -1;
    if (at < 0 || changedAt[a] > at || changedAt[b] > at) return false;
    return !mirror || (changedAt[mirror[a]] <= at && changedAt[mirror[b]] <= at);
  };

  for (let pass = 1; pass <= maxPasses && aliveTris > options.targetTriangles; pass++) {
    // Unique edges of live triangles, shortest first.
    const edgeA: number[] = [];
    const edgeB: number[] = [];
    const edgeLen: number[] = [];
    const edgeCorner: number[] = [];
    for (let t = 0; t < triCount; t++) {
      if (!triAlive[t]) continue;
      for (let c = 0; c < 3; c++) {
        const a = tri[t * 3 + c];
        const b = tri[t * 3 + ((c + 1) % 3)];
        if (a > b) continue; // each edge once: the other triangle sees it as (b, a)
        const dx = pos[a * 3] - pos[b * 3], dy = pos[a * 3 + 1] - pos[b * 3 + 1], dz = pos[a * 3 + 2] - pos[b * 3 + 2];
        const len = Math.sqrt(dx * dx + dy * dy + dz * dz);
        const limit = options.maxEdgeMmAt
          ? options.maxEdgeMmAt((pos[a * 3] + pos[b * 3]) / 2, (pos[a * 3 + 1] + pos[b * 3 + 1]) / 2, (pos[a * 3 + 2] + pos[b * 3 + 2]) / 2)
          : options.maxEdgeMm;
        if (len >= limit || stillRefused(t * 3 + c, a, b)) continue;
        edgeA.push(a);
        edgeB.push(b);
        edgeLen.push(len);
        edgeCorner.push(t * 3 + c);
      }
    }
    if (edgeA.length === 0) break;
    const order = Array.from(edgeA.keys()).sort(
      (i, j) => edgeLen[i] - edgeLen[j] || edgeA[i] - edgeA[j] || edgeB[i] - edgeB[j],
    );
    let collapsed = 0;
    for (const e of order) {
      if (aliveTris <= options.targetTriangles) break;
      const a = edgeA[e];
      const b = edgeB[e];
      if (touched[a] === pass || touched[b] === pass) continue;
      newPos[0] = (pos[a * 3] + pos[b * 3]) / 2;
      newPos[1] = (pos[a * 3 + 1] + pos[b * 3 + 1]) / 2;
      newPos[2] = (pos[a * 3 + 2] + pos[b * 3 + 2]) / 2;
      if (!mirror) {
        if (!canCollapse(a, b, newPos)) {
          refusedAt[edgeCorner[e]] = collapseCount;
          continue;
        }
        applyCollapse(a, b, newPos, pass);
        collapsed++;
        continue;
      }
      // Symmetric mesh: collapse the edge and its mirror image together, or neither.
      const ma = mirror[a];
      const mb = mirror[b];
      const selfMirrored = (ma === a && mb === b) || (ma === b && mb === a);
      if (selfMirrored) {
        newPos[0] = 0; // the merged vertex lies on the midline
        if (!canCollapse(a, b, newPos)) {
          refusedAt[edgeCorner[e]] = collapseCount;
          continue;
        }
        applyCollapse(a, b, newPos, pass);
        mirror[a] = a;
        collapsed++;
        continue;
      }
      if (touched[ma] === pass || touched[mb] === pass) continue;
      // The two neighbourhoods must not overlap, so the two checks stay valid after both collapses.
      stampCounter++;
      for (const v of [a, b]) for (const t of incident[v]) if (triAlive[t]) for (let c = 0; c < 3; c++) stamp[tri[t * 3 + c]] = stampCounter;
      let overlap = false;
      for (const v of [ma, mb]) for (const t of incident[v]) if (triAlive[t]) for (let c = 0; c < 3; c++) if (stamp[tri[t * 3 + c]] === stampCounter) overlap = true;
      if (overlap) {
        refusedAt[edgeCorner[e]] = collapseCount;
        continue;
      }
      mirrorPos[0] = -newPos[0];
      mirrorPos[1] = newPos[1];
      mirrorPos[2] = newPos[2];
      if (!canCollapse(a, b, newPos) || !canCollapse(ma, mb, mirrorPos)) {
        refusedAt[edgeCorner[e]] = collapseCount;
        continue;
      }
      applyCollapse(a, b, newPos, pass);
      applyCollapse(ma, mb, mirrorPos, pass);
      collapsed += 2;
    }
    if (collapsed === 0) break;
  }

  // Put every vertex back on the zero surface (collapses moved them to edge midpoints).
  const p = [0, 0, 0];
  for (let v = 0; v < vertCount; v++) {
    if (incident[v].length === 0) continue;
    p[0] = pos[v * 3];
    p[1] = pos[v * 3 + 1];
    p[2] = pos[v * 3 + 2];
    projectToSurface(options.field, p);
    pos[v * 3] = p[0];
    pos[v * 3 + 1] = p[1];
    pos[v * 3 + 2] = p[2];
  }

  // Compact: keep referenced vertices in their original order.
  const remap = new Int32Array(vertCount).fill(-1);
  let next = 0;
  const outTri: number[] = [];
  for (let t = 0; t < triCount; t++) {
    if (!triAlive[t]) continue;
    for (let c = 0; c < 3; c++) outTri.push(tri[t * 3 + c]);
  }
  for (const v of outTri) if (remap[v] < 0) remap[v] = 0;
  for (let v = 0; v < vertCount; v++) if (remap[v] === 0) remap[v] = next++;
  const outPos = new Float64Array(next * 3);
  for (let v = 0; v < vertCount; v++) {
    if (remap[v] < 0) continue;
    outPos[remap[v] * 3] = pos[v * 3];
    outPos[remap[v] * 3 + 1] = pos[v * 3 + 1];
    outPos[remap[v] * 3 + 2] = pos[v * 3 + 2];
  }
  const indices = Uint32Array.from(outTri, (v) => remap[v]);
  if (!mirror) return { positions: outPos, indices };
  const outMirror = new Int32Array(next);
  for (let v = 0; v < vertCount; v++) if (remap[v] >= 0) outMirror[remap[v]] = remap[mirror[v]];
  return { positions: outPos, indices, mirror: outMirror };
}
