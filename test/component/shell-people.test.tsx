// People on the training file: what each role is offered, creating people with every problem at its
// field, trainee files, roles, PINs and deactivation, all against the real services.

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededInstitution } from '../helpers/training-services';
import { fieldError, navLabels, navTo, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

async function peopleAs(clientKey: 'window:admin' | 'window:instructor') {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  const shell = await renderShell({ services: s, clientKey });
  fireEvent.click(await screen.findByRole('button', { name: clientKey === 'window:admin' ? '人员' : '学员' }));
  await screen.findByRole('table', { name: '人员列表' });
  return { ...shell, s };
}

const rowNames = () =>
  within(screen.getByRole('table', { name: '人员列表' }))
    .getAllByRole('rowheader')
    .map((c) => c.textContent);
const change = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('what each role is offered', () => {
  it('gives a trainee no People or Audit, and main refuses people.list to them', async () => {
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    const shell = await renderShell({ services: s, clientKey: 'window:nurse' });
    await screen.findByRole('heading', { level: 1, name: /王芳/ });
    expect(navLabels()).toEqual(['首页', '考试', '我的记录', '设置']);
    expect(await s.trainee.people.list({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await s.trainee.audit.list({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Even when asked to, the shell does not show a trainee the people screen.
    shell.store.getState().navigate({ name: 'people' });
    expect(await screen.findByRole('heading', { level: 1, name: /王芳/ })).toBeTruthy();
    expect(screen.queryByRole('table', { name: '人员列表' })).toBeNull();
  });

  it('shows an instructor the trainees only, and opens a trainee’s file', async () => {
    const shell = await peopleAs('window:instructor');
    expect(screen.getByRole('heading', { level: 1, name: '学员' })).toBeTruthy();
    expect(rowNames()).toEqual(['李明', '王芳']);
    expect(screen.queryByLabelText('角色')).toBeNull();
    const nurseRow = screen.getByRole('row', { name: /王芳/ });
    expect(nurseRow.textContent).toContain('护理资格证书');
    expect(nurseRow.textContent).toContain('N-2024-0001');

    fireEvent.click(within(nurseRow).getByRole('button', { name: /学员档案\s*王芳/ }));
    expect(await screen.findByRole('heading', { level: 1, name: /王芳/ })).toBeTruthy();
    expect(shell.store.getState().screen).toEqual({ name: 'trainee', personId: shell.s.people.nurse.id });
    expect(screen.getByText('护士')).toBeTruthy();
    expect(screen.getByText('护理资格证书')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '实训与考核记录' })).toBeTruthy();
    expect(await screen.findByText(/还没有实训记录/)).toBeTruthy();
    // The nav still places the file under Trainees.
    expect(navTo('学员').getAttribute('aria-current')).toBe('page');
  });

  it('lets an instructor add trainees only', async () => {
    await peopleAs('window:instructor');
    fireEvent.click(screen.getByRole('button', { name: '添加学员' }));
    const role = screen.getByLabelText('角色') as HTMLSelectElement;
    expect([...role.options].map((o) => o.textContent)).toEqual(['学员']);
    expect(screen.queryByLabelText('用户名')).toBeNull();
  });
});

describe('creating a person', () => {
  it('shows every problem at its field, in Chinese, and main’s refusals too, before adding the trainee', async () => {
    const { s } = await peopleAs('window:admin');
    expect(rowNames().sort()).toEqual(['陈主任', '李明', '王芳', '张医生'].sort());
    fireEvent.click(screen.getByRole('button', { name: '添加人员' }));
    change('姓名', '孙丽');
    change('职业类别', 'nurse');
    const kind = screen.getByLabelText('证书类别') as HTMLSelectElement;
    // Only the certificates that prove the chosen profession (15.2) are offered.
    expect([...kind.options].map((o) => o.value)).toEqual(['', 'nurse-qualification', 'nurse-practising']);
    change('证书类别', 'nurse-practising');
    change('职业类别', 'technician');
    // A nurse's certificate does not prove a technician: the choice is cleared, not kept.
    expect((screen.getByLabelText('证书类别') as HTMLSelectElement).value).toBe('');
    expect([...kind.options].map((o) => o.value)).toEqual(['', 'technician-qualification']);
    change('证书编号', 'T 1!');
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await waitFor(() => expect(fieldError('证书编号')).toBe('证书编号须为 4–40 位字母、数字或连字符。'));
    expect(fieldError('证书类别')).toBe('请选择能证明所选职业的证书类别（第 15.2 条）。');
    expect(fieldError('姓名')).toBeNull();

    // A certificate number already on file: main refuses it, and the form shows it at the field.
    change('证书类别', 'technician-qualification');
    change('证书编号', 'N-2024-0001');
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await waitFor(() => expect(fieldError('证书编号')).toBe('已有人员登记了该证书编号。'));
    expect(fieldError('证书类别')).toBeNull();

    change('证书编号', 'T-2025-0108');
    change('PIN（可选）', '12');
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await waitFor(() => expect(fieldError('PIN（可选）')).toBe('PIN 须为 4–8 位数字。'));
    change('PIN（可选）', '4321');
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    expect((await screen.findByText(/已添加/)).textContent).toMatch(/已添加\s*孙丽/);
    await waitFor(() => expect(rowNames()).toContain('孙丽'));
    const people = s.ok(await s.admin.people.list({ accountRole: 'trainee' }));
    expect(people.find((p) => p.name === '孙丽')).toMatchObject({ profession: 'technician', certificateKind: 'technician-qualification', certificateNumber: 'T-2025-0108', hasPin: true });
  });

  it('creates an instructor with a user name and a password (confirmed)', async () => {
    const { s } = await peopleAs('window:admin');
    fireEvent.click(screen.getByRole('button', { name: '添加人员' }));
    change('角色', 'instructor');
    change('姓名', '周老师');
    change('用户名', 'zhang');
    change('密码', 'a long enough password');
    change('再次输入密码', 'a different password');
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await waitFor(() => expect(fieldError('再次输入密码')).toBe('两次输入的密码不一致。'));
    change('再次输入密码', 'a long enough password');
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await waitFor(() => expect(fieldError('用户名')).toBe('该用户名已被使用，请换一个。'));
    change('用户名', 'zhou');
    fireEvent.click(screen.getByRole('button', { name: '添加' }));
    await waitFor(() => expect(rowNames()).toContain('周老师'));
    expect(await s.client('window:new').auth.signInStaff({ username: 'zhou', password: 'a long enough password' })).toMatchObject({ ok: true, value: { accountRole: 'instructor' } });
  });
});

describe('managing a person', () => {
  it('grants a trainee the instructor role, asking for a user name and a password', async () => {
    const { s } = await peopleAs('window:admin');
    fireEvent.click(within(screen.getByRole('row', { name: /李明/ })).getByRole('button', { name: /管理/ }));
    const roleForm = await screen.findByRole('region', { name: '角色' });
    fireEvent.change(within(roleForm).getByLabelText('角色'), { target: { value: 'instructor' } });
    expect(within(roleForm).getByText(/请为此人设置/)).toBeTruthy();
    fireEvent.change(within(roleForm).getByLabelText('用户名'), { target: { value: 'liming' } });
    fireEvent.change(within(roleForm).getByLabelText('密码'), { target: { value: 'teaching now 2026' } });
    fireEvent.change(within(roleForm).getByLabelText('再次输入密码'), { target: { value: 'teaching now 2026' } });
    fireEvent.click(within(roleForm).getByRole('button', { name: '变更角色' }));
    expect(await within(roleForm).findByText('角色已变更。')).toBeTruthy();
    expect(screen.getByRole('region', { name: /李明/ }).textContent).toContain('带教老师');
    expect(await s.client('window:x').auth.signInStaff({ username: 'liming', password: 'teaching now 2026' })).toMatchObject({ ok: true, value: { accountRole: 'instructor' } });
  });

  it('keeps the last administrator, deactivates others, and shows them again on request', async () => {
    await peopleAs('window:admin');
    fireEvent.click(within(screen.getByRole('row', { name: /陈主任/ })).getByRole('button', { name: /管理/ }));
    const active = await screen.findByRole('region', { name: '账号状态' });
    fireEvent.click(within(active).getByRole('button', { name: '停用' }));
    expect((await within(active).findByRole('alert')).textContent).toBe('不能停用最后一位在用的管理员。');

    fireEvent.click(screen.getByRole('button', { name: '返回列表' }));
    fireEvent.click(within(await screen.findByRole('row', { name: /王芳/ })).getByRole('button', { name: /管理/ }));
    fireEvent.click(within(await screen.findByRole('region', { name: '账号状态' })).getByRole('button', { name: '停用' }));
    expect(await screen.findByRole('button', { name: '重新启用' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '返回列表' }));
    await waitFor(() => expect(rowNames()).not.toContain('王芳'));
    fireEvent.click(screen.getByLabelText('显示已停用人员'));
    await waitFor(() => expect(rowNames()).toContain('王芳'));
    expect(screen.getByRole('row', { name: /王芳/ }).textContent).toContain('已停用');
  });

  it('keeps a trainee’s certificate: clearing it is refused at the field', async () => {
    await peopleAs('window:instructor');
    fireEvent.click(within(screen.getByRole('row', { name: /王芳/ })).getByRole('button', { name: /管理/ }));
    const details = await screen.findByRole('region', { name: '基本信息' });
    fireEvent.change(within(details).getByLabelText('证书编号'), { target: { value: '' } });
    fireEvent.click(within(details).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(fieldError('证书编号')).toBe('学员须登记证书编号（第 15.2 条）。'));
    fireEvent.change(within(details).getByLabelText('证书编号'), { target: { value: 'N-2024-0099' } });
    fireEvent.click(within(details).getByRole('button', { name: '保存' }));
    expect(await within(screen.getByRole('region', { name: '基本信息' })).findByText('已保存。')).toBeTruthy();
    // Instructors may set a trainee's PIN, but not change roles or deactivate.
    expect(screen.getByRole('region', { name: '学员 PIN' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: '角色' })).toBeNull();
    expect(screen.queryByRole('region', { name: '账号状态' })).toBeNull();
  });
});
