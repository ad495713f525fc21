// Vertex adjacency of a triangle mesh in CSR form: the neighbours of v are list[start[v] .. start[v + 1]).
// Each triangle gives each corner its two other corners, so a neighbour across an edge shared by two triangles
// is listed twice (harmless for flood fills and averages weighted by that count).

export interface VertexAdjacency {
  readonly start: Uint32Array;
  readonly list: Uint32Array;
}

export function vertexAdjacency(indices: ArrayLike<number>, vertexCount: number): VertexAdjacency {
  const start = new Uint32Array(vertexCount + 1);
  for (let t = 0; t < indices.length; t += 3) {
    start[indices[t] + 1] += 2;
    start[indices[t + 1] + 1] += 2;
    start[indices[t + 2] + 1] += 2;
  }
  for (let v = 0; v < vertexCount; v++) start[v + 1] += start[v];
  const list = new Uint32Array(start[vertexCount]);
  const cursor = start.slice(0, vertexCount);
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t], b = indices[t + 1], c = indices[t + 2];
    list[cursor[a]++] = b;
    list[cursor[a]++] = c;
    list[cursor[b]++] = a;
    list[cursor[b]++] = c;
    list[cursor[c]++] = a;
    list[cursor[c]++] = b;
  }
  return { start, list };
}
