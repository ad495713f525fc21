// One POST of a batch of statements to an LRS's statements resource (xAPI 1.0.3, part three 2.1: the
// version header, Basic authentication, a JSON array). What came back decides what the outbox does:
// 'stored' (200 with the ids) removes the rows; 'rejected' (400, 409 and the other 4xx about the
// statements) keeps them as rejected; 'retry' (no answer, a timeout, 5xx, or 401/403/408/429, which are
// about the connection or the account, not the statements) backs them off.

import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export const XAPI_VERSION_HEADER = '1.0.3';
export const DEFAULT_TIMEOUT_MS = 15_000;

export type PushOutcome = { kind: 'stored'; ids: string[] } | { kind: 'rejected'; status: number; message: string } | { kind: 'retry'; message: string };

export interface LrsCredentials {
  endpoint: string;
  username: string;
  password: string;
}

export type FetchPort = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ status: number; text(): Promise<string> }>;

/**
 * POST with node:http(s): main's own transport, whatever global fetch the process has (a browser-like one in
 * component tests would apply CORS). The signal aborts the request, and with it the wait for an answer.
 */
export const nodeHttpPost: FetchPort = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, { method: init.method, headers: { ...init.headers, 'Content-Length': String(Buffer.byteLength(init.body)) }, signal: init.signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: () => Promise.resolve(Buffer.concat(chunks).toString('utf8')) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });

/** <endpoint>/statements, whether or not the endpoint ends with a slash. */
export const statementsUrl = (endpoint: string) => `${endpoint.replace(/\/+$/, '')}/statements`;

const RETRY_4XX = new Set([401, 403, 408, 429]);
const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/** `statementsJson`: the statements' stored JSON texts, sent byte for byte as one array. */
export async function postStatements(credentials: LrsCredentials, statementsJson: readonly string[], options: { timeoutMs?: number; fetch?: FetchPort } = {}): Promise<PushOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const send: FetchPort = options.fetch ?? nodeHttpPost;
  const url = statementsUrl(credentials.endpoint);
  let status: number;
  let body: string;
  try {
    const response = await send(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Experience-API-Version': XAPI_VERSION_HEADER,
        Authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`,
      },
      body: `[${statementsJson.join(',')}]`,
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    body = await response.text();
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'retry', message: `${url}: no answer within ${timeoutMs / 1000} s` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: 'retry', message: `${url}: ${(error as NodeJS.ErrnoException).code ?? cause?.code ?? cause?.message ?? (error as Error).message}` };
  }
  if (status === 200) {
    let ids: unknown;
    try {
      ids = JSON.parse(body);
    } catch {
      ids = null;
    }
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return { kind: 'retry', message: `${url}: 200 without the array of statement ids` };
    return { kind: 'stored', ids };
  }
  if (status >= 400 && status < 500 && !RETRY_4XX.has(status)) return { kind: 'rejected', status, message: `${url}: ${status} ${clip(body.trim())}`.trim() };
  const why = status === 401 || status === 403 ? ' (the LRS refused the user name or password)' : '';
  return { kind: 'retry', message: `${url}: ${status}${why} ${clip(body.trim())}`.trim() };
}
