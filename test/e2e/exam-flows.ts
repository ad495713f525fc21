// Working an exam in the browser as a trainee does: the exams list, the identity check, each question
// answered by clicking its options or its regions, the case screened through its buttons, the vignettes,
// and submitting. What is right is read from the attempt's content in the data folder's database, as
// main stored it when the attempt started (the page never carries a key).

import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REGION_NAMES, type RegionId } from '../../core/anatomy/regions';
import type { ExamAttemptContent, PartInstance } from '../../core/exams/attempt';
import { expectedCaseDecision } from '../../core/exams/case-screening';
import { HISTORY_TOPICS } from '../../core/exams/format/history-topics';
import { CONDITIONS } from '../../core/rules/conditions';
import { CLAUSES } from '../../core/standard/clauses';

export type Lang = 'zh' | 'en';

/** The newest exam attempt in a data folder, with the content main drew for it. */
export function latestAttempt(dataDir: string): { id: string; content: ExamAttemptContent } {
  const db = new DatabaseSync(path.join(dataDir, 'training.sqlite'), { readOnly: true });
  try {
    const row = db.prepare('SELECT id, content FROM exam_attempts ORDER BY started_at DESC, rowid DESC LIMIT 1').get() as { id: string; content: string };
    return { id: row.id, content: JSON.parse(row.content) as ExamAttemptContent };
  } finally {
    db.close();
  }
}

const T = {
  zh: { submit: '交卷', confirmSubmit: '确认交卷', treat: '按计划治疗', limit: '限制性治疗', defer: '暂缓/拒绝治疗', ask: '询问', exclude: '不予治疗的部位' },
  en: { submit: 'Submit the exam', confirmSubmit: 'Submit now', treat: 'Treat as planned', limit: 'Treat with limits', defer: 'Defer or decline treatment', ask: 'Ask', exclude: 'Regions to leave out' },
};

/** From the exams list: start (with the identity check) or resume the module. */
export async function openModuleExam(page: Page, moduleId: string, lang: Lang, certificateNumber?: string): Promise<void> {
  const card = page.locator(`article[data-module-id="${moduleId}"]`);
  await card.waitFor();
  if (certificateNumber === undefined) {
    await card.locator('button.button-primary').click();
  } else {
    await card.locator('button.button-primary').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input').first().fill(certificateNumber);
    await dialog.locator('button[type="submit"]').click();
  }
  await page.locator('nav.exam-parts').waitFor();
  await page.locator('.exam-clock-time').waitFor();
  void lang;
}

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

export async function openPart(page: Page, index: number): Promise<void> {
  await page.locator('nav.exam-parts button').nth(index).click();
}

const regionName = (r: RegionId, lang: Lang) => REGION_NAMES[r][lang];

/** Answers knowledge questions `from`..`to` (indexes) right, through the question navigator. */
export async function answerKnowledge(page: Page, part: Extract<PartInstance, { kind: 'knowledge' }>, lang: Lang, from = 0, to = part.items.length): Promise<void> {
  for (let i = from; i < to; i++) {
    const { question: q } = part.items[i]!;
    await page.locator('nav.exam-navigator button').nth(i).click();
    const panel = page.locator('.exam-question-panel');
    await panel.locator('.exam-question-meta', { hasText: String(i + 1) }).waitFor();
    const options = panel.locator('label.exam-option');
    if (q.type === 'single') await options.nth('abcdef'.indexOf(q.key[0]!)).click();
    else if (q.type === 'multiple') for (const k of q.key) await options.nth('abcdef'.indexOf(k)).click();
    else if (q.type === 'true-false') await options.nth(q.key ? 0 : 1).click();
    else for (const r of q.answerMode === 'all' ? q.key : [q.key[0]!]) await panel.locator('button.region-chip', { hasText: regionName(r, lang) }).first().click();
    await page.locator('nav.exam-navigator button').nth(i).and(page.locator('.is-answered')).waitFor();
  }
}

/** Screens the case as the trainee decides: `right` follows the case's conditions; `treat` treats as planned. */
export async function screenCase(page: Page, part: Extract<PartInstance, { kind: 'case' }>, lang: Lang, how: 'right' | 'treat'): Promise<void> {
  const doc = part.case;
  const expected = expectedCaseDecision(doc);
  for (const topic of HISTORY_TOPICS) {
    if (how === 'treat' && !['goals', 'medications', 'allergies'].includes(topic.id)) continue;
    await page.getByRole('button', { name: `${T[lang].ask}: ${topic.question[lang]}`, exact: true }).click();
    await page.getByRole('button', { name: `${T[lang].ask}: ${topic.question[lang]}`, exact: true }).waitFor({ state: 'detached' });
  }
  const examine = page.locator('section.exam-examine');
  const regions = how === 'right' ? [...new Set([...doc.plannedRegions, ...doc.findings.flatMap((f) => f.regions)])] : doc.plannedRegions;
  for (const r of regions) await examine.locator('button.region-chip', { hasText: regionName(r, lang) }).first().click();
  if (how === 'right') {
    for (const c of expected.contraindications) await page.locator('label.exam-option', { hasText: exactly(CONDITIONS.find((x) => x.id === c.conditionId)!.name[lang]) }).click();
  }
  const decision = how === 'treat' ? 'treat' : expected.decision;
  await page.locator('label.exam-option', { hasText: exactly(T[lang][decision]) }).click();
  if (decision === 'limit') {
    for (const r of expected.excludedRegions.filter((x) => doc.plannedRegions.includes(x))) {
      await page.locator('fieldset.region-list', { has: page.locator('legend', { hasText: exactly(T[lang].exclude) }) }).locator('button.region-chip', { hasText: regionName(r, lang) }).first().click();
    }
    for (const p of expected.pretreatments) await page.locator('label.exam-option', { hasText: p.step === 'skin-trial' ? (lang === 'zh' ? '皮肤试用试验' : 'skin trial') : lang === 'zh' ? '预防性抗病毒' : 'antiviral prophylaxis' }).click();
  }
  const consent = page.locator(`section[aria-labelledby="${part.partId}-consent"]`);
  await consent.locator('label.exam-option').first().click();
  if (how === 'right') {
    for (const clause of expected.risksToExplain) await consent.locator('label.exam-option', { hasText: exactly(CLAUSES.find((c) => c.id === clause)!.heading[lang]) }).click();
  }
  await consent.locator('label.exam-option').last().click();
}

export async function answerVignettes(page: Page, part: Extract<PartInstance, { kind: 'complication' }>): Promise<void> {
  for (const [i, { vignette }] of part.items.entries()) {
    const box = page.locator('section.exam-vignette').nth(i);
    for (const o of vignette.options.filter((x) => x.correct)) await box.locator('label.exam-option').nth('abcdef'.indexOf(o.id)).click();
  }
}

export async function submitExam(page: Page, lang: Lang): Promise<void> {
  await page.getByRole('button', { name: T[lang].submit, exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: T[lang].confirmSubmit }).click();
  await page.locator('.exam-result').waitFor();
}
