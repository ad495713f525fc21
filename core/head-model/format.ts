// The shipped head model: a small JSON document (head-model.json: regions, landmarks, measurements, the
// binary's hash) and a compact little-endian binary (head-model.bin) with the geometry.
//
// Binary layout (all little-endian, every section starts on a 4-byte boundary):
//   offset 0   char[4]  magic "MNHM"
//          4   u32      format version (1)
//          8   u32      vertex count V
//         12   u32      triangle count T
//         16   u32      region count R (length of meta.regionIds)
//         20   u32      header size in bytes (32)
//         24   u32[2]   reserved, 0
//   32         f32[3V]  positions, mm, head frame
//              i16[3V]  normals, unit vector × 32767 (snorm16), padded to 4 bytes
//              u16[2V]  uvs, value × 65535 (unorm16)
//              u32[3T]  indices, counter-clockwise seen from outside
//              u8[V]    region code per vertex (index into meta.regionIds), padded to 4 bytes
//              u8[5V]   appearance per vertex (APPEARANCE_CHANNELS, value × 255), padded to 4 bytes
//              u8[V]    flags per vertex (bit 0: not treatable skin), padded to 4 bytes
// Version 2 added the appearance and flags sections and, in the metadata, the variant and the eyes. The
// asset ships with the app and is rebuilt by `npm run build:model`, so only the current version is read.
// Decoding is pure (no I/O) so the renderer can fetch both files and decode in the browser; loading
// sits behind HeadModelSource so a scanned head (glTF with a region map) can replace ours later.

import { z } from 'zod';
import { APPEARANCE_CHANNELS } from './appearance';
import { HEAD_REGION_IDS, isRegionId, type RegionId } from '../anatomy/regions';
import type { HeadModel, Landmark, RegionInfo } from '../surface/surface';
import { sha256Hex } from './sha256';

export const HEAD_MODEL_MAGIC = 'MNHM';
export const HEAD_MODEL_FORMAT_VERSION = 2;
/** Flag bit: the vertex is not skin this model is treated on (shoulders, chest, the closing cap). */
export const FLAG_NOT_SKIN = 1;
const HEADER_BYTES = 32;

/** Anything that can produce a head model: the shipped asset, or later a scanned glTF head. */
export interface HeadModelSource {
  load(): Promise<HeadModel>;
}

const vec3 = z.tuple([z.number(), z.number(), z.number()]);

export const headModelMetaSchema = z.object({
  format: z.literal('microneedle-head-model'),
  version: z.literal(HEAD_MODEL_FORMAT_VERSION),
  binary: z.object({
    file: z.string().min(1),
    bytes: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  counts: z.object({ vertices: z.number().int().positive(), triangles: z.number().int().positive() }),
  frame: z.object({ units: z.literal('mm'), origin: z.string(), axes: z.string() }),
  reference: z.string(),
  variant: z.enum(['female', 'male']),
  eyes: z
    .array(z.object({ side: z.enum(['left', 'right']), centre: vec3, radiusMm: z.number().positive() }))
    .length(2),
  appearanceChannels: z.array(z.string()).refine(
    (a) => a.length === APPEARANCE_CHANNELS.length && a.every((c, i) => c === APPEARANCE_CHANNELS[i]),
    `expected the channels ${APPEARANCE_CHANNELS.join(', ')}`,
  ),
  regionIds: z.array(z.string().refine(isRegionId, 'unknown region id')).min(1),
  regions: z.array(
    z.object({
      id: z.string().refine(isRegionId, 'unknown region id'),
      areaCm2: z.number().nonnegative(),
      centroid: vec3,
      name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
    }),
  ),
  landmarks: z.array(z.object({ id: z.string().min(1), p: vec3 })),
  measurements: z.array(
    z.object({
      id: z.string(),
      measured: z.number(),
      referenceMean: z.number(),
      referenceSd: z.number(),
      source: z.string(),
      withinSd: z.number(),
    }),
  ),
  build: z.object({ gridStepMm: z.number().positive(), targetTriangles: z.number().int().positive(), script: z.string() }),
});

export type HeadModelMeta = z.infer<typeof headModelMetaSchema>;

export class HeadModelFormatError extends Error {
  constructor(where: string, what: string) {
    super(`head model ${where}: ${what}`);
    this.name = 'HeadModelFormatError';
  }
}

/** Validates parsed JSON as head-model metadata; errors name the JSON pointer of the bad field. */
export function parseHeadModelMeta(json: unknown, file = 'head-model.json'): HeadModelMeta {
  const result = headModelMetaSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const pointer = '/' + issue.path.map((p) => String(p)).join('/');
    throw new HeadModelFormatError(`${file}${pointer}`, issue.message);
  }
  return result.data;
}

const pad4 = (n: number) => (n + 3) & ~3;

function layout(vertices: number, triangles: number) {
  const positions = HEADER_BYTES;
  const normals = positions + vertices * 12;
  const uvs = normals + pad4(vertices * 6);
  const indices = uvs + vertices * 4;
  const regions = indices + triangles * 12;
  const appearance = regions + pad4(vertices);
  const flags = appearance + pad4(vertices * APPEARANCE_CHANNELS.length);
  const end = flags + pad4(vertices);
  return { positions, normals, uvs, indices, regions, appearance, flags, end };
}

const quantSnorm16 = (v: number) => Math.max(-32767, Math.min(32767, Math.round(v * 32767)));
const quantUnorm16 = (v: number) => Math.max(0, Math.min(65535, Math.round(v * 65535)));

/** Region codes in the binary index `regionIds`; for a HeadModel those are `model.regionIds`. */
export function encodeHeadModel(model: HeadModel): Uint8Array {
  const vertices = model.positions.length / 3;
  const triangles = model.indices.length / 3;
  if (!Number.isInteger(vertices) || model.normals.length !== vertices * 3 || model.uvs.length !== vertices * 2) {
    throw new HeadModelFormatError('encode', 'positions, normals and uvs disagree on the vertex count');
  }
  if (model.vertexRegion.length !== vertices) throw new HeadModelFormatError('encode', 'vertexRegion length is not the vertex count');
  const L = layout(vertices, triangles);
  const bytes = new Uint8Array(L.end);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = HEAD_MODEL_MAGIC.charCodeAt(i);
  view.setUint32(4, HEAD_MODEL_FORMAT_VERSION, true);
  view.setUint32(8, vertices, true);
  view.setUint32(12, triangles, true);
  view.setUint32(16, model.regionIds.length, true);
  view.setUint32(20, HEADER_BYTES, true);
  for (let i = 0; i < vertices * 3; i++) view.setFloat32(L.positions + i * 4, model.positions[i], true);
  for (let i = 0; i < vertices * 3; i++) view.setInt16(L.normals + i * 2, quantSnorm16(model.normals[i]), true);
  for (let i = 0; i < vertices * 2; i++) view.setUint16(L.uvs + i * 2, quantUnorm16(model.uvs[i]), true);
  for (let i = 0; i < triangles * 3; i++) {
    if (model.indices[i] >= vertices) throw new HeadModelFormatError('encode', `index ${i} points past the last vertex`);
    view.setUint32(L.indices + i * 4, model.indices[i], true);
  }
  for (let i = 0; i < vertices; i++) {
    if (model.vertexRegion[i] >= model.regionIds.length) throw new HeadModelFormatError('encode', `vertex ${i} has region code ${model.vertexRegion[i]}`);
    bytes[L.regions + i] = model.vertexRegion[i];
  }
  if (model.appearance.length !== vertices * APPEARANCE_CHANNELS.length) throw new HeadModelFormatError('encode', 'appearance length is not channels × vertices');
  bytes.set(model.appearance, L.appearance);
  if (!model.notSkin || model.notSkin.length !== vertices) throw new HeadModelFormatError('encode', 'notSkin length is not the vertex count');
  for (let i = 0; i < vertices; i++) bytes[L.flags + i] = model.notSkin[i] ? FLAG_NOT_SKIN : 0;
  return bytes;
}

/** Decodes the binary with its metadata; errors name the file and the offending field or offset. */
export function decodeHeadModel(bin: Uint8Array, meta: HeadModelMeta, file = 'head-model.bin'): HeadModel {
  if (bin.length < HEADER_BYTES) throw new HeadModelFormatError(file, `${bin.length} bytes is shorter than the ${HEADER_BYTES}-byte header`);
  const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
  const magic = String.fromCharCode(bin[0], bin[1], bin[2], bin[3]);
  if (magic !== HEAD_MODEL_MAGIC) throw new HeadModelFormatError(`${file} offset 0`, `magic is "${magic}", expected "${HEAD_MODEL_MAGIC}"`);
  const version = view.getUint32(4, true);
  if (version !== HEAD_MODEL_FORMAT_VERSION) throw new HeadModelFormatError(`${file} offset 4`, `format version ${version} is not supported (expected ${HEAD_MODEL_FORMAT_VERSION})`);
  const vertices = view.getUint32(8, true);
  const triangles = view.getUint32(12, true);
  const regionCount = view.getUint32(16, true);
  if (view.getUint32(20, true) !== HEADER_BYTES) throw new HeadModelFormatError(`${file} offset 20`, 'unexpected header size');
  if (vertices !== meta.counts.vertices || triangles !== meta.counts.triangles) {
    throw new HeadModelFormatError(`${file} offset 8`, `counts ${vertices} vertices / ${triangles} triangles disagree with /counts in the metadata`);
  }
  if (regionCount !== meta.regionIds.length) throw new HeadModelFormatError(`${file} offset 16`, `${regionCount} regions, metadata /regionIds has ${meta.regionIds.length}`);
  const L = layout(vertices, triangles);
  if (bin.length !== L.end) throw new HeadModelFormatError(file, `${bin.length} bytes, expected ${L.end} for ${vertices} vertices and ${triangles} triangles`);

  const positions = new Float32Array(vertices * 3);
  for (let i = 0; i < vertices * 3; i++) positions[i] = view.getFloat32(L.positions + i * 4, true);
  const normals = new Float32Array(vertices * 3);
  // Not renormalised: snorm16 keeps them unit length to within 3e-5, and leaving them as stored makes
  // encode(decode(bin)) reproduce bin exactly.
  for (let i = 0; i < vertices * 3; i++) normals[i] = view.getInt16(L.normals + i * 2, true) / 32767;
  const uvs = new Float32Array(vertices * 2);
  for (let i = 0; i < vertices * 2; i++) uvs[i] = view.getUint16(L.uvs + i * 2, true) / 65535;
  const indices = new Uint32Array(triangles * 3);
  for (let i = 0; i < triangles * 3; i++) {
    const index = view.getUint32(L.indices + i * 4, true);
    if (index >= vertices) throw new HeadModelFormatError(`${file} offset ${L.indices + i * 4}`, `index ${index} >= vertex count ${vertices}`);
    indices[i] = index;
  }
  const vertexRegion = bin.slice(L.regions, L.regions + vertices);
  for (let i = 0; i < vertices; i++) {
    if (vertexRegion[i] >= regionCount) throw new HeadModelFormatError(`${file} offset ${L.regions + i}`, `region code ${vertexRegion[i]} >= region count ${regionCount}`);
  }
  const appearance = bin.slice(L.appearance, L.appearance + vertices * APPEARANCE_CHANNELS.length);
  const notSkin = new Uint8Array(vertices);
  for (let i = 0; i < vertices; i++) {
    const flags = bin[L.flags + i];
    if (flags & ~FLAG_NOT_SKIN) throw new HeadModelFormatError(`${file} offset ${L.flags + i}`, `unknown flag bits ${flags}`);
    notSkin[i] = flags & FLAG_NOT_SKIN;
  }
  const regions: RegionInfo[] = meta.regions.map((r) => ({ ...r, id: r.id as RegionId, centroid: [...r.centroid] }));
  const landmarks: Landmark[] = meta.landmarks.map((l) => ({ id: l.id, p: [...l.p] }));
  return {
    positions,
    normals,
    uvs,
    indices,
    vertexRegion,
    regionIds: meta.regionIds as RegionId[],
    regions,
    landmarks,
    notSkin,
    appearance,
    variant: meta.variant,
    eyes: meta.eyes.map((e) => ({ side: e.side, centre: [...e.centre], radiusMm: e.radiusMm })),
  };
}

/** Checks the binary against the hash and size recorded in the metadata. */
export function verifyHeadModelBinary(bin: Uint8Array, meta: HeadModelMeta, file = 'head-model.bin'): void {
  if (bin.length !== meta.binary.bytes) throw new HeadModelFormatError(file, `${bin.length} bytes, metadata /binary/bytes says ${meta.binary.bytes}`);
  const hash = sha256Hex(bin);
  if (hash !== meta.binary.sha256) throw new HeadModelFormatError(file, `sha256 ${hash} does not match /binary/sha256 ${meta.binary.sha256}`);
}

/** The region ids a fresh build uses: the shared HEAD_REGION_IDS order. */
export const SHIPPED_REGION_IDS: readonly RegionId[] = HEAD_REGION_IDS;
