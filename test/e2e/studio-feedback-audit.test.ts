// Issue 11 §2, "feedback that never contradicts itself", checked bullet by bullet in the running app
// (Chromium against `npm run web`): a roller session in Chinese (live warnings with their rule's severity
// chip, no-treat guidance, the outside-target warning, rounds named one way in the progress table and the
// debrief, Back asking first) and an RF session in English (its own display and legend, zones by their
// region names, a pulse counted in the zone it lands in whatever zone is selected). Each screen is scanned
// with axe-core and shot at 1024x700 and 1920x1080 with no text squeezed one character per line or cut off.
// Screenshots go to $AUDIT_SHOT_DIR (default test-output/screenshots).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../core/rules/catalogue';
import { centroid, drag, focused, projector, seriousAxeViolations, signInAsNewTrainee, squeezedText, STUDIO_SIZES } from './flows';
import { buildRendererOnce, collectPageErrors, launchBrowser, openModule, SCREENSHOT_DIR, startWebApp, type BrowserSession, type WebApp } from './harness';

const SHOT_DIR = process.env.AUDIT_SHOT_DIR ?? SCREENSHOT_DIR;
const severityOf = (ruleId: string) => RULES.find((r) => r.id === ruleId)!.severity;

/** The visible primary buttons of the screen (of the dialog when one is open): the main action is one. */
async function primaryActions(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[role="dialog"]') ?? document.querySelector('.studio') ?? document.body;
    return Array.from(root.querySelectorAll<HTMLElement>('.button.primary'))
      .filter((b) => b.getClientRects().length > 0 && getComputedStyle(b).visibility !== 'hidden')
      .map((b) => b.innerText.trim());
  });
}

/** axe, one main action, and layout at both studio sizes, with a screenshot of each; returns the problems found. */
async function audit(page: Page, name: string): Promise<string[]> {
  const problems = (await seriousAxeViolations(page)).map((v) => `${name}: ${v}`);
  const primary = await primaryActions(page);
  if (primary.length !== 1) problems.push(`${name}: ${primary.length} primary buttons (${primary.join(', ')}), not one main action`);
  mkdirSync(SHOT_DIR, { recursive: true });
  for (const size of STUDIO_SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    for (const p of await squeezedText(page)) problems.push(`${name} ${size.width}x${size.height}: ${p}`);
    await page.screenshot({ path: path.join(SHOT_DIR, `${name}-${size.width}x${size.height}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  return problems;
}

interface ShownWarning {
  rule: string;
  severity: string | null;
  chip: string;
  text: string;
}

async function liveWarnings(page: Page): Promise<ShownWarning[]> {
  if ((await page.getByTestId('live-warnings').count()) === 0) return [];
  return page.getByTestId('live-warnings').locator('li').evaluateAll((els) =>
    els.map((e) => ({
      rule: e.getAttribute('data-rule') ?? '',
      severity: e.getAttribute('data-severity'),
      chip: (e.querySelector('[data-testid="warning-severity"]') as HTMLElement | null)?.innerText.trim() ?? '',
      text: (e as HTMLElement).innerText,
    })),
  );
}

describe('studio feedback audit, issue 11 §2 (Chromium, web mode)', () => {
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

  it('roller in Chinese: severity chips, no-treat guidance, the outside-target warning, one word for rounds, Back asks', async () => {
    browser = await launchBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    const errors = collectPageErrors(page);
    const problems: string[] = [];
    await signInAsNewTrainee(page, app!.url, { name: '审核学员' });
    await openModule(page, 'roller');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    problems.push(...(await audit(page, 'audit-roller-setup-zh')));
    await page.getByTestId('start-session').click();
    // Every step button has its own accessible name.
    const stepNames = await page.locator('button[data-step-button]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(new Set(stepNames).size).toBe(stepNames.length);
    expect(stepNames[0]).toBe('完成：了解治疗目的、采集病史');
    for (const step of ['take-history', 'examine', 'consent', 'cleanse', 'photograph', 'anaesthesia', 'cleanse-again', 'disinfect']) await page.getByTestId(`step-${step}`).click();
    // 8.5.5: the forehead takes 0.5-1.0 mm; 1.5 mm is the catalogue's major rule, graded by extent at the end.
    await page.getByTestId('needle-length').selectOption('1.5');
    const at = await projector(page, '.studio-stage canvas');
    const [fx, fy, fz] = centroid('forehead');
    await drag(page, at([fx - 25, fy, fz - 6]), at([fx + 25, fy, fz - 6]));
    await drag(page, at([fx, fy + 12, fz]), at([fx, fy - 10, fz]));
    // Off the forehead onto the left temple: the studio's own teaching warning.
    await drag(page, at([fx + 10, fy, fz]), at(centroid('temple-left')), 30);
    await expect.poll(async () => (await liveWarnings(page)).map((w) => w.rule)).toEqual(expect.arrayContaining(['roller-needle-forehead', 'studio-outside-target']));
    const warnings = await liveWarnings(page);
    const needle = warnings.find((w) => w.rule === 'roller-needle-forehead')!;
    // The catalogue calls it major; every forehead sample so far was rolled at 1.5 mm, so its extent is
    // "most" (1 ≥ extentMostFraction), where a needle too long for the site is critical (extent-severity.ts).
    expect(severityOf('roller-needle-forehead')).toBe('major');
    expect(needle.severity).toBe('critical');
    expect(needle.chip).toBe('按目前范围：严重');
    // The evidence in one number format (1.0, as the catalogue writes it) and one pair of brackets, never nested.
    expect(needle.text).toContain('（针长 1.5 mm；额部推荐 0.5-1.0 mm）');
    expect(needle.text).not.toMatch(/（[^）]*（/);
    const outside = warnings.filter((w) => w.rule === 'studio-outside-target');
    expect(outside).toHaveLength(1);
    expect(outside[0].chip).toBe('教学提示（不计分）');
    // The drag leaves the forehead over the brow or the temple: a region named in Chinese, never an id.
    expect(outside[0].text).toMatch(/^教学提示（不计分） 滚到了治疗部位以外：左(眉|颞)部（本次治疗部位：额部） 条款 8\.2$/);
    // The final severity is the extent's: said once under the list.
    expect(await page.getByTestId('warnings-extent-note').innerText()).toContain('范围');
    // Over the eye: the no-treat rule only, no needle recommended.
    const eye = at(centroid('eye-left'));
    await page.mouse.move(eye.x, eye.y);
    await expect.poll(async () => page.getByTestId('region-guidance').innerText()).toContain('禁区：不得在此部位治疗');
    expect(await page.getByTestId('region-guidance').innerText()).not.toMatch(/推荐|mm/);
    problems.push(...(await audit(page, 'audit-roller-running-zh')));
    // No internal words on the trainee's screen: no ids, sample counts, raw pressure or "main program".
    expect(await page.locator('.studio').innerText()).not.toMatch(/主程序|样本|zone-\d|studio-|压力 ?0\.\d/);
    // Rounds: the progress table's 遍数 column; the passes legend counts 滚压, never 遍.
    expect(await page.locator('[data-testid="progress"] thead').innerText()).toMatch(/覆盖\s+四向覆盖\s+遍数/);
    expect(await page.getByTestId('legend').innerText()).not.toContain('遍');
    const [coveredPct, crossPct] = (await page.locator('[data-testid="progress"] tr[data-region="forehead"] td').allInnerTexts()).map((x) => parseFloat(x));
    // The 米 direction map: how many of the four directions each element has had, in its own legend.
    await page.getByTestId('view-directions').check();
    expect(await page.locator('.studio-legend').innerText()).toContain('4 个方向');
    // The same screen as above with another legend: one shot at the narrowest size is enough.
    await page.setViewportSize(STUDIO_SIZES[0]);
    for (const p of await squeezedText(page)) problems.push(`directions view: ${p}`);
    await page.screenshot({ path: path.join(SHOT_DIR, 'audit-roller-directions-zh-1024x700.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('view-passes').check();
    // Light pressure without Alt: the L key (or the panel's choice).
    await page.locator('.studio-stage canvas').hover();
    await page.keyboard.down('l');
    await expect.poll(() => page.getByTestId('pressure-light').isChecked()).toBe(true);
    await page.keyboard.up('l');
    await expect.poll(() => page.getByTestId('pressure-moderate').isChecked()).toBe(true);
    expect(await page.locator('.studio-keys').innerText()).not.toMatch(/Alt/);
    // Back asks first, opening on the choice to stay; Escape stays and focus returns to Back.
    await page.getByTestId('studio-exit').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('leave-dialog').waitFor();
    expect(await focused(page)).toBe('leave-cancel');
    problems.push(...(await audit(page, 'audit-roller-leave-zh')));
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('leave-dialog').count()).toBe(0);
    expect(await focused(page)).toBe('studio-exit');
    await page.getByTestId('end-session').click();
    await page.getByTestId('score').waitFor({ timeout: 60_000 });
    // Focus moves into the debrief, onto its title.
    expect(await focused(page)).toBe('debrief-title');
    // The debrief's coverage and 四向 verdicts are the figures the progress table showed (one decimal there).
    const evidence = async (rule: string) => page.locator(`[data-testid="findings"] li[data-rule="${rule}"]`).innerText();
    expect(Math.round(parseFloat(/覆盖 ([\d.]+)%/.exec(await evidence('roller-coverage'))![1]))).toBe(coveredPct);
    expect(Math.round(parseFloat(/四向覆盖 ([\d.]+)%/.exec(await evidence('roller-cross-pattern'))![1]))).toBe(crossPct);
    // Each 米 direction with its share, as the direction map showed it: the horizontal and vertical strokes
    // rolled above have a share, and no rolled direction is called missing (8.2).
    const directions = /各方向滚过的面积：横向 ([\d.]+)%、斜向 \/ ([\d.]+)%、竖向 ([\d.]+)%、斜向 \\ ([\d.]+)%（每个方向都要 ≥ [\d.]+%）/.exec(await evidence('roller-cross-pattern'));
    expect(directions).not.toBeNull();
    expect(Number(directions![1])).toBeGreaterThan(0);
    expect(Number(directions![3])).toBeGreaterThan(0);
    expect(await evidence('roller-cross-pattern')).not.toContain('不足的方向');
    await page.waitForTimeout(500);
    problems.push(...(await audit(page, 'audit-roller-debrief-zh')));
    // Test mode: the neutral action palette, each action with its own name, and no feedback at all.
    await page.getByTestId('new-session').click();
    await page.getByLabel('考核模式').check();
    await page.getByTestId('start-session').click();
    await page.getByTestId('action-palette').waitFor();
    const actions = await page.locator('[data-testid="action-list"] button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? (e as HTMLElement).innerText));
    expect(new Set(actions).size).toBe(actions.length);
    expect(await page.getByTestId('live-warnings').count()).toBe(0);
    expect(await page.getByTestId('progress').count()).toBe(0);
    problems.push(...(await audit(page, 'audit-roller-test-mode-zh')));
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('RF in English: its own display and legend, zones by region names, a pulse belongs to the zone it lands in', async () => {
    await browser?.close();
    browser = await launchBrowser({ locale: 'en-US' });
    const { page } = browser;
    const errors = collectPageErrors(page);
    const problems: string[] = [];
    await signInAsNewTrainee(page, app!.url, { name: 'Audit Trainee', profession: 'physician' });
    await openModule(page, 'rf');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    await page.getByTestId('start-session').click();
    await page.getByTestId('step-disinfect-zone-1').waitFor();
    expect(await page.getByTestId('view-rf').isChecked()).toBe(true);
    expect(await page.getByTestId('legend').getAttribute('data-view')).toBe('rf');
    expect(await page.getByTestId('zone-name').allInnerTexts()).toEqual(['Forehead', 'Left cheek', 'Right cheek']);
    for (const step of ['take-history', 'examine', 'consent', 'cleanse', 'photograph', 'anaesthesia', 'fit-new-tip']) await page.getByTestId(`step-${step}`).click();
    for (const step of ['remove-anaesthetic', 'cleanse-again', 'disinfect', 'treat-start']) await page.getByTestId(`step-${step}-zone-1`).click();
    // The forehead's zone stays selected; the pulse lands on the left cheek, whose zone was never prepared (9.2).
    expect(await page.getByRole('radio', { name: 'Current zone: Forehead' }).isChecked()).toBe(true);
    const at = await projector(page, '.studio-stage canvas');
    const cheek = at(centroid('cheek-left'));
    await page.mouse.click(cheek.x, cheek.y);
    await expect.poll(async () => (await liveWarnings(page)).map((w) => w.rule)).toContain('rf-zone-preparation');
    const prep = (await liveWarnings(page)).find((w) => w.rule === 'rf-zone-preparation')!;
    expect(prep.text).toContain('Left cheek');
    expect(prep.text).not.toMatch(/zone-\d/);
    expect(prep.chip).toBe(`Rule severity: ${{ critical: 'Critical', major: 'Major', minor: 'Minor', info: 'Info' }[severityOf('rf-zone-preparation')]}`);
    problems.push(...(await audit(page, 'audit-rf-running-en')));
    // The debrief says the same: the left cheek's zone was not prepared, by its name.
    await page.getByTestId('end-session').click();
    await page.getByTestId('score').waitFor({ timeout: 60_000 });
    const findings = await page.getByTestId('findings').innerText();
    expect(await page.locator('[data-testid="findings"] li[data-rule="rf-zone-preparation"]').innerText()).toContain('Left cheek');
    expect(findings).not.toMatch(/zone-\d|tip-\d/);
    problems.push(...(await audit(page, 'audit-rf-debrief-en')));
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('RF in Chinese: zone headers laid out whole with their buttons, regions chosen from a list', async () => {
    await browser?.close();
    browser = await launchBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    const errors = collectPageErrors(page);
    const problems: string[] = [];
    await signInAsNewTrainee(page, app!.url, { name: '射频审核学员', profession: 'physician' });
    await openModule(page, 'rf');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    // A file that is not a recording: said in Chinese, core's own detail marked as English.
    const bad = path.join(mkdtempSync(path.join(os.tmpdir(), 'audit-bad-file-')), 'not-a-recording.json');
    writeFileSync(bad, JSON.stringify({ procedure: 'rf', samples: 'none' }));
    await page.getByTestId('open-recording-file').setInputFiles(bad);
    const fileErrors = page.getByTestId('open-file-errors');
    await fileErrors.waitFor();
    expect(await fileErrors.innerText()).toContain('该文件不是有效的操作记录');
    problems.push(...(await audit(page, 'audit-rf-file-error-zh')));
    // Outside what is marked lang="en" (core's detail, for support), no Latin words but the file name and pointer.
    const untagged = await fileErrors.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[lang="en"], [data-user-content], code').forEach((n) => n.remove());
      return copy.textContent ?? '';
    });
    expect(untagged).not.toMatch(/[A-Za-z]{3,}/);
    await page.getByTestId('start-session').click();
    expect(await page.getByTestId('zone-name').allInnerTexts()).toEqual(['额部', '左面颊', '右面颊']);
    await page.getByRole('button', { name: '为左面颊选择部位' }).click();
    await page.getByTestId('zone-region-temple-left').check();
    expect(await page.getByTestId('zone-name').allInnerTexts()).toEqual(['额部', '左面颊、左颞部', '右面颊']);
    problems.push(...(await audit(page, 'audit-rf-zones-zh')));
    // Each zone's buttons sit on its header's line or together under it, never one alone (at the narrowest size).
    await page.setViewportSize(STUDIO_SIZES[0]);
    const split = await page.locator('.studio-zone-head').evaluateAll((heads) =>
      heads.filter((h) => {
        const [pick, remove] = Array.from(h.querySelectorAll('button')).map((b) => b.getBoundingClientRect());
        return Math.abs(pick.top - remove.top) > 2;
      }).length,
    );
    // Region names in the list stay on one line (no 额/部 one character per line).
    const brokenNames = await page.locator('.studio-zone-regions-list label').evaluateAll((labels) =>
      labels
        .map((l) => {
          const name = (l.querySelector('.studio-region-name') ?? l) as HTMLElement;
          // Taller than one line of its font (with room for the line's leading) is broken over lines.
          return name.getBoundingClientRect().height > parseFloat(getComputedStyle(name).fontSize) * 2 ? name.innerText : null;
        })
        .filter(Boolean),
    );
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(split).toBe(0);
    expect(brokenNames).toEqual([]);
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
