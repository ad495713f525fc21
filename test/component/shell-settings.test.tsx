import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeApi, NURSE, renderShell } from './shell-setup';

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers) d();
  disposers = [];
});

async function settingsAs(locale = 'zh-CN') {
  const made = await makeApi({ locale });
  disposers.push(made.cleanup);
  await made.api.profiles.create(NURSE);
  const shell = await renderShell({ dataDir: made.dataDir, locale });
  fireEvent.click(screen.getByRole('button', { name: /王芳/ }));
  fireEvent.click(await screen.findByRole('button', { name: shell.store.getState().language === 'zh' ? '设置' : 'Settings' }));
  return shell;
}

describe('SettingsScreen', () => {
  it('follows an English OS locale when the language is "system"', async () => {
    const shell = await settingsAs('en-US');
    expect(shell.store.getState().language).toBe('en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches the whole UI to English at once and keeps the choice', async () => {
    const shell = await settingsAs('zh-CN');
    expect(screen.getByRole('heading', { level: 1, name: '设置' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('界面语言'), { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Home' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(await shell.api.settings.get()).toMatchObject({ ok: true, value: { language: 'en' } });

    fireEvent.change(screen.getByLabelText('Interface language'), { target: { value: 'system' } });
    expect(await screen.findByRole('heading', { level: 1, name: '设置' })).toBeTruthy();
  });

  it('saves the institution name and shows it on the home screen', async () => {
    const shell = await settingsAs();
    fireEvent.change(screen.getByLabelText('培训机构名称'), { target: { value: '华东微针培训中心' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存。')).toBeTruthy();
    expect(await shell.api.settings.get()).toMatchObject({ ok: true, value: { institutionName: '华东微针培训中心' } });
    fireEvent.click(screen.getByRole('button', { name: '首页' }));
    await waitFor(() => expect(screen.getByText('华东微针培训中心')).toBeTruthy());
  });

  it('shows the version, the shell and where data is kept', async () => {
    const shell = await settingsAs();
    expect(screen.getByText(/版本 0\.1\.0/)).toBeTruthy();
    expect(screen.getByText(`数据目录：${shell.dataDir}`)).toBeTruthy();
  });
});
