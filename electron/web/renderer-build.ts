// Builds dist/renderer only when its inputs changed since the last build. `npm run web` and the e2e
// harness share it; a lock file keeps two processes from building into the same folder at once.

import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const RENDERER_OUT_DIR = 'dist/renderer';
/** Everything the renderer bundle is made from. */
const INPUTS = ['renderer', 'core', 'assets', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'];
const LOCK_FILE = 'dist/.renderer-build.lock';
const LOCK_STALE_MS = 10 * 60_000;

async function newestMtimeMs(target: string): Promise<number> {
  let stat;
  try {
    stat = await fs.stat(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of await fs.readdir(target)) newest = Math.max(newest, await newestMtimeMs(path.join(target, entry)));
  return newest;
}

export async function isRendererBuildStale(root: string): Promise<boolean> {
  let builtAt: number;
  try {
    builtAt = (await fs.stat(path.join(root, RENDERER_OUT_DIR, 'index.html'))).mtimeMs;
  } catch {
    return true;
  }
  let newestInput = 0;
  for (const input of INPUTS) newestInput = Math.max(newestInput, await newestMtimeMs(path.join(root, input)));
  return newestInput > builtAt;
}

function runViteBuild(root: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // vite.config.ts loads through Vite's bundling loader; its note about the future native loader is noise here.
      // NODE_ENV is forced: under vitest it is 'test', which would bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) {
        if (output.trim() !== '') log(output.trim());
        resolve();
      } else reject(new Error(`vite build failed (exit ${code}):\n${output}`));
    });
  });
}

async function acquireLock(file: string): Promise<() => Promise<void>> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  for (;;) {
    try {
      const handle = await fs.open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => fs.rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const stat = await fs.stat(file).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > LOCK_STALE_MS) await fs.rm(file, { force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Builds the renderer if it is missing or older than its sources. Returns whether it built. */
export async function ensureRendererBuilt(root: string, log: (line: string) => void = () => {}): Promise<boolean> {
  if (!(await isRendererBuildStale(root))) return false;
  const release = await acquireLock(path.join(root, LOCK_FILE));
  try {
    // Another process may have built it while we waited for the lock.
    if (!(await isRendererBuildStale(root))) return false;
    log('building the renderer (vite build)…');
    await runViteBuild(root, log);
    return true;
  } finally {
    await release();
  }
}
