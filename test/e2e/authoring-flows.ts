// Authoring in the browser as an instructor does: signing in with a password, the authoring tabs, the
// question, case and module forms filled field by field through their labels (regions picked on the head's
// region list), waiting for the draft to be saved with no problems, and publishing it.

import type { Locator, Page } from 'playwright-core';
import { REGION_NAMES, type RegionId } from '../../core/anatomy/regions';
import { HISTORY_TOPICS } from '../../core/exams/format/history-topics';
import { CONDITIONS } from '../../core/rules/conditions';

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Signs a member of staff in on the sign-in screen (a fresh page load) and waits for the nav. */
export async function signInStaff(page: Page, url: string, user: { username: string; password: string }, navLabel = '编写'): Promise<void> {
  await page.goto(url);
  await page.locator('form [name="username"]').fill(user.username);
  await page.locator('form [name="password"]').fill(user.password);
  await page.locator('form button[type="submit"]').click();
  await page.getByRole('navigation').getByRole('button', { name: navLabel, exact: true }).waitFor();
}

/** From anywhere signed in: the nav's 编写, then a tab (题目, 病例, 考试模块). */
export async function openAuthoringTab(page: Page, tab: string, navLabel = '编写'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: navLabel, exact: true }).click();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.locator('.authoring-items table, .authoring-items p.muted').first().waitFor();
}

/** The draft has been saved and main reports no problems; else fails with the problems shown. */
export async function waitSavedClean(page: Page, timeout = 20_000): Promise<void> {
  const status = page.locator('.authoring-save-status');
  const count = page.locator('.authoring-problem-count');
  const deadline = Date.now() + timeout;
  for (;;) {
    const s = await status.getAttribute('data-status');
    const c = (await count.textContent()) ?? '';
    if (s === 'saved' && c.trim() === '无待修改问题') return;
    if (Date.now() > deadline) {
      const problems = await page.locator('.field-error, .authoring-unplaced, .notice-error').evaluateAll((els) =>
        els.map((e) => `${e.closest('fieldset')?.querySelector('legend')?.textContent ?? e.closest('section')?.querySelector('h2, h3')?.textContent ?? ''}: ${e.textContent}`),
      );
      throw new Error(`draft not clean: status ${s}, "${c}"; problems shown: ${JSON.stringify(problems)}`);
    }
    await page.waitForTimeout(200);
  }
}

/** Publishes the open draft and returns the text of the published notice (已发布 id：新版本 第 n 版). */
export async function publishDraft(page: Page, id: string, version: number): Promise<string> {
  await waitSavedClean(page);
  await page.locator('.authoring-toolbar').getByRole('button', { name: '发布', exact: true }).click();
  const notice = page.locator('.authoring-published');
  await notice.waitFor();
  const text = await notice.innerText();
  if (!text.includes(`已发布 ${id}`) || !text.includes(`第 ${version} 版`)) throw new Error(`unexpected published notice: ${text}`);
  return text;
}

const regionName = (r: RegionId) => REGION_NAMES[r].zh;

/** Toggles regions on a region list (fieldset.region-list with this legend), after clicking the head once. */
export async function pickRegions(page: Page, legend: string, regions: readonly RegionId[]): Promise<void> {
  const list = page.locator('fieldset.region-list', { has: page.locator('legend', { hasText: new RegExp(`^${escapeRe(legend)}$`) }) });
  await list.waitFor();
  const picker = page.locator('.region-picker', { has: list });
  // The head is there: a click on its canvas (wherever it lands, it is undone below if it picked something).
  const canvas = picker.locator('.region-picker-head canvas');
  await canvas.waitFor({ timeout: 30_000 });
  const before = await list.locator('button.region-chip[aria-pressed="true"]').allInnerTexts();
  const box = await canvas.boundingBox();
  if (box) await page.mouse.click(box.x + 4, box.y + 4);
  await page.waitForTimeout(200);
  const after = await list.locator('button.region-chip[aria-pressed="true"]').allInnerTexts();
  for (const name of after.filter((n) => !before.includes(n))) await list.getByRole('button', { name: name.trim(), exact: true }).click();
  for (const r of regions) {
    const chip = list.getByRole('button', { name: regionName(r), exact: true });
    if ((await chip.getAttribute('aria-pressed')) !== 'true') await chip.click();
    await list.getByRole('button', { name: regionName(r), exact: true, pressed: true }).waitFor();
  }
}

/** A case-form region field (fieldset.authoring-regions with this legend): opens its head, picks, closes it. */
export async function pickCaseRegions(page: Page, scope: Locator, legend: string, regions: readonly RegionId[]): Promise<void> {
  const field = scope.locator('fieldset.authoring-regions', { has: page.locator('legend', { hasText: new RegExp(`^${escapeRe(legend)}$`) }) }).first();
  await field.getByRole('button', { name: '在头模上选择部位' }).click();
  await pickRegions(page, `${legend}：部位列表`, regions);
  await field.getByRole('button', { name: '收起头模' }).click();
  for (const r of regions) await field.locator('.authoring-region-summary', { hasText: regionName(r) }).waitFor();
}

export interface QuestionSpec {
  id: string;
  type: 'single' | 'true-false' | 'region';
  stem: { zh: string; en: string };
  options?: { zh: string; en: string }[];
  /** single: the key's letter; true-false: the answer; region: the key regions. */
  key: string | boolean | RegionId[];
  explanation: { zh: string; en: string };
  clause: string;
}

/** The question form: new question from the 题目 tab, filled and published (第 1 版). */
export async function createQuestion(page: Page, q: QuestionSpec, shot?: () => Promise<void>): Promise<void> {
  await openAuthoringTab(page, '题目');
  await page.getByRole('button', { name: '新建题目', exact: true }).click();
  await page.getByRole('heading', { name: '新建题目' }).waitFor();
  await page.getByLabel('编号', { exact: true }).fill(q.id);
  await page.getByLabel('题型', { exact: true }).selectOption(q.type);
  await page.getByLabel('难度', { exact: true }).selectOption('2');
  await page.getByLabel('题干（中文）', { exact: true }).fill(q.stem.zh);
  await page.getByLabel('题干（英文）', { exact: true }).fill(q.stem.en);
  if (q.type === 'single') {
    for (const [i, o] of (q.options ?? []).entries()) {
      const letter = 'ABCDEF'[i]!;
      await page.getByLabel(`选项 ${letter}（中文）`, { exact: true }).fill(o.zh);
      await page.getByLabel(`选项 ${letter}（英文）`, { exact: true }).fill(o.en);
    }
    await page.getByLabel(`选项 ${String(q.key).toUpperCase()} 为正确答案`, { exact: true }).check();
  } else if (q.type === 'true-false') {
    await page.getByRole('radio', { name: q.key ? '正确' : '错误', exact: true }).check();
  } else {
    await page.getByLabel('作答方式', { exact: true }).selectOption('any');
    await pickRegions(page, '正确部位', q.key as RegionId[]);
  }
  await page.getByLabel('解析（中文）', { exact: true }).fill(q.explanation.zh);
  await page.getByLabel('解析（英文）', { exact: true }).fill(q.explanation.en);
  await page.getByLabel('搜索条款（编号或标题）', { exact: true }).fill(q.clause);
  await page.getByRole('group', { name: '规范条款列表' }).getByRole('checkbox', { name: new RegExp(`^${escapeRe(q.clause)} `) }).check();
  await page.getByRole('list', { name: '已选条款' }).getByText(q.clause).waitFor();
  await waitSavedClean(page);
  if (shot) await shot();
  await publishDraft(page, q.id, 1);
}

export interface CaseSpec {
  id: string;
  title: { zh: string; en: string };
  clause: string;
  plannedRegions: RegionId[];
  findingRegions: RegionId[];
  rationale: { zh: string; en: string };
}

const conditionName = (id: string) => CONDITIONS.find((c) => c.id === id)!;

/** The case form: new case from the 病例 tab, every field filled; leaves the draft open (not published). */
export async function fillCase(page: Page, c: CaseSpec): Promise<void> {
  await openAuthoringTab(page, '病例');
  await page.getByRole('button', { name: '新建病例', exact: true }).click();
  const form = page.getByRole('form', { name: '病例编辑' });
  await form.waitFor();
  await form.getByLabel('病例编号', { exact: true }).fill(c.id);
  await form.getByLabel('拟行治疗', { exact: true }).selectOption('roller');
  await form.getByLabel('病例标题（中文）', { exact: true }).fill(c.title.zh);
  await form.getByLabel('病例标题（英文）', { exact: true }).fill(c.title.en);
  await form.getByLabel('添加引用条款', { exact: true }).selectOption(c.clause);
  await form.getByRole('list', { name: '引用的规范条款' }).getByText(c.clause).waitFor();
  await form.getByLabel('年龄（岁）', { exact: true }).fill('38');
  await form.getByLabel('性别', { exact: true }).selectOption('female');
  await form.getByLabel('Fitzpatrick 皮肤分型', { exact: true }).selectOption('3');
  await form.getByLabel('皮肤类型', { exact: true }).selectOption('normal');
  await form.getByLabel('主诉（患者就诊诉求）（中文）', { exact: true }).fill('想改善额头和脸颊的细纹，嘴周的干纹也想一起处理。');
  await form.getByLabel('主诉（患者就诊诉求）（英文）', { exact: true }).fill('She wants the fine lines on her forehead and cheeks improved, and the dry lines around her mouth too.');
  await pickCaseRegions(page, form, '拟治疗部位', c.plannedRegions);

  const topics = form.locator('section[aria-labelledby="authoring-case-history"] fieldset.authoring-item');
  for (const [i, topic] of HISTORY_TOPICS.entries()) {
    const row = topics.nth(i);
    await row.locator('legend', { hasText: topic.question.zh }).waitFor();
    await row.getByLabel('患者回答（中文）', { exact: true }).fill(`（${topic.question.zh}）没有特别情况，一切正常。`);
    await row.getByLabel('患者回答（英文）', { exact: true }).fill(`(${topic.question.en}) Nothing of note; all normal.`);
  }

  const infection = conditionName('local-infection');
  await form.getByRole('button', { name: '添加检查发现', exact: true }).click();
  const finding = form.getByRole('group', { name: '发现 1', exact: true });
  await finding.getByLabel('皮损形态', { exact: true }).selectOption('vesicles');
  await pickCaseRegions(page, finding, '所在部位', c.findingRegions);
  await finding.getByLabel('检查所见描述（中文）', { exact: true }).fill('上唇唇红缘及邻近口周皮肤可见一簇小水疱，基底红，触痛。');
  await finding.getByLabel('检查所见描述（英文）', { exact: true }).fill('A cluster of small vesicles on a red base at the upper vermilion border and the adjoining perioral skin; tender.');
  await finding.locator('details.authoring-reveals summary').click();
  await finding.getByRole('group', { name: '该发现提示' }).getByRole('checkbox', { name: `${infection.clause} ${infection.name.zh}`, exact: true }).check();

  const conditions = form.locator('section[aria-labelledby="authoring-case-conditions"]');
  await conditions.getByRole('checkbox', { name: new RegExp(`^${escapeRe(`${infection.clause} ${infection.name.zh}`)}（`) }).check();
  await pickCaseRegions(page, conditions, `受累部位：${infection.name.zh}`, c.findingRegions);

  const expected = form.locator('section[aria-labelledby="authoring-case-expected"]');
  await expected.getByLabel('预期决定', { exact: true }).selectOption('limit');
  await expected.getByLabel('依据（中文）', { exact: true }).fill(c.rationale.zh);
  await expected.getByLabel('依据（英文）', { exact: true }).fill(c.rationale.en);
  await waitSavedClean(page);
}

export interface ModuleSpec {
  id: string;
  clause: string;
  poolSize: number;
  caseId: string;
}

/** The module form: new module from the 考试模块 tab, every section filled; leaves the draft open. */
export async function fillModule(page: Page, m: ModuleSpec): Promise<void> {
  await openAuthoringTab(page, '考试模块');
  await page.getByRole('button', { name: '新建考试模块', exact: true }).click();
  await page.getByRole('heading', { name: '新建考试模块' }).waitFor();
  await page.getByLabel('编号', { exact: true }).fill(m.id);
  await page.getByLabel('标题（中文）', { exact: true }).fill('指导医师资质与口周疱疹筛查考核');
  await page.getByLabel('标题（英文）', { exact: true }).fill('Supervising physician and perioral herpes screening');
  await page.getByLabel('说明（中文）', { exact: true }).fill('考核护士对指导医师资质的掌握、口周疱疹病例的筛查，以及额部滚轮微针模拟操作。');
  await page.getByLabel('说明（英文）', { exact: true }).fill('Examines nurses on the supervising physician, screening a case of perioral herpes, and a forehead roller practical.');
  await page.getByRole('group', { name: '适用职业' }).getByRole('checkbox', { name: '护士', exact: true }).check();
  await page.getByLabel('操作类型', { exact: true }).selectOption('roller');
  await page.getByLabel('搜索条款（编号或标题）', { exact: true }).fill(m.clause);
  await page.getByRole('group', { name: '规范条款列表' }).getByRole('checkbox', { name: new RegExp(`^${escapeRe(m.clause)} `) }).check();

  // Part 1: knowledge, one draw on the clause taking the whole pool.
  await page.getByRole('button', { name: '添加理论题部分', exact: true }).click();
  await page.getByLabel('第 1 部分标题（中文）', { exact: true }).fill('理论知识');
  await page.getByLabel('第 1 部分标题（英文）', { exact: true }).fill('Knowledge');
  await page.getByLabel('抽题规则 1 的条款或章节', { exact: true }).fill(m.clause);
  await page.getByLabel('抽题规则 1 的题数', { exact: true }).fill(String(m.poolSize));
  await page.getByTestId('draw-matching').filter({ hasText: `题库中符合条件的题目：${m.poolSize} 道` }).waitFor();

  // Part 2: the case.
  await page.getByRole('button', { name: '添加病例部分', exact: true }).click();
  await page.getByLabel('第 2 部分标题（中文）', { exact: true }).fill('病例筛查');
  await page.getByLabel('第 2 部分标题（英文）', { exact: true }).fill('Case screening');
  await page.getByRole('group', { name: '选择病例' }).getByRole('checkbox', { name: new RegExp(escapeRe(m.caseId)) }).check();

  // Part 3: the practical task on the forehead.
  await page.getByRole('button', { name: '添加实操部分', exact: true }).click();
  await page.getByLabel('第 3 部分标题（中文）', { exact: true }).fill('模拟操作');
  await page.getByLabel('第 3 部分标题（英文）', { exact: true }).fill('Practical task');
  const task = page.getByRole('group', { name: '实操任务编辑' });
  await task.waitFor();
  await task.getByLabel('任务说明（考生可见）（中文）', { exact: true }).fill('35 岁女性，额部细纹，无禁忌证。请用滚轮微针治疗额部至皮肤潮红。');
  await task.getByLabel('任务说明（考生可见）（英文）', { exact: true }).fill('A 35-year-old woman with fine forehead lines and no contraindication. Roll the forehead to pink skin.');
  await task.getByLabel('适应证', { exact: true }).fill('skin-aging');
  await task.getByLabel('治疗终点', { exact: true }).selectOption('pink');
  await pickCaseRegions(page, task, '靶区', ['forehead']);
  await task.getByLabel('患者编号', { exact: true }).fill('task-forehead-35');
  await task.getByLabel('年龄（岁）', { exact: true }).fill('35');
  await task.getByLabel('性别', { exact: true }).selectOption('female');
  await task.getByLabel('Fitzpatrick 皮肤分型', { exact: true }).selectOption('3');
  await task.getByLabel('皮肤类型', { exact: true }).selectOption('normal');
  // The task's patient starts with no conditions list at all, which main refuses ("expected array"); a
  // user gets the empty list by ticking a condition and unticking it.
  const conditionsBox = task.locator('fieldset.authoring-item', { has: page.locator('legend', { hasText: '存在的禁忌证与风险情况' }) });
  const firstCondition = conditionsBox.getByRole('checkbox').first();
  await firstCondition.check();
  await firstCondition.uncheck();
  await setRollerSettings(page, task);

  await page.getByLabel('总分最低分（0-100）', { exact: true }).fill('60');
  await page.getByLabel('允许考试次数', { exact: true }).fill('3');
  await page.getByLabel('补考间隔（小时）', { exact: true }).fill('24');
  await page.getByLabel('须连续通过次数', { exact: true }).fill('1');
  await page.getByLabel('成绩公布', { exact: true }).selectOption('immediate');
  await page.getByLabel('答案与解析', { exact: true }).selectOption('after-submit');
}

/** The roller's starting settings (needle length, drum width) in the task editor. */
async function setRollerSettings(page: Page, task: Locator): Promise<void> {
  const needle = task.getByLabel('针长（mm）', { exact: true });
  if (!(await needle.isVisible())) {
    // A new practical part has no starting settings yet, and its procedure already reads 滚轮微针, so
    // choosing it again changes nothing: switch away and back, which sets the roller's defaults.
    await task.getByLabel('治疗方式', { exact: true }).selectOption('rf');
    await task.getByLabel('治疗方式', { exact: true }).selectOption('roller');
  }
  await needle.fill('0.5');
  await task.getByLabel('滚筒宽度（mm）', { exact: true }).fill('20');
  void page;
}
