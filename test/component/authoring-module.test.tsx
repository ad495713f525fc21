// The module form on the real services and the shipped bank: a knowledge draw shows how many published
// questions match its clauses, difficulties and types; problems show at the part's fields; the English UI
// has no Chinese text of its own.

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clauseWithin } from '../../core/standard/clauses';
import { NURSE, seededInstitution } from '../helpers/training-services';
import { fieldError, navTo, renderShell } from './shell-setup';
import { findUntranslatedText } from './shell-text-audit';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

async function newModule(language: 'zh' | 'en' = 'zh') {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  await renderShell({ services: s, clientKey: 'window:instructor', language });
  const zh = language === 'zh';
  fireEvent.click(navTo(zh ? '编写' : 'Authoring'));
  fireEvent.click(await screen.findByRole('tab', { name: zh ? '考试模块' : 'Modules' }));
  fireEvent.click(await screen.findByRole('button', { name: zh ? '新建考试模块' : 'New exam module' }));
  expect(await screen.findByRole('heading', { level: 1, name: zh ? '新建考试模块' : 'New exam module' })).toBeTruthy();
  return s;
}

async function waitSaved() {
  await waitFor(() => expect(document.querySelector('.authoring-save-status')?.getAttribute('data-status')).toBe('saved'), { timeout: 3000 });
}

describe('module form', () => {
  it('lists how many bank questions match each knowledge draw', async () => {
    const s = await newModule();
    const questions = s.ok(await s.instructor.authoring.list({ kind: 'question', includeArchived: false }));
    const docs = await Promise.all(questions.map(async (q) => s.ok(await s.instructor.authoring.get({ kind: 'question', id: q.id })).document as { difficulty: number; clauses: string[] }));
    const under8 = docs.filter((d) => d.clauses.some((c) => clauseWithin(c, '8')));
    expect(under8.length).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: '添加理论题部分' }));
    const part = screen.getByRole('group', { name: '第 1 部分：理论题' });
    expect(await within(part).findByText('题库中符合条件的题目：0 道', {}, { timeout: 3000 })).toBeTruthy();
    fireEvent.change(within(part).getByLabelText('抽题规则 1 的条款或章节'), { target: { value: '8' } });
    await waitFor(() => expect(within(part).getByText(`题库中符合条件的题目：${under8.length} 道`)).toBeTruthy(), { timeout: 3000 });

    const easy = under8.filter((d) => d.difficulty === 1).length;
    fireEvent.click(within(part).getByRole('checkbox', { name: '1 易（记忆）' }));
    expect(within(part).getByText(`题库中符合条件的题目：${easy} 道`)).toBeTruthy();

    // A problem at the part's field: a time limit of 0 minutes.
    fireEvent.change(within(part).getByLabelText('第 1 部分限时（分钟）'), { target: { value: '0' } });
    await waitSaved();
    await waitFor(() => expect(fieldError('第 1 部分限时（分钟）')).toMatch(/at least 1 minute/));
    expect(findUntranslatedText(document.body, 'zh')).toEqual([]);
  }, 20_000);

  it('is in English in the English UI', async () => {
    await newModule('en');
    fireEvent.click(screen.getByRole('button', { name: 'Add a Knowledge part' }));
    await waitSaved();
    expect(findUntranslatedText(document.body, 'en')).toEqual([]);
    // The question form and the packs tab too.
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(await screen.findByRole('tab', { name: 'Questions' }));
    fireEvent.click(await screen.findByRole('button', { name: 'New question' }));
    expect(await screen.findByLabelText('Stem (English)')).toBeTruthy();
    await waitSaved();
    expect(findUntranslatedText(document.body, 'en')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(await screen.findByRole('tab', { name: 'Packs' }));
    expect(await screen.findByLabelText('Import format')).toBeTruthy();
    expect(findUntranslatedText(document.body, 'en')).toEqual([]);
  }, 20_000);
});

describe('module preview and regrading', () => {
  it('previews a module draft as a trainee would see it', async () => {
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    const module = s.ok(await s.instructor.authoring.list({ kind: 'exam-module', includeArchived: false })).find((m) => m.source === 'shipped')!;
    await renderShell({ services: s, clientKey: 'window:instructor' });
    fireEvent.click(navTo('编写'));
    fireEvent.click(await screen.findByRole('tab', { name: '考试模块' }));
    fireEvent.click(await screen.findByRole('button', { name: `修改 ${module.id}` }));
    expect(await screen.findByRole('heading', { level: 1, name: '修改考试模块' })).toBeTruthy();
    const preview = await screen.findByRole('button', { name: '预览' });
    await waitFor(() => expect((preview as HTMLButtonElement).disabled).toBe(false), { timeout: 3000 });
    fireEvent.click(preview);
    const dialog = await screen.findByRole('dialog', { name: '预览（学员视角）' });
    await waitFor(() => expect(within(dialog).getAllByRole('heading', { level: 3 }).length).toBeGreaterThan(0), { timeout: 3000 });
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭预览' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  }, 20_000);

  it('regrades the attempts that saw an older version of a corrected question, with a reason', async () => {
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    const catalog = s.ok(await s.trainee.exams.catalog());
    const module = catalog.modules.find((m) => m.standing?.blocked === null && m.parts.some((p) => p.kind === 'knowledge'))!;
    const started = s.ok(await s.trainee.exams.start({ moduleId: module.ref.id, certificateNumber: NURSE.certificateNumber }));
    s.ok(await s.trainee.exams.submit({ examAttemptId: started.id }));
    const analysis = s.ok(await s.instructor.authoring.analysis({ moduleId: module.ref.id }));
    const seen = analysis.questions[0]!;
    const got = s.ok(await s.instructor.authoring.get({ kind: 'question', id: seen.questionId }));
    const doc = got.document as { explanation: { zh: string; en: string } };
    const draft = s.ok(await s.instructor.authoring.saveDraft({ kind: 'question', targetId: seen.questionId, baseVersion: got.summary.version, document: { ...doc, explanation: { zh: `${doc.explanation.zh}（已更正）`, en: `${doc.explanation.en} (corrected)` } } }));
    s.ok(await s.instructor.authoring.publish({ draftId: draft.draftId }));

    await renderShell({ services: s, clientKey: 'window:instructor' });
    fireEvent.click(navTo('编写'));
    fireEvent.click(await screen.findByRole('tab', { name: '考试模块' }));
    fireEvent.click(await screen.findByRole('button', { name: `${module.ref.id} 的条目分析` }));
    const stat = await screen.findByRole('region', { name: `题目 ${seen.questionId}` });
    fireEvent.click(within(stat).getByRole('button', { name: '重新评分' }));
    const apply = await screen.findByRole('button', { name: '重新评分 1 次考试' });
    expect(screen.getByText('王芳')).toBeTruthy();
    fireEvent.click(apply);
    expect(fieldError('原因')).toBe('请填写重新评分的原因（至少 3 个字）。');
    fireEvent.change(screen.getByLabelText('原因'), { target: { value: '解析有误，已更正' } });
    fireEvent.click(apply);
    expect(await screen.findByText('已重新评分 1 次考试。')).toBeTruthy();
    expect(findUntranslatedText(document.body, 'zh')).toEqual([]);
  }, 20_000);
});
