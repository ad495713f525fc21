// The first screens: setting up a new institution, signing in (trainees by choosing their profile, with a
// PIN where the institution asks for one; staff with user name and password), signing out, and the
// recovery screen for a damaged training file.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDataFolderStorage } from '../../electron/services';
import { createBackup } from '../../electron/services/db/backups';
import { ADMIN, INSTRUCTOR, NURSE, seededInstitution } from '../helpers/training-services';
import { fieldError, greeting, makeApi, navLabels, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

async function seeded() {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  return s;
}

const GENERIC_FAILURE = '登录失败：用户名、密码或 PIN 不正确，或因多次失败已暂停登录。请稍后再试，或联系管理员。';

describe('first start', () => {
  it('sets up the institution, shows problems at their fields, and lands on the administrator’s home', async () => {
    const shell = await renderShell();
    disposers.push(shell.dispose);
    expect(await screen.findByRole('heading', { level: 1, name: '首次使用：设置培训机构' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('培训机构名称'), { target: { value: '华东微针培训中心' } });
    fireEvent.change(screen.getByLabelText('管理员姓名'), { target: { value: ADMIN.name } });
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'a' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: '创建并登录' }));
    await waitFor(() => expect(fieldError('用户名')).toMatch(/3–32 位/));
    expect(fieldError('密码')).toBe('密码至少 10 个字符（不超过 128 个）。');
    expect(fieldError('培训机构名称')).toBeNull();

    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: ADMIN.username } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: ADMIN.password } });
    fireEvent.change(screen.getByLabelText('再次输入密码'), { target: { value: 'something else' } });
    fireEvent.click(screen.getByRole('button', { name: '创建并登录' }));
    await waitFor(() => expect(fieldError('再次输入密码')).toBe('两次输入的密码不一致。'));

    fireEvent.change(screen.getByLabelText('再次输入密码'), { target: { value: ADMIN.password } });
    fireEvent.click(screen.getByRole('button', { name: '创建并登录' }));
    expect(await screen.findByRole('heading', { level: 1, name: greeting(ADMIN.name) })).toBeTruthy();
    expect(screen.getByText('华东微针培训中心')).toBeTruthy();
    expect(navLabels()).toEqual(['首页', '人员', '考试', '学员概况', '审计日志', '培训考核记录', '设置']);
    expect(shell.store.getState().signedIn).toMatchObject({ name: ADMIN.name, accountRole: 'admin' });
    // Main agrees: this window is the administrator, and the institution is set up.
    expect(await shell.api.auth.status()).toMatchObject({ ok: true, value: { setupNeeded: false, institution: { name: '华东微针培训中心' }, signedIn: { accountRole: 'admin' } } });
    // Administrators do not practise: no studio tiles.
    expect(document.querySelector('[data-module="roller"]')).toBeNull();
  });
});

describe('signing in', () => {
  it('signs a trainee in by choosing the profile, and signs out back to the chooser', async () => {
    const s = await seeded();
    const shell = await renderShell({ services: s, clientKey: 'window:station' });
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeTruthy();
    expect(screen.getByText('华东微针培训中心')).toBeTruthy();
    const chooser = screen.getByRole('region', { name: '学员登录' });
    // Only trainees are offered, with their profession; staff are not in the chooser.
    const choices = within(chooser).getAllByRole('button').map((b) => b.textContent);
    expect(choices).toEqual(['李明技师', '王芳护士']);

    fireEvent.click(within(chooser).getByRole('button', { name: /王芳/ }));
    expect(await screen.findByRole('heading', { level: 1, name: greeting('王芳') })).toBeTruthy();
    expect(screen.getByText(/学员 · 护士 · 护理资格证书/)).toBeTruthy();
    expect(screen.getByText('N-2024-0001')).toBeTruthy();
    expect(shell.store.getState().signedIn).toMatchObject({ name: NURSE.name, accountRole: 'trainee' });

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeTruthy();
    expect(await shell.api.auth.status()).toMatchObject({ ok: true, value: { signedIn: null } });
  });

  it('asks for the PIN first where the institution requires one, and says one generic thing when it is wrong', async () => {
    const s = await seeded();
    s.ok(await s.admin.institution.update({ traineePinRequired: true }));
    s.ok(await s.admin.people.setPin({ id: s.people.nurse.id, pin: '2468' }));
    const shell = await renderShell({ services: s, clientKey: 'window:station' });
    const chooser = await screen.findByRole('region', { name: '学员登录' });
    expect(within(chooser).getByText('请在下方选择您的姓名，并输入您的 PIN。')).toBeTruthy();

    fireEvent.click(within(chooser).getByRole('button', { name: /王芳/ }));
    const pin = await screen.findByLabelText('PIN');
    expect(shell.store.getState().signedIn).toBeNull();
    fireEvent.change(pin, { target: { value: '1111' } });
    fireEvent.click(within(chooser).getByRole('button', { name: '登录' }));
    expect((await within(chooser).findByRole('alert')).textContent).toBe(GENERIC_FAILURE);

    fireEvent.change(screen.getByLabelText('PIN'), { target: { value: '2468' } });
    fireEvent.click(within(chooser).getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('heading', { level: 1, name: greeting('王芳') })).toBeTruthy();
  });

  it('tells a trainee whose profile has no PIN yet to ask for one', async () => {
    const s = await seeded();
    s.ok(await s.admin.institution.update({ traineePinRequired: true }));
    await renderShell({ services: s, clientKey: 'window:station' });
    const chooser = await screen.findByRole('region', { name: '学员登录' });
    fireEvent.click(within(chooser).getByRole('button', { name: /李明/ }));
    fireEvent.change(await screen.findByLabelText('PIN'), { target: { value: '1234' } });
    fireEvent.click(within(chooser).getByRole('button', { name: '登录' }));
    expect((await within(chooser).findByRole('alert')).textContent).toContain('尚未为此学员档案设置 PIN');
    fireEvent.click(within(chooser).getByRole('button', { name: '选择其他学员' }));
    expect(within(chooser).getByRole('button', { name: /王芳/ })).toBeTruthy();
  });

  it('answers a failed staff sign-in with the same localized sentence, whatever was wrong', async () => {
    const s = await seeded();
    const shell = await renderShell({ services: s, clientKey: 'window:station' });
    const staff = await screen.findByRole('region', { name: '工作人员登录' });
    const submit = (username: string, password: string) => {
      fireEvent.change(within(staff).getByLabelText('用户名'), { target: { value: username } });
      fireEvent.change(within(staff).getByLabelText('密码'), { target: { value: password } });
      fireEvent.click(within(staff).getByRole('button', { name: '登录' }));
    };
    const attempt = async (username: string, password: string) => {
      submit(username, password);
      await waitFor(() => expect((within(staff).getByRole('button', { name: '登录' }) as HTMLButtonElement).disabled).toBe(false));
      return (await within(staff).findByRole('alert')).textContent;
    };
    const wrongPassword = await attempt(INSTRUCTOR.username, 'not the password');
    const unknownUser = await attempt('nobody', 'not the password');
    expect(wrongPassword).toBe(GENERIC_FAILURE);
    expect(unknownUser).toBe(GENERIC_FAILURE);
    // No field is singled out, and the password is cleared.
    expect(within(staff).getByLabelText('用户名').getAttribute('aria-invalid')).toBeNull();
    expect((within(staff).getByLabelText('密码') as HTMLInputElement).value).toBe('');

    submit(INSTRUCTOR.username, INSTRUCTOR.password);
    expect(await screen.findByRole('heading', { level: 1, name: greeting(INSTRUCTOR.name) })).toBeTruthy();
    expect(navLabels()).toEqual(['首页', '学员', '考试', '编写', '学员概况', '我的记录', '设置']);
    expect(screen.getByText('带教老师', { selector: '.nav-account-role' })).toBeTruthy();
    expect(shell.store.getState().signedIn?.accountRole).toBe('instructor');
  });
});

describe('recovery', () => {
  it('says what is wrong with the training file, lists the backups and starts again from one after confirming', async () => {
    // A real training file with a trainee, backed up; then the live file is overwritten with garbage.
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-recovery-'));
    disposers.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const good = await makeApi({ storage: await openDataFolderStorage(dataDir), idPrefix: 'earlier-' });
    const admin = good.client('window:admin');
    await admin.auth.setup({ institutionName: '华东微针培训中心', admin: ADMIN });
    await admin.people.create(NURSE);
    const backup = await createBackup(good.services.live()!.store.db, path.join(dataDir, 'backups'), 'manual', new Date('2026-10-30T09:15:00Z'));
    good.dispose();
    writeFileSync(path.join(dataDir, 'training.sqlite'), 'this is not a database'.repeat(500));
    for (const side of ['-wal', '-shm']) rmSync(path.join(dataDir, 'training.sqlite' + side), { force: true });

    const storage = await openDataFolderStorage(dataDir);
    expect(storage.status.state).toBe('corrupt');
    const broken = await makeApi({ storage });
    disposers.push(broken.dispose);
    const shell = await renderShell({ services: broken, clientKey: 'window:station' });
    expect(await screen.findByRole('heading', { level: 1, name: '培训数据文件已损坏' })).toBeTruthy();
    expect(screen.getByText(path.join(dataDir, 'training.sqlite'))).toBeTruthy();
    expect(screen.getByText(storage.status.problem!)).toBeTruthy();
    expect(screen.getByText(storage.status.keptCopy!)).toBeTruthy();

    const table = screen.getByRole('table', { name: '可用的备份' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toMatch(/2026年10月30日/);
    expect(rows[0].textContent).toMatch(/\d+(\.\d)? ?(kB|MB|千字节|兆字节)/);
    fireEvent.click(within(rows[0]).getByRole('button', { name: /从 .* 的备份重新开始/ }));
    expect(screen.getByText(/确定从 .* 的备份重新开始吗？/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('button', { name: '确认恢复' })).toBeNull();

    fireEvent.click(within(rows[0]).getByRole('button', { name: /从 .* 的备份重新开始/ }));
    fireEvent.click(screen.getByRole('button', { name: '确认恢复' }));
    // Boots normally on the restored file: the institution and its trainee are back.
    expect(await screen.findByRole('heading', { level: 1, name: '登录' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: /王芳/ })).toBeTruthy();
    expect(await shell.api.storage.status()).toMatchObject({ ok: true, value: { state: 'ok', backups: expect.arrayContaining([expect.objectContaining({ file: backup.file })]) } });
  });

  it('for a file from a newer version, says to update the app and offers no restore', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-newer-'));
    disposers.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await openDataFolderStorage(dataDir);
    first.store!.db.exec('PRAGMA user_version = 999');
    first.close();
    const storage = await openDataFolderStorage(dataDir);
    expect(storage.status.state).toBe('newer-version');
    const made = await makeApi({ storage });
    disposers.push(made.dispose);
    await renderShell({ services: made });
    expect(await screen.findByRole('heading', { level: 1, name: '培训数据文件来自更新版本的程序' })).toBeTruthy();
    expect(screen.getByText(/请将本程序更新到最新版本后再启动/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /备份重新开始/ })).toBeNull();
  });
});
