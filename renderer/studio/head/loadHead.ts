// The one place the studio gets its head from: the shipped asset (assets/head), fetched through vite
// `?url` imports and decoded with core's decoder. A scanned head would plug in here behind HeadModelSource.

import metaUrl from '../../../assets/head/head-model.json?url';
import binUrl from '../../../assets/head/head-model.bin?url';
import maleMetaUrl from '../../../assets/head/head-model-male.json?url';
import maleBinUrl from '../../../assets/head/head-model-male.bin?url';
import { decodeHeadModel, parseHeadModelMeta, type HeadModelSource } from '../../../core/head-model/format';
import type { HeadVariantId } from '../../../core/head-model/variants';
import type { HeadModel } from '../../../core/surface/surface';

/** The two shipped heads' files: their URLs in the bundle and the names errors give. */
const SHIPPED: Record<HeadVariantId, { metaUrl: string; binUrl: string; metaFile: string; binFile: string }> = {
  female: { metaUrl, binUrl, metaFile: 'assets/head/head-model.json', binFile: 'assets/head/head-model.bin' },
  male: { metaUrl: maleMetaUrl, binUrl: maleBinUrl, metaFile: 'assets/head/head-model-male.json', binFile: 'assets/head/head-model-male.bin' },
};

export class HeadLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeadLoadError';
  }
}

async function fetchOk(url: string, fetchImpl: typeof fetch): Promise<Response> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new HeadLoadError(`${url}: cannot be fetched (${(error as Error).message})`);
  }
  if (!response.ok) throw new HeadLoadError(`${url}: the server answered ${response.status}`);
  return response;
}

/** Decodes the two shipped files; errors name the file and the field or byte offset at fault. */
export function decodeShippedHead(metaJson: unknown, bin: Uint8Array, variant: HeadVariantId = 'female'): HeadModel {
  const files = SHIPPED[variant];
  const meta = parseHeadModelMeta(metaJson, files.metaFile);
  if (meta.variant !== variant) throw new HeadLoadError(`${files.metaFile}: /variant is "${meta.variant}", expected "${variant}"`);
  return decodeHeadModel(bin, meta, files.binFile);
}

export function createShippedHeadSource(fetchImpl: typeof fetch = (...a) => fetch(...a), variant: HeadVariantId = 'female'): HeadModelSource {
  const files = SHIPPED[variant];
  return {
    async load() {
      const [metaResponse, binResponse] = await Promise.all([fetchOk(files.metaUrl, fetchImpl), fetchOk(files.binUrl, fetchImpl)]);
      let metaJson: unknown;
      try {
        metaJson = await metaResponse.json();
      } catch (error) {
        throw new HeadLoadError(`${files.metaFile}: not valid JSON (${(error as Error).message})`);
      }
      const bin = new Uint8Array(await binResponse.arrayBuffer());
      return decodeShippedHead(metaJson, bin, variant);
    },
  };
}

const shipped = new Map<HeadVariantId, Promise<HeadModel>>();

/** A shipped head, loaded once per page (the studio can be left and reopened without refetching). */
export function loadHead(variant: HeadVariantId = 'female'): Promise<HeadModel> {
  let loading = shipped.get(variant);
  if (!loading) {
    loading = createShippedHeadSource(undefined, variant)
      .load()
      .catch((error: unknown) => {
        shipped.delete(variant); // a later attempt may succeed (e.g. the server was restarting)
        throw error;
      });
    shipped.set(variant, loading);
  }
  return loading;
}
