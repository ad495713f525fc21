// The web transport: same API shape as window.api, the per-run token from the page, typed errors when
// the server is unreachable or answers without a result.

import { afterEach, describe, expect, it } from 'vitest';
import { API_CALL_NAMES } from '../../core/api/call-names';
import { API_TOKEN_HEADER, API_TOKEN_META, CLIENT_KEY_HEADER, CLIENT_KEY_META, createFetchApi, unwrap, ApiCallError } from '../../renderer/api/client';
import { API_TOKEN_HEADER as SERVER_TOKEN_HEADER, API_TOKEN_META as SERVER_TOKEN_META } from '../../electron/web/server';

afterEach(() => document.head.querySelectorAll('meta').forEach((m) => m.remove()));

describe('renderer API client (web transport)', () => {
  it('agrees with the server on the token meta name and header', () => {
    expect(API_TOKEN_META).toBe(SERVER_TOKEN_META);
    expect(API_TOKEN_HEADER).toBe(SERVER_TOKEN_HEADER);
  });

  it('POSTs JSON to ./api/<call> with the page’s token and returns the server’s result', async () => {
    const meta = document.createElement('meta');
    meta.name = API_TOKEN_META;
    meta.content = 'tok-123';
    const client = document.createElement('meta');
    client.name = CLIENT_KEY_META;
    client.content = 'page-7';
    document.head.append(meta, client);
    const seen: { url: string; init: RequestInit }[] = [];
    const api = createFetchApi(async (url, init) => {
      seen.push({ url: String(url), init: init ?? {} });
      return new Response(JSON.stringify({ ok: true, value: [] }), { headers: { 'Content-Type': 'application/json' } });
    });
    await expect(api.auth.chooser()).resolves.toEqual({ ok: true, value: [] });
    expect(seen[0].url).toBe('./api/auth.chooser');
    expect(seen[0].init.method).toBe('POST');
    expect((seen[0].init.headers as Record<string, string>)[API_TOKEN_HEADER]).toBe('tok-123');
    // The page load's client key: main binds the sign-in to it.
    expect((seen[0].init.headers as Record<string, string>)[CLIENT_KEY_HEADER]).toBe('page-7');
    expect(seen[0].init.body).toBe('{}');
    const groups = Object.entries(api as unknown as Record<string, Record<string, unknown>>).flatMap(([g, m]) => Object.keys(m).map((k) => `${g}.${k}`));
    expect(groups.sort()).toEqual([...API_CALL_NAMES].sort());
  });

  it('turns a network failure or a non-JSON answer into a typed error', async () => {
    const offline = createFetchApi(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(offline.settings.get()).resolves.toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    const broken = createFetchApi(async () => new Response('<html>502</html>', { status: 502 }));
    await expect(broken.settings.get()).resolves.toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('502') } });
  });

  it('unwrap() throws the typed error for callers that cannot go on', async () => {
    await expect(unwrap(Promise.resolve({ ok: true as const, value: 3 }))).resolves.toBe(3);
    const failure = unwrap(Promise.resolve({ ok: false as const, error: { code: 'not-found' as const, message: 'gone' } }));
    await expect(failure).rejects.toBeInstanceOf(ApiCallError);
    await expect(failure).rejects.toMatchObject({ error: { code: 'not-found' } });
  });
});
