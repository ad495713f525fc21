// Authoring end to end, in Chromium against `npm run web` (issue 9): an instructor signed in with a password
// writes three questions on one clause, a patient case and a module that draws all of them, previews and
// publishes it; a nurse takes it; the instructor reads the item analysis, corrects a key (version 2) and
// regrades the nurse's attempt with a reason that the audit trail names; a trainee's direct calls to the
// authoring API are refused; and the forms and the analysis are shown in English.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PartInstance } from '../../core/exams/attempt';
import { callApi } from './flows';
import { answerKnowledge, latestAttempt, openModuleExam, openPart, screenCase, submitExam } from './exam-flows';
import { createQuestion, fillCase, fillModule, openAuthoringTab, publishDraft, signInStaff, waitSavedClean, type QuestionSpec } from './authoring-flows';
import { buildRendererOnce, collectPageErrors, launchBrowser, saveScreenshot, startWebApp, type BrowserSession, type WebApp } from './harness';

const ADMIN = { name: '陈主任', username: 'chen', password: 'correct horse battery' };
const INSTRUCTOR = { accountRole: 'instructor', name: '张医生', profession: 'physician', certificateNumber: 'PHY-1100-22', certificateKind: 'physician-qualification', username: 'zhang', password: 'teaching pass 2026' };
const NURSE = { accountRole: 'trainee', name: '王芳', profession: 'nurse', certificateNumber: 'NUR-2024-0017', certificateKind: 'nurse-qualification' };

// 15.1.2 (three years as attending physician): two shipped questions cite it; ours make five.
const CLAUSE = '15.1.2';
const SHIPPED_ON_CLAUSE = 2;
const QUESTIONS: QuestionSpec[] = [
  {
    id: 'e2e-supervisor-single',
    type: 'single',
    stem: { zh: '指导医师须具有主治医师以上职称几年以上的经历？', en: 'For how many years must a supervising physician have been an attending physician or above?' },
    options: [
      { zh: '1 年', en: '1 year' },
      { zh: '3 年', en: '3 years' },
      { zh: '5 年', en: '5 years' },
      { zh: '10 年', en: '10 years' },
    ],
    key: 'b',
    explanation: { zh: '15.1.2：主治医师 3 年以上经历。', en: '15.1.2: three years or more as an attending physician.' },
    clause: CLAUSE,
  },
  {
    id: 'e2e-supervisor-tf',
    type: 'true-false',
    stem: { zh: '刚晋升主治医师的医师即可担任微针治疗的指导医师。', en: 'A physician just promoted to attending may supervise microneedling straight away.' },
    key: false,
    explanation: { zh: '须有主治医师 3 年以上经历（15.1.2）。', en: 'Three years as an attending physician are required (15.1.2).' },
    clause: CLAUSE,
  },
  {
    id: 'e2e-supervisor-region',
    type: 'region',
    stem: { zh: '指导医师示教滚轮微针时，常规首选的治疗部位是哪里？请在头模上点选。', en: 'Where does a supervising physician usually first demonstrate the roller? Pick it on the head.' },
    key: ['forehead'],
    explanation: { zh: '额部平坦、皮肤完整，便于示教（15.1.2）。', en: 'The forehead is flat with intact skin, easy to demonstrate on (15.1.2).' },
    clause: CLAUSE,
  },
];
const POOL = SHIPPED_ON_CLAUSE + QUESTIONS.length;
const CASE_ID = 'e2e-perioral-herpes';
const MODULE_ID = 'e2e-supervisor-herpes';

const part = <K extends PartInstance['kind']>(parts: PartInstance[], kind: K) => parts.find((p) => p.kind === kind) as Extract<PartInstance, { kind: K }>;
const noise = (e: string) => /Failed to fetch|ERR_CONNECTION_REFUSED|net::|WebGL|GPU stall/.test(e);

async function must<T>(page: Page, name: string, args: unknown = {}): Promise<T> {
  const r = await callApi<T>(page, name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('an instructor writes questions, a case and a module, a nurse takes it, and a corrected key is regraded', () => {
  let app: WebApp;
  const browsers: BrowserSession[] = [];

  beforeAll(async () => {
    await buildRendererOnce();
    app = await startWebApp();
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await app?.stop();
  });

  it('runs the whole story', async () => {
    const zh = await launchBrowser({ locale: 'zh-CN' });
    browsers.push(zh);
    const page = zh.page;
    const errors = collectPageErrors(page);

    // 1. The institution, its administrator, the instructor and the nurse, through the page's API.
    await page.goto(app.url);
    await page.locator('meta[name="microneedle-client-key"]').waitFor({ state: 'attached' });
    await must(page, 'auth.setup', { institutionName: '华东微针培训中心', admin: ADMIN });
    await must(page, 'people.create', INSTRUCTOR);
    await must(page, 'people.create', NURSE);

    // 2. The instructor signs in with her password and opens 编写.
    await signInStaff(page, app.url, INSTRUCTOR);
    await openAuthoringTab(page, '题目');

    // 3. Three questions on one clause, each published as version 1.
    for (const [i, q] of QUESTIONS.entries()) await createQuestion(page, q, i === 0 ? async () => void (await saveScreenshot(page, 'authoring-zh-question-form')) : undefined);
    await openAuthoringTab(page, '题目');
    for (const q of QUESTIONS) await expect.poll(() => page.locator('tr', { hasText: q.id }).innerText()).toMatch(/第 1 版/);

    // 4. The case, painted and answered throughout; then published.
    await fillCase(page, {
      id: CASE_ID,
      title: { zh: '38 岁女性，口周疱疹发作', en: '38-year-old woman, active perioral herpes' },
      clause: '6.3',
      plannedRegions: ['forehead', 'cheek-left', 'cheek-right', 'perioral'],
      findingRegions: ['lips', 'perioral'],
      rationale: {
        zh: '口周及唇红单纯疱疹发作，属局部感染（6.3），本次避开口周，只治疗额部与双颊。',
        en: 'Active herpes on the lip and perioral skin is a local infection (6.3): leave the perioral area out and treat only the forehead and cheeks.',
      },
    });
    await expect.poll(() => page.getByRole('status', { name: '按病例情况应作的决定' }).innerText()).toMatch(/限制性治疗/);
    await saveScreenshot(page, 'authoring-zh-case-form');
    await publishDraft(page, CASE_ID, 1);

    // 5. The module: knowledge draw on the clause (the whole pool), the case, a forehead practical.
    await fillModule(page, { id: MODULE_ID, clause: CLAUSE, poolSize: POOL, caseId: CASE_ID });
    await waitSavedClean(page);
    await saveScreenshot(page, 'authoring-zh-module-form');
    await page.locator('.authoring-toolbar').getByRole('button', { name: '预览', exact: true }).click();
    const preview = page.getByRole('dialog', { name: '预览（学员视角）' });
    await preview.locator('.authoring-preview-part').nth(2).waitFor();
    await expect.poll(() => preview.locator('.authoring-preview-part').first().locator('.exam-stem, .exam-question').count()).toBeGreaterThan(0);
    const previewText = await preview.innerText();
    expect(previewText).toContain(QUESTIONS[0]!.stem.zh);
    expect(previewText).toContain('第 5 题');
    // The dialog itself (a full-page shot of the long form behind it would show it as a sliver).
    await preview.screenshot({ path: await saveScreenshot(page, 'authoring-zh-module-preview') });
    await preview.getByRole('button', { name: '关闭预览' }).click();
    await publishDraft(page, MODULE_ID, 1);

    // 6. The nurse takes it: knowledge right, the case screened right; the practical is left undone.
    await page.goto(app.url);
    await page.locator('button.profile-choice', { hasText: NURSE.name }).click();
    await page.locator('[data-module="exams"] button').click();
    await openModuleExam(page, MODULE_ID, 'zh', NURSE.certificateNumber);
    const attempt = latestAttempt(app.dataDir);
    const knowledge = part(attempt.content.parts, 'knowledge');
    expect(knowledge.items.map((x) => x.question.id).sort()).toEqual(expect.arrayContaining(QUESTIONS.map((q) => q.id)));
    expect(knowledge.items).toHaveLength(POOL);
    expect(part(attempt.content.parts, 'case').case.id).toBe(CASE_ID);
    await answerKnowledge(page, knowledge, 'zh');
    await openPart(page, 1);
    await screenCase(page, part(attempt.content.parts, 'case'), 'zh', 'right');
    await submitExam(page, 'zh');

    // 8. A trainee's direct calls to authoring and packs are refused.
    const forbidden = [
      ['authoring.list', { kind: 'question' }],
      ['authoring.saveDraft', { kind: 'question', document: { id: 'x' } }],
      ['authoring.publish', { draftId: attempt.id }],
      ['packs.import', { format: 'pack', fileName: 'x.zip', base64: '', apply: true }],
    ] as const;
    for (const [name, args] of forbidden) {
      const r = await callApi(page, name, args);
      expect(r.ok ? 'ok' : r.error.code, name).toBe('forbidden');
    }

    // 7. The item analysis; the single-choice key corrected (version 2); the nurse's attempt regraded.
    await signInStaff(page, app.url, INSTRUCTOR);
    await openAuthoringTab(page, '考试模块');
    await page.getByRole('button', { name: `${MODULE_ID} 的条目分析`, exact: true }).click();
    const single = QUESTIONS[0]!;
    const row = page.getByRole('region', { name: `题目 ${single.id}` });
    await row.waitFor();
    expect(await page.locator('.authoring-stat').count()).toBe(POOL);
    await saveScreenshot(page, 'authoring-zh-item-analysis');

    await openAuthoringTab(page, '题目');
    await page.getByRole('button', { name: `修改 ${single.id}`, exact: true }).click();
    await page.getByRole('heading', { name: '修改题目' }).waitFor();
    await page.getByLabel('选项 C 为正确答案', { exact: true }).check();
    await page.waitForTimeout(100);
    await publishDraft(page, single.id, 2);

    await openAuthoringTab(page, '考试模块');
    await page.getByRole('button', { name: `${MODULE_ID} 的条目分析`, exact: true }).click();
    await row.getByText('此题已有新版本（第 2 版）').waitFor();
    await row.getByRole('button', { name: '重新评分', exact: true }).click();
    const panel = page.locator('.authoring-regrade');
    const candidate = panel.locator('tbody tr', { hasText: NURSE.name });
    await candidate.waitFor();
    const cells = await candidate.locator('td').allInnerTexts();
    expect(cells[1]).toContain(MODULE_ID);
    expect(cells[2]).toBe('第 1 版');
    const before = Number(/(\d+) 分/.exec(cells[3]!)![1]);
    const after = Number(/(\d+) 分/.exec(cells[4]!)![1]);
    expect(after).toBeLessThan(before);
    const reason = '第 1 版正确答案有误：按教研组意见改为 C。';
    await panel.getByLabel('原因', { exact: true }).fill(reason);
    await panel.getByRole('button', { name: '重新评分 1 次考试', exact: true }).click();
    await panel.getByRole('status').filter({ hasText: '已重新评分 1 次考试。' }).waitFor();
    await expect.poll(() => panel.locator('tbody tr').count()).toBe(1);
    expect(await panel.getByLabel('原因', { exact: true }).count()).toBe(0);

    // The audit trail, read by the administrator in another browser, names who, why and which attempt.
    const adminBrowser = await launchBrowser({ locale: 'zh-CN' });
    browsers.push(adminBrowser);
    const admin = adminBrowser.page;
    const adminErrors = collectPageErrors(admin);
    await admin.goto(app.url);
    await admin.locator('meta[name="microneedle-client-key"]').waitFor({ state: 'attached' });
    await must(admin, 'auth.signInStaff', { username: ADMIN.username, password: ADMIN.password });
    const audit = await must<{ entries: { actorName: string | null; subject: string | null; details: Record<string, unknown> }[] }>(admin, 'audit.list', { action: 'exam.regraded' });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ actorName: INSTRUCTOR.name, subject: attempt.id, details: { reason, questionId: single.id, fromVersion: 1, toVersion: 2 } });

    // 9. English: the question form, the case form (via Edit) and the item analysis.
    const en = await launchBrowser({ locale: 'en-US' });
    browsers.push(en);
    const enPage = en.page;
    const enErrors = collectPageErrors(enPage);
    await signInStaff(enPage, app.url, INSTRUCTOR, 'Authoring');
    await openAuthoringTab(enPage, 'Questions', 'Authoring');
    await enPage.getByRole('button', { name: `Edit ${QUESTIONS[1]!.id}`, exact: true }).click();
    await enPage.getByRole('heading', { name: /Edit/ }).first().waitFor();
    await enPage.locator('.authoring-save-status[data-status="saved"]').waitFor();
    await saveScreenshot(enPage, 'authoring-en-question-form');
    await openAuthoringTab(enPage, 'Cases', 'Authoring');
    await enPage.getByRole('button', { name: `Edit ${CASE_ID}`, exact: true }).click();
    await enPage.locator('form.authoring-form').waitFor();
    await enPage.locator('.authoring-save-status[data-status="saved"]').waitFor();
    await saveScreenshot(enPage, 'authoring-en-case-form');
    await openAuthoringTab(enPage, 'Modules', 'Authoring');
    await enPage.getByRole('button', { name: `Item analysis of ${MODULE_ID}`, exact: true }).click();
    await enPage.locator('.authoring-stat').first().waitFor();
    await saveScreenshot(enPage, 'authoring-en-item-analysis');
    await openAuthoringTab(enPage, 'Modules', 'Authoring');
    await enPage.getByRole('button', { name: `Edit ${MODULE_ID}`, exact: true }).click();
    await enPage.locator('.authoring-save-status[data-status="saved"]').waitFor();
    await saveScreenshot(enPage, 'authoring-en-module-form');
    await openAuthoringTab(enPage, 'Vignettes', 'Authoring');
    await enPage.getByRole('button', { name: 'Edit herpes-recurrence', exact: true }).click();
    await enPage.locator('.authoring-save-status[data-status="saved"]').waitFor();
    await saveScreenshot(enPage, 'authoring-en-vignette-form');

    // The vignette form in Chinese too (the other forms' Chinese shots are taken as they are filled in).
    const zhAgain = await launchBrowser({ locale: 'zh-CN' });
    browsers.push(zhAgain);
    await signInStaff(zhAgain.page, app.url, INSTRUCTOR);
    await openAuthoringTab(zhAgain.page, '并发症');
    await zhAgain.page.getByRole('button', { name: '修改 herpes-recurrence', exact: true }).click();
    await zhAgain.page.locator('.authoring-save-status[data-status="saved"]').waitFor();
    await saveScreenshot(zhAgain.page, 'authoring-zh-vignette-form');

    expect([...errors, ...adminErrors, ...enErrors].filter((e) => !noise(e))).toEqual([]);
  }, 600_000);
});
