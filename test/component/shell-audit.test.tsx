// The audit log, for administrators: entries with readable labels, a filter by event, and the check of
// the hash chain, which names the first entry that was changed.

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededInstitution } from '../helpers/training-services';
import { navTo, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

async function auditAsAdmin(language: 'zh' | 'en' = 'zh') {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  await s.client('window:someone').auth.signInStaff({ username: 'zhang', password: 'wrong password' });
  const shell = await renderShell({ services: s, clientKey: 'window:admin', language });
  fireEvent.click(navTo(language === 'zh' ? '审计日志' : 'Audit log'));
  await screen.findByRole('table', { name: language === 'zh' ? '审计日志' : 'Audit log' });
  return { ...shell, s };
}

const rows = () => within(screen.getByRole('table', { name: /审计日志|Audit log/ })).getAllByRole('row').slice(1);

describe('AuditScreen', () => {
  it('lists the trail newest first with readable events, actors and summaries', async () => {
    const { s } = await auditAsAdmin();
    const total = s.ok(await s.admin.audit.list({})).total;
    expect(rows()).toHaveLength(total);
    const texts = rows().map((r) => r.textContent ?? '');
    expect(texts[0]).toMatch(/^\d+/);
    const setup = texts.find((t) => t.includes('设置培训机构'))!;
    expect(setup).toContain('陈主任');
    expect(setup).toContain('机构：华东微针培训中心');
    expect(texts.some((t) => t.includes('添加人员') && t.includes('王芳') && t.includes('学员'))).toBe(true);
    const failed = texts.find((t) => t.includes('登录失败'))!;
    expect(failed).toContain('系统');
    expect(failed).toContain('密码错误');
    expect(failed).toContain('zhang');
    expect(screen.getByText(`第 1–${total} 条，共 ${total} 条`)).toBeTruthy();
  });

  it('filters by event', async () => {
    await auditAsAdmin();
    fireEvent.change(screen.getByLabelText('事件类型'), { target: { value: 'auth.sign-in-failed' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0].textContent).toContain('登录失败');
  });

  it('verifies the hash chain and says how many entries it checked', async () => {
    const { s } = await auditAsAdmin();
    fireEvent.click(screen.getByRole('button', { name: '核验哈希链' }));
    const total = s.ok(await s.admin.audit.list({})).total;
    expect(await screen.findByText(`审计日志完整：已核验 ${total} 条记录，未发现改动。`)).toBeTruthy();
  });

  it('names the first entry that was changed behind the app’s back', async () => {
    const { s } = await auditAsAdmin();
    // Someone edits the database file directly (the app's triggers forbid it, so they drop them first).
    const db = s.services.live()!.store.db;
    db.exec('DROP TRIGGER audit_no_update');
    db.exec(`UPDATE audit SET details = '{"name":"someone else"}' WHERE seq = 3`);
    fireEvent.click(screen.getByRole('button', { name: '核验哈希链' }));
    expect(await screen.findByText('发现问题：第 3 条记录未通过核验（之前的 2 条正常）。')).toBeTruthy();
  });

  it('speaks English in the English UI, down to the summaries', async () => {
    await auditAsAdmin('en');
    const texts = rows().map((r) => r.textContent ?? '');
    expect(texts.find((t) => t.includes('Institution set up'))).toContain('Institution: 华东微针培训中心');
    expect(texts.find((t) => t.includes('Sign-in failed'))).toContain('Wrong password');
    fireEvent.click(screen.getByRole('button', { name: 'Verify the chain' }));
    expect(await screen.findByText(/^The audit log is intact: \d+ entries checked, nothing altered\.$/)).toBeTruthy();
  });
});
