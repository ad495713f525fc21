// Node-only loader for the shipped head model (assets/head): used by the main process's re-scoring,
// CLIs and tests. The renderer fetches the same two files and calls decodeHeadModel itself.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HeadModel } from '../surface/surface';
import { decodeHeadModel, parseHeadModelMeta, verifyHeadModelBinary, type HeadModelMeta, type HeadModelSource } from '../head-model/format';
import type { HeadVariantId } from '../head-model/variants';

const here = dirname(fileURLToPath(import.meta.url));
export const HEAD_ASSET_DIR = join(here, '..', '..', 'assets', 'head');
export const HEAD_META_PATH = join(HEAD_ASSET_DIR, 'head-model.json');
export const HEAD_BIN_PATH = join(HEAD_ASSET_DIR, 'head-model.bin');
/** The shipped heads' metadata files: the woman's head keeps the original name. */
export const HEAD_META_PATHS: Record<HeadVariantId, string> = {
  female: HEAD_META_PATH,
  male: join(HEAD_ASSET_DIR, 'head-model-male.json'),
};

/** Reads and checks the metadata at `metaPath` (errors name the file). */
export function readHeadModelMeta(metaPath: string = HEAD_META_PATH): HeadModelMeta {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch (err) {
    throw new Error(`head model ${metaPath}: ${(err as Error).message}`);
  }
  return parseHeadModelMeta(json, metaPath);
}

/** The metadata at `metaPath` and its binary (next to it), checked against the recorded size and hash. */
export function readHeadModelFiles(metaPath: string): { meta: HeadModelMeta; bin: Uint8Array; binPath: string } {
  const meta = readHeadModelMeta(metaPath);
  const binPath = join(dirname(metaPath), meta.binary.file);
  const bin = new Uint8Array(readFileSync(binPath));
  verifyHeadModelBinary(bin, meta, binPath);
  return { meta, bin, binPath };
}

export function readShippedHeadModelFiles(dir = HEAD_ASSET_DIR, variant: HeadVariantId = 'female'): { meta: HeadModelMeta; bin: Uint8Array } {
  const { meta, bin } = readHeadModelFiles(join(dir, variant === 'female' ? 'head-model.json' : 'head-model-male.json'));
  return { meta, bin };
}

/** Decodes the head model whose metadata is at `metaPath` (sync; throws an error naming the bad file). */
export function loadHeadModelFile(metaPath: string): HeadModel {
  const { meta, bin, binPath } = readHeadModelFiles(metaPath);
  return decodeHeadModel(bin, meta, binPath);
}

const cached = new Map<HeadVariantId, HeadModel>();

/** A shipped head model, decoded once per process (sync; throws a clear error if the asset is bad). */
export function loadShippedHeadModel(variant: HeadVariantId = 'female'): HeadModel {
  let model = cached.get(variant);
  if (!model) {
    model = loadHeadModelFile(HEAD_META_PATHS[variant]);
    if (model.variant !== variant) throw new Error(`head model ${HEAD_META_PATHS[variant]}: /variant is "${model.variant}", expected "${variant}"`);
    cached.set(variant, model);
  }
  return model;
}

const cachedSha256 = new Map<HeadVariantId, string>();

/** SHA-256 of a shipped head's binary as its metadata records it (hex), for score provenance. */
export function shippedHeadModelSha256(variant: HeadVariantId = 'female'): string {
  let sha = cachedSha256.get(variant);
  if (!sha) {
    sha = readHeadModelMeta(HEAD_META_PATHS[variant]).binary.sha256;
    cachedSha256.set(variant, sha);
  }
  return sha;
}

/** The shipped woman's head behind the HeadModelSource interface. */
export const shippedHeadModelSource: HeadModelSource = {
  load: async () => loadShippedHeadModel(),
};
