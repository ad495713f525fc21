// Topology and geometry checks for a triangle mesh: used by the build (it refuses to write a broken
// head) and by the tests.

export interface ClosednessReport {
  /** Undirected edges used by exactly one triangle (holes). */
  boundaryEdges: number;
  /** Undirected edges used by three or more triangles. */
  nonManifoldEdges: number;
  /** Directed edges used twice in the same direction (neighbours with opposite winding). */
  misorientedEdges: number;
  /** Triangles with a repeated vertex index. */
  degenerateTriangles: number;
}

export function checkClosedManifold(indices: Uint32Array): ClosednessReport {
  const directed = new Map<string, number>();
  let degenerateTriangles = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t], b = indices[t + 1], c = indices[t + 2];
    if (a === b || b === c || a === c) degenerateTriangles++;
    for (const [u, v] of [
      [a, b],
      [b, c],
      [c, a],
    ]) {
      const key = `${u},${v}`;
      directed.set(key, (directed.get(key) ?? 0) + 1);
    }
  }
  let boundaryEdges = 0;
  let nonManifoldEdges = 0;
  let misorientedEdges = 0;
  const seen = new Set<string>();
  for (const [key, count] of directed) {
    const [u, v] = key.split(',').map(Number);
    const undirected = u < v ? `${u},${v}` : `${v},${u}`;
    if (count > 1) misorientedEdges++;
    if (seen.has(undirected)) continue;
    seen.add(undirected);
    const total = count + (directed.get(`${v},${u}`) ?? 0);
    if (total === 1) boundaryEdges++;
    else if (total > 2) nonManifoldEdges++;
  }
  return { boundaryEdges, nonManifoldEdges, misorientedEdges, degenerateTriangles };
}

/** Signed volume in mm³; positive when triangles wind counter-clockwise seen from outside. */
export function signedVolumeMm3(positions: ArrayLike<number>, indices: ArrayLike<number>): number {
  let volume = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t] * 3, b = indices[t + 1] * 3, c = indices[t + 2] * 3;
    const ax = positions[a], ay = positions[a + 1], az = positions[a + 2];
    const bx = positions[b], by = positions[b + 1], bz = positions[b + 2];
    const cx = positions[c], cy = positions[c + 1], cz = positions[c + 2];
    volume += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  }
  return volume / 6;
}

/** Euler characteristic V - E + F (2 for a closed surface of genus 0). */
export function eulerCharacteristic(vertexCount: number, indices: Uint32Array): number {
  const edges = new Set<number>();
  for (let t = 0; t < indices.length; t += 3) {
    for (let c = 0; c < 3; c++) {
      const u = indices[t + c], v = indices[t + ((c + 1) % 3)];
      edges.add(u < v ? u * vertexCount + v : v * vertexCount + u);
    }
  }
  return vertexCount - edges.size + indices.length / 3;
}
