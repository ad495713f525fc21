// The practice studio end to end in Chromium against `npm run web`: an institution with trainees signed in
// at the station (test/e2e/flows.ts), roller strokes with the mouse across the forehead in several
// directions, then the debrief with the findings main stored; RF pulses in zones; a nano dwell; a session
// stored without pressing anything and reopened from My records with the same score; screenshots of the
// studio (learn mode, heat map) and of the debrief in Chinese and English. Each screen (set-up, running
// session, debrief) is scanned with axe-core (serious or critical findings fail) and shot at 1024x700 and
// 1920x1080 with no text squeezed one character per line or cut off; keyboard focus follows the steps.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, centroid, drag, focused, projector, seriousAxeViolations, signInAsNewTrainee, squeezedText, studioShots } from './flows';
import { buildRendererOnce, collectPageErrors, launchBrowser, openModule, REPO_ROOT, saveScreenshot, startWebApp, type BrowserSession, type WebApp } from './harness';

describe('the practice studio in Chromium (web mode)', () => {
  let app: WebApp | undefined;
  let browser: BrowserSession | undefined;
  /** The recording the roller test exports; the last test opens it from a file. */
  const exported = path.join(REPO_ROOT, 'test-output', 'e2e-exported-recording.json');

  beforeAll(async () => {
    await buildRendererOnce();
    app = await startWebApp();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('rolls the forehead in three of the 米 directions with the mouse and finds matching findings in the debrief (zh)', async () => {
    browser = await launchBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    const errors = collectPageErrors(page);
    await signInAsNewTrainee(page, app!.url, { name: '测试学员' });
    const opened = Date.now();
    await openModule(page, 'roller');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    // Time to interactive: the studio chunk loaded, the head fetched and decoded, its BVH built.
    const interactiveMs = Date.now() - opened;
    mkdirSync(path.join(REPO_ROOT, 'test-output'), { recursive: true });
    writeFileSync(path.join(REPO_ROOT, 'test-output', 'studio-timing.json'), JSON.stringify({ studioInteractiveMs: interactiveMs, browser: 'headless Chromium, SwiftShader WebGL' }, null, 2));
    console.log(`studio interactive after ${interactiveMs} ms`);
    const problems: string[] = [];
    expect(await seriousAxeViolations(page)).toEqual([]);
    problems.push(...(await studioShots(page, 'studio-roller-setup-zh')));
    await page.getByTestId('start-session').click();
    // Focus goes to the first step, then on to the next step after each one (Enter presses it).
    await expect.poll(() => focused(page)).toBe('step-take-history');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('step-examine');
    for (const step of ['examine', 'consent', 'cleanse', 'photograph', 'anaesthesia', 'cleanse-again', 'disinfect']) {
      await page.getByTestId(`step-${step}`).click();
    }
    expect(await focused(page)).toBe('step-wipe-blood');
    const at = await projector(page, '.studio-stage canvas');
    const [fx, fy, fz] = centroid('forehead');
    const c = at([fx, fy, fz]);
    const left = at([fx - 30, fy, fz - 8]);
    const right = at([fx + 30, fy, fz - 8]);
    const top = at([fx, fy + 18, fz - 6]);
    const bottom = at([fx, fy - 14, fz]);
    // Horizontal, vertical and "/" strokes; never "\": the 米 pattern (8.2) stays incomplete.
    for (let i = 0; i < 2; i++) {
      await drag(page, left, right);
      await drag(page, top, bottom);
      await drag(page, { x: c.x - 25, y: c.y + 15 }, { x: c.x + 25, y: c.y - 15 });
    }
    await page.getByTestId('view-directions').check();
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'studio-roller-learn-directions-zh');
    await page.getByTestId('view-passes').check();
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'studio-roller-learn-heatmap-zh');
    // The raw sample count is recorded but never shown to the trainee.
    const counts = await page.getByTestId('event-counts').textContent();
    expect(Number(counts)).toBeGreaterThan(50);
    expect(await page.getByTestId('event-counts').isVisible()).toBe(false);
    expect(await page.locator('.studio-bar').innerText()).not.toMatch(/采样|\d{2,}/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    problems.push(...(await studioShots(page, 'studio-roller-running-zh')));
    // The main action while running is the primary button; Back is secondary.
    expect(await page.getByTestId('end-session').getAttribute('class')).toContain('primary');
    expect(await page.getByTestId('studio-exit').getAttribute('class')).not.toContain('primary');
    await page.getByTestId('end-session').click();
    await page.getByTestId('debrief').waitFor();
    await expect.poll(() => focused(page)).toBe('debrief-title');
    await page.getByTestId('findings').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('new-session').getAttribute('class')).toContain('primary');
    expect(await page.getByTestId('export-session').getAttribute('class')).not.toContain('primary');
    const clauses = await page.locator('[data-clause]').evaluateAll((els) => els.map((e) => e.getAttribute('data-clause')));
    const rules = await page.locator('[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    // What it did wrong: no "\" strokes (8.2 米 pattern), no aftercare talk (12.2), no blood wiping (8.3).
    expect(rules).toContain('roller-cross-pattern');
    expect(clauses).toEqual(expect.arrayContaining(['8.2', '12.2']));
    // What it did right: the 8.1 preparation in order, a forehead needle in range (8.5.5), consent (7.3).
    expect(rules).not.toContain('roller-preparation');
    expect(rules).not.toContain('roller-needle-forehead');
    expect(rules).not.toContain('consent-before-treatment');
    await page.waitForTimeout(1000);
    await saveScreenshot(page, 'studio-roller-debrief-zh');
    expect(await seriousAxeViolations(page)).toEqual([]);
    problems.push(...(await studioShots(page, 'studio-roller-debrief-zh')));
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  }, 400_000);

  it('fires RF pulses in a zone with too deep a setting and finds the depth finding (en)', async () => {
    await browser?.close();
    browser = await launchBrowser({ locale: 'en-US' });
    const { page } = browser;
    const errors = collectPageErrors(page);
    await signInAsNewTrainee(page, app!.url, { name: 'RF Trainee', profession: 'physician' });
    await openModule(page, 'rf');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    const problems = await studioShots(page, 'studio-rf-setup-en');
    await page.getByTestId('start-session').click();
    // Zones go by their regions' names, and each step button names its step and zone.
    await page.getByTestId('step-disinfect-zone-1').waitFor();
    const zoneNames = await page.getByTestId('zone-name').allInnerTexts();
    expect(zoneNames.length).toBeGreaterThanOrEqual(2);
    expect(zoneNames.join(' ')).not.toMatch(/zone-\d/i);
    expect(await page.getByTestId('step-disinfect-zone-1').getAttribute('aria-label')).toBe(`Done: Disinfect (${zoneNames[0]})`);
    const stepNames = await page.locator('button[data-step-button]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(new Set(stepNames).size).toBe(stepNames.length);
    // RF opens in its own display, pulse coverage, with its own legend.
    expect(await page.getByTestId('view-rf').isChecked()).toBe(true);
    expect(await page.getByTestId('legend').innerText()).toContain('1 pulse');
    for (const step of ['take-history', 'examine', 'consent', 'cleanse', 'photograph', 'anaesthesia']) await page.getByTestId(`step-${step}`).click();
    for (const step of ['remove-anaesthetic', 'cleanse-again', 'disinfect', 'treat-start']) await page.getByTestId(`step-${step}-zone-1`).click();
    await page.getByTestId('rf-depth').selectOption('3');
    const at = await projector(page, '.studio-stage canvas');
    const [fx, fy, fz] = centroid('forehead');
    let fired = 0;
    for (const dx of [-16, -8, 0, 8, 16]) {
      for (const dy of [-6, 4]) {
        const p = at([fx + dx, fy + dy, fz - Math.abs(dx) * 0.3]);
        await page.mouse.click(p.x, p.y);
        fired++;
      }
    }
    await page.getByTestId('step-treat-end-zone-1').click();
    await expect.poll(async () => page.getByTestId('event-counts').innerText()).toBe(`${fired} pulses`);
    // Learn mode warns at once: 3 mm is deeper than the forehead's 0.5-1.5 mm (9.6.5).
    expect(await page.getByTestId('live-warnings').innerText()).toContain('Clause 9.6.5');
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'studio-rf-learn-coverage-en');
    expect(await seriousAxeViolations(page)).toEqual([]);
    problems.push(...(await studioShots(page, 'studio-rf-running-en')));
    await page.getByTestId('end-session').click();
    await page.getByTestId('findings').waitFor({ timeout: 60_000 });
    const rules = await page.locator('[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules).toContain('rf-depth-face');
    expect(rules).not.toContain('rf-zone-count');
    await page.waitForTimeout(1000);
    await saveScreenshot(page, 'studio-rf-debrief-en');
    expect(await page.getByTestId('findings').innerText()).not.toMatch(/zone-\d/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    problems.push(...(await studioShots(page, 'studio-rf-debrief-en')));
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  }, 400_000);

  it('stores a roller session without anything pressed, exports it, reopens it from My records with the same score, and replays it (en)', async () => {
    await browser?.close();
    browser = await launchBrowser({ locale: 'en-US' });
    const { page } = browser;
    const errors = collectPageErrors(page);
    await signInAsNewTrainee(page, app!.url, { name: 'Roller Trainee', profession: 'nurse' });
    await openModule(page, 'roller');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    await page.getByTestId('start-session').click();
    const at = await projector(page, '.studio-stage canvas');
    const [fx, fy, fz] = centroid('forehead');
    const c = at([fx, fy, fz]);
    for (let row = -1; row <= 1; row++) {
      await drag(page, at([fx - 25, fy + row * 10, fz - 6]), at([fx + 25, fy + row * 10, fz - 6]));
    }
    await drag(page, { x: c.x - 22, y: c.y + 14 }, { x: c.x + 22, y: c.y - 14 });
    await drag(page, { x: c.x - 22, y: c.y - 14 }, { x: c.x + 22, y: c.y + 14 });
    await page.getByTestId('view-passes').check();
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'studio-roller-learn-heatmap-en');
    // The English progress table (four columns, the longest headings) fits its panel at every size.
    expect(await squeezedText(page)).toEqual([]);
    expect(await studioShots(page, 'studio-roller-learn-heatmap-en')).toEqual([]);
    // The events stream to main as the session runs.
    await expect.poll(async () => page.getByTestId('upload-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
    await page.getByTestId('end-session').click();
    await page.getByTestId('score').waitFor({ timeout: 60_000 });
    const score = await page.locator('.studio-score-value').innerText();
    // Stored by main when the session ended: nothing to press.
    expect(await page.getByTestId('attempt-storage').innerText()).toContain('Stored in the training file automatically');
    expect(await page.getByTestId('attempt-kind').innerText()).toBe('Practice');
    expect(await page.getByTestId('save-session').count()).toBe(0);
    const list = await callApi<{ items: { status: string; kind: string; score: number | null }[] }>(page, 'sessions.list', {});
    expect(list.ok && list.value.items[0]).toMatchObject({ status: 'finished', kind: 'practice' });
    if (list.ok) expect(String(Math.round(list.value.items[0].score!))).toBe(score);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-session').click()]);
    mkdirSync(path.join(REPO_ROOT, 'test-output'), { recursive: true });
    await download.saveAs(exported);
    // The replay plays from the start and moves the device over the head.
    await page.getByTestId('replay-play').click();
    await page.waitForTimeout(2500);
    expect(await page.getByTestId('replay-time').innerText()).not.toMatch(/^0:00 \//);
    await saveScreenshot(page, 'studio-roller-debrief-en');
    await page.getByRole('button', { name: 'Back' }).click();
    await openModule(page, 'records');
    await page.getByRole('button', { name: 'Open' }).first().click();
    await page.getByTestId('score').waitFor({ timeout: 60_000 });
    // The stored report, not scored again: the same score, with what it was computed with.
    expect(await page.locator('.studio-score-value').innerText()).toBe(score);
    expect(await page.getByTestId('attempt-storage').innerText()).toContain('Stored in the training file');
    expect(await page.getByTestId('provenance').innerText()).toMatch(/^Scoring provenance \(for examiners\): engine .+ · rules [0-9a-f]{8} · head model [0-9a-f]{8}$/);
    await page.getByTestId('replay-play').click();
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('replay-time').innerText()).not.toMatch(/^0:00 \//);
    await saveScreenshot(page, 'studio-roller-reopened-en');
    expect(errors).toEqual([]);
  }, 400_000);

  it('holds the nano needle on the forehead for 3.5 s and is warned and marked down for the dwell (10.5, zh)', async () => {
    await browser?.close();
    browser = await launchBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    const errors = collectPageErrors(page);
    await signInAsNewTrainee(page, app!.url, { name: '纳米学员', profession: 'nurse' });
    await openModule(page, 'nano');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    await page.getByTestId('start-session').click();
    // Nano opens in its own display: contacts.
    expect(await page.getByTestId('view-nano').isChecked()).toBe(true);
    expect(await page.getByTestId('legend').innerText()).toContain('1 次接触');
    const at = await projector(page, '.studio-stage canvas');
    const [fx, fy, fz] = centroid('forehead');
    const p = at([fx - 10, fy, fz]);
    // Press and hold: the device timestamps say 3.5 s between press and release.
    const cdp = await page.context().newCDPSession(page);
    const t0 = Date.now() / 1000;
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: p.x, y: p.y, buttons: 0, timestamp: t0 });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', x: p.x, y: p.y, button: 'left', buttons: 1, clickCount: 1, timestamp: t0 + 0.01 });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: p.x, y: p.y, button: 'left', buttons: 0, clickCount: 1, timestamp: t0 + 3.51 });
    await cdp.detach();
    await expect.poll(async () => page.getByTestId('event-counts').innerText()).toBe('接触 1 次');
    expect(await page.getByTestId('live-warnings').innerText()).toContain('条款 10.5');
    expect(await studioShots(page, 'studio-nano-running-zh')).toEqual([]);
    await page.getByTestId('end-session').click();
    await page.getByTestId('findings').waitFor({ timeout: 60_000 });
    const rules = await page.locator('[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(rules).toContain('nano-dwell');
    expect(errors).toEqual([]);
  }, 400_000);

  it('RF in Chinese: zones named by their regions, chosen from a list, laid out whole at 1024x700 and 1920x1080 (zh)', async () => {
    await browser?.close();
    browser = await launchBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    const errors = collectPageErrors(page);
    await signInAsNewTrainee(page, app!.url, { name: '射频学员', profession: 'physician' });
    await openModule(page, 'rf');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    await page.getByTestId('start-session').click();
    await expect.poll(() => focused(page)).toBe('step-take-history');
    // A fourth zone, its regions ticked in its list (no mouse on the head needed).
    await page.getByTestId('add-zone').click();
    await page.getByRole('button', { name: '为第 4 区（尚未选择部位）选择部位' }).click();
    await page.getByTestId('zone-region-chin').check();
    await page.getByTestId('zone-region-neck').check();
    await page.getByRole('button', { name: '选好了：颏部、颈部' }).click();
    expect(await page.getByTestId('zone-name').allInnerTexts()).toContain('颏部、颈部');
    expect(await page.getByRole('button', { name: '完成：消毒（颏部、颈部）' }).count()).toBe(1);
    expect(await page.locator('.studio-zones').innerText()).not.toMatch(/zone-\d/);
    // The zone reaches main once it has regions (an empty one is never sent: main refuses it).
    await expect.poll(async () => page.getByTestId('upload-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('saved');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await studioShots(page, 'studio-rf-running-zh')).toEqual([]);
    expect(errors).toEqual([]);
  }, 400_000);

  it('Back mid-session keeps the attempt as abandoned; an exported recording opened from a file is imported, never a test (zh)', async () => {
    await browser?.close();
    browser = await launchBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    const errors = collectPageErrors(page);
    await signInAsNewTrainee(page, app!.url, { name: '中止学员', profession: 'technician' });
    await openModule(page, 'roller');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    await page.getByTestId('start-session').click();
    await page.getByTestId('step-take-history').click();
    const at = await projector(page, '.studio-stage canvas');
    const [fx, fy, fz] = centroid('forehead');
    await drag(page, at([fx - 25, fy, fz - 6]), at([fx + 25, fy, fz - 6]));
    const outside = async () => ((await page.getByTestId('live-warnings').count()) ? ((await page.getByTestId('live-warnings').innerText()).match(/滚到了治疗部位以外/g)?.length ?? 0) : 0);
    expect(await outside()).toBe(0);
    // Off the forehead (the target) onto the left temple: warned once for the one excursion.
    await drag(page, at([fx + 10, fy, fz]), at(centroid('temple-left')), 30);
    await expect.poll(outside).toBe(1);
    // Over a no-treat zone the guidance says only that it must not be treated, with its clause.
    const eye = at(centroid('eye-left'));
    await page.mouse.move(eye.x, eye.y);
    await expect.poll(async () => page.getByTestId('region-guidance').innerText()).toContain('禁区：不得在此部位治疗');
    expect(await page.getByTestId('region-guidance').innerText()).toContain('条款 8.5');
    expect(await page.getByTestId('region-guidance').innerText()).not.toContain('推荐');
    await saveScreenshot(page, 'studio-roller-no-treat-zh');
    await page.getByTestId('studio-exit').click();
    await page.getByTestId('leave-dialog').waitFor();
    await saveScreenshot(page, 'studio-leave-confirm-zh');
    await page.getByTestId('leave-confirm').click();
    await page.locator('[data-module="roller"]').waitFor();
    const list = await callApi<{ items: { id: string; status: string; score: number | null }[] }>(page, 'sessions.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.items[0]).toMatchObject({ status: 'abandoned', score: null });
    const stored = await callApi<{ recording: { samples: unknown[]; steps: { step: string }[] } }>(page, 'sessions.open', { id: list.value.items[0].id });
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.recording.steps.map((x) => x.step)).toEqual(['take-history']);
    expect(stored.value.recording.samples.length).toBeGreaterThan(10);

    // The file says test mode: imported recordings never count, whatever they say.
    const edited = path.join(REPO_ROOT, 'test-output', 'e2e-edited-recording.json');
    writeFileSync(edited, JSON.stringify({ ...JSON.parse(readFileSync(exported, 'utf8')), mode: 'test' }));
    await openModule(page, 'roller');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    await saveScreenshot(page, 'studio-roller-setup-zh');
    await page.getByTestId('open-recording-file').setInputFiles(edited);
    await page.getByTestId('debrief').waitFor({ timeout: 60_000 });
    await page.getByTestId('score').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('attempt-storage').innerText()).toContain('导入的记录（不计入考核）');
    expect(await page.getByTestId('attempt-kind').innerText()).toBe('导入');
    const after = await callApi<{ items: { kind: string; sourceName: string | null }[] }>(page, 'sessions.list', {});
    expect(after.ok && after.value.items[0]).toMatchObject({ kind: 'imported', sourceName: 'e2e-edited-recording.json' });
    await page.waitForTimeout(1000);
    await saveScreenshot(page, 'studio-imported-zh');
    expect(errors).toEqual([]);
  }, 400_000);
});
