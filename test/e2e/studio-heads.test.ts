// The head a session is shown, recorded and scored on follows its case (issue 11 §3): the set-up's male case
// shows the man's head, the session runs on it, its debrief replays on it, and the score's provenance names
// that head's model. Chromium against `npm run web`.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAsNewTrainee } from './flows';
import { buildRendererOnce, collectPageErrors, launchBrowser, openModule, REPO_ROOT, startWebApp, type BrowserSession, type WebApp } from './harness';

const sha = (file: string) => (JSON.parse(readFileSync(path.join(REPO_ROOT, 'assets/head', file), 'utf8')) as { binary: { sha256: string } }).binary.sha256;

describe('the head follows the case', () => {
  let app: WebApp | undefined;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    await buildRendererOnce();
    app = await startWebApp();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("the set-up shows the woman's head for a woman's case, and a male case is run and scored on the man's", async () => {
    browser = await launchBrowser({ locale: 'en-US' });
    const { page } = browser;
    const errors = collectPageErrors(page);
    await signInAsNewTrainee(page, app!.url, { name: 'Head Trainee' });
    await openModule(page, 'roller');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    const stage = page.locator('.studio-stage');
    // The first scenario is a woman's case.
    expect(await stage.getAttribute('data-head')).toBe('female');
    await page.getByTestId('scenario-select').selectOption('roller-cheeks-scars'); // a 27-year-old man
    await expect.poll(() => stage.getAttribute('data-head')).toBe('male');
    await page.getByTestId('start-session').click();
    expect(await stage.getAttribute('data-head')).toBe('male');
    await page.getByTestId('end-session').click();
    // Ending at once asks nothing more of a session with no contact; the debrief replays on the same head.
    await page.getByTestId('debrief-title').waitFor({ timeout: 90_000 });
    expect(await page.locator('.studio-replay').getAttribute('data-head')).toBe('male');
    // Main scored it on the man's head: the provenance for examiners names that head model's hash.
    await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toContain(sha('head-model-male.json').slice(0, 8));
    expect(errors).toEqual([]);
  }, 240_000);
});
