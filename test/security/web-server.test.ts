// Web mode (`npm run web`): loopback only, and the API answers only this app's own pages: the right
// Host (no DNS rebinding), the right Origin, the per-run token, JSON over POST. Payloads are validated
// exactly as over IPC.

import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../core/api/dispatch';
import { createServiceHandlers, unavailableRecordingPorts } from '../../electron/services';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../electron/main/csp';
import { API_TOKEN_META, MAX_BODY_BYTES, startWebServer, type RunningWebServer } from '../../electron/web/server';
import { parseWebCliOptions } from '../../electron/web/serve';

let base: string;
let server: RunningWebServer;
const TOKEN = 'a'.repeat(64);

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const origin = () => `http://127.0.0.1:${server.port}`;
const goodHeaders = () => ({ Host: `127.0.0.1:${server.port}`, Origin: origin(), 'X-Api-Token': TOKEN, 'Content-Type': 'application/json' });
const call = (name: string, body: unknown, headers: Record<string, string> = goodHeaders()) =>
  request({ method: 'POST', path: `/api/${name}`, headers, body: JSON.stringify(body) });

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'microneedle-web-'));
  const rendererDir = path.join(base, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(path.join(base, 'secret.txt'), 'outside');
  const handlers = await createServiceHandlers({
    dataDir: path.join(base, 'data'),
    recordingPorts: unavailableRecordingPorts,
    appInfo: { productName: { zh: '微针', en: 'Trainer' }, version: '0', shell: 'web', platform: 'linux', locale: 'zh-CN', dataDir: base },
  });
  server = await startWebServer({ rendererDir, dispatch: createDispatcher(handlers), port: 0, token: TOKEN });
});

afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

describe('web server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves the app with the CSP header and the token in the page', async () => {
    const reply = await request({ path: '/', headers: { Host: `127.0.0.1:${server.port}` } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(reply.body).toContain(`<meta name="${API_TOKEN_META}" content="${TOKEN}" />`);
  });

  it('refuses requests for another Host name (DNS rebinding), even for the page', async () => {
    const reply = await request({ path: '/', headers: { Host: `attacker.example:${server.port}` } });
    expect(reply.status).toBe(421);
    expect(reply.body).not.toContain(TOKEN);
    expect((await call('profiles.list', {}, { ...goodHeaders(), Host: `attacker.example:${server.port}` })).status).toBe(421);
  });

  it('refuses path traversal', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const reply = await request({ path: p, headers: { Host: `127.0.0.1:${server.port}` } });
      expect(reply.status, p).toBe(404);
      expect(reply.body).not.toContain('outside');
    }
  });

  it('answers a well-formed call from the app', async () => {
    const reply = await call('profiles.list', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses calls from other origins, without an origin, or without the right token', async () => {
    for (const headers of [
      { ...goodHeaders(), Origin: 'http://evil.example' },
      { ...goodHeaders(), Origin: 'null' },
      { ...goodHeaders(), Origin: `http://127.0.0.1:${server.port + 1}` },
      Object.fromEntries(Object.entries(goodHeaders()).filter(([k]) => k !== 'Origin')),
      { ...goodHeaders(), 'X-Api-Token': 'b'.repeat(64) },
      { ...goodHeaders(), 'X-Api-Token': TOKEN.slice(1) },
      Object.fromEntries(Object.entries(goodHeaders()).filter(([k]) => k !== 'X-Api-Token')),
    ]) {
      const reply = await call('profiles.create', { name: 'Mallory', role: 'nurse', certificateNumber: 'EVIL-1' }, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(JSON.parse((await call('profiles.list', {})).body).value).toEqual([]);
  });

  it('accepts only POSTed JSON (no form posts, which need no CORS preflight)', async () => {
    expect((await request({ method: 'GET', path: '/api/profiles.list', headers: goodHeaders() })).status).toBe(405);
    const form = await call('profiles.list', {}, { ...goodHeaders(), 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
  });

  it('answers bad payloads with typed errors', async () => {
    const broken = await request({ method: 'POST', path: '/api/profiles.create', headers: goodHeaders(), body: '{"name":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const invalid = JSON.parse((await call('profiles.create', { name: 'A', role: 'surgeon', certificateNumber: 'AB-1234' })).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/role' } });
    const unknown = await call('admin.deleteEverything', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('refuses oversized bodies without reading them into memory', async () => {
    const reply = await request({ method: 'POST', path: '/api/sessions.save', headers: goodHeaders(), body: Buffer.alloc(MAX_BODY_BYTES + 1, 32) });
    expect(reply.status).toBe(413);
  });
});

describe('npm run web options', () => {
  it('reads --port, --data-dir and env overrides, and names a bad option', () => {
    expect(parseWebCliOptions(['--port', '0', '--data-dir', '/tmp/x', '--no-build'], {})).toEqual({ port: 0, dataDir: '/tmp/x', build: false });
    expect(parseWebCliOptions(['--port=6000'], { MICRONEEDLE_DATA_DIR: '/data' })).toEqual({ port: 6000, dataDir: '/data', build: true });
    expect(parseWebCliOptions([], { MICRONEEDLE_WEB_PORT: '7000', MICRONEEDLE_DATA_DIR: '/d' }).port).toBe(7000);
    expect(() => parseWebCliOptions(['--port', 'http'], {})).toThrow(/--port: "http" is not a port number/);
    expect(() => parseWebCliOptions([], { MICRONEEDLE_WEB_PORT: '99999' })).toThrow(/MICRONEEDLE_WEB_PORT/);
    expect(() => parseWebCliOptions(['--host', '0.0.0.0'], {})).toThrow(/unknown option --host/);
    expect(() => parseWebCliOptions(['--data-dir'], {})).toThrow(/--data-dir needs a value/);
  });
});
