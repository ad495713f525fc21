// Web mode (`npm run web`): loopback only, and the API answers only this app's own pages: the right
// Host (no DNS rebinding), the right Origin, the per-run token, JSON over POST. Payloads are validated
// exactly as over IPC.

import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, memoryStorage, type AppServices } from '../../electron/services';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../electron/main/csp';
import { API_TOKEN_META, CLIENT_KEY_META, MAX_BODY_BYTES, startWebServer, type RunningWebServer } from '../../electron/web/server';
import { FAST_HASHER, standInScoring, TEST_APP_INFO } from '../helpers/training-services';
import { parseWebCliOptions } from '../../electron/web/serve';

let base: string;
let server: RunningWebServer;
let services: AppServices;
let clientKey = '';
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
const goodHeaders = (key = clientKey) => ({ Host: `127.0.0.1:${server.port}`, Origin: origin(), 'X-Api-Token': TOKEN, 'X-Client-Key': key, 'Content-Type': 'application/json' });
/** Loads the page as a browser would and reads the client key main issued to this page load. */
async function pageClientKey(): Promise<string> {
  const page = await request({ path: '/', headers: { Host: `127.0.0.1:${server.port}` } });
  const m = new RegExp(`<meta name="${CLIENT_KEY_META}" content="([^"]+)"`).exec(page.body);
  if (!m) throw new Error('no client key in the page');
  return m[1];
}
const call = (name: string, body: unknown, headers: Record<string, string> = goodHeaders()) =>
  request({ method: 'POST', path: `/api/${name}`, headers, body: JSON.stringify(body) });

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), 'microneedle-web-'));
  const rendererDir = path.join(base, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(path.join(base, 'secret.txt'), 'outside');
  services = await createServices({ storage: memoryStorage(), appInfo: TEST_APP_INFO, scoring: standInScoring(), hasher: FAST_HASHER });
  server = await startWebServer({ rendererDir, dispatch: services.dispatch, port: 0, token: TOKEN });
  clientKey = await pageClientKey();
});

afterAll(async () => {
  await server.close();
  services.dispose();
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
    expect((await call('auth.chooser', {}, { ...goodHeaders(), Host: `attacker.example:${server.port}` })).status).toBe(421);
  });

  it('refuses path traversal', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const reply = await request({ path: p, headers: { Host: `127.0.0.1:${server.port}` } });
      expect(reply.status, p).toBe(404);
      expect(reply.body).not.toContain('outside');
    }
  });

  it('answers a well-formed call from the app', async () => {
    const reply = await call('auth.chooser', {});
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
      // A client key main never issued, or none at all.
      goodHeaders('page:' + 'c'.repeat(48)),
      Object.fromEntries(Object.entries(goodHeaders()).filter(([k]) => k !== 'X-Client-Key')),
    ]) {
      const reply = await call('auth.setup', { institutionName: 'Mallory Academy', admin: { name: 'Mallory', username: 'mallory', password: 'mallory password' } }, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(JSON.parse((await call('auth.status', {})).body).value).toMatchObject({ setupNeeded: true, signedIn: null });
  });

  it('accepts only POSTed JSON (no form posts, which need no CORS preflight)', async () => {
    expect((await request({ method: 'GET', path: '/api/auth.chooser', headers: goodHeaders() })).status).toBe(405);
    const form = await call('auth.chooser', {}, { ...goodHeaders(), 'Content-Type': 'text/plain' });
    expect(form.status).toBe(415);
  });

  it('answers bad payloads with typed errors', async () => {
    const broken = await request({ method: 'POST', path: '/api/auth.setup', headers: goodHeaders(), body: '{"name":' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const invalid = JSON.parse((await call('auth.setup', { institutionName: 'A', admin: { name: 'A', username: 'x', password: 'long enough password' } })).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/admin/username' } });
    const unknown = await call('admin.deleteEverything', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('refuses oversized bodies without reading them into memory', async () => {
    const reply = await request({ method: 'POST', path: '/api/sessions.import', headers: goodHeaders(), body: Buffer.alloc(MAX_BODY_BYTES + 1, 32) });
    expect(reply.status).toBe(413);
  });
});

describe('sign-ins per page load', () => {
  it('binds a sign-in to the page load that made it: another page of the same server is not signed in', async () => {
    const adminPage = await pageClientKey();
    const otherPage = await pageClientKey();
    expect(otherPage).not.toBe(adminPage);
    const setup = JSON.parse((await call('auth.setup', { institutionName: '华东微针培训中心', admin: { name: '陈主任', username: 'admin', password: 'correct horse battery' } }, goodHeaders(adminPage))).body);
    expect(setup).toMatchObject({ ok: true, value: { accountRole: 'admin' } });
    expect(JSON.parse((await call('auth.status', {}, goodHeaders(adminPage))).body).value.signedIn).toMatchObject({ accountRole: 'admin' });
    expect(JSON.parse((await call('auth.status', {}, goodHeaders(otherPage))).body).value.signedIn).toBeNull();
    expect(JSON.parse((await call('audit.verify', {}, goodHeaders(otherPage))).body)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(JSON.parse((await call('audit.verify', {}, goodHeaders(adminPage))).body)).toMatchObject({ ok: true, value: { ok: true } });
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
    expect(parseWebCliOptions(['--exams-dir', '/srv/exams'], { MICRONEEDLE_DATA_DIR: '/d' })).toMatchObject({ examsDir: '/srv/exams' });
  });
});
