import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRendererBuildStale } from '../../electron/web/renderer-build';

let root: string;
const at = (file: string, seconds: number) => utimesSync(path.join(root, file), seconds, seconds);

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'microneedle-build-check-'));
  mkdirSync(path.join(root, 'renderer', 'screens'), { recursive: true });
  mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
  writeFileSync(path.join(root, 'renderer', 'screens', 'Home.tsx'), 'x');
  writeFileSync(path.join(root, 'index.html'), 'x');
  writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), 'x');
  for (const p of ['renderer/screens/Home.tsx', 'renderer/screens', 'renderer', 'index.html']) at(p, 1_000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('renderer build check', () => {
  it('is fresh when the build is newer than every source', async () => {
    at('dist/renderer/index.html', 2_000);
    expect(await isRendererBuildStale(root)).toBe(false);
  });
  it('is stale when a nested source changed after the build', async () => {
    at('dist/renderer/index.html', 2_000);
    at('renderer/screens/Home.tsx', 3_000);
    expect(await isRendererBuildStale(root)).toBe(true);
  });
  it('is stale when a source was deleted (its folder changed)', async () => {
    at('dist/renderer/index.html', 2_000);
    at('renderer/screens', 3_000);
    expect(await isRendererBuildStale(root)).toBe(true);
  });
  it('is stale when there is no build', async () => {
    rmSync(path.join(root, 'dist'), { recursive: true });
    expect(await isRendererBuildStale(root)).toBe(true);
  });
});
