// Authoring on the real services, as a signed-in instructor: a new question written in both languages shows
// its problems at their fields, is saved as a draft as it is typed, publishes as version 1 and an edit
// publishes version 2; trainees cannot open authoring.

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededInstitution } from '../helpers/training-services';
import { fieldError, navLabels, navTo, renderShell } from './shell-setup';
import { findUntranslatedText } from './shell-text-audit';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

async function institution() {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  return s;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** Waits until the draft is saved (the debounced save answered). */
async function waitSaved() {
  await waitFor(() => expect(document.querySelector('.authoring-save-status')?.getAttribute('data-status')).toBe('saved'), { timeout: 3000 });
}

async function openAuthoring(clientKey = 'window:instructor') {
  const s = await institution();
  const shell = await renderShell({ services: s, clientKey });
  fireEvent.click(navTo('编写'));
  expect(await screen.findByRole('heading', { level: 1, name: '题库与考核编写' })).toBeTruthy();
  return { s, shell };
}

describe('authoring a question', () => {
  it('shows problems at their fields, saves the draft as typed, publishes version 1 and an edit publishes version 2', async () => {
    const { s } = await openAuthoring();
    fireEvent.click(await screen.findByRole('button', { name: '新建题目' }));
    expect(await screen.findByRole('heading', { level: 1, name: '新建题目' })).toBeTruthy();

    type('编号', 'q-authored-eyelid');
    type('题干（中文）', '滚轮微针治疗眼睑时应选用多长的针？');
    type('题干（英文）', 'Which needle length is used on the eyelids with a roller?');
    const options = [
      ['0.25 mm', '0.25 mm'],
      ['0.5 mm', '0.5 mm'],
      ['1.0 mm', '1.0 mm'],
      ['1.5 mm', '1.5 mm'],
    ];
    options.forEach(([zh, en], i) => {
      const letter = 'ABCD'[i];
      type(`选项 ${letter}（中文）`, zh!);
      type(`选项 ${letter}（英文）`, en!);
    });
    type('解析（中文）', '眼睑皮肤薄，应使用 0.25 mm 并拉至骨面。');
    type('解析（英文）', 'Eyelid skin is thin: 0.25 mm, stretched over bone.');
    fireEvent.click(screen.getByRole('checkbox', { name: /^8\.5\.1 / }));
    await waitSaved();

    // No key yet: the problem is at the key, and publishing is not offered.
    const keyGroup = screen.getByRole('group', { name: '正确答案' });
    await waitFor(() => expect(within(keyGroup).getByText(/exactly one key/)).toBeTruthy());
    expect(fieldError('题干（中文）')).toBeNull();
    expect((screen.getByRole('button', { name: '发布' }) as HTMLButtonElement).disabled).toBe(true);
    expect(findUntranslatedText(document.body, 'zh')).toEqual([]);

    // The draft is kept: back to the list, and Continue shows what was typed.
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    fireEvent.click(await screen.findByRole('button', { name: '继续编写 滚轮微针治疗眼睑时应选用多长的针？' }));
    expect(((await screen.findByLabelText('题干（英文）')) as HTMLTextAreaElement).value).toBe('Which needle length is used on the eyelids with a roller?');

    // An emptied field shows its problem there.
    type('解析（英文）', '');
    await waitSaved();
    await waitFor(() => expect(fieldError('解析（英文）')).toMatch(/non-empty/));
    type('解析（英文）', 'Eyelid skin is thin: 0.25 mm, stretched over bone.');

    fireEvent.click(screen.getByRole('radio', { name: '选项 A 为正确答案' }));
    await waitSaved();
    await waitFor(() => expect(within(screen.getByRole('group', { name: '正确答案' })).queryByText(/exactly one key/)).toBeNull());
    expect(screen.getByText('无待修改问题')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '发布' }));
    expect(await screen.findByText('已发布 q-authored-eyelid：新版本 第 1 版')).toBeTruthy();
    const listed = s.ok(await s.instructor.authoring.list({ kind: 'question', includeArchived: false })).find((q) => q.id === 'q-authored-eyelid');
    expect(listed).toMatchObject({ version: 1, source: 'authored', clauses: ['8.5.1'] });
    expect(screen.getByText(listed!.hash)).toBeTruthy();

    // Editing the published question makes version 2.
    fireEvent.click(screen.getByRole('button', { name: '返回列表' }));
    fireEvent.click(await screen.findByRole('button', { name: '修改 q-authored-eyelid' }));
    expect(await screen.findByRole('heading', { level: 1, name: '修改题目' })).toBeTruthy();
    expect((screen.getByLabelText('编号') as HTMLInputElement).readOnly).toBe(true);
    type('题干（中文）', '滚轮微针治疗眼睑时，应选用多长的针？');
    await waitSaved();
    await waitFor(() => expect((screen.getByRole('button', { name: '发布' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: '发布' }));
    expect(await screen.findByText('已发布 q-authored-eyelid：新版本 第 2 版')).toBeTruthy();
    const got = s.ok(await s.instructor.authoring.get({ kind: 'question', id: 'q-authored-eyelid' }));
    expect(got.summary.version).toBe(2);
    expect((got.document as { stem: { zh: string } }).stem.zh).toBe('滚轮微针治疗眼睑时，应选用多长的针？');
  }, 30_000);
});

describe('who may author', () => {
  it('gives instructors the authoring entry and keeps trainees out', async () => {
    const s = await institution();
    const shell = await renderShell({ services: s, clientKey: 'window:nurse' });
    expect(navLabels()).not.toContain('编写');
    shell.store.getState().navigate({ name: 'authoring' });
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: '题库与考核编写' })).toBeNull());
    expect(await s.trainee.authoring.list({ kind: 'question', includeArchived: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('opens authoring from the instructor home tile', async () => {
    const s = await institution();
    const shell = await renderShell({ services: s, clientKey: 'window:instructor' });
    expect(navLabels()).toContain('编写');
    fireEvent.click(await screen.findByRole('button', { name: '题库与考核编写' }));
    expect(shell.store.getState().screen).toEqual({ name: 'authoring' });
    expect(await screen.findByRole('heading', { level: 1, name: '题库与考核编写' })).toBeTruthy();
  });
});
