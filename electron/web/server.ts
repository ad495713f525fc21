// The web shell: serves the built renderer on 127.0.0.1 only and answers `POST /api/<call>` from the same
// services and dispatcher as Electron's IPC. A per-run token (handed to the page inside index.html) plus
// Host and Origin checks keep other local pages, and DNS-rebinding pages, from calling the API.

import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiDispatcher } from '../../core/api/dispatch';
import { RECORDING_LIMITS } from '../../core/recording/limits';
import type { ApiResult } from '../../core/api/errors';
import { readAppFile, SECURITY_HEADERS } from '../main/app-files';

export const API_TOKEN_HEADER = 'x-api-token';
export const API_TOKEN_META = 'microneedle-api-token';
/** Each page load gets its own client key, as each Electron window has its own webContents: sign-ins belong to it. */
export const CLIENT_KEY_HEADER = 'x-client-key';
export const CLIENT_KEY_META = 'microneedle-client-key';
/** Page loads remembered; the oldest are forgotten first (they are signed out). */
export const MAX_CLIENT_KEYS = 1_000;
/** The largest recording file core accepts, plus room for the call's other fields; anything past this is refused unread. */
export const MAX_BODY_BYTES = RECORDING_LIMITS.maxFileBytes + 1024 * 1024;

export interface WebServerOptions {
  rendererDir: string;
  dispatch: ApiDispatcher;
  /** 0 picks a free port. */
  port: number;
  /** Fixed token for tests; random per run otherwise. */
  token?: string;
  log?: (line: string) => void;
}

export interface RunningWebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function fail(res: http.ServerResponse, status: number, code: 'forbidden' | 'invalid-payload' | 'unknown-call', message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function injectToken(html: string, token: string, clientKey?: string): string {
  const client = clientKey ? `  <meta name="${CLIENT_KEY_META}" content="${clientKey}" />\n` : '';
  return html.replace('</head>', `  <meta name="${API_TOKEN_META}" content="${token}" />\n${client}  </head>`);
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let allowedHosts: string[] = [];
  const clientKeys = new Set<string>();
  const issueClientKey = () => {
    const key = `page:${randomBytes(24).toString('hex')}`;
    clientKeys.add(key);
    if (clientKeys.size > MAX_CLIENT_KEYS) clientKeys.delete(clientKeys.values().next().value as string);
    return key;
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.log?.(`request failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'the request could not be handled' } });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // A page on another name that resolves to 127.0.0.1 (DNS rebinding) must not even read index.html.
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Misdirected request: this server only answers on its loopback address');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return fail(res, 405, 'forbidden', 'API calls must use POST');
      const origin = req.headers.origin;
      if (origin === undefined || !allowedHosts.some((h) => origin === `http://${h}`)) {
        return fail(res, 403, 'forbidden', 'API calls are only accepted from this app’s own pages');
      }
      const given = req.headers[API_TOKEN_HEADER];
      if (typeof given !== 'string' || !tokensEqual(given, token)) return fail(res, 403, 'forbidden', 'missing or wrong API token');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return fail(res, 415, 'invalid-payload', 'API calls must send application/json');
      }
      const body = await readBody(req);
      if (body === 'too-large') return fail(res, 413, 'invalid-payload', `request body is larger than ${MAX_BODY_BYTES} bytes`);
      let payload: unknown;
      try {
        payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch (error) {
        return fail(res, 400, 'invalid-payload', `request body is not valid JSON: ${(error as Error).message}`);
      }
      const clientKey = req.headers[CLIENT_KEY_HEADER];
      if (typeof clientKey !== 'string' || !clientKeys.has(clientKey)) return fail(res, 403, 'forbidden', 'missing or unknown client key: reload the page');
      let name: string;
      try {
        name = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return fail(res, 404, 'unknown-call', 'the call name is not valid');
      }
      const result = await options.dispatch(name, payload, { clientKey });
      return sendJson(res, result.ok ? 200 : result.error.code === 'unknown-call' ? 404 : 200, result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const file = await readAppFile(options.rendererDir, url.pathname, (html) => injectToken(html, token, issueClientKey()));
    res.writeHead(file.status, file.headers);
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
