import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeApi, NURSE, renderShell } from './shell-setup';

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers) d();
  disposers = [];
});

describe('ProfileScreen', () => {
  it('shows the profile chooser in Chinese on a Chinese system, with an empty list', async () => {
    const shell = await renderShell({ locale: 'zh-CN' });
    disposers.push(shell.cleanup);
    expect(screen.getByRole('heading', { level: 1, name: '选择学员档案' })).toBeTruthy();
    expect(screen.getByText('本机还没有学员档案。')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('names the invalid fields before creating anything', async () => {
    const shell = await renderShell();
    disposers.push(shell.cleanup);
    fireEvent.click(screen.getByRole('button', { name: '创建并进入' }));
    expect(await screen.findByText('请填写姓名（不超过 60 个字）。')).toBeTruthy();
    expect(screen.getByText('证书编号须为 4–40 位字母、数字或连字符。')).toBeTruthy();
    expect(screen.getByLabelText('姓名').getAttribute('aria-invalid')).toBe('true');
    expect(await shell.api.profiles.list()).toEqual({ ok: true, value: [] });
  });

  it('creates a profile with role and certificate number and goes home', async () => {
    const shell = await renderShell();
    disposers.push(shell.cleanup);
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: NURSE.name } });
    fireEvent.click(screen.getByRole('radio', { name: '护士' }));
    fireEvent.change(screen.getByLabelText('专业资格证书编号'), { target: { value: NURSE.certificateNumber } });
    fireEvent.click(screen.getByRole('button', { name: '创建并进入' }));
    expect(await screen.findByRole('heading', { level: 1, name: /您好，\s*王芳/ })).toBeTruthy();
    const stored = await shell.api.profiles.list();
    expect(stored.ok && stored.value).toEqual([expect.objectContaining({ name: '王芳', role: 'nurse', certificateNumber: 'N-2024-0001', isInstructor: false })]);
  });

  it('explains a duplicate certificate number at the field', async () => {
    const made = await makeApi();
    disposers.push(made.cleanup);
    await made.api.profiles.create(NURSE);
    const shell = await renderShell({ dataDir: made.dataDir });
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '另一人' } });
    fireEvent.change(screen.getByLabelText('专业资格证书编号'), { target: { value: NURSE.certificateNumber } });
    fireEvent.click(screen.getByRole('button', { name: '创建并进入' }));
    expect(await screen.findByText('已有使用该证书编号的档案，请直接选择该档案。')).toBeTruthy();
    expect(shell.store.getState().currentProfile).toBeNull();
  });

  it('lists existing profiles and selects one', async () => {
    const made = await makeApi();
    disposers.push(made.cleanup);
    await made.api.profiles.create(NURSE);
    await renderShell({ dataDir: made.dataDir });
    fireEvent.click(screen.getByRole('button', { name: /王芳/ }));
    expect(await screen.findByRole('heading', { level: 1, name: /您好，\s*王芳/ })).toBeTruthy();
  });

  it('shows a corrupt profiles file as a clear error naming the file, and leaves the file alone', async () => {
    const made = await makeApi();
    disposers.push(made.cleanup);
    const file = path.join(made.dataDir, 'profiles.json');
    writeFileSync(file, 'not json');
    await renderShell({ dataDir: made.dataDir });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无法启动');
    expect(alert.textContent).toContain('数据文件已损坏');
    expect(alert.textContent).toContain(file);
    await waitFor(() => expect(screen.getByRole('button', { name: '重试' })).toBeTruthy());
  });
});
