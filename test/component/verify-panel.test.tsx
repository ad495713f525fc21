// My records: verifying a certificate PDF, a changed signed record and a QR payload in the Verify panel,
// in Chinese and English, and downloading a record's PDF and one's own file as PDF; against the real services.

import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { passQuickModule, quickCatalog } from '../helpers/quick-exam';
import { NURSE, seededInstitution } from '../helpers/training-services';
import { navTo, renderShell } from './shell-setup';
import { findUntranslatedText } from './shell-text-audit';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  cleanup();
  for (const d of disposers.reverse()) await d();
  disposers = [];
});

async function issuedRecord() {
  const s = await seededInstitution({ exams: quickCatalog() });
  disposers.push(() => s.services.dispose());
  s.ok(await s.admin.certificates.setupKey({ passphrase: 'a long admin passphrase' }));
  await passQuickModule(s);
  const record = s.ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
  const pdf = Buffer.from(s.ok(await s.trainee.certificates.pdf({ number: record.number })).base64, 'base64');
  return { s, record, pdf };
}

const choose = (panel: HTMLElement, label: string, file: File) => fireEvent.change(within(panel).getByLabelText(label), { target: { files: [file] } });

describe('the Verify panel on My records', () => {
  it('verifies a certificate PDF, names what is wrong with a changed record and a damaged QR payload (zh)', async () => {
    const { s, record, pdf } = await issuedRecord();
    await renderShell({ services: s, clientKey: 'window:nurse', language: 'zh' });
    fireEvent.click(navTo('我的记录'));
    const panel = await screen.findByRole('region', { name: '核验证书' });

    choose(panel, '选择文件', new File([pdf], `${record.number}.pdf`, { type: 'application/pdf' }));
    expect(await within(panel).findByText(`已核验：证书 ${record.number} 真实有效（签名、内容、密钥、未撤销、未过期）。`)).toBeTruthy();
    expect(within(panel).getByText('证书 PDF')).toBeTruthy();

    const changed = JSON.stringify(record.signed, null, 2).replace(NURSE.certificateNumber, 'N-2024-0009');
    choose(panel, '选择文件', new File([changed], `${record.number}.json`, { type: 'application/json' }));
    expect(await within(panel).findByText(`证书 ${record.number} 未通过核验：`)).toBeTruthy();
    expect(within(panel).getByText('签名不成立（记录已被改动，或由其他密钥签名）。')).toBeTruthy();
    expect(within(panel).getByText('签名记录文件')).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: '核验二维码内容' }));
    expect(await within(panel).findByText('请粘贴二维码内容。')).toBeTruthy();
    fireEvent.change(within(panel).getByLabelText('二维码内容'), { target: { value: 'MNR1:MN-2026-000001:0000' } });
    fireEvent.click(within(panel).getByRole('button', { name: '核验二维码内容' }));
    expect(await within(panel).findByText('二维码内容无法解码（有字符被改动或缺失）。')).toBeTruthy();
    expect(findUntranslatedText(panel, 'zh')).toEqual([]);
  });

  it('says it in English too, and downloads the record’s PDF and the trainee’s own file as PDF', async () => {
    const { s, record, pdf } = await issuedRecord();
    await renderShell({ services: s, clientKey: 'window:nurse', language: 'en' });
    fireEvent.click(navTo('My records'));
    const panel = await screen.findByRole('region', { name: 'Verify a certificate' });
    choose(panel, 'Choose a file', new File([pdf], 'certificate.pdf', { type: 'application/pdf' }));
    expect(await within(panel).findByText(`Verified: record ${record.number} is genuine (signature, contents, key, not revoked, not expired).`)).toBeTruthy();
    choose(panel, 'Choose a file', new File([Uint8Array.from([0, 255, 1, 254])], 'photo.bin'));
    expect(await within(panel).findByText('It is not a signed record, a certificate PDF or a QR payload.')).toBeTruthy();
    expect(findUntranslatedText(panel, 'en')).toEqual([]);

    const records = await screen.findByRole('region', { name: 'Completion records' });
    const row = await within(records).findByRole('row', { name: new RegExp(record.number) });
    fireEvent.click(within(row).getByRole('button', { name: `Download the PDF of record ${record.number}` }));
    expect((await within(row).findByRole('link', { name: `Download again: ${record.number}.pdf` })).getAttribute('href')).toMatch(/^blob:/);

    const file = screen.getByRole('region', { name: 'Training file as PDF' });
    fireEvent.change(within(file).getByLabelText('PDF language'), { target: { value: 'zh' } });
    fireEvent.click(within(file).getByRole('button', { name: 'Download my file as PDF' }));
    expect((await within(file).findByRole('link', { name: /^Download again: 培训档案-王芳-2026-11-01\.pdf$/ })).getAttribute('download')).toMatch(/\.pdf$/);
    expect(findUntranslatedText(file, 'en')).toEqual([]);
  });
});
