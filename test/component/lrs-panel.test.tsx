// The LRS panel in Settings: an administrator configures the LRS with the signing key's passphrase (field
// errors in place), pushes now and sees what was queued and refused; an instructor sees the status only;
// trainees do not see the panel.

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLrsServer } from '../helpers/lrs-server';
import { passQuickModule, quickCatalog } from '../helpers/quick-exam';
import { seededInstitution } from '../helpers/training-services';
import { fieldError, navTo, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

const PASS = 'a long admin passphrase';
let disposers: (() => unknown)[] = [];
afterEach(async () => {
  cleanup();
  for (const d of disposers.reverse()) await d();
  disposers = [];
});

async function settingsAs(clientKey: 'window:nurse' | 'window:instructor' | 'window:admin', options: { configure?: boolean } = {}) {
  const s = await seededInstitution({ exams: quickCatalog() });
  disposers.push(() => s.services.dispose());
  s.ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
  const lrs = await startLrsServer();
  disposers.push(() => lrs.close());
  if (options.configure) s.ok(await s.admin.lrs.configure({ endpoint: lrs.endpoint, username: lrs.username, password: lrs.password, passphrase: PASS }));
  const shell = await renderShell({ services: s, clientKey });
  fireEvent.click(navTo('设置'));
  await screen.findByRole('heading', { level: 1, name: '设置' });
  return { ...shell, s, lrs };
}

describe('LrsPanel', () => {
  it('lets the administrator configure the LRS and push the queued statements', async () => {
    const { s, lrs } = await settingsAs('window:admin');
    await passQuickModule(s);
    const panel = await screen.findByRole('region', { name: '学习记录存储（LRS）' });
    expect(within(panel).getByText('尚未配置')).toBeTruthy();
    const form = within(panel).getByRole('form', { name: '配置 LRS' });
    fireEvent.change(within(form).getByLabelText('LRS 地址（endpoint）'), { target: { value: 'ftp://lrs' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(fieldError('LRS 地址（endpoint）')).toMatch(/http:\/\/ 或 https:\/\//));
    expect(fieldError('LRS 密码（secret）')).toBe('请填写此项。');
    expect(fieldError('管理员口令（签名密钥口令）')).toBe('请填写此项。');

    fireEvent.change(within(form).getByLabelText('LRS 地址（endpoint）'), { target: { value: lrs.endpoint } });
    fireEvent.change(within(form).getByLabelText('LRS 用户名（key）'), { target: { value: lrs.username } });
    fireEvent.change(within(form).getByLabelText('LRS 密码（secret）'), { target: { value: lrs.password } });
    fireEvent.change(within(form).getByLabelText('管理员口令（签名密钥口令）'), { target: { value: 'another long passphrase' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(fieldError('管理员口令（签名密钥口令）')).toBe('口令不正确：须为签名密钥的口令。'));
    fireEvent.change(within(form).getByLabelText('管理员口令（签名密钥口令）'), { target: { value: PASS } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await within(panel).findByText('已保存。')).toBeTruthy();
    expect(within(panel).getByText('已解锁，正在同步')).toBeTruthy();
    // The password is never shown back.
    expect((within(form).getByLabelText('LRS 密码（secret）') as HTMLInputElement).value).toBe('');
    expect(panel.textContent).not.toContain(lrs.password);

    s.services.live()!.lrs.enqueuePending();
    fireEvent.click(within(panel).getByRole('button', { name: '立即发送' }));
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('已发送。'));
    expect(lrs.stored().size).toBe(3);

    // A refusing LRS: the refused statements are listed with its answer.
    await lrs.setMode('reject');
    s.ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
    fireEvent.click(within(panel).getByRole('button', { name: '立即发送' }));
    expect(await within(panel).findByText(/部分记录未被接收/)).toBeTruthy();
    const table = within(panel).getByRole('table', { name: /被拒收的记录/ });
    expect(within(table).getAllByText(/rejected \(test mode\)/)).toHaveLength(1);
    expect(within(panel).getByText(/400/, { selector: '.lrs-error' })).toBeTruthy();
  }, 30_000);

  it('shows an instructor the status, without configuring or pushing; trainees see no panel', async () => {
    await settingsAs('window:instructor', { configure: true });
    const panel = await screen.findByRole('region', { name: '学习记录存储（LRS）' });
    expect(await within(panel).findByText('已解锁，正在同步')).toBeTruthy();
    expect(within(panel).queryByRole('form')).toBeNull();
    expect(within(panel).queryByRole('button', { name: '立即发送' })).toBeNull();
    cleanup();

    await settingsAs('window:nurse');
    expect(screen.queryByRole('region', { name: '学习记录存储（LRS）' })).toBeNull();
  }, 30_000);
});
