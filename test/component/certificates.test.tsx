// Certification in the shell: the administrator's signing key in Settings, completion records issued by
// an instructor for an examined trainee, revoked by the administrator with the reason, and the trainee's
// own list in My records; all against the real services, in Chinese and English.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDataFolderStorage } from '../../electron/services';
import { certificateErrorKey, recordStatus } from '../../renderer/screens/records/CertificatesSection';
import { passQuickModule, quickCatalog } from '../helpers/quick-exam';
import { ADMIN, seededInstitution } from '../helpers/training-services';
import { fieldError, makeApi, navTo, renderShell } from './shell-setup';
import { findUntranslatedText } from './shell-text-audit';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

const PASS = 'a long admin passphrase';
let disposers: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  cleanup();
  for (const d of disposers.reverse()) await d();
  disposers = [];
});


type Seeded = Awaited<ReturnType<typeof seededInstitution>>;

async function examinedNurse(): Promise<Seeded> {
  const s = await seededInstitution({ exams: quickCatalog() });
  disposers.push(() => s.services.dispose());
  await passQuickModule(s);
  expect(s.ok(await s.trainee.exams.tracks({}))[0]).toMatchObject({ examined: true });
  return s;
}

async function traineeFile(s: Seeded, clientKey: 'window:instructor' | 'window:admin', language: 'zh' | 'en' = 'zh') {
  const shell = await renderShell({ services: s, clientKey, language });
  shell.store.getState().navigate({ name: 'trainee', personId: s.people.nurse.id });
  const region = await screen.findByRole('region', { name: language === 'zh' ? '培训合格证明' : 'Completion records' });
  return { shell, region };
}

describe('the signing key in Settings', () => {
  it('the administrator creates the key (errors at the field), and unlocks it after a restart', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-key-'));
    disposers.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await makeApi({ storage: await openDataFolderStorage(dataDir) });
    await first.client('window:admin').auth.setup({ institutionName: '华东微针培训中心', admin: ADMIN });
    const shell = await renderShell({ services: first, clientKey: 'window:admin', language: 'zh' });
    fireEvent.click(navTo('设置'));
    const panel = await screen.findByRole('region', { name: '签名密钥' });
    expect(within(panel).getByText(/口令从不保存/)).toBeTruthy();
    expect(await within(panel).findByText('本机构尚未创建签名密钥。')).toBeTruthy();
    const create = within(panel).getByRole('form', { name: '创建签名密钥' });
    fireEvent.change(within(create).getByLabelText('口令'), { target: { value: 'too short' } });
    fireEvent.click(within(create).getByRole('button', { name: '创建签名密钥' }));
    await waitFor(() => expect(fieldError('口令')).toBe('口令至少需要 12 个字符。'));
    fireEvent.change(within(create).getByLabelText('口令'), { target: { value: PASS } });
    fireEvent.change(within(create).getByLabelText('再次输入口令'), { target: { value: `${PASS}!` } });
    fireEvent.click(within(create).getByRole('button', { name: '创建签名密钥' }));
    await waitFor(() => expect(fieldError('再次输入口令')).toBe('两次输入的口令不一致。'));
    fireEvent.change(within(create).getByLabelText('再次输入口令'), { target: { value: PASS } });
    fireEvent.click(within(create).getByRole('button', { name: '创建签名密钥' }));
    expect(await within(panel).findByText('签名密钥已创建，并已为本次运行解锁。')).toBeTruthy();
    const keys = await shell.api.certificates.publicKeys();
    if (!keys.ok) throw new Error('no public keys');
    const key = keys.value[0];
    expect(key).toBeTruthy();
    expect(within(panel).getAllByText(key!.fingerprint)[0]!.tagName).toBe('CODE');
    expect(within(panel).getByText('已解锁')).toBeTruthy();
    const pem = await within(panel).findByRole('link', { name: '下载公钥' });
    expect(pem.getAttribute('href')).toMatch(/^blob:/);
    expect(pem.getAttribute('download')).toMatch(/\.pem$/);
    expect(findUntranslatedText(panel, 'zh')).toEqual([]);
    cleanup();
    await first.dispose();

    // A new run: the key is locked until the administrator unlocks it.
    const second = await makeApi({ storage: await openDataFolderStorage(dataDir), idPrefix: 'b' });
    disposers.push(second.dispose);
    await second.client('window:admin').auth.signInStaff({ username: ADMIN.username, password: ADMIN.password });
    await renderShell({ services: second, clientKey: 'window:admin', language: 'en' });
    fireEvent.click(navTo('Settings'));
    const again = await screen.findByRole('region', { name: 'Signing key' });
    expect(await within(again).findByText('Locked')).toBeTruthy();
    expect(within(again).getAllByText(key!.fingerprint).length).toBeGreaterThan(0);
    const unlock = within(again).getByRole('form', { name: 'Unlock for this session' });
    fireEvent.change(within(unlock).getByLabelText('Passphrase'), { target: { value: 'not the passphrase' } });
    fireEvent.click(within(unlock).getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(fieldError('Passphrase')).toBe('The passphrase is not correct.'));
    fireEvent.change(within(unlock).getByLabelText('Passphrase'), { target: { value: PASS } });
    fireEvent.click(within(unlock).getByRole('button', { name: 'Unlock' }));
    expect(await within(again).findByText('The signing key is unlocked for this run.')).toBeTruthy();
    expect(within(again).getByText('Unlocked')).toBeTruthy();
    expect(findUntranslatedText(again, 'en')).toEqual([]);

    // Rotation asks for a confirmation and keeps the old public key.
    fireEvent.click(within(again).getByRole('button', { name: 'Rotate' }));
    const rotate = within(again).getByRole('form', { name: 'Rotate the key' });
    fireEvent.change(within(rotate).getByLabelText('Current passphrase'), { target: { value: PASS } });
    fireEvent.click(within(rotate).getByRole('button', { name: 'Rotate' }));
    fireEvent.click(await within(rotate).findByRole('button', { name: 'Rotate now' }));
    expect(await within(again).findByText('The key was rotated; the new key is unlocked for this run.')).toBeTruthy();
    await waitFor(() => expect(within(again).getAllByRole('link', { name: 'Download public key' })).toHaveLength(2));
  });

  it('is not offered to instructors', async () => {
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    await renderShell({ services: s, clientKey: 'window:instructor' });
    fireEvent.click(navTo('设置'));
    await screen.findByRole('heading', { level: 1, name: '设置' });
    expect(screen.queryByRole('region', { name: '签名密钥' })).toBeNull();
  });
});

describe('completion records', () => {
  it('an instructor issues a record for an examined trainee; it shows as valid and downloads signed', async () => {
    const s = await examinedNurse();
    const { shell, region } = await traineeFile(s, 'window:instructor');
    const issue = await within(region).findByRole('button', { name: '签发培训合格证明' });
    await waitFor(() => expect((issue as HTMLButtonElement).disabled).toBe(false));
    expect(within(region).getByText('还没有培训合格证明。')).toBeTruthy();
    // No key yet: the refusal is told in the UI language.
    fireEvent.click(issue);
    expect(await within(region).findByText('本机构尚未创建签名密钥：请管理员在“设置”中创建。')).toBeTruthy();
    s.ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
    fireEvent.click(issue);
    expect(await within(region).findByText('已签发培训合格证明 MN-2026-000001。')).toBeTruthy();
    const row = await within(region).findByRole('row', { name: /MN-2026-000001/ });
    expect(row.textContent).toContain('护士');
    expect(within(row).getByText('有效')).toBeTruthy();
    for (const header of ['证明编号', '有效期至', '复训日期']) expect(within(region).getByRole('columnheader', { name: header })).toBeTruthy();
    const link = await within(row).findByRole('link', { name: '下载已签名记录' });
    expect(link.getAttribute('download')).toBe('MN-2026-000001.json');
    expect(link.getAttribute('href')).toMatch(/^blob:/);
    expect(within(region).queryByRole('button', { name: /撤销/ })).toBeNull();
    // A second record while this one is current is refused, in Chinese.
    fireEvent.click(within(region).getByRole('button', { name: '签发培训合格证明' }));
    expect(await within(region).findByText('该学员已持有仍在有效期内的培训合格证明。')).toBeTruthy();
    expect(findUntranslatedText(shell.view.container, 'zh')).toEqual([]);
  });

  it('the administrator revokes a record with a required reason; it shows revoked, also to the trainee', async () => {
    const s = await examinedNurse();
    s.ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
    const record = s.ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
    const { region } = await traineeFile(s, 'window:admin');
    expect(within(region).queryByRole('button', { name: '签发培训合格证明' })).toBeNull();
    const row = await within(region).findByRole('row', { name: new RegExp(record.number) });
    fireEvent.click(within(row).getByRole('button', { name: new RegExp(`撤销\\s*${record.number}`) }));
    fireEvent.click(within(row).getByRole('button', { name: '确认撤销' }));
    await waitFor(() => expect(fieldError('撤销原因')).toBe('请填写撤销原因。'));
    fireEvent.change(within(row).getByLabelText('撤销原因'), { target: { value: '证书信息登记有误' } });
    fireEvent.click(within(row).getByRole('button', { name: '确认撤销' }));
    expect(await within(row).findByText('已撤销')).toBeTruthy();
    expect(row.textContent).toContain('证书信息登记有误');
    expect(s.ok(await s.admin.certificates.list({ personId: s.people.nurse.id }))[0]!.revoked).toMatchObject({ reason: '证书信息登记有误' });
    cleanup();

    // The trainee sees it in My records, in English.
    await renderShell({ services: s, clientKey: 'window:nurse', language: 'en' });
    fireEvent.click(navTo('My records'));
    const mine = await screen.findByRole('region', { name: 'Completion records' });
    const own = await within(mine).findByRole('row', { name: new RegExp(record.number) });
    expect(within(own).getByText('Revoked')).toBeTruthy();
    expect(own.textContent).toContain('Reason for revoking:');
    expect((await within(own).findByRole('link', { name: 'Download signed record' })).getAttribute('download')).toBe(`${record.number}.json`);
    expect(within(mine).queryByRole('button', { name: /Issue|Revoke/ })).toBeNull();
    expect(findUntranslatedText(mine, 'en')).toEqual([]);
  });

  it('tells a locked key in the UI language, and the status from the dates', () => {
    expect(certificateErrorKey({ code: 'conflict', message: 'the signing key is locked: an administrator unlocks it for this run first' })).toBe('keyLocked');
    expect(certificateErrorKey({ code: 'forbidden', message: 'x' })).toBeNull();
    const base = { validUntil: '2029-11-01T08:00:00.000Z', recertifyBy: '2029-08-03T08:00:00.000Z', revoked: null } as Parameters<typeof recordStatus>[0];
    expect(recordStatus(base, new Date('2027-01-01'))).toBe('valid');
    expect(recordStatus(base, new Date('2029-09-01'))).toBe('due');
    expect(recordStatus(base, new Date('2030-01-01'))).toBe('expired');
    expect(recordStatus({ ...base, revoked: { at: '2027-01-01T00:00:00.000Z', byId: null, reason: 'x' } }, new Date('2027-02-01'))).toBe('revoked');
  });
});
