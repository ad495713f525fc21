// The surface index's vertex grid (core/geometry/surface-index.ts) with each cell's vertex positions and
// normals copied next to each other in cell order. The footprint loops of the roller, RF and nano parts walk
// it inline: the same cells, so the same candidate vertices as SurfaceIndex.forEachInBox, without a callback
// per vertex and with the coordinates they test next to each other in memory. Within a cell the entries are
// sorted by x, so a row of cells (one y and z, consecutive x) is one run sorted by x and a walk that knows
// which x a footprint can reach in that row starts and stops there (engine/drum-footprint.ts). Cell order is
// also an order of the vertices (entry k of the grid is one vertex), so per-footprint stamps are kept by
// entry. Built once per surface (cached).

import { cellRange, surfaceIndex, type VertexGrid } from '../../geometry/surface-index';
import type { TreatmentSurface } from '../../surface/surface';

export { cellRange };

export interface FootprintGrid extends VertexGrid {
  /** Vertex of each entry: the grid's cells, each sorted by x (ties by vertex, so the order is fixed). */
  readonly vertex: Uint32Array;
  /**
   * Position and normal of each entry, one array per axis: a loop reads the axes it tests, each in entry order,
   * and the normals only for the candidates inside its box. Float32 as the surface stores them, so every value
   * read is the surface's own.
   */
  readonly px: Float32Array;
  readonly py: Float32Array;
  readonly pz: Float32Array;
  readonly normalX: Float32Array;
  readonly normalY: Float32Array;
  readonly normalZ: Float32Array;
  /** Entries in the longest row of cells (one y and z, every x): the most a row walk can meet. */
  readonly maxRowEntries: number;
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
  const grid = surfaceIndex(surface).grid;
  const pos = surface.positions;
  const nrm = surface.normals;
  const vertex = Uint32Array.from(grid.cells);
  const start = grid.cellStart;
  const byX = (a: number, b: number) => pos[a * 3] - pos[b * 3] || a - b;
  for (let c = 0; c + 1 < start.length; c++) if (start[c + 1] - start[c] > 1) vertex.subarray(start[c], start[c + 1]).sort(byX);
  const n = vertex.length;
  const axes = Array.from({ length: 6 }, () => new Float32Array(n));
  for (let k = 0; k < n; k++) {
    const v = vertex[k];
    for (let j = 0; j < 3; j++) {
      axes[j][k] = pos[v * 3 + j];
      axes[3 + j][k] = nrm[v * 3 + j];
    }
  }
  const [px, py, pz, normalX, normalY, normalZ] = axes;
  let maxRowEntries = 0;
  for (let row = 0; row < grid.ny * grid.nz; row++) maxRowEntries = Math.max(maxRowEntries, start[(row + 1) * grid.nx] - start[row * grid.nx]);
  return { ...grid, cells: vertex, vertex, px, py, pz, normalX, normalY, normalZ, maxRowEntries };
}
