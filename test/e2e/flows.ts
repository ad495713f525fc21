// End-to-end set-up that goes past the shell: the institution, its people and a trainee signed in. The
// institution and people are made through the app's own API from inside the page (the loopback server's
// per-run token and the page's client key from its meta tags, exactly as the app's fetch client sends
// them); the trainee then signs in through the sign-in screen, as at a real station.

import axe from 'axe-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PerspectiveCamera, Vector3 } from 'three';
import type { Page } from 'playwright-core';
import { CAMERA_START } from '../../renderer/studio/scene/camera';
import { REPO_ROOT, saveScreenshot } from './harness';

export const E2E_ADMIN = { name: '陈主任', username: 'admin', password: 'correct horse battery' };

type ApiAnswer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** One API call as this page load: the answer main gives the app. */
export async function callApi<T = unknown>(page: Page, name: string, args: unknown = {}): Promise<ApiAnswer<T>> {
  return page.evaluate(
    async ({ name, args }) => {
      const meta = (n: string) => document.querySelector<HTMLMetaElement>(`meta[name="${n}"]`)?.content ?? '';
      const response = await fetch(`./api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-api-token': meta('microneedle-api-token'), 'x-client-key': meta('microneedle-client-key') },
        body: JSON.stringify(args),
        credentials: 'same-origin',
      });
      return (await response.json()) as ApiAnswer<T>;
    },
    { name, args },
  );
}

async function must<T>(page: Page, name: string, args: unknown = {}): Promise<T> {
  const r = await callApi<T>(page, name, args);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export interface E2ETrainee {
  name: string;
  profession?: 'technician' | 'nurse' | 'physician';
}

const CERTIFICATE_KIND = { technician: 'technician-qualification', nurse: 'nurse-qualification', physician: 'physician-qualification' } as const;
let certificates = 0;

/**
 * Sets up the institution on first use (its administrator signs in on this page load), or signs the
 * administrator in; adds the trainee; signs out. Leaves the page on the app at `url`.
 */
export async function addTrainee(page: Page, url: string, trainee: E2ETrainee): Promise<string> {
  await page.goto(url);
  await page.locator('meta[name="microneedle-client-key"]').waitFor({ state: 'attached' });
  const status = await must<{ setupNeeded: boolean }>(page, 'auth.status');
  if (status.setupNeeded) await must(page, 'auth.setup', { institutionName: '华东微针培训中心', admin: E2E_ADMIN });
  else await must(page, 'auth.signInStaff', { username: E2E_ADMIN.username, password: E2E_ADMIN.password });
  const profession = trainee.profession ?? 'technician';
  const person = await must<{ id: string }>(page, 'people.create', {
    accountRole: 'trainee',
    name: trainee.name,
    profession,
    certificateNumber: `E2E-${Date.now()}-${++certificates}`,
    certificateKind: CERTIFICATE_KIND[profession],
  });
  await must(page, 'auth.signOut');
  return person.id;
}

/** Adds the trainee, then signs them in on the sign-in screen (a fresh page load) and waits for home. */
export async function signInAsNewTrainee(page: Page, url: string, trainee: E2ETrainee): Promise<void> {
  await addTrainee(page, url, trainee);
  await page.goto(url);
  await page.locator('button.profile-choice', { hasText: trainee.name }).click();
  await page.locator('[data-module="roller"]').waitFor();
}

// Working the studio with the mouse, as a hand would.

const meta = JSON.parse(readFileSync(path.join(REPO_ROOT, 'assets/head/head-model.json'), 'utf8')) as { regions: { id: string; centroid: [number, number, number] }[] };
export const centroid = (id: string) => {
  const r = meta.regions.find((x) => x.id === id);
  if (!r) throw new Error(`region ${id} missing from the head model`);
  return r.centroid;
};

/** Page coordinates of a head-frame point seen from the studio's starting camera. */
export async function projector(page: Page, canvasSelector: string): Promise<(p: [number, number, number]) => { x: number; y: number }> {
  const box = await page.locator(canvasSelector).first().boundingBox();
  if (!box) throw new Error('the studio canvas is not visible');
  const camera = new PerspectiveCamera(CAMERA_START.fov, box.width / box.height, CAMERA_START.near, CAMERA_START.far);
  camera.position.set(...CAMERA_START.position);
  camera.lookAt(new Vector3(...CAMERA_START.target));
  camera.updateMatrixWorld();
  return (p) => {
    const v = new Vector3(...p).project(camera);
    return { x: box.x + ((v.x + 1) / 2) * box.width, y: box.y + ((1 - v.y) / 2) * box.height };
  };
}

/**
 * Drags the mouse like a hand on a 125 Hz mouse: trusted mouse events through the browser's input pipeline
 * (DevTools Input domain), each with its device timestamp 8 ms after the last, sent without waiting for the
 * page in between, so a slow software-rendered page receives them as coalesced pointer events, just as a
 * real mouse's events arrive while a frame is being drawn.
 */
let lastMouseTime = 0;
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 40): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // A mouse's clock never runs backwards: a stroke sent faster than its 8 ms steps ends ahead of the wall
  // clock, so the next one starts after it, not at Date.now().
  const t0 = Math.max(Date.now() / 1000, lastMouseTime + 0.008);
  lastMouseTime = t0 + (steps + 2) * 0.008;
  const send = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', x: number, y: number, i: number) =>
    cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: type === 'mouseMoved' ? 0 : 1, timestamp: t0 + i * 0.008 });
  const sent: Promise<unknown>[] = [send('mouseMoved', from.x, from.y, 0), send('mousePressed', from.x, from.y, 1)];
  for (let i = 1; i <= steps; i++) sent.push(send('mouseMoved', from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps, i + 1));
  sent.push(send('mouseReleased', to.x, to.y, steps + 2));
  await Promise.all(sent);
  await cdp.detach();
}


// Checking a studio screen as a user would meet it: axe's serious and critical findings, and Chinese (or
// English) text laid out whole at the smallest and a large window.

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it stands (injected over DevTools, past the CSP). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

export const STUDIO_SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const;

/**
 * Text squeezed into a column a character or so wide (Chinese wrapping one character per line) in badges,
 * chips, buttons, zone names and headings, and headings cut off (wider than their box): described for the
 * failure message.
 */
export async function squeezedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const sel = '.studio h1, .studio h2, .studio h3, .studio .button, .studio-mode-badge, .studio-zone-name, .studio-step-name, .studio-segmented label, .studio-upload, .studio-legend li';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const text = (el.innerText || '').trim();
      const box = el.getBoundingClientRect();
      if (!text || box.width === 0) continue;
      const font = parseFloat(getComputedStyle(el).fontSize) || 16;
      const line = parseFloat(getComputedStyle(el).lineHeight) || font * 1.4;
      // Two or more characters in a box under two characters wide, standing more than two lines tall.
      if (text.length >= 2 && box.width < font * 2 && box.height > line * 2) out.push(`squeezed: ${el.className || el.tagName} "${text.slice(0, 20)}" ${Math.round(box.width)}px wide`);
      if (/^H[1-3]$/.test(el.tagName) && el.scrollWidth > el.clientWidth + 1) out.push(`cut off: ${el.tagName} "${text.slice(0, 20)}"`);
    }
    // Tables and their cells stay inside their panel: a column past its edge is cut off (or scrolls away).
    for (const panel of Array.from(document.querySelectorAll<HTMLElement>('.studio-panel'))) {
      const edge = panel.getBoundingClientRect().right - parseFloat(getComputedStyle(panel).borderRightWidth || '0');
      for (const cell of Array.from(panel.querySelectorAll<HTMLElement>('table, th, td'))) {
        const box = cell.getBoundingClientRect();
        if (box.width > 0 && box.right > edge + 1) out.push(`past the panel's edge: ${cell.tagName} "${(cell.innerText || '').trim().slice(0, 20)}" by ${Math.round(box.right - edge)}px`);
      }
    }
    return out;
  });
}

/** Screenshots of the screen at each studio size (back to 1280x800 after), failing on squeezed or cut-off text and tables past their panel. */
export async function studioShots(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const size of STUDIO_SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(300);
    for (const p of await squeezedText(page)) problems.push(`${name} ${size.width}x${size.height}: ${p}`);
    await saveScreenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return problems;
}

/** The data-testid (or else the accessible label) of the focused element. */
export async function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.getAttribute('aria-label') ?? null;
  });
}

/** A recording from test/fixtures/recordings, as the fixture builder wrote it. */
export function fixtureRecording(name: string): unknown {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'recordings', `${name}.json`), 'utf8'));
}
