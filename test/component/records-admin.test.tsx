// The administrator's records screen against the real services: the export with its progress, then the
// file and its signed manifest to download; the list with status and revoking with a reason; the renewal
// list; the refusal while the key is locked; and a trainee who keeps their own records screen.

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededInstitution } from '../helpers/training-services';
import { seedFixture } from '../unit/certification/exports-fixture';
import { navTo, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

const PASS = 'a long admin passphrase';
let disposers: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  cleanup();
  for (const d of disposers.reverse()) await d();
  disposers = [];
});

async function institution(withKey: boolean) {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  const live = s.services.live()!;
  if (withKey) {
    s.ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
    seedFixture(live.store, live.certificates.keys, { id: s.people.instructor.id, name: '张医生' }, live.store.get<{ id: string }>("SELECT id FROM people WHERE account_role = 'admin'")!.id);
  }
  return s;
}

describe('the administrator’s records screen', () => {
  it('exports with a progress bar, then offers the file and its signed manifest', async () => {
    const s = await institution(true);
    URL.createObjectURL = vi.fn(() => 'blob:export');
    URL.revokeObjectURL = vi.fn();
    await renderShell({ services: s, clientKey: 'window:admin', language: 'zh' });
    fireEvent.click(navTo('培训考核记录'));
    expect(await screen.findByRole('heading', { level: 1, name: '培训考核记录' })).toBeTruthy();
    const form = screen.getByRole('form', { name: '导出' });
    fireEvent.change(within(form).getByLabelText('职业类别'), { target: { value: 'technician' } });
    fireEvent.change(within(form).getByLabelText('文件格式'), { target: { value: 'xlsx' } });
    fireEvent.click(within(form).getByRole('button', { name: '开始导出' }));
    expect(await screen.findByRole('progressbar', { name: '导出进度' })).toBeTruthy();
    const file = await screen.findByRole('link', { name: '下载文件' }, { timeout: 5_000 });
    expect(file.getAttribute('download')).toMatch(/^certification-log-.*\.xlsx$/);
    expect(screen.getByRole('link', { name: '下载签名清单' }).getAttribute('download')).toMatch(/\.xlsx\.sig\.json$/);
    expect(screen.getByText(/导出完成/)).toBeTruthy();
    const audit = s.ok(await s.admin.audit.list({ action: 'records.exported' })).entries;
    expect(audit[0]).toMatchObject({ details: { format: 'xlsx', filter: { role: 'technician' }, records: 2, attempts: 3 } });
  });

  it('lists the records with their status, revokes one with a reason, and shows the renewal list', async () => {
    const s = await institution(true);
    await renderShell({ services: s, clientKey: 'window:admin', language: 'zh' });
    fireEvent.click(navTo('培训考核记录'));
    const table = await screen.findByRole('table', { name: '本机构签发的培训合格证明' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(1 + 3);
    expect(within(table).getByText('已撤销')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: '撤销 MN-2026-100001' }));
    fireEvent.click(within(table).getByRole('button', { name: '确认撤销' }));
    expect(await within(table).findByText('请填写撤销原因。')).toBeTruthy();
    fireEvent.change(within(table).getByLabelText('撤销原因'), { target: { value: '执业证书已注销' } });
    fireEvent.click(within(table).getByRole('button', { name: '确认撤销' }));
    expect(await screen.findByText('已撤销 MN-2026-100001。')).toBeTruthy();
    expect(s.ok(await s.admin.certificates.list({})).find((r) => r.number === 'MN-2026-100001')?.revoked?.reason).toBe('执业证书已注销');
    expect(screen.getByRole('heading', { name: '待复训名单' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '签名密钥管理（设置）' })).toBeTruthy();
  });

  it('says the key must be unlocked when there is none; a trainee keeps their own records screen', async () => {
    const s = await institution(false);
    await renderShell({ services: s, clientKey: 'window:admin', language: 'en' });
    fireEvent.click(navTo('Certification'));
    const form = await screen.findByRole('form', { name: 'Export' });
    fireEvent.click(within(form).getByRole('button', { name: 'Start export' }));
    expect(await screen.findByText(/The signing key is locked/)).toBeTruthy();
    cleanup();
    await renderShell({ services: s, clientKey: 'window:nurse', language: 'zh' });
    fireEvent.click(navTo('我的记录'));
    await waitFor(() => expect(screen.queryByRole('form', { name: '导出' })).toBeNull());
    expect(screen.queryByRole('heading', { level: 1, name: '培训考核记录' })).toBeNull();
  });
});
