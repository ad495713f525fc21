// For tests: a small loopback xAPI statements endpoint (node:http). Modes: 'accept' stores and answers
// 200 with the ids; 'reject' answers 400; 'timeout' never answers; 'down' closes the port (reopened on
// the same port by the next mode). It checks the version header and Basic auth, stores statements by id,
// answers 409 to a conflicting statement under a stored id and accepts an identical resend, and counts
// how often each id was received. GET /statements reads them back (one by statementId, or all).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type LrsMode = 'accept' | 'reject' | 'timeout' | 'down';

export interface LoopbackLrs {
  /** http://127.0.0.1:<port>/xapi/ */
  readonly endpoint: string;
  readonly username: string;
  readonly password: string;
  mode(): LrsMode;
  setMode(mode: LrsMode): Promise<void>;
  /** Answer 400 to any batch holding one of these ids (in 'accept' mode). */
  refuseIds: Set<string>;
  /** Wait this long after storing a batch before answering (a slow LRS). */
  delayMs: number;
  /** The stored statements by id. */
  stored(): Map<string, Record<string, unknown>>;
  /** How often each statement id was received (in any POST, stored or not). */
  receipts(): Map<string, number>;
  /** Every POST's answer status, in order (timeouts never get one). */
  answers: number[];
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body?: unknown) => {
  res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
};

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startLrsServer(options: { username?: string; password?: string; mode?: LrsMode } = {}): Promise<LoopbackLrs> {
  const username = options.username ?? 'lrs-key';
  const password = options.password ?? 'lrs-secret 密码';
  let mode: LrsMode = options.mode ?? 'accept';
  const stored = new Map<string, Record<string, unknown>>();
  const receipts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const answers: number[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  let port = 0;

  const lrs: LoopbackLrs = {
    get endpoint() {
      return `http://127.0.0.1:${port}/xapi/`;
    },
    username,
    password,
    mode: () => mode,
    setMode: async (next) => {
      const wasDown = mode === 'down';
      mode = next;
      if (next === 'down' && !wasDown) await closeServer();
      if (next !== 'down' && wasDown) await listen(port);
    },
    refuseIds: new Set(),
    delayMs: 0,
    stored: () => stored,
    receipts: () => receipts,
    answers,
    close: async () => {
      if (mode !== 'down') await closeServer();
      mode = 'down';
    },
  };

  const answer = (res: ServerResponse, status: number, body?: unknown) => {
    answers.push(status);
    send(res, status, body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/xapi/statements') return send(res, 404, { error: 'no such resource' });
    if (req.headers['x-experience-api-version'] !== '1.0.3') return send(res, 400, { error: 'X-Experience-API-Version 1.0.3 is required' });
    if (req.headers.authorization !== expectedAuth) return send(res, 401, { error: 'bad credentials' });
    if (req.method === 'GET') {
      const id = url.searchParams.get('statementId');
      if (id) return stored.has(id) ? send(res, 200, stored.get(id)) : send(res, 404, { error: `no statement ${id}` });
      return send(res, 200, { statements: [...stored.values()], more: '' });
    }
    if (req.method !== 'POST' && req.method !== 'PUT') return send(res, 405, { error: 'GET, POST or PUT' });
    const text = await bodyOf(req);
    if (mode === 'timeout') return; // never answers; the socket is destroyed on close
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return answer(res, 400, { error: 'not JSON' });
    }
    const batch = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[];
    const putId = req.method === 'PUT' ? url.searchParams.get('statementId') : null;
    for (const s of batch) {
      const id = putId ?? (s.id as string | undefined);
      if (typeof id === 'string') receipts.set(id, (receipts.get(id) ?? 0) + 1);
    }
    if (mode === 'reject') return answer(res, 400, { error: 'rejected (test mode)' });
    if (batch.some((s) => typeof s.id !== 'string')) return answer(res, 400, { error: 'every statement needs an id here' });
    if (batch.some((s) => lrs.refuseIds.has(s.id as string))) return answer(res, 400, { error: 'a statement in this batch is refused' });
    const conflicting = batch.find((s) => stored.has(s.id as string) && JSON.stringify(stored.get(s.id as string)) !== JSON.stringify(s));
    if (conflicting) return answer(res, 409, { error: `statement ${String(conflicting.id)} exists with other content` });
    for (const s of batch) if (!stored.has(s.id as string)) stored.set(s.id as string, s);
    if (lrs.delayMs) await new Promise((r) => setTimeout(r, lrs.delayMs));
    if (putId) return answer(res, 204);
    return answer(res, 200, batch.map((s) => s.id));
  };

  let server = createServer();
  const listen = (at: number) =>
    new Promise<void>((resolve, reject) => {
      server = createServer((req, res) => void handle(req, res).catch(() => send(res, 500, { error: 'test LRS failed' })));
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.once('error', reject);
      server.listen(at, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const closeServer = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  await listen(0);
  if (mode === 'down') await closeServer();
  return lrs;
}
