// The surface index's uniform grid (core/geometry/surface-index.ts, GRID_CELL_MM cells from the surface's
// bounding-box minimum), rebuilt here with each cell's vertex positions and normals stored contiguously in
// cell order. The footprint loops of the roller, RF and nano parts walk it inline: the same cells, so the
// same candidate vertices as SurfaceIndex.forEachInBox, without a callback per vertex and with the
// coordinates they test next to each other in memory. Cell order is also an order of the vertices
// (entry k of the grid is one vertex), so per-footprint stamps are kept by entry. Built once per surface (cached).

import { GRID_CELL_MM } from '../../geometry/surface-index';
import type { TreatmentSurface } from '../../surface/surface';

export interface FootprintGrid {
  readonly minX: number;
  readonly minY: number;
  readonly minZ: number;
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  readonly cell: number;
  /** Entries of cell c are cellStart[c] .. cellStart[c + 1]. */
  readonly cellStart: Uint32Array;
  /** Vertex of each entry. */
  readonly vertex: Uint32Array;
  /**
   * Position and normal of each entry, interleaved: entry k's position at 6k..6k+2, its normal at 6k+3..6k+5.
   * Float32 as the surface stores them, so every value read is the surface's own.
   */
  readonly pn: Float32Array;
}

const cache = new WeakMap<TreatmentSurface, FootprintGrid>();

export function footprintGrid(surface: TreatmentSurface): FootprintGrid {
  let g = cache.get(surface);
  if (!g) {
    g = buildGrid(surface);
    cache.set(surface, g);
  }
  return g;
}

function buildGrid(surface: TreatmentSurface): FootprintGrid {
  const pos = surface.positions;
  const nrm = surface.normals;
  const count = pos.length / 3;
  let minX = Infinity, minY = Infinity, minZ = Infinity, maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
  for (let i = 0; i < count; i++) {
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
  const vertex = new Uint32Array(count);
  for (let i = 0; i < count; i++) cellStart[cellOf(i) + 1]++;
  for (let k = 1; k < cellStart.length; k++) cellStart[k] += cellStart[k - 1];
  const fill = cellStart.slice(0, -1);
  for (let i = 0; i < count; i++) vertex[fill[cellOf(i)]++] = i;
  const pn = new Float32Array(count * 6);
  for (let k = 0; k < count; k++) {
    const v = vertex[k];
    for (let j = 0; j < 3; j++) {
      pn[k * 6 + j] = pos[v * 3 + j];
      pn[k * 6 + 3 + j] = nrm[v * 3 + j];
    }
  }
  return { minX, minY, minZ, nx, ny, nz, cell: c, cellStart, vertex, pn };
}

/**
 * The cell ranges of the box [min, max], as SurfaceIndex.forEachInBox computes them, written to out as
 * ix0, ix1, iy0, iy1, iz0, iz1 (an empty range has ix1 < ix0).
 */
export function cellRange(g: FootprintGrid, x0: number, y0: number, z0: number, x1: number, y1: number, z1: number, out: Float64Array): void {
  const c = g.cell;
  out[0] = Math.max(0, Math.floor((x0 - g.minX) / c));
  out[1] = Math.min(g.nx - 1, Math.floor((x1 - g.minX) / c));
  out[2] = Math.max(0, Math.floor((y0 - g.minY) / c));
  out[3] = Math.min(g.ny - 1, Math.floor((y1 - g.minY) / c));
  out[4] = Math.max(0, Math.floor((z0 - g.minZ) / c));
  out[5] = Math.min(g.nz - 1, Math.floor((z1 - g.minZ) / c));
}
