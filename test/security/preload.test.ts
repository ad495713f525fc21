// The preload exposes exactly the contract's calls as window.api, nothing else, and its bundle is one
// CommonJS file that requires nothing but electron (a sandboxed preload can require nothing else).

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CALL_NAMES, apiChannel } from '../../core/api/call-names';
import { electronCalls, exposedInMainWorld, ipcMain, resetElectronDouble } from '../doubles/electron';
import { buildElectron } from '../../scripts/build-electron';

const outDir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-electron-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

// The preload runs once, as it would in a renderer; the double records what it exposed.
beforeAll(async () => {
  resetElectronDouble();
  await import('../../electron/preload/preload');
});

function exposedShape(api: unknown): string[] {
  const names: string[] = [];
  for (const [group, methods] of Object.entries(api as Record<string, Record<string, unknown>>)) {
    for (const [method, fn] of Object.entries(methods)) {
      expect(typeof fn, `${group}.${method}`).toBe('function');
      names.push(`${group}.${method}`);
    }
  }
  return names.sort();
}

describe('preload', () => {
  it('exposes only `api`, with exactly the contract’s calls', () => {
    expect(electronCalls.filter((c) => c.method === 'contextBridge.exposeInMainWorld')).toHaveLength(1);
    expect([...exposedInMainWorld.keys()]).toEqual(['api']);
    expect(exposedShape(exposedInMainWorld.get('api'))).toEqual([...API_CALL_NAMES].sort());
  });

  it('sends each call on its own channel with the argument unchanged', async () => {
    ipcMain.handle(apiChannel('people.get'), (_event, args) => ({ ok: true, value: args }));
    const api = exposedInMainWorld.get('api') as { people: { get(a: unknown): Promise<unknown> } };
    await expect(api.people.get({ id: 'p-1' })).resolves.toEqual({ ok: true, value: { id: 'p-1' } });
  });

  it('bundles to a single CommonJS file that requires only electron', async () => {
    expect(await buildElectron(outDir)).toEqual([]);
    expect(readdirSync(outDir).filter((f) => f.endsWith('.js')).sort()).toEqual(['main.js', 'preload.js']);
    const preload = readFileSync(path.join(outDir, 'preload.js'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/\bimport\s*\(|\bexport\s/);
    expect(preload).not.toMatch(/exposeInMainWorld\(\s*["']ipcRenderer/);
    const main = readFileSync(path.join(outDir, 'main.js'), 'utf8');
    expect(main).toMatch(/require\(["']electron["']\)/);
  }, 60_000);
});
