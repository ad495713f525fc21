// The first screens end to end, in Chromium against `npm run web`: create a profile and reach home in
// Chinese and in English, switch language, restart the server on the same data and find the profile,
// scan each screen with axe-core, and keep screenshots under test-output/screenshots.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { findUntranslatedText } from '../component/shell-text-audit';
import {
  buildRendererOnce,
  collectPageErrors,
  createTraineeAndGoHome,
  launchBrowser,
  saveScreenshot,
  startWebApp,
  type BrowserSession,
  type WebApp,
} from './harness';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

async function seriousAxeViolations(page: Page): Promise<string[]> {
  // page.evaluate runs through the DevTools protocol, so the page's strict CSP does not block axe.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

async function untranslated(page: Page, language: 'zh' | 'en'): Promise<string[]> {
  return page.evaluate(
    ([source, lang]) => {
      const audit = new Function(`return (${source})`)() as (root: Element, language: string) => string[];
      return audit(document.body, lang);
    },
    [findUntranslatedText.toString(), language] as const,
  );
}

async function checkScreen(page: Page, language: 'zh' | 'en', name: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(language === 'zh' ? 'zh-CN' : 'en');
  expect(await untranslated(page, language)).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, name);
}

describe('the app shell in Chromium (web mode)', () => {
  let app: WebApp | undefined;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    await buildRendererOnce();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('creates a profile in Chinese, switches to English, and keeps both after a server restart', async () => {
    app = await startWebApp();
    browser = await launchBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    const errors = collectPageErrors(page);

    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: '选择学员档案' }).waitFor();
    // The built page carries the strict CSP (and the response header repeats it).
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.getByText('本机还没有学员档案。').isVisible()).toBe(true);
    await checkScreen(page, 'zh', 'shell-zh-1-profile');

    // Client-side validation names the field in Chinese.
    await page.getByLabel('姓名').fill('李华');
    await page.getByLabel('专业资格证书编号').fill('x');
    await page.getByRole('button', { name: '创建并进入' }).click();
    await page.getByText('证书编号须为 4–40 位字母、数字或连字符。').waitFor();

    await page.getByLabel('专业资格证书编号').fill('NUR-2024-0017');
    await page.getByRole('radio', { name: '护士' }).check();
    await page.getByLabel(/我是带教老师/).check();
    await page.getByRole('button', { name: '创建并进入' }).click();
    await page.getByRole('heading', { level: 1, name: '您好，李华' }).waitFor();

    const exams = page.getByRole('button', { name: '考核', exact: true });
    expect(await exams.isDisabled()).toBe(true);
    expect(await page.locator('[data-module="exams"]').textContent()).toContain('本版本暂未提供');
    expect(await page.getByRole('button', { name: '题库与考核编写' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '滚轮微针实训' }).isEnabled()).toBe(true);
    await checkScreen(page, 'zh', 'shell-zh-2-home');

    await page.getByRole('navigation').getByRole('button', { name: '设置' }).click();
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
    await page.getByLabel('培训机构名称').fill('华东微针培训中心');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存。').waitFor();
    await checkScreen(page, 'zh', 'shell-zh-3-settings');

    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await checkScreen(page, 'en', 'shell-en-3-settings');
    await page.getByRole('navigation').getByRole('button', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, 李华' }).waitFor();
    expect(await page.locator('[data-module="exams"]').textContent()).toContain('Not yet available in this version');
    await checkScreen(page, 'en', 'shell-en-2-home');

    await page.getByRole('navigation').getByRole('button', { name: 'My records' }).click();
    await page.getByRole('heading', { level: 1, name: 'My records' }).waitFor();
    await page.getByText('No saved sessions yet.', { exact: false }).waitFor();
    await checkScreen(page, 'en', 'shell-en-4-records');

    // Restart the server on the same data: the profile and the language choice are still there.
    const dataDir = app.dataDir;
    await app.stop();
    app = await startWebApp({ dataDir });
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'Choose your trainee profile' }).waitFor();
    await page.getByRole('button', { name: /李华/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, 李华' }).waitFor();
    expect(await page.getByText('华东微针培训中心').isVisible()).toBe(true);

    expect(errors).toEqual([]);
  });

  it('starts in English on an English system, creates a profile, and switches to Chinese', async () => {
    await browser?.close();
    await app?.stop();
    app = await startWebApp();
    browser = await launchBrowser({ locale: 'en-US' });
    const { page } = browser;
    const errors = collectPageErrors(page);

    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'Choose your trainee profile' }).waitFor();
    await checkScreen(page, 'en', 'shell-en-1-profile');

    expect(await page.getByLabel('Professional certificate number').isVisible()).toBe(true);
    await createTraineeAndGoHome(page, { name: 'Alex Chen', role: 'physician', certificateNumber: 'PHY-88421' });
    await page.getByRole('heading', { level: 1, name: 'Hello, Alex Chen' }).waitFor();
    expect(await page.getByText('Physician · certificate PHY-88421').isVisible()).toBe(true);
    // Not an instructor: no authoring or institution tiles.
    expect(await page.locator('[data-module="authoring"]').count()).toBe(0);

    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Interface language').selectOption('zh');
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: '首页' }).click();
    await page.getByRole('heading', { level: 1, name: '您好，Alex Chen' }).waitFor();
    await checkScreen(page, 'zh', 'shell-zh-5-home-physician');

    expect(errors).toEqual([]);
  });
});
