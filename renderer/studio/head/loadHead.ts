// The one place the studio gets its head from: the shipped asset (assets/head), fetched through vite
// `?url` imports and decoded with core's decoder. A scanned head would plug in here behind HeadModelSource.

import metaUrl from '../../../assets/head/head-model.json?url';
import binUrl from '../../../assets/head/head-model.bin?url';
import { decodeHeadModel, parseHeadModelMeta, type HeadModelSource } from '../../../core/head-model/format';
import type { HeadModel } from '../../../core/surface/surface';

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
export function decodeShippedHead(metaJson: unknown, bin: Uint8Array): HeadModel {
  const meta = parseHeadModelMeta(metaJson, 'assets/head/head-model.json');
  return decodeHeadModel(bin, meta, 'assets/head/head-model.bin');
}

export function createShippedHeadSource(fetchImpl: typeof fetch = (...a) => fetch(...a)): HeadModelSource {
  return {
    async load() {
      const [metaResponse, binResponse] = await Promise.all([fetchOk(metaUrl, fetchImpl), fetchOk(binUrl, fetchImpl)]);
      let metaJson: unknown;
      try {
        metaJson = await metaResponse.json();
      } catch (error) {
        throw new HeadLoadError(`assets/head/head-model.json: not valid JSON (${(error as Error).message})`);
      }
      const bin = new Uint8Array(await binResponse.arrayBuffer());
      return decodeShippedHead(metaJson, bin);
    },
  };
}

let shipped: Promise<HeadModel> | null = null;

/** The shipped head, loaded once per page (the studio can be left and reopened without refetching). */
export function loadHead(): Promise<HeadModel> {
  shipped ??= createShippedHeadSource()
    .load()
    .catch((error: unknown) => {
      shipped = null; // a later attempt may succeed (e.g. the server was restarting)
      throw error;
    });
  return shipped;
}
