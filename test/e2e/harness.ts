// End-to-end harness: the real `npm run web` server as a child process on a free loopback port, and
// Debian's Chromium driven by playwright-core. Any e2e file can use it; the renderer is built at most
// once per run (and not at all when dist/renderer is newer than its sources).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { ensureRendererBuilt } from '../../electron/web/renderer-build';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-output', 'screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

let rendererBuild: Promise<boolean> | null = null;

/** Builds dist/renderer if stale; shared by every e2e file in this process (and skipped across processes when fresh). */
export function buildRendererOnce(): Promise<boolean> {
  rendererBuild ??= ensureRendererBuilt(REPO_ROOT, (line) => console.log(`[renderer build] ${line}`));
  return rendererBuild;
}

export interface WebApp {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a power cut: no shutdown code runs. */
  kill(): Promise<void>;
}

// Data dirs this harness made. A test may restart the server on the same dir (persistence checks), so they
// outlive stop() and are removed after the importing test file's last test (vitest workers may not see 'exit').
const createdDataDirs = new Set<string>();
afterAll(() => {
  for (const dir of createdDataDirs) rmSync(dir, { recursive: true, force: true });
  createdDataDirs.clear();
});

/** Starts `electron/web/serve.ts` (what `npm run web` runs) with a data dir (a fresh temp dir by default). */
export async function startWebApp(options: { dataDir?: string; clockOffsetFile?: string; examsDir?: string } = {}): Promise<WebApp> {
  await buildRendererOnce();
  let dataDir = options.dataDir;
  if (!dataDir) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-e2e-data-'));
    createdDataDirs.add(dataDir);
  }
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'electron', 'web', 'serve.ts'), '--port', '0', '--data-dir', dataDir, '--no-build', ...(options.clockOffsetFile ? ['--clock-offset-file', options.clockOffsetFile] : []), ...(options.examsDir ? ['--exams-dir', options.examsDir] : [])],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MICRONEEDLE_WEB_PORT: undefined } },
  );
  const url = await waitForUrl(child);
  return {
    url,
    dataDir,
    stop: () => stopChild(child),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the web server did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the web server exited (code ${code}) before it was ready:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium with a fresh profile directory; `locale` sets navigator.language (default zh-CN). */
export async function launchBrowser(options: { locale?: string } = {}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: options.locale ?? 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Writes test-output/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9_.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Collects uncaught page errors and console errors (CSP violations show up here), for asserting none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Opens a module tile on the home screen by id: roller, rf, nano, records (the others are not yet available). */
export async function openModule(page: Page, module: 'roller' | 'rf' | 'nano' | 'records'): Promise<void> {
  await page.locator(`[data-module="${module}"] button`).click();
}
