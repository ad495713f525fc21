// The renderer's only way to the main process. Under Electron the preload has put the typed API on
// `window.api` (IPC); in web mode the same calls go over a loopback POST to `npm run web`'s server,
// authenticated by the per-run token the server wrote into index.html.

import { buildApiObject, type ApiCallName } from '../../core/api/call-names';
import type { MicroneedleApi } from '../../core/api/contract';
import type { ApiError, ApiResult } from '../../core/api/errors';

declare global {
  interface Window {
    api?: MicroneedleApi;
  }
}

export const API_TOKEN_META = 'microneedle-api-token';
export const API_TOKEN_HEADER = 'x-api-token';
export const CLIENT_KEY_META = 'microneedle-client-key';
export const CLIENT_KEY_HEADER = 'x-client-key';

function readMeta(doc: Document, name: string): string {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
}

/** The web transport: POST ./api/<call> with the token; always resolves to an ApiResult. */
export function createFetchApi(fetchImpl: typeof fetch = (...a) => fetch(...a), doc: Document = document): MicroneedleApi {
  return buildApiObject<MicroneedleApi>(async (name: ApiCallName, args: unknown): Promise<ApiResult<unknown>> => {
    let response: Response;
    const body = JSON.stringify(args ?? {});
    try {
      response = await fetchImpl(`./api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [API_TOKEN_HEADER]: readMeta(doc, API_TOKEN_META), [CLIENT_KEY_HEADER]: readMeta(doc, CLIENT_KEY_META) },
        body,
        credentials: 'same-origin',
        // Small calls outlive the page (a batch sent as the tab closes); browsers cap keepalive bodies at 64 KiB.
        keepalive: body.length < 60_000,
      });
    } catch (error) {
      return { ok: false, error: { code: 'storage-failed', message: `the app server cannot be reached: ${(error as Error).message}` } };
    }
    try {
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `the app server answered ${response.status} without a result` } };
    }
  });
}

export const api: MicroneedleApi = typeof window !== 'undefined' && window.api ? window.api : createFetchApi();

/** Thrown by unwrap() so callers that cannot continue without a value get the typed error. */
export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

export async function unwrap<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new ApiCallError(r.error);
  return r.value;
}
