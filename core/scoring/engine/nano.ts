// Nano (10.x): contacts with their dwell (10.4), sliding where it is not allowed, the head's footprint along
// each contact's path, times per site and circling (10.4-10.5); at the end coverage per target region.

import type { NanoContact } from '../../recording/types';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';
import { SAME_SIDE_DOT, type EngineContext } from './context';
import type { CoverageScope } from './coverage';
import { countEvent } from './extent';
import { round } from './findings';
import { cellRange, footprintGrid } from './footprint-grid';
import type { Protocol } from './protocol';

export interface Nano {
  onContact(c: NanoContact): void;
  finish(scope: CoverageScope, metrics: Record<string, number>): void;
}

/** Accumulated signed turning (degrees, absolute) of a path in the tangent plane of n; steps under 0.5 mm are skipped. */
export function pathTurnDeg(start: readonly number[], path: readonly { p: readonly number[] }[], nx: number, ny: number, nz: number): number {
  let turn = 0;
  let px = NaN, py = NaN, pz = NaN;
  let prevX = start[0], prevY = start[1], prevZ = start[2];
  for (const pt of path) {
    let dx = pt.p[0] - prevX, dy = pt.p[1] - prevY, dz = pt.p[2] - prevZ;
    const dn = dx * nx + dy * ny + dz * nz;
    dx -= dn * nx;
    dy -= dn * ny;
    dz -= dn * nz;
    const len = Math.hypot(dx, dy, dz);
    if (len < 0.5) continue;
    if (!Number.isNaN(px)) {
      const cross = nx * (py * dz - pz * dy) + ny * (pz * dx - px * dz) + nz * (px * dy - py * dx);
      const dot = px * dx + py * dy + pz * dz;
      turn += Math.atan2(cross, dot);
    }
    px = dx;
    py = dy;
    pz = dz;
    prevX = pt.p[0];
    prevY = pt.p[1];
    prevZ = pt.p[2];
  }
  return Math.abs((turn * 180) / Math.PI);
}

export type NanoDefaults = Pick<SimulatorDefaultValues, 'nanoHeadDiameterMm' | 'nanoCirclingTurnDeg'>;

export function createNano(ctx: EngineContext, cfg: NanoDefaults, protocol: Protocol): Nano {
  const { header, state, timeline: tl } = ctx;
  const { nanoContactCount } = state;
  const { raise } = ctx.sink;
  const grid = footprintGrid(ctx.idx.surface);
  const range = new Float64Array(6);
  /** The contact that last stamped each grid entry (one entry per vertex). */
  const nanoStamp = new Int32Array(ctx.V).fill(-1);
  let contacts = 0;
  let contactId = 0;

  /** Stamps the head's disc at (x, y, z); each vertex counts once per contact. Returns the highest count it reached. */
  const stamp = (x: number, y: number, z: number, nx: number, ny: number, nz: number, rad: number): number => {
    const r2 = rad * rad;
    let maxCount = 0;
    cellRange(grid, x - rad, y - rad, z - rad, x + rad, y + rad, z + rad, range);
    const { cellStart, vertex, px: gPx, py: gPy, pz: gPz, normalX, normalY, normalZ, nx: gnx, ny: gny } = grid;
    for (let iz = range[4]; iz <= range[5]; iz++) {
      for (let iy = range[2]; iy <= range[3]; iy++) {
        const row = (iz * gny + iy) * gnx;
        for (let k = cellStart[row + range[0]], e = cellStart[row + range[1] + 1]; k < e; k++) {
          if (nanoStamp[k] === contactId) continue;
          const qx = gPx[k] - x, qy = gPy[k] - y, qz = gPz[k] - z;
          if (qx * qx + qy * qy + qz * qz > r2) continue;
          if (normalX[k] * nx + normalY[k] * ny + normalZ[k] * nz < SAME_SIDE_DOT) continue;
          nanoStamp[k] = contactId;
          const v = vertex[k];
          if (nanoContactCount[v] < 65535) nanoContactCount[v]++;
          if (nanoContactCount[v] > maxCount) maxCount = nanoContactCount[v];
        }
      }
    }
    return maxCount;
  };

  const onContact = (c: NanoContact) => {
    const region = c.region;
    protocol.onTreatment(c.tStartMs, region);
    tl.lastTreatMs = Math.max(tl.lastTreatMs, c.tEndMs);
    countEvent(ctx.extent, region);
    protocol.noTreat(region, c.tStartMs);
    contacts++;
    contactId++;
    const dwellMs = c.tEndMs - c.tStartMs;
    if (dwellMs > 3000) raise('nano-dwell', c.tStartMs, { zh: `停留 ${round(dwellMs / 1000, 2)} 秒，上限 3 秒`, en: `contact ${round(dwellMs / 1000, 2)} s, limit 3 s` }, { dwellS: round(dwellMs / 1000, 2), limitS: 3 }, region, undefined, true, dwellMs);
    if (c.technique === 'sliding') {
      // Each reason carries both languages so the finding reads whole in either UI language.
      const reasons: { zh: string; en: string }[] = [];
      // The scalp bears hair unless the case says it does not (a shaved or hairless scalp).
      if (region === 'scalp' && header.case.hairBearingScalp !== false) reasons.push({ zh: '有毛发的头皮', en: 'hair-bearing scalp' });
      if (header.case.skinType === 'dry-rough') reasons.push({ zh: '干涩粗糙皮肤', en: 'dry rough skin' });
      if (c.needleHeightUm > 150) reasons.push({ zh: `针高 ${c.needleHeightUm} μm > 150 μm`, en: `needle ${c.needleHeightUm} μm > 150 μm` });
      if (reasons.length > 0) raise('nano-sliding-not-allowed', c.tStartMs, { zh: `不适用滑动：${reasons.map((r) => r.zh).join('；')}`, en: `sliding not allowed: ${reasons.map((r) => r.en).join('; ')}` }, { reasons: reasons.map((r) => r.en).join(',') }, region);
    }
    // Footprint: a disc at the contact point and along the path.
    const nx = c.n[0], ny = c.n[1], nz = c.n[2];
    const rad = cfg.nanoHeadDiameterMm / 2;
    let maxTimes = stamp(c.p[0], c.p[1], c.p[2], nx, ny, nz, rad);
    for (const pt of c.path) maxTimes = Math.max(maxTimes, stamp(pt.p[0], pt.p[1], pt.p[2], nx, ny, nz, rad));
    if (maxTimes > 3) raise('nano-times-per-site', c.tStartMs, { zh: `同一部位操作 ${maxTimes} 次，上限 3 次`, en: `${maxTimes} times on one site, limit 3` }, { times: maxTimes, limit: 3 }, region, undefined, true, maxTimes);
    // Circling: accumulated signed turning of the path in the tangent plane.
    const turnDeg = pathTurnDeg(c.p, c.path, nx, ny, nz);
    if (turnDeg > cfg.nanoCirclingTurnDeg) raise('nano-circling', c.tStartMs, { zh: `接触中累计转角 ${Math.round(turnDeg)}°`, en: `path turned ${Math.round(turnDeg)}° within one contact` }, { turnDeg: Math.round(turnDeg), limitDeg: cfg.nanoCirclingTurnDeg }, region, undefined, true, turnDeg);
    state.version++;
  };

  const finish = (scope: CoverageScope, metrics: Record<string, number>) => {
    const { idx, V } = ctx;
    const area = idx.vertexAreaMm2;
    metrics.contacts = contacts;
    let maxTimes = 0;
    for (let v = 0; v < V; v++) if (nanoContactCount[v] > maxTimes) maxTimes = nanoContactCount[v];
    metrics.maxContactsPerSite = maxTimes;
    let covSum = 0;
    for (const { region, code } of scope.regionCodes) {
      let covered = 0;
      for (const v of idx.regionVertices(code)) if (nanoContactCount[v] > 0) covered += area[v];
      const cov = covered / idx.regionAreaMm2[code];
      covSum += cov;
      metrics[`coveragePct.${region}`] = round(cov * 100, 1);
      scope.untreated(region, cov);
    }
    metrics.coveragePct = scope.regionCodes.length ? round((covSum / scope.regionCodes.length) * 100, 1) : 0;
  };

  return { onContact, finish };
}
