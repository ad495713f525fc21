// Walking on a treatment surface: project a point onto the surface (nearest vertex's tangent plane) and
// trace straight strokes in the skin frame. Used by the fixture builder, benchmarks and property tests,
// so recordings are made of points that really lie on the head and carry its normals and regions.

import type { RegionId } from '../anatomy/regions';
import type { InputSample, Vec3 } from '../recording/types';
import type { TreatmentSurface } from '../surface/surface';
import { skinFrame } from './skin-frame';
import { surfaceIndex } from './surface-index';

export interface SurfacePoint {
  p: Vec3;
  n: Vec3;
  region: RegionId;
  vertex: number;
}

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Nearest vertex within growing search boxes; the point is projected onto that vertex's tangent plane. */
export function projectToSurface(surface: TreatmentSurface, x: number, y: number, z: number): SurfacePoint {
  const idx = surfaceIndex(surface);
  const pos = surface.positions;
  let best = -1;
  let bestD = Infinity;
  for (let r = 4; r <= 256 && best < 0; r *= 2) {
    idx.forEachInBox(x - r, y - r, z - r, x + r, y + r, z + r, (v) => {
      const dx = pos[v * 3] - x, dy = pos[v * 3 + 1] - y, dz = pos[v * 3 + 2] - z;
      const d = dx * dx + dy * dy + dz * dz;
      if (d < bestD) {
        bestD = d;
        best = v;
      }
    });
  }
  if (best < 0) throw new Error(`projectToSurface: no surface near (${x}, ${y}, ${z})`);
  const nx = surface.normals[best * 3], ny = surface.normals[best * 3 + 1], nz = surface.normals[best * 3 + 2];
  const vx = pos[best * 3], vy = pos[best * 3 + 1], vz = pos[best * 3 + 2];
  const off = (x - vx) * nx + (y - vy) * ny + (z - vz) * nz;
  const len = Math.hypot(nx, ny, nz) || 1;
  return {
    p: [r4(x - off * nx), r4(y - off * ny), r4(z - off * nz)],
    n: [r4(nx / len), r4(ny / len), r4(nz / len)],
    region: surface.regionIds[surface.vertexRegion[best]],
    vertex: best,
  };
}

/** Area-weighted centre of a region, projected onto the surface. */
export function regionCentre(surface: TreatmentSurface, region: RegionId): SurfacePoint {
  const code = surface.regionIds.indexOf(region);
  if (code < 0) throw new Error(`regionCentre: the surface has no region "${region}"`);
  let sx = 0, sy = 0, sz = 0, n = 0;
  for (let v = 0; v < surface.vertexRegion.length; v++) {
    if (surface.vertexRegion[v] !== code) continue;
    sx += surface.positions[v * 3];
    sy += surface.positions[v * 3 + 1];
    sz += surface.positions[v * 3 + 2];
    n++;
  }
  // Push the centroid outward along the mean direction so the projection lands on the outer surface.
  const c = projectFromOutside(surface, sx / n, sy / n, sz / n, code);
  return c;
}

function projectFromOutside(surface: TreatmentSurface, x: number, y: number, z: number, code: number): SurfacePoint {
  // The centroid of a curved patch lies inside the head; the nearest vertex of the same region is what we want.
  const pos = surface.positions;
  let best = -1;
  let bestD = Infinity;
  for (let v = 0; v < surface.vertexRegion.length; v++) {
    if (surface.vertexRegion[v] !== code) continue;
    const dx = pos[v * 3] - x, dy = pos[v * 3 + 1] - y, dz = pos[v * 3 + 2] - z;
    const d = dx * dx + dy * dy + dz * dz;
    if (d < bestD) {
      bestD = d;
      best = v;
    }
  }
  return projectToSurface(surface, pos[best * 3], pos[best * 3 + 1], pos[best * 3 + 2]);
}

export interface StrokeSpec {
  start: Vec3;
  /** Direction in the skin frame at the start: 0 horizontal (toward +X on the face), 90 vertical (up), 45 '/', 135 '\'. */
  angleDeg: number;
  lengthMm: number;
  speedMmPerS: number;
  rateHz: number;
  t0Ms: number;
  pressure?: number;
  skinTension?: boolean;
}

/**
 * Traces a line on the surface from `start` at a fixed 0.25 mm step, so the path does not depend on any
 * sampling rate: straight (tangent direction carried along by re-projection), or with `steer`, holding the
 * same angle in the local skin frame at every step.
 */
export function tracePath(surface: TreatmentSurface, start: Vec3, angleDeg: number, lengthMm: number, steer = false): SurfacePoint[] {
  const stepMm = 0.25;
  const frame = new Float64Array(6);
  let cur = projectToSurface(surface, start[0], start[1], start[2]);
  skinFrame(cur.n[0], cur.n[1], cur.n[2], frame);
  const a = (angleDeg * Math.PI) / 180;
  let dx = Math.cos(a) * frame[0] + Math.sin(a) * frame[3];
  let dy = Math.cos(a) * frame[1] + Math.sin(a) * frame[4];
  let dz = Math.cos(a) * frame[2] + Math.sin(a) * frame[5];
  const path: SurfacePoint[] = [cur];
  const steps = Math.max(1, Math.round(lengthMm / stepMm));
  for (let i = 0; i < steps; i++) {
    const next = projectToSurface(surface, cur.p[0] + dx * stepMm, cur.p[1] + dy * stepMm, cur.p[2] + dz * stepMm);
    if (steer) {
      // Keep the same angle in the local skin frame, as a hand keeps its direction relative to the head.
      skinFrame(next.n[0], next.n[1], next.n[2], frame);
      dx = Math.cos(a) * frame[0] + Math.sin(a) * frame[3];
      dy = Math.cos(a) * frame[1] + Math.sin(a) * frame[4];
      dz = Math.cos(a) * frame[2] + Math.sin(a) * frame[5];
      path.push(next);
      cur = next;
      continue;
    }
    const dn = dx * next.n[0] + dy * next.n[1] + dz * next.n[2];
    dx -= dn * next.n[0];
    dy -= dn * next.n[1];
    dz -= dn * next.n[2];
    const l = Math.hypot(dx, dy, dz) || 1;
    dx /= l;
    dy /= l;
    dz /= l;
    path.push(next);
    cur = next;
  }
  return path;
}

export interface SampleOptions {
  speedMmPerS: number;
  rateHz: number;
  t0Ms: number;
  pressure?: number;
  skinTension?: boolean;
}

/** Samples a traced path (0.25 mm steps) by time at rateHz, ending with a lift sample. */
export function samplePath(path: readonly SurfacePoint[], o: SampleOptions): InputSample[] {
  const lengthMm = (path.length - 1) * 0.25;
  const durationS = lengthMm / o.speedMmPerS;
  const intervals = Math.max(1, Math.round(durationS * o.rateHz));
  const samples: InputSample[] = [];
  for (let k = 0; k <= intervals; k++) {
    const pt = path[Math.round((k / intervals) * (path.length - 1))];
    samples.push({
      tMs: Math.round((o.t0Ms + (k * 1000) / o.rateHz) * 1000) / 1000,
      p: pt.p,
      n: pt.n,
      region: pt.region,
      pressure: o.pressure ?? 0.5,
      contact: true,
      ...(o.skinTension !== undefined ? { skinTension: o.skinTension } : {}),
    });
  }
  const lastSample = samples[samples.length - 1];
  samples.push({ ...lastSample, tMs: Math.round((lastSample.tMs + 1000 / o.rateHz) * 1000) / 1000, pressure: 0, contact: false });
  return samples;
}

export interface StrokeSpec extends SampleOptions {
  start: Vec3;
  /** Direction in the skin frame at the start: 0 horizontal (toward +X on the face), 90 vertical (up), 45 '/', 135 '\'. */
  angleDeg: number;
  lengthMm: number;
}

/** A straight stroke on the surface sampled at rateHz; the path is the same whatever the rate. */
export function traceStroke(surface: TreatmentSurface, spec: StrokeSpec): InputSample[] {
  return samplePath(tracePath(surface, spec.start, spec.angleDeg, spec.lengthMm), spec);
}
