// Settings: the station language for anyone; the institution, backups and a staff member's own password
// for those main lets change them.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDataFolderStorage } from '../../electron/services';
import { ADMIN, INSTRUCTOR, seededInstitution } from '../helpers/training-services';
import { fieldError, makeApi, navTo, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

async function settingsAs(clientKey: 'window:nurse' | 'window:instructor' | 'window:admin') {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  const shell = await renderShell({ services: s, clientKey });
  fireEvent.click(navTo('设置'));
  await screen.findByRole('heading', { level: 1, name: '设置' });
  return { ...shell, s };
}

describe('SettingsScreen', () => {
  it('follows an English OS locale when the language is "system"', async () => {
    const shell = await renderShell({ locale: 'en-US' });
    disposers.push(shell.dispose);
    expect(shell.store.getState().language).toBe('en');
    expect(await screen.findByRole('heading', { level: 1, name: 'First start: set up the institution' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches the whole UI to English at once and keeps the choice', async () => {
    const shell = await settingsAs('window:nurse');
    fireEvent.change(screen.getByLabelText('界面语言'), { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(navTo('Home')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(await shell.api.settings.get()).toMatchObject({ ok: true, value: { language: 'en' } });
    fireEvent.change(screen.getByLabelText('Interface language'), { target: { value: 'zh' } });
    expect(await screen.findByRole('heading', { level: 1, name: '设置' })).toBeTruthy();
  });

  it('shows a trainee only the language and what this app is', async () => {
    const shell = await settingsAs('window:nurse');
    expect(screen.queryByRole('region', { name: '培训机构' })).toBeNull();
    expect(screen.queryByRole('region', { name: '备份' })).toBeNull();
    expect(screen.queryByRole('region', { name: '修改本人密码' })).toBeNull();
    expect(screen.getByText(/版本 0\.1\.0/)).toBeTruthy();
    expect(screen.getByText(shell.store.getState().appInfo!.dataDir)).toBeTruthy();
  });

  it('lets the administrator rename the institution and ask trainees for a PIN', async () => {
    const { s } = await settingsAs('window:admin');
    const institution = screen.getByRole('region', { name: '培训机构' });
    fireEvent.change(within(institution).getByLabelText('培训机构名称'), { target: { value: '   ' } });
    fireEvent.click(within(institution).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(fieldError('培训机构名称')).toBe('请填写培训机构名称（不超过 120 个字）。'));
    fireEvent.change(within(institution).getByLabelText('培训机构名称'), { target: { value: '江南医学美容培训基地' } });
    fireEvent.click(within(institution).getByLabelText('学员登录时须输入 PIN'));
    fireEvent.click(within(institution).getByRole('button', { name: '保存' }));
    expect(await within(institution).findByText('已保存。')).toBeTruthy();
    expect(s.ok(await s.admin.institution.get())).toEqual({ name: '江南医学美容培训基地', traineePinRequired: true });
    fireEvent.click(navTo('首页'));
    expect(await screen.findByText('江南医学美容培训基地')).toBeTruthy();
  });

  it('lists backups and makes one now', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-settings-'));
    disposers.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const made = await makeApi({ storage: await openDataFolderStorage(dataDir) });
    disposers.push(made.dispose);
    await made.client('window:admin').auth.setup({ institutionName: '华东微针培训中心', admin: ADMIN });
    await renderShell({ services: made, clientKey: 'window:admin', language: 'zh' });
    fireEvent.click(navTo('设置'));
    const backups = await screen.findByRole('region', { name: '备份' });
    expect(await within(backups).findByText('还没有备份。')).toBeTruthy();
    fireEvent.click(within(backups).getByRole('button', { name: '立即备份' }));
    expect(await within(backups).findByText(/^已于 .+ 完成备份。$/)).toBeTruthy();
    const rows = within(within(backups).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toMatch(/training-.*-manual\.sqlite/);
  });

  it('lets staff change their own password, with a wrong current password shown at its field', async () => {
    const { s } = await settingsAs('window:instructor');
    const form = screen.getByRole('region', { name: '修改本人密码' });
    const fill = (current: string, next: string, again: string) => {
      fireEvent.change(within(form).getByLabelText('当前密码'), { target: { value: current } });
      fireEvent.change(within(form).getByLabelText('新密码'), { target: { value: next } });
      fireEvent.change(within(form).getByLabelText('再次输入新密码'), { target: { value: again } });
      fireEvent.click(within(form).getByRole('button', { name: '修改密码' }));
    };
    fill('not my password', 'a brand new password', 'a brand new password');
    await waitFor(() => expect(fieldError('当前密码')).toBe('当前密码不正确，或因多次失败已暂停。请稍后再试。'));
    fill(INSTRUCTOR.password, 'a brand new password', 'a brand new passwort');
    await waitFor(() => expect(fieldError('再次输入新密码')).toBe('两次输入的密码不一致。'));
    fill(INSTRUCTOR.password, 'a brand new password', 'a brand new password');
    expect(await within(form).findByText('密码已修改。')).toBeTruthy();
    expect(await s.client('window:other').auth.signInStaff({ username: INSTRUCTOR.username, password: 'a brand new password' })).toMatchObject({ ok: true });
  });
});
