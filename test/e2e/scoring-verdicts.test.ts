// What a trainee sees in the debrief for sessions wholly, mostly and barely wrong, and for almost nothing
// done, in Chromium against `npm run web` (docs/scoring.md, "Score"). The roller recordings go to main
// through the calls the studio makes for a practice attempt (sessions.start on the forehead preset, the
// events in time order in batches by sessions.append, sessions.finish) as the signed-in trainee; the
// debrief is then opened from My records. An RF and a nano recording, whose tasks no practice preset
// matches, are opened from a file in the studio (an import, scored against the file's own task). What is
// expected is worked out from the model and the standard, not read off the app: the severity by extent, the
// points off × (1 + fraction), the floor and pass mark, the clause and the region's name. Every debrief is
// scanned with axe-core (no serious or critical finding) and the wholly-wrong and slip ones photographed.

import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGION_NAMES, type RegionId } from '../../core/anatomy/regions';
import type { Recording } from '../../core/recording/types';
import { defaultValues } from '../../core/rules/simulator-defaults';
import { callApi, fixtureRecording, seriousAxeViolations, signInAsNewTrainee } from './flows';
import { buildRendererOnce, collectPageErrors, launchBrowser, openModule, REPO_ROOT, saveScreenshot, startWebApp, type BrowserSession, type WebApp } from './harness';

const { criterionFloor: FLOOR, passMark: PASS_MARK } = defaultValues();
/** 8.5.5: the forehead's needle is 0.5-1.0 mm; these recordings switch to 1.5 mm for part of it. */
const FOREHEAD_MAX_NEEDLE_MM = 1.0;
/** Points off per severity (docs/scoring.md, Deductions); graded findings take them × (1 + fraction). */
const DEDUCT = { critical: 100, major: 25, minor: 10 } as const;
const CRITERIA = ['safety', 'protocol', 'technique', 'coverage', 'parameters', 'aftercare'] as const;

const round1 = (x: number) => Math.round(x * 10) / 10;
const pct = (units: number, of: number) => round1((units / of) * 100);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The forehead's contact samples and how many of them were rolled with a needle over 8.5.5's 1.0 mm. */
function foreheadNeedleExtent(recording: Recording): { units: number; of: number } {
  const changes = [...recording.settings].sort((a, b) => a.tMs - b.tMs);
  const needleAt = (tMs: number) => {
    let mm = 0.5;
    for (const c of changes) if (c.tMs <= tMs && c.settings.device === 'roller') mm = c.settings.needleLengthMm;
    return mm;
  };
  const contact = recording.samples.filter((s) => s.contact && s.region === 'forehead');
  return { units: contact.filter((s) => needleAt(s.tMs) > FOREHEAD_MAX_NEEDLE_MM).length, of: contact.length };
}

/** Streams a recording as the studio does for a practice attempt on `presetId`; returns the attempt's id. */
async function streamPractice(page: Page, presetId: string, recording: Recording): Promise<string> {
  const must = async <T,>(name: string, args: unknown): Promise<T> => {
    const r = await callApi<T>(page, name, args);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const started = await must<{ attemptId: string }>('sessions.start', { presetId, mode: 'learn' });
  // The recorder's events in the order they happened (a stable sort keeps a step before a sample at the same ms).
  const timed = [
    ...recording.settings.map((change) => ({ t: change.tMs, event: { kind: 'settings', change } })),
    ...recording.steps.map((step) => ({ t: step.tMs, event: { kind: 'step', step } })),
    ...recording.samples.map((sample) => ({ t: sample.tMs, event: { kind: 'sample', sample } })),
    ...recording.pulses.map((pulse) => ({ t: pulse.tMs, event: { kind: 'pulse', pulse } })),
    ...recording.contacts.map((contact) => ({ t: contact.tStartMs, event: { kind: 'contact', contact } })),
  ].sort((a, b) => a.t - b.t);
  const BATCH = 400;
  let seq = 0;
  for (let i = 0; i < timed.length; i += BATCH, seq++) {
    await must('sessions.append', { attemptId: started.attemptId, seq, events: timed.slice(i, i + BATCH).map((x) => x.event), zones: recording.zones });
  }
  await must('sessions.finish', { attemptId: started.attemptId, batches: seq, endTMs: recording.end.tMs, zones: recording.zones });
  return started.attemptId;
}

/** From home: My records, then the attempt's Open button; waits for its stored report in the debrief. */
async function openFromRecords(page: Page, attemptId: string): Promise<void> {
  await openModule(page, 'records');
  await page.locator(`[id="attempt-open-${attemptId}"]`).click();
  await page.getByTestId('score').waitFor({ timeout: 60_000 });
}

/** From home: the procedure's studio, then its "open a recording" file input; waits for the debrief. */
async function importInStudio(page: Page, procedure: 'rf' | 'nano', fixture: string): Promise<void> {
  await openModule(page, procedure);
  await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
  await page.getByTestId('open-recording-file').setInputFiles(path.join(REPO_ROOT, 'test', 'fixtures', 'recordings', `${fixture}.json`));
  await page.getByTestId('score').waitFor({ timeout: 60_000 });
}

interface Seen {
  scoreClass: string;
  scoreText: string;
  reasons: { kind: string; text: string }[];
  criteria: Record<string, { assessed: boolean; text: string }>;
  findings: { rule: string; text: string; severity: string; extent: string | null }[];
}

/** The debrief as the trainee reads it: the verdict, the reasons at the top, the criteria and the findings. */
async function readDebrief(page: Page): Promise<Seen> {
  const score = page.getByTestId('score');
  const reasonsFirst = await page.evaluate(() => {
    // The reasons sit right under the verdict, before the criteria and the findings.
    const reasons = document.querySelector('[data-testid="fail-reasons"]');
    const criteria = document.querySelector('.studio-criteria');
    return !reasons || !criteria ? null : Boolean(reasons.compareDocumentPosition(criteria) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  if (reasonsFirst === false) throw new Error('the fail reasons are not above the criteria');
  return {
    scoreClass: (await score.getAttribute('class')) ?? '',
    scoreText: await score.innerText(),
    reasons: await page.locator('[data-testid="fail-reasons"] li').evaluateAll((els) => els.map((e) => ({ kind: e.getAttribute('data-kind') ?? '', text: (e as HTMLElement).innerText.trim() }))),
    criteria: Object.fromEntries(
      await page.locator('.studio-criteria tr[data-criterion]').evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-criterion') ?? '', { assessed: r.getAttribute('data-assessed') !== 'false', text: (r as HTMLElement).innerText.replace(/\s+/g, ' ').trim() }]),
      ),
    ),
    findings: await page.locator('[data-testid="findings"] li[data-rule]').evaluateAll((els) =>
      els.map((e) => ({
        rule: e.getAttribute('data-rule') ?? '',
        text: (e as HTMLElement).innerText,
        severity: e.querySelector('strong')?.textContent?.trim() ?? '',
        extent: e.querySelector('[data-testid="finding-extent"]')?.textContent?.trim() ?? null,
      })),
    ),
  };
}

/** Axe on the debrief, then a shot (when named), then the studio's Back (to where it was opened from) and home. */
async function checkAndLeave(page: Page, shot?: string): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
  if (shot) {
    // Tall enough that the report panel (it scrolls on its own) shows its findings whole.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForTimeout(1000);
    await saveScreenshot(page, shot);
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  await page.getByTestId('studio-exit').click();
  await page.getByRole('navigation', { name: /主导航|Main navigation/ }).getByRole('button', { name: /^(首页|Home)$/ }).click();
  await page.locator('[data-module="roller"]').waitFor();
}

describe('scoring verdicts in the debrief (Chromium, web mode)', () => {
  let app: WebApp | undefined;
  let browser: BrowserSession | undefined;
  let errors: string[] = [];
  const forehead = { zh: REGION_NAMES.forehead.zh, en: REGION_NAMES.forehead.en };
/** How often a region's name occurs in a reason: once, never repeated after the rule's own words. */
const namedTimes = (text: string, name: string) => text.split(name).length - 1;

  beforeAll(async () => {
    await buildRendererOnce();
    app = await startWebApp();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** One browser per language; a new one only when the language changes. */
  async function pageIn(locale: 'zh-CN' | 'en-US', trainee: string): Promise<Page> {
    await browser?.close();
    browser = await launchBrowser({ locale });
    errors = collectPageErrors(browser.page);
    await signInAsNewTrainee(browser.page, app!.url, { name: trainee, profession: 'nurse' });
    return browser.page;
  }

  describe('in Chinese', () => {
    let page: Page;
    beforeAll(async () => {
      page = await pageIn('zh-CN', '评分学员');
    });
    afterAll(() => expect(errors).toEqual([]));

    it('wholly wrong (1.5 mm on all the forehead): critical at any total, why at the top with 8.5.5 and 额部', async () => {
      const recording = fixtureRecording('roller-forehead-needle-wholly-wrong') as Recording;
      const { units, of } = foreheadNeedleExtent(recording);
      expect(units).toBe(of);
      await openFromRecords(page, await streamPractice(page, 'roller-forehead-pink', recording));
      const seen = await readDebrief(page);
      expect(seen.scoreClass).toContain('fail');
      expect(seen.scoreText).toContain('未通过');
      expect(seen.scoreText).toContain('出现严重错误');
      // A total over the mark that still fails says so beside the number, not only further down.
      expect(seen.scoreText).toMatch(/总分 83 虽达到及格线 80，本次仍不通过/);
      // Band "most" of a too-long forehead needle: critical; parameters 100 − 100 × 2 floors at 0; the
      // total (5 × 100 + 0) / 6 = 83.3 clears the pass mark, so no total reason: the critical one fails it.
      expect(seen.reasons.map((r) => r.kind)).toEqual(['critical', 'criterion']);
      expect(seen.reasons[0].text).toMatch(new RegExp(`^严重问题（第 8\\.5\\.5 条）：.*${escape(forehead.zh)}`));
      expect(namedTimes(seen.reasons[0].text, forehead.zh)).toBe(1);
      expect(seen.reasons[1].text).toMatch(new RegExp(`^「参数」得分 0，低于每项最低分 ${FLOOR}`));
      const finding = seen.findings.find((f) => f.rule === 'roller-needle-forehead');
      expect(finding?.severity).toBe('严重');
      // The share in words and percent; the sample counts behind it are never shown to the trainee.
      expect(finding?.extent).toBe(`范围：占${forehead.zh}滚压的 100%`);
      expect(finding?.extent).not.toMatch(/\d\s*\/\s*\d/);
      // 8.5.5's range is the standard's own number; only the extent bands are simulator defaults.
      const foreheadFinding = await page.locator('[data-clause="8.5.5"] li[data-rule="roller-needle-forehead"]').innerText();
      expect(foreheadFinding).toContain('分级界限为模拟器默认值');
      expect(foreheadFinding).not.toContain('此判定阈值为模拟器默认值');
      await checkAndLeave(page, 'scoring-debrief-zh-wholly-wrong');
    });

    it('mostly wrong (1.5 mm on 70 % of it): still critical, with its extent', async () => {
      const recording = fixtureRecording('roller-forehead-needle-mostly-wrong') as Recording;
      const { units, of } = foreheadNeedleExtent(recording);
      expect(units / of).toBeGreaterThanOrEqual(0.5);
      await openFromRecords(page, await streamPractice(page, 'roller-forehead-pink', recording));
      const seen = await readDebrief(page);
      expect(seen.scoreClass).toContain('fail');
      expect(seen.reasons.map((r) => r.kind)).toEqual(['critical', 'criterion']);
      expect(seen.reasons[0].text).toMatch(new RegExp(`^严重问题（第 8\\.5\\.5 条）：.*${escape(forehead.zh)}`));
      expect(namedTimes(seen.reasons[0].text, forehead.zh)).toBe(1);
      expect(seen.reasons[1].text).toMatch(/^「参数」得分 0，/);
      const finding = seen.findings.find((f) => f.rule === 'roller-needle-forehead');
      expect(finding?.severity).toBe('严重');
      expect(finding?.extent).toBe(`范围：占${forehead.zh}滚压的 ${pct(units, of)}%`);
      await checkAndLeave(page);
    });

    it('barely wrong (a 2 % slip): passes, with the minor finding and its points off parameters', async () => {
      const recording = fixtureRecording('roller-forehead-needle-slip') as Recording;
      const { units, of } = foreheadNeedleExtent(recording);
      expect(units / of).toBeLessThan(0.05);
      await openFromRecords(page, await streamPractice(page, 'roller-forehead-pink', recording));
      const seen = await readDebrief(page);
      // Band "trace": minor, 10 × (1 + fraction) off parameters; the rest untouched.
      const parameters = round1(100 - DEDUCT.minor * (1 + units / of));
      const total = round1((5 * 100 + parameters) / 6);
      expect(seen.scoreClass).toContain('pass');
      expect(seen.scoreText).toContain('通过');
      expect(seen.scoreText).not.toContain('未通过');
      expect(seen.scoreText).toMatch(new RegExp(`^${Math.round(total)}\\b`));
      expect(seen.reasons).toEqual([]);
      expect(await page.getByTestId('fail-reasons').count()).toBe(0);
      expect(seen.criteria.parameters).toEqual({ assessed: true, text: `参数 ${Math.round(parameters)}` });
      const finding = seen.findings.find((f) => f.rule === 'roller-needle-forehead');
      expect(finding?.severity).toBe('次要');
      expect(finding?.extent).toBe(`范围：占${forehead.zh}滚压的 ${pct(units, of)}%`);
      expect(await page.locator('[data-clause="8.5.5"] li[data-rule="roller-needle-forehead"]').count()).toBe(1);
      await checkAndLeave(page, 'scoring-debrief-zh-slip');
    });

    it('almost nothing (three short strokes): technique and parameters 未评估, never 100; every reason listed', async () => {
      await openFromRecords(page, await streamPractice(page, 'roller-forehead-pink', fixtureRecording('roller-forehead-almost-nothing') as Recording));
      const seen = await readDebrief(page);
      expect(seen.scoreClass).toContain('fail');
      // The target untreated (8.2) is critical; technique and parameters are required and not assessed
      // (0 each); coverage 0; safety, protocol and aftercare 100: (3 × 100) / 6 = 50 under the pass mark.
      expect(seen.reasons.map((r) => r.kind)).toEqual(['critical', 'not-assessed', 'not-assessed', 'criterion', 'total']);
      expect(seen.reasons[0].text).toMatch(new RegExp(`^严重问题（第 8\\.2 条）：.*${escape(forehead.zh)}`));
      expect(namedTimes(seen.reasons[0].text, forehead.zh)).toBe(1);
      expect(seen.reasons[1].text).toMatch(/^「手法」未评估：.+；本任务要求的操作没有完成$/);
      expect(seen.reasons[2].text).toMatch(/^「参数」未评估：.+；本任务要求的操作没有完成$/);
      expect(seen.reasons[3].text).toMatch(new RegExp(`^「覆盖」得分 0，低于每项最低分 ${FLOOR}`));
      expect(seen.reasons[4].text).toMatch(new RegExp(`^总分 50，低于及格线 ${PASS_MARK}`));
      expect(seen.scoreText).toMatch(/^50\b/);
      for (const criterion of ['technique', 'parameters']) {
        expect(seen.criteria[criterion].assessed).toBe(false);
        expect(seen.criteria[criterion].text).toMatch(/未评估$/);
        expect(seen.criteria[criterion].text).not.toMatch(/\b100\b/);
      }
      expect(await page.locator('tr[data-criterion="technique"] meter').count()).toBe(0);
      for (const criterion of ['safety', 'protocol', 'aftercare']) expect(seen.criteria[criterion]).toEqual({ assessed: true, text: expect.stringMatching(/ 100$/) });
      expect(Object.keys(seen.criteria)).toEqual([...CRITERIA]);
      await checkAndLeave(page, 'scoring-debrief-zh-almost-nothing');
    });

    it('RF, both cheeks at 3.0 mm (9.6.5: 1.0-2.5 mm) opened from a file: one critical reason per cheek', async () => {
      await importInStudio(page, 'rf', 'rf-cheeks-depth-wholly-wrong');
      const seen = await readDebrief(page);
      expect(seen.scoreClass).toContain('fail');
      const critical = seen.reasons.filter((r) => r.kind === 'critical');
      const cheeks: RegionId[] = ['cheek-left', 'cheek-right'];
      expect(critical.map((r) => r.text)).toEqual(cheeks.map((c) => expect.stringMatching(new RegExp(`^严重问题（第 9\\.6\\.5 条）：.*${escape(REGION_NAMES[c].zh)}`))));
      for (const [i, c] of cheeks.entries()) expect(namedTimes(critical[i]!.text, REGION_NAMES[c].zh)).toBe(1);
      expect(seen.findings.filter((f) => f.rule === 'rf-depth-face').map((f) => f.severity)).toEqual(['严重', '严重']);
      await checkAndLeave(page, 'scoring-debrief-zh-rf-depth');
    });
  });

  describe('in English', () => {
    let page: Page;
    beforeAll(async () => {
      page = await pageIn('en-US', 'Scoring Trainee');
    });
    afterAll(() => expect(errors).toEqual([]));

    it('wholly wrong: Not passed, the critical finding with its clause and region first', async () => {
      await openFromRecords(page, await streamPractice(page, 'roller-forehead-pink', fixtureRecording('roller-forehead-needle-wholly-wrong') as Recording));
      const seen = await readDebrief(page);
      expect(seen.scoreText).toContain('Not passed');
      expect(seen.scoreText).toContain('A critical error fails this attempt');
      expect(seen.reasons.map((r) => r.kind)).toEqual(['critical', 'criterion']);
      expect(seen.reasons[0].text).toMatch(new RegExp(`^Critical finding \\(clause 8\\.5\\.5\\): .*${escape(forehead.en)}`, 'i'));
      expect(namedTimes(seen.reasons[0].text.toLowerCase(), forehead.en.toLowerCase())).toBe(1);
      expect(seen.reasons[1].text).toMatch(new RegExp(`^Parameters scored 0, below the per-criterion minimum of ${FLOOR}`));
      await checkAndLeave(page, 'scoring-debrief-en-wholly-wrong');
    });

    it('barely wrong: Passed, the Minor finding listed with its extent', async () => {
      const recording = fixtureRecording('roller-forehead-needle-slip') as Recording;
      const { units, of } = foreheadNeedleExtent(recording);
      await openFromRecords(page, await streamPractice(page, 'roller-forehead-pink', recording));
      const seen = await readDebrief(page);
      expect(seen.scoreText).toContain('Passed');
      expect(seen.reasons).toEqual([]);
      const finding = seen.findings.find((f) => f.rule === 'roller-needle-forehead');
      expect(finding?.severity).toBe('Minor');
      expect(finding?.extent).toBe(`Extent: ${pct(units, of)}% of the rolling in ${forehead.en}`);
      await checkAndLeave(page, 'scoring-debrief-en-slip');
    });

    it('nano, every left-cheek contact 4 s (10.5: 3 s) opened from a file: no critical, technique under the floor', async () => {
      const recording = fixtureRecording('nano-cheek-dwell-wholly-wrong') as Recording;
      const long = recording.contacts.filter((c) => c.region === 'cheek-left' && c.tEndMs - c.tStartMs > 3000).length;
      const onCheek = recording.contacts.filter((c) => c.region === 'cheek-left').length;
      await importInStudio(page, 'nano', 'nano-cheek-dwell-wholly-wrong');
      const seen = await readDebrief(page);
      // Major at the "most" extent: 25 × (1 + 1) off technique = 50, under the floor; total (500 + 50) / 6 = 91.7.
      const technique = round1(100 - DEDUCT.major * (1 + long / onCheek));
      expect(seen.scoreText).toContain('Not passed');
      expect(seen.scoreText).not.toContain('critical');
      expect(seen.reasons.map((r) => r.kind)).toEqual(['criterion']);
      expect(seen.reasons[0].text).toMatch(new RegExp(`^Technique scored ${technique}, below the per-criterion minimum of ${FLOOR}`));
      const finding = seen.findings.find((f) => f.rule === 'nano-dwell');
      expect(finding?.severity).toBe('Major');
      expect(finding?.extent).toBe(`Extent: ${pct(long, onCheek)}% of the contacts in ${REGION_NAMES['cheek-left'].en}`);
      await checkAndLeave(page, 'scoring-debrief-en-nano-dwell');
    });
  });
});
