// Builds the shipped head model from the signed distance field: sample on a grid, mesh with marching
// tetrahedra (closed, manifold, outward-oriented), drop stray specks, collapse short edges to about the
// target triangle count, take normals from the field's gradient, label regions, find landmarks, move the
// origin to the midpoint between the tragions, lay out UVs, and encode. Deterministic: no randomness, no
// clock, fixed iteration orders, and sums taken in index order.

import { HEAD_REGION_IDS, REGION_NAMES, type RegionId } from '../anatomy/regions';
import type { EyeGlobe, HeadModel, Landmark, RegionInfo } from '../surface/surface';
import { APPEARANCE_CHANNELS, bakeAppearance, needsFineMesh } from './appearance';
import { decimateShortEdges } from './decimate';
import { decodeHeadModel, encodeHeadModel, HEAD_MODEL_FORMAT_VERSION, type HeadModelMeta } from './format';
import { EYEBALL_DRAWN_INSET_MM, GLOBE } from './head-sdf';
import { isTreatableSkin, regionAt } from './labels';
import { HEAD_VARIANTS, type HeadVariant, type HeadVariantId } from './variants';
import { findLandmarks } from './landmarks';
import { measureHead } from './measure';
import { marchTetrahedra, sampleGrid, type GridSpec, type RawMesh } from './mesher';
import { sha256Hex } from './sha256';
import { computeUvs } from './uv';

export interface BuildOptions {
  /** Grid spacing, mm (2 for the shipped model). */
  gridStepMm?: number;
  /** Triangle count to decimate to. */
  targetTriangles?: number;
  /** Name written into the metadata's binary.file. */
  binaryFile?: string;
  /** Which head (default the woman's). */
  variant?: HeadVariantId;
}

export interface BuiltHeadModel {
  model: HeadModel;
  meta: HeadModelMeta;
  bin: Uint8Array;
}

export const SHIPPED_BUILD = { gridStepMm: 1.25, targetTriangles: 150_000 } as const;
/** Longest edge kept along painted borders and the lid margins, mm. */
const FINE_EDGE_MM = 1.2;

function gridFor(stepMm: number, bounds: HeadVariant['bounds']): GridSpec {
  // Symmetric about x = 0 so mirrored features sample identically.
  const half = Math.ceil(bounds.max[0] / stepMm) * stepMm;
  const ny = Math.ceil((bounds.max[1] - bounds.min[1]) / stepMm) + 1;
  const nz = Math.ceil((bounds.max[2] - bounds.min[2]) / stepMm) + 1;
  return { origin: [-half, bounds.min[1], bounds.min[2]], stepMm, nx: Math.round((2 * half) / stepMm) + 1, ny, nz };
}

/** Keeps the connected component with the most triangles (thin blends can leave detached specks). */
export function keepLargestComponent(mesh: RawMesh): RawMesh {
  const n = mesh.positions.length / 3;
  const parent = new Int32Array(n).map((_, i) => i);
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  const idx = mesh.indices;
  for (let t = 0; t < idx.length; t += 3) {
    for (let c = 1; c < 3; c++) {
      const a = find(idx[t]);
      const b = find(idx[t + c]);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const size = new Map<number, number>();
  for (let t = 0; t < idx.length; t += 3) {
    const r = find(idx[t]);
    size.set(r, (size.get(r) ?? 0) + 1);
  }
  let best = -1;
  let bestSize = -1;
  for (const [root, s] of size) if (s > bestSize || (s === bestSize && root < best)) [best, bestSize] = [root, s];
  const remap = new Int32Array(n).fill(-1);
  const pos: number[] = [];
  const tris: number[] = [];
  for (let t = 0; t < idx.length; t += 3) {
    if (find(idx[t]) !== best) continue;
    for (let c = 0; c < 3; c++) {
      const v = idx[t + c];
      if (remap[v] < 0) {
        remap[v] = pos.length / 3;
        pos.push(mesh.positions[v * 3], mesh.positions[v * 3 + 1], mesh.positions[v * 3 + 2]);
      }
      tris.push(remap[v]);
    }
  }
  const out: RawMesh = { positions: Float64Array.from(pos), indices: Uint32Array.from(tris) };
  if (mesh.mirror) {
    // A symmetric mesh's largest component is symmetric too (mirror twins are in mirrored components).
    const mirror = new Int32Array(pos.length / 3);
    for (let v = 0; v < n; v++) if (remap[v] >= 0) mirror[remap[v]] = remap[mesh.mirror[v]];
    out.mirror = mirror;
  }
  return out;
}

function fieldNormals(positions: Float64Array, headSdf: (x: number, y: number, z: number) => number): Float32Array {
  const n = positions.length / 3;
  const normals = new Float32Array(n * 3);
  const e = 0.35;
  for (let i = 0; i < n; i++) {
    const x = positions[i * 3], y = positions[i * 3 + 1], z = positions[i * 3 + 2];
    const gx = headSdf(x + e, y, z) - headSdf(x - e, y, z);
    const gy = headSdf(x, y + e, z) - headSdf(x, y - e, z);
    const gz = headSdf(x, y, z + e) - headSdf(x, y, z - e);
    const len = Math.hypot(gx, gy, gz) || 1;
    normals[i * 3] = gx / len;
    normals[i * 3 + 1] = gy / len;
    normals[i * 3 + 2] = gz / len;
  }
  return normals;
}

/** Per-region area (cm²) and area-weighted centroid: each triangle gives a third of its area to each corner's region. */
export function regionStats(
  positions: ArrayLike<number>,
  indices: ArrayLike<number>,
  vertexRegion: ArrayLike<number>,
  regionIds: readonly RegionId[],
  notSkin?: ArrayLike<number>,
): RegionInfo[] {
  const area = new Float64Array(regionIds.length);
  const cx = new Float64Array(regionIds.length);
  const cy = new Float64Array(regionIds.length);
  const cz = new Float64Array(regionIds.length);
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t], b = indices[t + 1], c = indices[t + 2];
    const ux = positions[b * 3] - positions[a * 3], uy = positions[b * 3 + 1] - positions[a * 3 + 1], uz = positions[b * 3 + 2] - positions[a * 3 + 2];
    const vx = positions[c * 3] - positions[a * 3], vy = positions[c * 3 + 1] - positions[a * 3 + 1], vz = positions[c * 3 + 2] - positions[a * 3 + 2];
    const third = Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx) / 6;
    for (const v of [a, b, c]) {
      if (notSkin?.[v]) continue;
      const r = vertexRegion[v];
      area[r] += third;
      cx[r] += third * positions[v * 3];
      cy[r] += third * positions[v * 3 + 1];
      cz[r] += third * positions[v * 3 + 2];
    }
  }
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  return regionIds.map((id, r) => ({
    id,
    areaCm2: round(area[r] / 100, 2),
    centroid: area[r] > 0 ? [round(cx[r] / area[r], 2), round(cy[r] / area[r], 2), round(cz[r] / area[r], 2)] : [0, 0, 0],
    name: { ...REGION_NAMES[id] },
  }));
}

export function buildHeadModel(options: BuildOptions = {}): BuiltHeadModel {
  const gridStepMm = options.gridStepMm ?? SHIPPED_BUILD.gridStepMm;
  const targetTriangles = options.targetTriangles ?? SHIPPED_BUILD.targetTriangles;
  const variant = HEAD_VARIANTS[options.variant ?? 'female'];
  const field = variant.sdf;
  const [sx, sy, sz] = variant.scale;
  const grid = gridFor(gridStepMm, variant.bounds);
  let mesh = marchTetrahedra(sampleGrid(field, grid), grid, true);
  mesh = keepLargestComponent(mesh);
  // Off the treated skin (shoulders, chest, the cap) the mesh may be coarser: only its look matters there.
  const maxEdgeMm = Math.max(2.5, 1.5 * gridStepMm);
  const maxEdgeMmAt = (x: number, y: number, z: number) => {
    const [bx, by, bz] = [x / sx, y / sy, z / sz];
    if (!isTreatableSkin(bx, by, bz)) return 3 * maxEdgeMm;
    return needsFineMesh(bx, by, bz, variant.appearance) ? FINE_EDGE_MM : maxEdgeMm;
  };
  mesh = decimateShortEdges(mesh, { targetTriangles, maxEdgeMm, maxEdgeMmAt, field, maxSurfaceDeviationMm: 0.1, maxPasses: 60 });

  // Labels, appearance and landmarks in the base construction frame (the position divided by the variant's
  // scale), then the origin moves to the tragions' midpoint.
  const vertexCount = mesh.positions.length / 3;
  const base = new Float64Array(vertexCount * 3);
  for (let i = 0; i < vertexCount; i++) {
    base[i * 3] = mesh.positions[i * 3] / sx;
    base[i * 3 + 1] = mesh.positions[i * 3 + 1] / sy;
    base[i * 3 + 2] = mesh.positions[i * 3 + 2] / sz;
  }
  const normals = fieldNormals(mesh.positions, field);
  const regionIds = HEAD_REGION_IDS;
  const codeOf = new Map<RegionId, number>(regionIds.map((id, i) => [id, i]));
  const vertexRegion = new Uint8Array(vertexCount);
  const notSkin = new Uint8Array(vertexCount);
  for (let i = 0; i < vertexCount; i++) {
    const [x, y, z] = [base[i * 3], base[i * 3 + 1], base[i * 3 + 2]];
    vertexRegion[i] = codeOf.get(regionAt(x, y, z))!;
    notSkin[i] = isTreatableSkin(x, y, z) ? 0 : 1;
  }
  const appearance = bakeAppearance({ basePositions: base, indices: mesh.indices, vertexRegion, regionIds, style: variant.appearance });
  const toVariant = (p: readonly number[]): [number, number, number] => [p[0] * sx, p[1] * sy, p[2] * sz];
  const found = findLandmarks(base).map((l) => ({ id: l.id, p: toVariant(l.p) }));
  const tl = found.find((l) => l.id === 'tragion-left')!.p;
  const tr = found.find((l) => l.id === 'tragion-right')!.p;
  const shift = [(tl[0] + tr[0]) / 2, (tl[1] + tr[1]) / 2, (tl[2] + tr[2]) / 2];
  const positions = new Float32Array(vertexCount * 3);
  for (let i = 0; i < vertexCount * 3; i++) positions[i] = mesh.positions[i] - shift[i % 3];
  const round2 = (v: number) => Math.round(v * 100) / 100;
  const moved = (p: readonly number[]): [number, number, number] => [round2(p[0] - shift[0]), round2(p[1] - shift[1]), round2(p[2] - shift[2])];
  const landmarks: Landmark[] = found.map((l) => ({ id: l.id, p: moved(l.p) }));
  const uvs = computeUvs(positions);
  const globe = toVariant(GLOBE.centre);
  const eyeRadiusMm = round2((GLOBE.radiusMm - EYEBALL_DRAWN_INSET_MM) * Math.min(sx, sy, sz));
  const eyes: EyeGlobe[] = [
    { side: 'left', centre: moved(globe), radiusMm: eyeRadiusMm },
    { side: 'right', centre: moved([-globe[0], globe[1], globe[2]]), radiusMm: eyeRadiusMm },
  ];

  const draft: HeadModel = {
    positions,
    normals,
    uvs,
    indices: mesh.indices,
    vertexRegion,
    regionIds,
    regions: [],
    landmarks,
    notSkin,
    appearance,
    variant: variant.id,
    eyes,
  };
  const bin = encodeHeadModel(draft);
  const measurements = measureHead(landmarks, variant.reference).map((m) => ({
    ...m,
    measured: Math.round(m.measured * 1000) / 1000,
    withinSd: Math.round(m.withinSd * 100) / 100,
  }));
  const meta: HeadModelMeta = {
    format: 'microneedle-head-model',
    version: HEAD_MODEL_FORMAT_VERSION,
    binary: { file: options.binaryFile ?? 'head-model.bin', bytes: bin.length, sha256: sha256Hex(bin) },
    counts: { vertices: vertexCount, triangles: mesh.indices.length / 3 },
    frame: {
      units: 'mm',
      origin: 'midpoint between the left and right tragion',
      axes: "+X patient's left, +Y superior, +Z anterior",
    },
    reference: variant.referenceText,
    variant: variant.id,
    eyes,
    appearanceChannels: [...APPEARANCE_CHANNELS],
    regionIds: [...regionIds],
    regions: [],
    landmarks,
    measurements,
    build: { gridStepMm, targetTriangles, script: 'scripts/build-model.ts' },
  };
  // Region stats from the decoded (quantised) geometry, so they describe exactly what ships; treatable skin only.
  const decoded = decodeHeadModel(bin, meta);
  meta.regions = regionStats(decoded.positions, decoded.indices, decoded.vertexRegion, regionIds, decoded.notSkin);
  const model = decodeHeadModel(bin, meta);
  return { model, meta, bin };
}
