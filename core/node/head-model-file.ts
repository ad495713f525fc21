// Node-only loader for the shipped head model (assets/head): used by the main process's re-scoring,
// CLIs and tests. The renderer fetches the same two files and calls decodeHeadModel itself.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HeadModel } from '../surface/surface';
import { decodeHeadModel, parseHeadModelMeta, verifyHeadModelBinary, type HeadModelMeta, type HeadModelSource } from '../head-model/format';

const here = dirname(fileURLToPath(import.meta.url));
export const HEAD_ASSET_DIR = join(here, '..', '..', 'assets', 'head');
export const HEAD_META_PATH = join(HEAD_ASSET_DIR, 'head-model.json');
export const HEAD_BIN_PATH = join(HEAD_ASSET_DIR, 'head-model.bin');

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

export function readShippedHeadModelFiles(dir = HEAD_ASSET_DIR): { meta: HeadModelMeta; bin: Uint8Array } {
  const { meta, bin } = readHeadModelFiles(join(dir, 'head-model.json'));
  return { meta, bin };
}

/** Decodes the head model whose metadata is at `metaPath` (sync; throws an error naming the bad file). */
export function loadHeadModelFile(metaPath: string): HeadModel {
  const { meta, bin, binPath } = readHeadModelFiles(metaPath);
  return decodeHeadModel(bin, meta, binPath);
}

let cached: HeadModel | undefined;

/** The shipped head model, decoded once per process (sync; throws a clear error if the asset is bad). */
export function loadShippedHeadModel(): HeadModel {
  cached ??= loadHeadModelFile(HEAD_META_PATH);
  return cached;
}

let cachedSha256: string | undefined;

/** SHA-256 of the shipped head's binary as its metadata records it (hex), for score provenance. */
export function shippedHeadModelSha256(): string {
  cachedSha256 ??= readHeadModelMeta(HEAD_META_PATH).binary.sha256;
  return cachedSha256;
}

/** The shipped head behind the HeadModelSource interface. */
export const shippedHeadModelSource: HeadModelSource = {
  load: async () => loadShippedHeadModel(),
};
