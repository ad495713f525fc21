// The roller's drum footprint walk (8.2): the grid cells of the footprint's axis-aligned box, and in them the
// vertices within the oriented box (along: 0..len, across: ±halfW, depth: ±tolerance) on the same side of the
// surface, each counted once per pass. Module-level code shared by every engine, so it is compiled once for
// all of them; the footprint's numbers go in `args` rather than as arguments.

import { DIRECTION_BITS, type DirectionClass } from '../live-contract';
import { SAME_SIDE_DOT } from './context';
import { projectionBox } from '../../geometry/dual-basis';
import { cellRange, type FootprintGrid } from './footprint-grid';

/** Strokes whose direction has less x than this walk whole rows (the along slab barely narrows x for them). */
const ALONG_TRIM_MIN_TX = 0.05;
/** Widening of the box and of a row's x interval, mm: far above rounding, far below the spacing of vertices. */
const X_MARGIN_MM = 1e-3;

/** The 米 direction classes in the order of the roller's per-vertex direction counters. */
export const DIRECTION_INDEX: Readonly<Record<DirectionClass, number>> = { horizontal: 0, diagonalSlash: 1, vertical: 2, diagonalBackslash: 3 };
const DIRECTION_BIT_BY_INDEX = [DIRECTION_BITS.horizontal, DIRECTION_BITS.diagonalSlash, DIRECTION_BITS.vertical, DIRECTION_BITS.diagonalBackslash];

export class DrumFootprint {
  /**
   * anchor x, y, z; unit direction t; contact normal n; len; halfW (written by the caller before lay), then the
   * depth tolerance and the same-side limit. Kept in a Float64Array so the loop reads plain doubles: a number
   * field or an imported constant would be re-checked for its representation on every candidate.
   */
  readonly args = new Float64Array(13);
  private readonly range = new Float64Array(6);
  /** The footprint's rows (t, c, n), their bounds, the dual basis and the box they give (scratch). */
  private readonly frame = new Float64Array(9);
  private readonly bounds = new Float64Array(6);
  private readonly dual = new Float64Array(9);
  private readonly box = new Float64Array(6);
  /** The pass that last covered each grid entry (one entry per vertex). */
  private readonly stamp: Int32Array;
  /** The entries of the row being walked that are inside the box (scratch, as long as the longest row). */
  private readonly rowInside: Int32Array;
  /** Skin-reaction dose this pass adds to each vertex it covers, pass·mm, and the part of it that bleeds (set before lay). */
  passDosePassMm = 0;
  passBleedingDosePassMm = 0;

  constructor(
    private readonly grid: FootprintGrid,
    private readonly passCount: Uint16Array,
    private readonly dirPasses: Uint16Array,
    private readonly directionMask: Uint8Array,
    depthTol: number,
    private readonly rollerDose: Float32Array,
    private readonly bleedingDose: Float32Array,
  ) {
    this.stamp = new Int32Array(grid.vertex.length).fill(-1);
    this.rowInside = new Int32Array(grid.maxRowEntries);
    this.args[11] = depthTol;
    this.args[12] = SAME_SIDE_DOT;
  }

  lay(seg: number, dirIndex: number): void {
    const a = this.args, grid = this.grid, range = this.range, stamp = this.stamp, rowInside = this.rowInside;
    const passCount = this.passCount, dirPasses = this.dirPasses, directionMask = this.directionMask;
    const rollerDose = this.rollerDose, bleedingDose = this.bleedingDose, dose = this.passDosePassMm, bleeding = this.passBleedingDosePassMm;
    const gStart = grid.cellStart, gVertex = grid.vertex, gPx = grid.px, gPy = grid.py, gPz = grid.pz, gNx = grid.normalX, gNy = grid.normalY, gNz = grid.normalZ, gnx = grid.nx, gny = grid.ny, cell = grid.cell;
    const ax = a[0], ay = a[1], az = a[2], tx = a[3], ty = a[4], tz = a[5], nx = a[6], ny = a[7], nz = a[8], len = a[9], halfW = a[10], depthTol = a[11], sameSide = a[12];
    // Drum axis: across the motion in the tangent plane.
    const cx = ny * tz - nz * ty, cy = nz * tx - nx * tz, cz = nx * ty - ny * tx;
    const bit = DIRECTION_BIT_BY_INDEX[dirIndex];
    // The axis-aligned box of the oriented footprint box, from the dual basis of (t, c, n) so that it holds
    // every point the exact test below takes even where n is not quite unit (a recorded normal) or t not quite
    // in its tangent plane (a direction held from the previous chunk); widened by X_MARGIN_MM for rounding.
    const frame = this.frame, bounds = this.bounds, box = this.box;
    frame[0] = tx;
    frame[1] = ty;
    frame[2] = tz;
    frame[3] = cx;
    frame[4] = cy;
    frame[5] = cz;
    frame[6] = nx;
    frame[7] = ny;
    frame[8] = nz;
    const lenHi = len + 1e-6;
    bounds[0] = -1e-6;
    bounds[1] = lenHi;
    bounds[2] = -halfW;
    bounds[3] = halfW;
    bounds[4] = -depthTol;
    bounds[5] = depthTol;
    // A direction along the normal rolls nothing on the skin (its box has no bound), as a chunk of no length.
    if (!projectionBox(frame, bounds, this.dual, box)) return;
    const boxX0 = ax + box[0] - X_MARGIN_MM, boxX1 = ax + box[3] + X_MARGIN_MM;
    cellRange(grid, boxX0, ay + box[1] - X_MARGIN_MM, az + box[2] - X_MARGIN_MM, boxX1, ay + box[4] + X_MARGIN_MM, az + box[5] + X_MARGIN_MM, range);
    // Cell indices as small integers (the range holds them as doubles).
    const ix0 = range[0] | 0, ix1 = range[1] | 0, iy0 = range[2] | 0, iy1 = range[3] | 0, iz0 = range[4] | 0, iz1 = range[5] | 0;
    // A row of cells (one y and z, consecutive x) is one run sorted by x (engine/footprint-grid.ts). Where the
    // stroke runs across x, the along slab (0 ≤ t·(p - anchor) ≤ len) allows only an interval of x over the
    // row's y-z rectangle: tx·x' ∈ [-1e-6 - sMax, lenHi - sMin] with x' = x - ax and s = ty·y' + tz·z', which
    // over the rectangle runs from its value at the low corner plus the negative parts of ty·cell and tz·cell to
    // that value plus their positive parts (tA and tB fold those in). The walk starts and stops there; the
    // interval is widened by X_MARGIN_MM so rounding never drops a vertex the exact test below would take.
    const trim = Math.abs(tx) > ALONG_TRIM_MIN_TX;
    const tInv = trim ? 1 / tx : 0;
    const tyc = ty * cell, tzc = tz * cell;
    const tA = -1e-6 - (Math.max(0, tyc) + Math.max(0, tzc)), tB = lenHi - (Math.min(0, tyc) + Math.min(0, tzc));
    const y0 = grid.minY - ay, z0 = grid.minZ - az;
    for (let iz = iz0; iz <= iz1; iz++) {
      const tBaseZ = tz * (z0 + iz * cell);
      for (let iy = iy0; iy <= iy1; iy++) {
        const row = (iz * gny + iy) * gnx;
        let k = gStart[row + ix0];
        const e = gStart[row + ix1 + 1];
        if (k >= e) continue;
        // Within the box's own x extent, and where the stroke runs across x, within the along slab's interval.
        let xFrom = boxX0, xTo = boxX1;
        if (trim) {
          const base = ty * (y0 + iy * cell) + tBaseZ;
          const p = (tA - base) * tInv, q = (tB - base) * tInv;
          const lo = ax + (tInv > 0 ? p : q) - X_MARGIN_MM, hi = ax + (tInv > 0 ? q : p) + X_MARGIN_MM;
          if (lo > xFrom) xFrom = lo;
          if (hi < xTo) xTo = hi;
        }
        while (k < e && gPx[k] < xFrom) k++;
        // Whether a candidate is inside the box is unpredictable, so the box test takes no branch: every
        // candidate is written to the row's buffer and the count moves on only for those inside.
        let inside = 0;
        for (; k < e; k++) {
          const px = gPx[k];
          if (px > xTo) break;
          const qx = px - ax, qy = gPy[k] - ay, qz = gPz[k] - az;
          const along = qx * tx + qy * ty + qz * tz, across = qx * cx + qy * cy + qz * cz, depth = qx * nx + qy * ny + qz * nz;
          rowInside[inside] = k;
          inside += (Number(along < -1e-6) | Number(along > lenHi) | Number(Math.abs(across) > halfW) | Number(Math.abs(depth) > depthTol)) ^ 1;
        }
        for (let j = 0; j < inside; j++) {
          const k = rowInside[j];
          if (gNx[k] * nx + gNy[k] * ny + gNz[k] * nz < sameSide) continue;
          if (stamp[k] === seg) continue; // already counted for this pass
          stamp[k] = seg;
          const v = gVertex[k];
          if (passCount[v] < 65535) passCount[v]++;
          const d = v * 4 + dirIndex;
          if (dirPasses[d] < 65535) dirPasses[d]++;
          directionMask[v] |= bit;
          rollerDose[v] += dose;
          bleedingDose[v] += bleeding;
        }
      }
    }
  }
}
