// Certification end to end, in Chromium against `npm run web` (issue 10): the institution's nurse track is
// one short theory module (its own exams folder); a nurse passes it in the exam screen; the instructor issues
// her completion record from her file; she downloads the certificate PDF (rendered to an image and read) and
// the Open Badge; the statements reach the loopback LRS; the administrator exports the month's log as CSV,
// XLSX and xAPI with their signed manifests; each file verifies in the verify panel, and a copy with one
// changed byte fails naming what failed. Screenshots of the records screens, the cohort view and the
// certificate in zh and en go to test-output/screenshots.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_EXAMS_DIR } from '../../core/node/exams-dir';
import { startLrsServer, type LoopbackLrs } from '../helpers/lrs-server';
import { pdfText, renderPages } from '../unit/certification/poppler';
import { signInStaff } from './authoring-flows';
import { answerKnowledge, latestAttempt, openModuleExam, submitExam } from './exam-flows';
import { callApi, seriousAxeViolations } from './flows';
import { buildRendererOnce, collectPageErrors, launchBrowser, saveScreenshot, SCREENSHOT_DIR, startWebApp, type BrowserSession, type WebApp } from './harness';

const ADMIN = { name: '陈主任', username: 'chen', password: 'correct horse battery' };
const INSTRUCTOR = { accountRole: 'instructor', name: '张医生', profession: 'physician', certificateNumber: 'PHY-1100-22', certificateKind: 'physician-qualification', username: 'zhang', password: 'teaching pass 2026' };
const NURSE = { accountRole: 'trainee', name: '王芳', profession: 'nurse', certificateNumber: 'NUR-2024-0017', certificateKind: 'nurse-qualification' };
const PASSPHRASE = 'the institution passphrase';

/** The institution's nurse track: one theory module of five questions on section 8. */
const NURSE_BASICS = {
  kind: 'exam-module',
  formatVersion: 1,
  id: 'nurse-basics',
  version: 1,
  title: { zh: '护士微针基础理论', en: 'Microneedling basics for nurses' },
  description: { zh: '滚轮微针操作要点（第 8 章）', en: 'Roller technique (section 8)' },
  certifies: ['nurse'],
  procedure: null,
  syllabus: [{ clause: '8.5.1' }],
  parts: [{ id: 'knowledge', kind: 'knowledge', title: { zh: '理论', en: 'Theory' }, timeLimitMin: 10, minScore: 60, weight: 1, draws: [{ clauses: ['8'], count: 5 }] }],
  passRule: { overallMin: 60, attemptsAllowed: 3, retakeWaitHours: 24, consecutivePasses: 1 },
  release: { results: 'immediate', solutions: 'after-submit' },
};

async function must<T>(page: Page, name: string, args: unknown = {}): Promise<T> {
  const r = await callApi<T>(page, name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function bytesOf(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error(`download ${download.suggestedFilename()} failed: ${await download.failure()}`);
  return readFileSync(file);
}

/** Clicks what starts a download and returns the file's name and bytes. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: await bytesOf(download) };
}

const nav = (page: Page, label: string) => page.getByRole('navigation').getByRole('button', { name: label, exact: true }).click();

/** The verify panel's verdict for the files given (one, or a log and its manifest). */
async function verifyInPanel(page: Page, files: { name: string; bytes: Buffer }[]): Promise<{ verified: string | null; problems: string[]; text: string }> {
  const panel = page.locator('section.verify-panel');
  await panel.locator('input[type="file"]').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.bytes })));
  const result = panel.locator('.verify-result');
  await result.waitFor();
  const out = { verified: await result.getAttribute('data-verified'), problems: await result.locator('[data-problem]').evaluateAll((els) => els.map((e) => e.getAttribute('data-problem')!)), text: await result.innerText() };
  return out;
}

const changeByteAt = (bytes: Buffer, at: number): Buffer => {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at] === 0x37 ? 0x38 : 0x37;
  return copy;
};

async function exportLog(page: Page, format: 'csv' | 'xlsx' | 'xapi', lang: 'zh' | 'en', month: { from: string; to: string }) {
  const form = page.getByRole('form', { name: lang === 'zh' ? '导出' : 'Export' });
  await form.getByLabel(lang === 'zh' ? '起始日期' : 'From').fill(month.from);
  await form.getByLabel(lang === 'zh' ? '截止日期' : 'To').fill(month.to);
  await form.getByLabel(lang === 'zh' ? '文件格式' : 'File format').selectOption(format);
  await form.getByLabel(lang === 'zh' ? '表头语言' : 'Header language').selectOption(lang);
  await form.getByRole('button', { name: lang === 'zh' ? '开始导出' : 'Start export' }).click();
  const section = page.locator('section', { has: form });
  const file = await downloaded(page, () => section.getByRole('link', { name: lang === 'zh' ? '下载文件' : 'Download the file' }).click());
  const manifest = await downloaded(page, () => section.getByRole('link', { name: lang === 'zh' ? '下载签名清单' : 'Download the signed manifest' }).click());
  return { file, manifest };
}

describe('a completion record, its certificate, badge, statements and the month’s log, each verified', () => {
  let app: WebApp;
  let lrs: LoopbackLrs;
  let browser: BrowserSession | null = null;
  let dir: string;

  beforeAll(async () => {
    await buildRendererOnce();
    dir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-e2e-cert-'));
    const examsDir = path.join(dir, 'exams');
    cpSync(SHIPPED_EXAMS_DIR, examsDir, { recursive: true });
    writeFileSync(path.join(examsDir, 'modules', 'nurse-basics.json'), JSON.stringify(NURSE_BASICS, null, 2));
    const tracks = JSON.parse(readFileSync(path.join(examsDir, 'tracks.json'), 'utf8')) as { tracks: { profession: string; modules: string[] }[] };
    for (const t of tracks.tracks) if (t.profession === 'nurse') t.modules = ['nurse-basics'];
    writeFileSync(path.join(examsDir, 'tracks.json'), JSON.stringify(tracks, null, 2));
    lrs = await startLrsServer();
    app = await startWebApp({ dataDir: path.join(dir, 'data'), examsDir });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await lrs?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the whole story', async () => {
    browser = await launchBrowser({ locale: 'zh-CN' });
    const page = browser.page;
    const errors = collectPageErrors(page);
    await page.goto(app.url);
    await page.locator('meta[name="microneedle-client-key"]').waitFor({ state: 'attached' });
    await must(page, 'auth.setup', { institutionName: '华东微针培训中心', admin: ADMIN });
    await must(page, 'people.create', INSTRUCTOR);
    await must(page, 'people.create', NURSE);
    await must(page, 'certificates.setupKey', { passphrase: PASSPHRASE });
    await must(page, 'lrs.configure', { endpoint: lrs.endpoint, username: lrs.username, password: lrs.password, passphrase: PASSPHRASE });

    // The nurse passes her track's module in the exam screen.
    await page.goto(app.url);
    await page.locator('button.profile-choice', { hasText: NURSE.name }).click();
    await page.locator('[data-module="exams"] button').click();
    await openModuleExam(page, 'nurse-basics', 'zh', NURSE.certificateNumber);
    const attempt = latestAttempt(app.dataDir);
    const knowledge = attempt.content.parts.find((p) => p.kind === 'knowledge');
    if (knowledge?.kind !== 'knowledge') throw new Error('no knowledge part drawn');
    await answerKnowledge(page, knowledge, 'zh');
    await submitExam(page, 'zh');
    await page.locator('.exam-verdict-pass').waitFor();

    // The instructor issues her completion record from her file.
    await signInStaff(page, app.url, INSTRUCTOR, '学员');
    await nav(page, '学员');
    await page.locator('tr', { hasText: NURSE.name }).getByRole('button', { name: '学员档案' }).click();
    await page.getByRole('button', { name: '签发培训合格证明' }).click();
    const row = page.locator('tr', { hasText: /MN-\d{4}-\d{6}/ }).first();
    await row.waitFor();
    const number = /MN-\d{4}-\d{6}/.exec(await row.innerText())![0];

    // She downloads the certificate PDF and the badge from My records.
    await page.goto(app.url);
    await page.locator('button.profile-choice', { hasText: NURSE.name }).click();
    await nav(page, '我的记录');
    const certRow = page.locator('tr', { hasText: number });
    const pdf = await downloaded(page, () => certRow.getByRole('button', { name: `下载证书 ${number} 的 PDF` }).click());
    expect(pdf.name).toBe(`${number}.pdf`);
    const [pageImage] = renderPages(pdf.bytes, 90);
    expect(pageImage!.width).toBeGreaterThan(pageImage!.height); // A4 landscape
    expect(pageImage!.inkShare).toBeGreaterThan(0.01);
    writeFileSync(path.join(SCREENSHOT_DIR, 'certificate-page-1.png'), pageImage!.png);
    const text = pdfText(pdf.bytes);
    for (const expected of ['培训合格证明', 'Certificate', NURSE.name, number, NURSE.certificateNumber, '15.2.3', '华东微针培训中心', NURSE_BASICS.title.zh]) expect(text).toContain(expected);
    const badge = await downloaded(page, () => certRow.getByRole('button', { name: `将记录 ${number} 下载为开放徽章 3.0 凭证` }).click());
    expect(JSON.parse(badge.bytes.toString('utf8'))).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'] });

    // Both verify in the panel; a copy with one changed byte names what failed.
    expect(await verifyInPanel(page, [pdf])).toMatchObject({ verified: 'true' });
    const attachmentAt = pdf.bytes.indexOf(Buffer.from('/Type /EmbeddedFile'));
    const pdfStream = pdf.bytes.indexOf(Buffer.from('stream'), attachmentAt) + 40;
    const badPdf = await verifyInPanel(page, [{ name: 'changed.pdf', bytes: changeByteAt(pdf.bytes, pdfStream) }]);
    expect(badPdf.verified).toBe('false');
    expect(badPdf.problems.length).toBeGreaterThan(0);
    expect(await verifyInPanel(page, [badge])).toMatchObject({ verified: 'true' });
    const badgeText = badge.bytes.toString('utf8');
    const forgedBadge = Buffer.from(badgeText.replace('"validUntil": "20', '"validUntil": "21'), 'utf8');
    expect(forgedBadge.equals(badge.bytes)).toBe(false);
    expect(await verifyInPanel(page, [{ name: 'forged.ob3.json', bytes: forgedBadge }])).toMatchObject({ verified: 'false', problems: ['signature'] });
    await page.locator('section.verify-panel').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'certification-zh-my-records-verified');

    // The statements reach the LRS: the attempt (attempted, completed, passed) and the record (satisfied).
    await signInStaff(page, app.url, ADMIN, '设置');
    await nav(page, '设置');
    await page.getByRole('button', { name: '立即发送' }).click();
    await expect.poll(() => [...lrs.stored().values()].map((s) => (s.verb as { id: string }).id.split('/').pop()).sort(), { timeout: 30_000 }).toEqual(['attempted', 'completed', 'passed', 'satisfied']);
    const satisfied = [...lrs.stored().values()].find((s) => (s.verb as { id: string }).id.endsWith('/satisfied'))!;
    expect(JSON.stringify(satisfied)).toContain(number);
    expect([...lrs.receipts().values()].every((n) => n === 1)).toBe(true);

    // The administrator exports the month's log (CSV, XLSX and xAPI) with their manifests, and opens them.
    await nav(page, '培训考核记录');
    const today = new Date();
    const month = { from: `${today.toISOString().slice(0, 8)}01`, to: today.toISOString().slice(0, 10) };
    const csv = await exportLog(page, 'csv', 'zh', month);
    expect(csv.file.name).toMatch(/\.csv$/);
    expect(csv.manifest.name).toBe(`${csv.file.name}.sig.json`);
    expect([...csv.file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = csv.file.bytes.toString('utf8');
    expect(csvText).toContain(number);
    expect(csvText).toContain(NURSE.name);
    await saveScreenshot(page, 'certification-zh-admin-records');
    const xlsx = await exportLog(page, 'xlsx', 'zh', month);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.file.bytes as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.map(String) : [])));
    expect(cells).toContain(number);
    expect(cells).toContain(NURSE.name);
    const xapi = await exportLog(page, 'xapi', 'zh', month);
    const statements = JSON.parse(xapi.file.bytes.toString('utf8')) as { id: string }[];
    expect(statements.map((s) => s.id).sort()).toEqual([...lrs.stored().keys()].sort());

    // Each log verifies with its manifest; one changed byte of the file is a changed hash.
    for (const log of [csv, xlsx, xapi]) {
      expect(await verifyInPanel(page, [log.file, log.manifest])).toMatchObject({ verified: 'true' });
    }
    const badCsv = await verifyInPanel(page, [{ name: csv.file.name, bytes: changeByteAt(csv.file.bytes, csvText.indexOf(number) + 10) }, csv.manifest]);
    expect(badCsv).toMatchObject({ verified: 'false', problems: ['hash'] });
    const badXapi = await verifyInPanel(page, [{ name: xapi.file.name, bytes: Buffer.from(xapi.file.bytes.toString('utf8').replace('"passed"', '"failed"')) }, xapi.manifest]);
    expect(badXapi).toMatchObject({ verified: 'false', problems: ['hash'] });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 700 });
    await saveScreenshot(page, 'certification-zh-admin-records-1024x700');

    // The instructor's cohort view.
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInStaff(page, app.url, INSTRUCTOR, '学员概况');
    await nav(page, '学员概况');
    await expect.poll(() => page.locator('main').innerText()).toContain('护士微针基础理论');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'certification-zh-cohort');
    expect(errors.filter((e) => !/Failed to fetch|ERR_CONNECTION_REFUSED|net::|WebGL|GPU stall/.test(e))).toEqual([]);

    // The same screens in English.
    await browser.close();
    browser = await launchBrowser({ locale: 'en-US' });
    const en = browser.page;
    const errorsEn = collectPageErrors(en);
    await signInStaff(en, app.url, ADMIN, 'Settings');
    await nav(en, 'Certification');
    await en.getByRole('form', { name: 'Export' }).waitFor();
    await expect.poll(() => en.locator('main').innerText()).toContain(number);
    expect(await seriousAxeViolations(en)).toEqual([]);
    await saveScreenshot(en, 'certification-en-admin-records');
    await en.setViewportSize({ width: 1024, height: 700 });
    await saveScreenshot(en, 'certification-en-admin-records-1024x700');
    // Staff's seven destinations and the profile keep one row at the smallest supported window.
    const bar = await en.locator('header').first().boundingBox();
    expect(bar!.height).toBeLessThan(90);
    await en.setViewportSize({ width: 1920, height: 1080 });
    await signInStaff(en, app.url, INSTRUCTOR, 'Cohort');
    await nav(en, 'Cohort');
    await expect.poll(() => en.locator('main').innerText()).toContain('Microneedling basics for nurses');
    await saveScreenshot(en, 'certification-en-cohort-1920x1080');
    await en.goto(app.url);
    await en.locator('button.profile-choice', { hasText: NURSE.name }).click();
    await nav(en, 'My records');
    await en.locator('tr', { hasText: number }).waitFor();
    await saveScreenshot(en, 'certification-en-my-records');
    expect(errorsEn.filter((e) => !/Failed to fetch|ERR_CONNECTION_REFUSED|net::|WebGL|GPU stall/.test(e))).toEqual([]);
  }, 600_000);
});
