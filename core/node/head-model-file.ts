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

export function readShippedHeadModelFiles(dir = HEAD_ASSET_DIR): { meta: HeadModelMeta; bin: Uint8Array } {
  const metaPath = join(dir, 'head-model.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch (err) {
    throw new Error(`head model ${metaPath}: ${(err as Error).message}`);
  }
  const meta = parseHeadModelMeta(json, metaPath);
  const binPath = join(dir, meta.binary.file);
  const bin = new Uint8Array(readFileSync(binPath));
  verifyHeadModelBinary(bin, meta, binPath);
  return { meta, bin };
}

let cached: HeadModel | undefined;

/** The shipped head model, decoded once per process (sync; throws a clear error if the asset is bad). */
export function loadShippedHeadModel(): HeadModel {
  if (!cached) {
    const { meta, bin } = readShippedHeadModelFiles();
    cached = decodeHeadModel(bin, meta, HEAD_BIN_PATH);
  }
  return cached;
}

/** The shipped head behind the HeadModelSource interface. */
export const shippedHeadModelSource: HeadModelSource = {
  load: async () => loadShippedHeadModel(),
};
