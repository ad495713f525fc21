// Precomputed look-ups over a treatment surface: a uniform grid of vertices for radius and box queries,
// per-vertex area (a third of each adjacent triangle), vertex adjacency (CSR) and region areas.
// Built once per surface (cached) so per-sample work is a few grid cells and no allocation.

import { vertexAdjacency } from './adjacency';
import type { RegionId } from '../anatomy/regions';
import type { TreatmentSurface } from '../surface/surface';

/** The uniform vertex grid: GRID_CELL_MM cells from the surface's bounding-box minimum, vertices listed per cell. */
export interface VertexGrid {
  readonly minX: number;
  readonly minY: number;
  readonly minZ: number;
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  readonly cell: number;
  /** Entries of cell c are cellStart[c] .. cellStart[c + 1]. */
  readonly cellStart: Uint32Array;
  /** The vertex of each entry, in cell order. */
  readonly cells: Uint32Array;
}

/**
 * The cell ranges the box [min, max] covers, written to out as ix0, ix1, iy0, iy1, iz0, iz1 (an empty range
 * has ix1 < ix0). Allocation-free.
 */
export function cellRange(g: VertexGrid, x0: number, y0: number, z0: number, x1: number, y1: number, z1: number, out: Float64Array): void {
  const c = g.cell;
  out[0] = Math.max(0, Math.floor((x0 - g.minX) / c));
  out[1] = Math.min(g.nx - 1, Math.floor((x1 - g.minX) / c));
  out[2] = Math.max(0, Math.floor((y0 - g.minY) / c));
  out[3] = Math.min(g.ny - 1, Math.floor((y1 - g.minY) / c));
  out[4] = Math.max(0, Math.floor((z0 - g.minZ) / c));
  out[5] = Math.min(g.nz - 1, Math.floor((z1 - g.minZ) / c));
}

export interface SurfaceIndex {
  readonly surface: TreatmentSurface;
  /** The vertex grid behind forEachInBox, for loops that walk its cells themselves. */
  readonly grid: VertexGrid;
  readonly vertexCount: number;
  /** Area attributed to each vertex, mm². */
  readonly vertexAreaMm2: Float64Array;
  /** Vertex adjacency in CSR form: neighbours of v are adjacency[adjacencyStart[v] .. adjacencyStart[v+1]). */
  readonly adjacencyStart: Uint32Array;
  readonly adjacency: Uint32Array;
  /** Total area per region code, mm². */
  readonly regionAreaMm2: Float64Array;
  /** Region code of a region id, or -1 when the surface does not carry it. */
  regionCode(id: RegionId): number;
  /** Vertices of a region code (cached). */
  regionVertices(code: number): Uint32Array;
  /**
   * Vertices of a region farther than bandMm, measured along mesh edges, from any vertex of another region
   * (cached per code and band). Coverage is judged on this interior so a border strip does not count as a miss.
   */
  regionInterior(code: number, bandMm: number): Uint32Array;
  /**
   * The part of a region that coverage is judged on: its interior at the widest of bandMm, bandMm/2, bandMm/4
   * and 0 that still holds at least minAreaFraction of the region's area, so a narrow region (a lower eyelid,
   * a few millimetres tall) is judged on most of its skin rather than on a handful of vertices.
   */
  judgedInterior(code: number, bandMm: number, minAreaFraction: number): Uint32Array;
  /**
   * Calls visit(v) for every vertex whose position lies in the axis-aligned box [min, max]
   * (coarse: callers refine with exact tests). Allocation-free.
   */
  forEachInBox(minX: number, minY: number, minZ: number, maxX: number, maxY: number, maxZ: number, visit: (v: number) => void): void;
}

const cache = new WeakMap<TreatmentSurface, SurfaceIndex>();

export const GRID_CELL_MM = 4;

export function surfaceIndex(surface: TreatmentSurface): SurfaceIndex {
  let idx = cache.get(surface);
  if (!idx) {
    idx = buildIndex(surface);
    cache.set(surface, idx);
  }
  return idx;
}

function buildIndex(surface: TreatmentSurface): SurfaceIndex {
  const pos = surface.positions;
  const n = pos.length / 3;
  let minX = Infinity, minY = Infinity, minZ = Infinity, maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = pos[i * 3], y = pos[i * 3 + 1], z = pos[i * 3 + 2];
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (z < minZ) minZ = z;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
    if (z > maxZ) maxZ = z;
  }
  const c = GRID_CELL_MM;
  const nx = Math.max(1, Math.floor((maxX - minX) / c) + 1);
  const ny = Math.max(1, Math.floor((maxY - minY) / c) + 1);
  const nz = Math.max(1, Math.floor((maxZ - minZ) / c) + 1);
  const cellOf = (i: number) => {
    const ix = Math.min(nx - 1, Math.floor((pos[i * 3] - minX) / c));
    const iy = Math.min(ny - 1, Math.floor((pos[i * 3 + 1] - minY) / c));
    const iz = Math.min(nz - 1, Math.floor((pos[i * 3 + 2] - minZ) / c));
    return (iz * ny + iy) * nx + ix;
  };
  const cellStart = new Uint32Array(nx * ny * nz + 1);
  const cells = new Uint32Array(n);
  for (let i = 0; i < n; i++) cellStart[cellOf(i) + 1]++;
  for (let k = 1; k < cellStart.length; k++) cellStart[k] += cellStart[k - 1];
  const fill = cellStart.slice(0, -1);
  for (let i = 0; i < n; i++) cells[fill[cellOf(i)]++] = i;
  const grid: VertexGrid = { minX, minY, minZ, nx, ny, nz, cell: c, cellStart, cells };
  const range = new Float64Array(6);

  // Vertex areas and adjacency from triangles.
  const idxs = surface.indices;
  const vertexAreaMm2 = new Float64Array(n);
  for (let t = 0; t < idxs.length; t += 3) {
    const a = idxs[t], b = idxs[t + 1], cc = idxs[t + 2];
    const abx = pos[b * 3] - pos[a * 3], aby = pos[b * 3 + 1] - pos[a * 3 + 1], abz = pos[b * 3 + 2] - pos[a * 3 + 2];
    const acx = pos[cc * 3] - pos[a * 3], acy = pos[cc * 3 + 1] - pos[a * 3 + 1], acz = pos[cc * 3 + 2] - pos[a * 3 + 2];
    const area = 0.5 * Math.hypot(aby * acz - abz * acy, abz * acx - abx * acz, abx * acy - aby * acx);
    vertexAreaMm2[a] += area / 3;
    vertexAreaMm2[b] += area / 3;
    vertexAreaMm2[cc] += area / 3;
  }
  const { start: adjacencyStart, list: adjacency } = vertexAdjacency(idxs, n);
  // Treatable skin only: the model's flat closing cap under the neck is not skin anyone treats, so it is in
  // no region's vertices, area or interior (it is the cut the head model ends with, not anatomy).
  const skin = new Uint8Array(n).fill(1);
  if (surface.notSkin) for (let i = 0; i < n; i++) skin[i] = surface.notSkin[i] ? 0 : 1;
  const regionAreaMm2 = new Float64Array(surface.regionIds.length);
  for (let i = 0; i < n; i++) if (skin[i]) regionAreaMm2[surface.vertexRegion[i]] += vertexAreaMm2[i];
  const codeById = new Map<RegionId, number>(surface.regionIds.map((id, i) => [id, i]));

  const regionVertexCache = new Map<number, Uint32Array>();
  const regionVertices = (code: number): Uint32Array => {
    let list = regionVertexCache.get(code);
    if (!list) {
      const out: number[] = [];
      for (let i = 0; i < n; i++) if (surface.vertexRegion[i] === code && skin[i]) out.push(i);
      list = Uint32Array.from(out);
      regionVertexCache.set(code, list);
    }
    return list;
  };
  const interiorCache = new Map<string, Uint32Array>();
  const regionInterior = (code: number, bandMm: number): Uint32Array => {
    const key = `${code}:${bandMm}`;
    let list = interiorCache.get(key);
    if (list) return list;
    const verts = regionVertices(code);
    const dist = new Map<number, number>();
    const queue: number[] = [];
    for (const v of verts) {
      for (let k = adjacencyStart[v]; k < adjacencyStart[v + 1]; k++) {
        if (surface.vertexRegion[adjacency[k]] !== code || !skin[adjacency[k]]) {
          dist.set(v, 0);
          queue.push(v);
          break;
        }
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const u = queue[qi];
      const du = dist.get(u)!;
      for (let k = adjacencyStart[u]; k < adjacencyStart[u + 1]; k++) {
        const w = adjacency[k];
        if (surface.vertexRegion[w] !== code || !skin[w]) continue;
        const d = du + Math.hypot(pos[w * 3] - pos[u * 3], pos[w * 3 + 1] - pos[u * 3 + 1], pos[w * 3 + 2] - pos[u * 3 + 2]);
        if (d <= bandMm && d < (dist.get(w) ?? Infinity)) {
          dist.set(w, d);
          queue.push(w);
        }
      }
    }
    list = verts.filter((v) => !dist.has(v));
    interiorCache.set(key, list);
    return list;
  };

  const judgedCache = new Map<string, Uint32Array>();
  const judgedInterior = (code: number, bandMm: number, minAreaFraction: number): Uint32Array => {
    // Asked for at every live report: the choice is made once per region and setting.
    const key = `${code}:${bandMm}:${minAreaFraction}`;
    let judged = judgedCache.get(key);
    if (judged) return judged;
    const need = minAreaFraction * regionAreaMm2[code];
    judged = regionVertices(code);
    for (const band of [bandMm, bandMm / 2, bandMm / 4]) {
      const inner = regionInterior(code, band);
      let a = 0;
      for (const v of inner) a += vertexAreaMm2[v];
      if (a >= need) {
        judged = inner;
        break;
      }
    }
    judgedCache.set(key, judged);
    return judged;
  };

  return {
    surface,
    grid,
    vertexCount: n,
    regionVertices,
    regionInterior,
    judgedInterior,
    vertexAreaMm2,
    adjacencyStart,
    adjacency,
    regionAreaMm2,
    regionCode: (id) => codeById.get(id) ?? -1,
    forEachInBox(x0, y0, z0, x1, y1, z1, visit) {
      cellRange(grid, x0, y0, z0, x1, y1, z1, range);
      const ix0 = range[0], ix1 = range[1], iy1 = range[3], iz1 = range[5];
      for (let iz = range[4]; iz <= iz1; iz++) {
        for (let iy = range[2]; iy <= iy1; iy++) {
          const row = (iz * ny + iy) * nx;
          for (let ix = ix0; ix <= ix1; ix++) {
            const cell = row + ix;
            for (let k = cellStart[cell], e = cellStart[cell + 1]; k < e; k++) visit(cells[k]);
          }
        }
      }
    },
  };
}

/** Nearest surface vertex to a point (linear scan; for builders and tests, not the hot path). */
export function nearestVertex(surface: TreatmentSurface, x: number, y: number, z: number): number {
  const pos = surface.positions;
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < pos.length / 3; i++) {
    const dx = pos[i * 3] - x, dy = pos[i * 3 + 1] - y, dz = pos[i * 3 + 2] - z;
    const dd = dx * dx + dy * dy + dz * dz;
    if (dd < bestD) {
      bestD = dd;
      best = i;
    }
  }
  return best;
}
