// The shell end to end, in Chromium against `npm run web`: set up an institution in Chinese, add a trainee,
// sign in as the trainee, switch the station to English, restart the server on the same data and find
// both again. Each screen is scanned for text in the wrong language and with axe-core, and photographed
// at three window sizes in both languages (test-output/screenshots).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { API_TOKEN_HEADER, API_TOKEN_META, CLIENT_KEY_HEADER, CLIENT_KEY_META } from '../../electron/web/server';
import { findUntranslatedText } from '../component/shell-text-audit';
import { buildRendererOnce, collectPageErrors, launchBrowser, REPO_ROOT, saveScreenshot, startWebApp, type BrowserSession, type WebApp } from './harness';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 1024, height: 700 },
] as const;

const ADMIN = { institution: '华东微针培训中心', name: '陈主任', username: 'chen', password: 'correct horse battery' };

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

/** When the page is wider than the window, the elements that reach past its right edge (for the failure message). */
async function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth + 1) return [];
    return Array.from(document.querySelectorAll('body *'))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 8)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> right=${Math.round(el.getBoundingClientRect().right)}`);
  });
}

/** Language, translation and accessibility checks, then a screenshot at each size. */
async function checkScreen(page: Page, language: 'zh' | 'en', name: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(language === 'zh' ? 'zh-CN' : 'en');
  expect(await untranslated(page, language)).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Nothing may stick out sideways at any size (wide tables scroll inside their panel).
    expect(await sideways(page), `${name} at ${size.width}x${size.height}`).toEqual([]);
    await saveScreenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SIZES[0]);
}

/** A call as this page load makes it (its token and client key), for seeding what the studio would record. */
async function callAs<T>(page: Page, name: string, args: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([call, body, names]) => {
      const meta = (n: string) => document.querySelector<HTMLMetaElement>(`meta[name="${n}"]`)?.content ?? '';
      const response = await fetch(`./api/${call}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [names.tokenHeader]: meta(names.tokenMeta), [names.clientHeader]: meta(names.clientMeta) },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [name, args, { tokenHeader: API_TOKEN_HEADER, tokenMeta: API_TOKEN_META, clientHeader: CLIENT_KEY_HEADER, clientMeta: CLIENT_KEY_META }] as const,
  );
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const fixture = (name: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'recordings', `${name}.json`), 'utf8')) as unknown;
const nav = (page: Page) => page.getByRole('navigation', { name: /主导航|Main navigation/ });

async function setUp(page: Page, labels: { institution: string; name: string; username: string; password: string; again: string; submit: string }) {
  await page.getByLabel(labels.institution).fill(ADMIN.institution);
  await page.getByLabel(labels.name).fill(ADMIN.name);
  await page.getByLabel(labels.username, { exact: true }).fill(ADMIN.username);
  await page.getByLabel(labels.password, { exact: true }).fill(ADMIN.password);
  await page.getByLabel(labels.again).fill(ADMIN.password);
  await page.getByRole('button', { name: labels.submit }).click();
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

  it('sets up the institution in Chinese, adds and signs in a trainee, switches to English, and keeps both after a restart', async () => {
    app = await startWebApp();
    browser = await launchBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    const errors = collectPageErrors(page);

    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: '首次使用：设置培训机构' }).waitFor();
    // The built page carries the strict CSP (and the response header repeats it).
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    await page.getByRole('button', { name: '创建并登录' }).click();
    await page.getByText('请填写培训机构名称（不超过 120 个字）。').waitFor();
    await checkScreen(page, 'zh', 'shell-zh-1-setup');

    await setUp(page, { institution: '培训机构名称', name: '管理员姓名', username: '用户名', password: '密码', again: '再次输入密码', submit: '创建并登录' });
    await page.getByRole('heading', { level: 1, name: `您好，${ADMIN.name}` }).waitFor();
    await page.getByText('机构管理').waitFor();
    await checkScreen(page, 'zh', 'shell-zh-8-home-admin');

    // People: a trainee, with the certificate number refused first at its field.
    await nav(page).getByRole('button', { name: '人员' }).click();
    await page.getByRole('heading', { level: 1, name: '人员管理' }).waitFor();
    await page.getByRole('button', { name: '添加人员' }).click();
    await page.getByLabel('姓名').fill('李华');
    await page.getByLabel('职业类别').selectOption('nurse');
    await page.getByLabel('证书类别').selectOption('nurse-practising');
    await page.getByLabel('证书编号').fill('x');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.getByText('证书编号须为 4–40 位字母、数字或连字符。').waitFor();
    await page.getByLabel('证书编号').fill('NUR-2024-0017');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.getByRole('rowheader', { name: '李华' }).waitFor();
    await checkScreen(page, 'zh', 'shell-zh-3-people');
    await page.getByRole('row', { name: /李华/ }).getByRole('button', { name: /管理/ }).click();
    await page.getByRole('region', { name: '学员 PIN' }).waitFor();
    await checkScreen(page, 'zh', 'shell-zh-6-manage-person');
    await nav(page).getByRole('button', { name: '设置' }).click();
    await page.getByRole('region', { name: '备份' }).getByRole('table').waitFor();
    await checkScreen(page, 'zh', 'shell-zh-7-settings-admin');

    await nav(page).getByRole('button', { name: '审计日志' }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
    await page.getByRole('button', { name: '核验哈希链' }).click();
    await page.getByText(/审计日志完整：已核验 \d+ 条记录/).waitFor();
    await checkScreen(page, 'zh', 'shell-zh-5-audit');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await checkScreen(page, 'zh', 'shell-zh-2-sign-in');

    await page.getByRole('region', { name: '学员登录' }).getByRole('button', { name: /李华/ }).click();
    await page.getByRole('heading', { level: 1, name: '您好，李华' }).waitFor();
    // What the studio would record, through the same API as this page load (the trainee signed in on it).
    const started = await callAs<{ attemptId: string; header: { zones: unknown[] } }>(page, 'sessions.start', { presetId: 'roller-forehead-pink', mode: 'learn' });
    await callAs(page, 'sessions.append', { attemptId: started.attemptId, seq: 0, events: [{ kind: 'step', step: { step: 'take-history', tMs: 1000 } }] });
    await callAs(page, 'sessions.finish', { attemptId: started.attemptId, batches: 1, endTMs: 30_000, zones: started.header.zones });
    await callAs(page, 'sessions.import', { recording: fixture('rf-cheeks-good'), fileName: 'rf-cheeks-good.json' });
    await callAs(page, 'sessions.start', { presetId: 'nano-face-delivery', mode: 'test' });

    await nav(page).getByRole('button', { name: '我的记录' }).click();
    await page.getByRole('table', { name: '实训记录列表' }).waitFor();
    expect(await page.getByRole('row').count()).toBe(4);
    expect(await page.getByRole('table').locator('.pill-imported').first().textContent()).toBe('导入');
    expect(await page.getByRole('table').getByText('不计为考核').isVisible()).toBe(true);
    await checkScreen(page, 'zh', 'shell-zh-4-records');

    // The station switches to English, at once.
    await nav(page).getByRole('button', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await nav(page).getByRole('button', { name: 'My records' }).click();
    await page.getByRole('table', { name: 'Sessions' }).waitFor();
    expect(await page.getByRole('table').getByText('not a test').isVisible()).toBe(true);
    await checkScreen(page, 'en', 'shell-en-4-records');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await checkScreen(page, 'en', 'shell-en-2-sign-in');

    const staff = page.getByRole('region', { name: 'Staff sign-in' });
    await staff.getByLabel('User name').fill(ADMIN.username);
    await staff.getByLabel('Password').fill('not the password');
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.getByText(/^Sign-in failed: the user name, password or PIN is wrong/).waitFor();
    await staff.getByLabel('Password').fill(ADMIN.password);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: `Hello, ${ADMIN.name}` }).waitFor();
    await nav(page).getByRole('button', { name: 'People' }).click();
    await page.getByRole('rowheader', { name: '李华' }).waitFor();
    await checkScreen(page, 'en', 'shell-en-3-people');
    await page.getByRole('row', { name: /李华/ }).getByRole('button', { name: /Trainee file/ }).click();
    await page.getByRole('table', { name: 'Sessions' }).waitFor();
    await checkScreen(page, 'en', 'shell-en-6-trainee-file');
    await nav(page).getByRole('button', { name: 'Audit log' }).click();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await page.getByText(/^The audit log is intact: \d+ entries checked/).waitFor();
    await checkScreen(page, 'en', 'shell-en-5-audit');

    // Restart the server on the same data: the trainee and the language are still there.
    const dataDir = app.dataDir;
    await app.stop();
    app = await startWebApp({ dataDir });
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText(ADMIN.institution).waitFor();
    await page.getByRole('region', { name: 'Trainees' }).getByRole('button', { name: /李华/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, 李华' }).waitFor();
    await page.getByText(/Trainee · Nurse · Nurse practising certificate/).waitFor();
    await checkScreen(page, 'en', 'shell-en-8-home-trainee');

    expect(errors).toEqual([]);
  });

  it('sets up in English on an English system, and switches to Chinese', async () => {
    await browser?.close();
    await app?.stop();
    app = await startWebApp();
    browser = await launchBrowser({ locale: 'en-US' });
    const { page } = browser;
    const errors = collectPageErrors(page);

    await page.goto(app.url);
    await page.getByRole('heading', { level: 1, name: 'First start: set up the institution' }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    await page.getByText('Passwords have at least 10 characters (at most 128).').waitFor();
    await checkScreen(page, 'en', 'shell-en-1-setup');

    await setUp(page, { institution: 'Institution name', name: 'Administrator’s name', username: 'User name', password: 'Password', again: 'Password again', submit: 'Create and sign in' });
    await page.getByRole('heading', { level: 1, name: `Hello, ${ADMIN.name}` }).waitFor();
    await nav(page).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Interface language').selectOption('zh');
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
    await nav(page).getByRole('button', { name: '首页' }).click();
    await page.getByRole('heading', { level: 1, name: `您好，${ADMIN.name}` }).waitFor();

    expect(errors).toEqual([]);
  });
});
