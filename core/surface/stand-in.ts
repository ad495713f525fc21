// A stand-in treatment surface: an ellipsoidal "head" with coarse regions assigned by direction.
// Used by tests (and anything that must run before or without the shipped head model) behind the same
// TreatmentSurface interface. Not anatomical: regions are angular patches, sized to be plausible.

import { HEAD_REGION_IDS, type RegionId } from '../anatomy/regions';
import { APPEARANCE_CHANNELS, type HeadModel, type TreatmentSurface } from './surface';

export interface StandInOptions {
  /** Latitude rings (pole to pole). Default 160, about 2 mm spacing. */
  rings?: number;
  /** Longitude segments. Default 320. */
  segments?: number;
}

export const STAND_IN_RADII_MM = { x: 75, y: 105, z: 95 } as const;

/** Region of a point on the stand-in, from its direction relative to the centre. */
export function standInRegionAt(x: number, y: number, z: number): RegionId {
  const { x: rx, y: ry, z: rz } = STAND_IN_RADII_MM;
  const ux = x / rx;
  const uy = y / ry;
  const uz = z / rz;
  const side = ux >= 0 ? 'left' : 'right';
  const ax = Math.abs(ux);
  if (uy < -0.75) return 'neck';
  if (uz < 0.35 || uy > 0.8) {
    if (ax > 0.9 && Math.abs(uy) < 0.2 && uz < 0.2 && uz > -0.2) return `ear-${side}` as RegionId;
    return uy > -0.3 ? 'scalp' : 'neck';
  }
  // Face, front of the ellipsoid.
  if (uy > 0.45) return 'forehead';
  if (uy > 0.33) return ax < 0.12 ? 'forehead' : ax < 0.5 ? (`eyebrow-${side}` as RegionId) : (`temple-${side}` as RegionId);
  if (uy > 0.18) {
    if (ax < 0.1) return 'nose';
    if (ax < 0.2) return `periorbital-${side}` as RegionId;
    if (ax < 0.42) return uy > 0.26 ? (`upper-eyelid-${side}` as RegionId) : (`eye-${side}` as RegionId);
    if (ax < 0.55) return `periorbital-${side}` as RegionId;
    return `temple-${side}` as RegionId;
  }
  if (uy > 0.1) {
    if (ax < 0.1) return 'nose';
    if (ax < 0.42) return `lower-eyelid-${side}` as RegionId;
    return `zygoma-${side}` as RegionId;
  }
  if (uy > -0.1) {
    if (ax < 0.12) return uy > -0.02 ? 'nose' : 'nostrils';
    if (ax < 0.25) return `nasolabial-${side}` as RegionId;
    if (ax < 0.6) return `cheek-${side}` as RegionId;
    return `zygoma-${side}` as RegionId;
  }
  if (uy > -0.3) {
    if (ax < 0.22) return uy > -0.22 && uy < -0.14 ? 'lips' : 'perioral';
    if (ax < 0.32) return `nasolabial-${side}` as RegionId;
    return `cheek-${side}` as RegionId;
  }
  if (uy > -0.4) return ax < 0.3 ? 'mentolabial' : (`mandible-${side}` as RegionId);
  return ax < 0.3 ? 'chin' : (`mandible-${side}` as RegionId);
}

export function createStandInSurface(options: StandInOptions = {}): TreatmentSurface {
  const rings = options.rings ?? 160;
  const segments = options.segments ?? 320;
  const { x: rx, y: ry, z: rz } = STAND_IN_RADII_MM;
  const vertexCount = (rings - 1) * segments + 2;
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Float32Array(vertexCount * 3);
  const vertexRegion = new Uint8Array(vertexCount);
  const codes = new Map<RegionId, number>(HEAD_REGION_IDS.map((id, i) => [id, i]));

  const put = (i: number, x: number, y: number, z: number) => {
    positions[i * 3] = x;
    positions[i * 3 + 1] = y;
    positions[i * 3 + 2] = z;
    // Ellipsoid normal: gradient of (x/rx)^2 + (y/ry)^2 + (z/rz)^2.
    let nx = x / (rx * rx);
    let ny = y / (ry * ry);
    let nz = z / (rz * rz);
    const len = Math.hypot(nx, ny, nz) || 1;
    nx /= len;
    ny /= len;
    nz /= len;
    normals[i * 3] = nx;
    normals[i * 3 + 1] = ny;
    normals[i * 3 + 2] = nz;
    vertexRegion[i] = codes.get(standInRegionAt(x, y, z)) ?? 0;
  };

  put(0, 0, ry, 0);
  for (let r = 1; r < rings; r++) {
    const theta = (Math.PI * r) / rings; // from the top pole
    for (let s = 0; s < segments; s++) {
      const phi = (2 * Math.PI * s) / segments; // phi = 0 faces +Z (anterior)
      const i = 1 + (r - 1) * segments + s;
      put(i, rx * Math.sin(theta) * Math.sin(phi), ry * Math.cos(theta), rz * Math.sin(theta) * Math.cos(phi));
    }
  }
  put(vertexCount - 1, 0, -ry, 0);

  const triangles: number[] = [];
  const ringStart = (r: number) => 1 + (r - 1) * segments;
  for (let s = 0; s < segments; s++) {
    const s1 = (s + 1) % segments;
    triangles.push(0, ringStart(1) + s, ringStart(1) + s1);
  }
  for (let r = 1; r < rings - 1; r++) {
    for (let s = 0; s < segments; s++) {
      const s1 = (s + 1) % segments;
      const a = ringStart(r) + s;
      const b = ringStart(r) + s1;
      const c = ringStart(r + 1) + s;
      const d = ringStart(r + 1) + s1;
      triangles.push(a, c, b, b, c, d);
    }
  }
  const last = vertexCount - 1;
  for (let s = 0; s < segments; s++) {
    const s1 = (s + 1) % segments;
    triangles.push(ringStart(rings - 1) + s, last, ringStart(rings - 1) + s1);
  }

  return {
    positions,
    normals,
    indices: Uint32Array.from(triangles),
    vertexRegion,
    regionIds: HEAD_REGION_IDS,
  };
}

/** The stand-in as a head model for tests of the studio: no UVs, labels, paint or eyes (plain skin, the woman's head). */
export function createStandInHeadModel(surface: TreatmentSurface = createStandInSurface()): HeadModel {
  const vertices = surface.positions.length / 3;
  return {
    ...surface,
    uvs: new Float32Array(vertices * 2),
    regions: [],
    landmarks: [],
    notSkin: surface.notSkin ?? new Uint8Array(vertices),
    appearance: new Uint8Array(vertices * APPEARANCE_CHANNELS.length),
    variant: 'female',
    eyes: [],
  };
}
