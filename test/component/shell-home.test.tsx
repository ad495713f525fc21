// Home by role: trainees and instructors practise in the studio; administrators run the institution and
// see, once, what was imported from the earlier JSON version.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, makeTestServices, seededInstitution } from '../helpers/training-services';
import { greeting, navLabels, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
  localStorage.clear();
});

async function homeAs(clientKey: 'window:nurse' | 'window:instructor' | 'window:admin') {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  const shell = await renderShell({ services: s, clientKey });
  await screen.findByRole('heading', { level: 1, name: /您好/ });
  return { ...shell, s };
}

const tile = (name: string) => screen.getAllByRole('button', { name }).find((b) => b.classList.contains('tile-button')) as HTMLButtonElement | undefined;

describe('HomeScreen', () => {
  it('offers a trainee the three practice modules and my records, and opens the studio for a practice tile', async () => {
    const shell = await homeAs('window:nurse');
    for (const name of ['滚轮微针实训', '射频微针实训', '纳米微针实训', '我的记录']) {
      expect(tile(name)?.disabled, name).toBe(false);
    }
    expect(screen.queryByRole('button', { name: '学员档案' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '射频微针实训' }));
    expect(shell.store.getState().screen).toEqual({ name: 'studio', procedure: 'rf' });
  });

  it('opens the exams list from the exams tile, described for assistive technology', async () => {
    const shell = await homeAs('window:nurse');
    const exams = screen.getByRole('button', { name: '考核' }) as HTMLButtonElement;
    expect(exams.disabled).toBe(false);
    const described = (exams.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described.join(' ')).toContain('理论题');
    fireEvent.click(exams);
    expect(shell.store.getState().screen).toEqual({ name: 'exams' });
  });

  it('gives instructors practice, their trainees and authoring', async () => {
    const shell = await homeAs('window:instructor');
    expect(tile('滚轮微针实训')?.disabled).toBe(false);
    expect(tile('题库与考核编写')?.disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '学员档案' }));
    expect(shell.store.getState().screen).toEqual({ name: 'people' });
    expect(await screen.findByRole('heading', { level: 1, name: '学员' })).toBeTruthy();
  });

  it('gives administrators people, the audit log and the institution, and no studio', async () => {
    const shell = await homeAs('window:admin');
    expect(screen.getByText('管理员', { selector: '.screen-header p' })).toBeTruthy();
    expect(document.querySelector('[data-module="roller"]')).toBeNull();
    for (const name of ['人员管理', '审计日志', '机构与备份']) expect(tile(name)?.disabled, name).toBe(false);
    fireEvent.click(tile('审计日志')!);
    expect(shell.store.getState().screen).toEqual({ name: 'audit' });
  });

  it('opens the studio for the chosen procedure and comes back home when it exits', async () => {
    const shell = await homeAs('window:nurse');
    fireEvent.click(screen.getByRole('button', { name: '纳米微针实训' }));
    expect(await screen.findByRole('heading', { name: 'studio nano new' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'exit studio' }));
    expect(await screen.findByRole('heading', { level: 1, name: greeting('王芳') })).toBeTruthy();
    expect(shell.store.getState().screen).toEqual({ name: 'home' });
  });

  it('says who is signed in, with their role, in the top bar', async () => {
    await homeAs('window:nurse');
    expect(navLabels()).toEqual(['首页', '考试', '我的记录', '设置']);
    const account = document.querySelector('.nav-account')!;
    expect(within(account as HTMLElement).getByText('王芳')).toBeTruthy();
    expect(within(account as HTMLElement).getByText('学员')).toBeTruthy();
  });
});

describe('import from the earlier version', () => {
  it('tells the administrator once what was imported, and that old instructor flags were not carried over', async () => {
    const legacy = mkdtempSync(path.join(os.tmpdir(), 'microneedle-legacy-'));
    disposers.push(() => rmSync(legacy, { recursive: true, force: true }));
    writeFileSync(
      path.join(legacy, 'profiles.json'),
      JSON.stringify({
        format: 'microneedle-profiles',
        version: 1,
        profiles: [
          { id: 'p-1', name: '赵敏', role: 'nurse', certificateNumber: 'N-OLD-0001', isInstructor: true },
          { id: 'p-2', name: '钱伟', role: 'technician', certificateNumber: 'T-OLD-0002' },
          { id: 'p-3', name: '', role: 'cook', certificateNumber: 'x' },
        ],
      }),
    );
    const t = await makeTestServices({ legacyDataDir: legacy });
    disposers.push(() => t.services.dispose());
    const admin = t.client('window:admin');
    await admin.auth.setup({ institutionName: '华东微针培训中心', admin: ADMIN });

    await renderShell({ services: t, clientKey: 'window:admin' });
    const notice = await screen.findByRole('region', { name: '已从早期版本导入数据' });
    expect(notice.textContent).toContain('学员档案：2 份');
    expect(notice.textContent).toContain('实训记录：0 条');
    expect(notice.textContent).toContain('未能导入：1 项');
    expect(notice.textContent).toContain('“带教老师”标记未沿用（1 份档案曾勾选）');
    expect(notice.textContent).toContain('只能由管理员在“人员”中授予');
    // Main agrees: both came in as trainees.
    const people = await admin.people.list({ accountRole: 'trainee' });
    expect(people.ok && people.value.map((p) => p.name).sort()).toEqual(['赵敏', '钱伟'].sort());

    fireEvent.click(within(notice).getByRole('button', { name: '知道了' }));
    expect(screen.queryByRole('region', { name: '已从早期版本导入数据' })).toBeNull();
    cleanup();
    await renderShell({ services: t, clientKey: 'window:admin' });
    await screen.findByRole('heading', { level: 1, name: greeting(ADMIN.name) });
    expect(screen.queryByRole('region', { name: '已从早期版本导入数据' })).toBeNull();
  });
});
