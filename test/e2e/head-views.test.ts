// The two shipped heads as a trainee sees them (issue 11 §3), rendered in Chromium with the studio's own head
// mesh, eyeballs and lights from the front, the side, three-quarter and the top: each view shows the head, the
// front views are left-right balanced, the eyeballs show in the open fissures (a dark iris at each cornea), and
// the crown bears hair. The page is test/e2e/head-views/, served by Vite; screenshots go to test-output.

import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAD_VARIANT_IDS } from '../../core/head-model/variants';
import { launchBrowser, REPO_ROOT, saveScreenshot, type BrowserSession } from './harness';

const VIEWS = ['front', 'side', 'three-quarter', 'top'] as const;
let server: ViteDevServer;
let browser: BrowserSession;
let base = '';

beforeAll(async () => {
  server = await createServer({ root: REPO_ROOT, configFile: path.join(REPO_ROOT, 'vite.config.ts'), server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  await server.listen();
  const address = server.httpServer!.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchBrowser({ locale: 'en-US' });
  await browser.page.setViewportSize({ width: 900, height: 900 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Stats {
  /** Share of pixels that are not the background. */
  covered: number;
  /** Mean luminance of the left and right halves of the head's pixels. */
  leftMean: number;
  rightMean: number;
  /** Luminance at a few screen points. */
  at: Record<string, number>;
}

async function viewStats(points: Record<string, string | null>): Promise<Stats> {
  return browser.page.evaluate((pts) => {
    const gl = document.querySelector('canvas')!;
    const c = document.createElement('canvas');
    c.width = gl.clientWidth;
    c.height = gl.clientHeight;
    const g = c.getContext('2d')!;
    g.drawImage(gl, 0, 0, c.width, c.height);
    const { data, width, height } = g.getImageData(0, 0, c.width, c.height);
    const lum = (i: number) => (0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]) / 255;
    let covered = 0;
    let left = 0, leftN = 0, right = 0, rightN = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * 4;
        // The background is #e9eff0.
        if (Math.abs(data[i] - 0xe9) + Math.abs(data[i + 1] - 0xef) + Math.abs(data[i + 2] - 0xf0) < 12) continue;
        covered++;
        if (x < width / 2) [left, leftN] = [left + lum(i), leftN + 1];
        else [right, rightN] = [right + lum(i), rightN + 1];
      }
    }
    const at: Record<string, number> = {};
    for (const [name, xy] of Object.entries(pts)) {
      if (!xy) continue;
      const [x, y] = xy.split(',').map(Number);
      // The darkest pixel within 2 px (the pupil is a few pixels across at this distance).
      let darkest = 1;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) darkest = Math.min(darkest, lum(((y + dy) * width + (x + dx)) * 4));
      at[name] = darkest;
    }
    return { covered: covered / (width * height), leftMean: left / leftN, rightMean: right / rightN, at };
  }, points);
}

describe.each(HEAD_VARIANT_IDS)('the %s head', (variant) => {
  it.each(VIEWS)('shows from the %s', async (view) => {
    const page = browser.page;
    await page.goto(`${base}/test/e2e/head-views/index.html?variant=${variant}&view=${view}`);
    await page.waitForSelector('body[data-ready="1"], #error', { timeout: 90_000 });
    expect(await page.locator('#error').count()).toBe(0);
    await page.waitForTimeout(500);
    await saveScreenshot(page, `head-${variant}-${view}`);
    const attr = (name: string) => page.evaluate((n) => document.body.getAttribute(n), name);
    const stats = await viewStats({ corneaLeft: await attr('data-cornea-left'), corneaRight: await attr('data-cornea-right'), vertex: await attr('data-vertex') });
    // The head and shoulders fill a good part of the picture, and are lit (not black).
    expect(stats.covered).toBeGreaterThan(0.15);
    expect(stats.leftMean).toBeGreaterThan(0.2);
    if (view === 'front') {
      // Left and right are mirror images under lights that differ a little from side to side.
      expect(Math.abs(stats.leftMean - stats.rightMean)).toBeLessThan(0.08);
      // Each cornea shows the dark iris and pupil: the eyeballs are there and the lids are open.
      expect(stats.at.corneaLeft).toBeLessThan(0.2);
      expect(stats.at.corneaRight).toBeLessThan(0.2);
    }
    if (view === 'top') expect(stats.at.vertex).toBeLessThan(0.2); // hair on the crown
  }, 120_000);
});
