// The rest of authoring on the real services: a region question keyed on the head's region list, a
// complication vignette, Duplicate and Archive/Restore of published items, discarding a draft, and the item
// analysis of a module.

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededInstitution } from '../helpers/training-services';
import { navTo, renderShell } from './shell-setup';
import { findUntranslatedText } from './shell-text-audit';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));
// The head's WebGL canvas is not under test here: the region list beside it picks the same regions.
vi.mock('../../renderer/screens/exams/head/RegionCanvas', () => ({ default: () => <div className="region-canvas-stand-in" /> }));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

async function authoring(tab = '题目') {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  const shell = await renderShell({ services: s, clientKey: 'window:instructor' });
  fireEvent.click(navTo('编写'));
  fireEvent.click(await screen.findByRole('tab', { name: tab }));
  return { s, shell };
}

async function waitSaved() {
  await waitFor(() => expect(document.querySelector('.authoring-save-status')?.getAttribute('data-status')).toBe('saved'), { timeout: 3000 });
}
const problemsAt = (group: string) => within(screen.getByRole('group', { name: group })).queryAllByText(/./, { selector: '.field-error span' }).map((e) => e.textContent);

describe('authoring items', () => {
  it('keys a region question on the region list beside the head, with the answer mode', async () => {
    await authoring();
    fireEvent.click(await screen.findByRole('button', { name: '新建题目' }));
    fireEvent.change(await screen.findByLabelText('题型'), { target: { value: 'region' } });
    expect(screen.getByLabelText('作答方式')).toBeTruthy();
    await waitSaved();
    await waitFor(() => expect(document.body.textContent).toMatch(/at least one key region/));
    fireEvent.click(screen.getByRole('button', { name: '额部' }));
    await waitSaved();
    await waitFor(() => expect(document.body.textContent).not.toMatch(/at least one key region/));
    expect(screen.getByRole('button', { name: '额部' }).getAttribute('aria-pressed')).toBe('true');
  }, 20_000);

  it('writes a complication vignette with correct and harmful options', async () => {
    await authoring('并发症');
    fireEvent.click(await screen.findByRole('button', { name: '新建并发症情景' }));
    expect(await screen.findByRole('heading', { level: 1, name: '新建并发症情景' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: '选项 A 为正确处理' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '选项 A 有害（选择即为严重错误）' }));
    await waitSaved();
    await waitFor(() => expect(problemsAt('选项 A')).toContain('an option cannot be both correct and harmful'));
    fireEvent.click(screen.getByRole('button', { name: '添加处理选项' }));
    expect(screen.getByLabelText('选项 D 内容（中文）')).toBeTruthy();
    expect(findUntranslatedText(document.body, 'zh')).toEqual([]);
  }, 20_000);

  it('duplicates, archives and restores a published question, and discards a draft', async () => {
    const { s } = await authoring();
    const first = s.ok(await s.instructor.authoring.list({ kind: 'question', includeArchived: false }))[0]!;
    fireEvent.click(await screen.findByRole('button', { name: `复制 ${first.id}` }));
    expect(await screen.findByRole('heading', { level: 1, name: '新建题目' })).toBeTruthy();
    expect((screen.getByLabelText('编号') as HTMLInputElement).value).toBe(`${first.id}-copy`);
    fireEvent.click(screen.getByRole('button', { name: '放弃' }));
    fireEvent.click(screen.getByRole('button', { name: '放弃草稿' }));
    await screen.findByRole('heading', { level: 1, name: '题库与考核编写' });
    expect(s.ok(await s.instructor.authoring.drafts({ kind: 'question' }))).toEqual([]);

    fireEvent.click(await screen.findByRole('button', { name: `归档 ${first.id}` }));
    await waitFor(() => expect(screen.queryByRole('button', { name: `归档 ${first.id}` })).toBeNull());
    fireEvent.click(screen.getByRole('checkbox', { name: '显示已归档' }));
    fireEvent.click(await screen.findByRole('button', { name: `恢复 ${first.id}` }));
    await screen.findByRole('button', { name: `归档 ${first.id}` });
    expect(s.ok(await s.instructor.authoring.get({ kind: 'question', id: first.id })).summary.archived).toBe(false);
  }, 20_000);

  it('shows the item analysis of a module with its thresholds', async () => {
    const { s } = await authoring('考试模块');
    const module = s.ok(await s.instructor.authoring.list({ kind: 'exam-module', includeArchived: false }))[0]!;
    fireEvent.click(await screen.findByRole('button', { name: `${module.id} 的条目分析` }));
    expect(await screen.findByRole('heading', { level: 1, name: '条目分析' })).toBeTruthy();
    expect(await screen.findByText('判定阈值')).toBeTruthy();
    expect(screen.getByText('最少考试次数：10')).toBeTruthy();
    expect(findUntranslatedText(document.body, 'zh')).toEqual([]);
  });
});
