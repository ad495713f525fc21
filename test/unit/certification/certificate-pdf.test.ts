// The certificate PDF: one A4 landscape page in Chinese and English that poppler renders and reads, the
// signed record attached as <number>.json (the app's download, byte for byte) which verifies; a changed
// byte in the attachment is a named problem; only the trainee themself or staff get it; same bytes twice.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeQrPayload, encodeQrPayload } from '../../../core/certification/qr-payload';
import { recordBytes } from '../../../core/certification/record';
import { nodeVerifyCrypto } from '../../../electron/services/certification/keys';
import { certificatePdf, signedRecordFileText } from '../../../electron/services/certification/pdf/certificate-pdf';
import { extractEmbeddedRecord } from '../../../electron/services/certification/pdf/embedded-record';
import { FONT_BOLD, FONT_REGULAR, fontPaths, MissingFontError, readFonts } from '../../../electron/services/certification/pdf/fonts';
import { verifyFile } from '../../../electron/services/certification/verify-file';
import { runVerifyCli } from '../../../electron/tools/verify-cli';
import { passQuickModule, quickCatalog } from '../../helpers/quick-exam';
import { NURSE, seededInstitution } from '../../helpers/training-services';
import { ok } from '../training-file/helpers';
import { pdfPages, pdfText, renderPages } from './poppler';
import { signedFixture } from './signed-fixture';

const PASS = 'a long admin passphrase';
const NOW = new Date('2027-01-01T00:00:00Z');

async function issuedPdf() {
  const s = await seededInstitution({ exams: quickCatalog() });
  ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
  await passQuickModule(s);
  const record = ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
  const file = ok(await s.trainee.certificates.pdf({ number: record.number }));
  return { s, record, file, pdf: Buffer.from(file.base64, 'base64') };
}

/** The PDF with one byte of the attached record's stream changed. */
function withChangedAttachmentByte(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const at = text.indexOf('stream\n', text.indexOf('/Type /EmbeddedFile')) + 'stream\n'.length + 40;
  const changed = Buffer.from(pdf);
  changed[at] = changed[at]! ^ 0x01;
  return changed;
}

describe('the certificate PDF', () => {
  it('is one A4 landscape page, bilingual, with the trainee, the record number and both titles', async () => {
    const { s, record, file, pdf } = await issuedPdf();
    expect(file).toMatchObject({ fileName: `${record.number}.pdf`, mediaType: 'application/pdf' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(1);
    const [page, ...more] = renderPages(pdf, 60, process.env.KEEP_PDF_PNG);
    expect(more).toHaveLength(0);
    // A4 landscape (297 x 210 mm) at 60 dpi, as pdftoppm rounds it.
    expect(page).toMatchObject({ width: 702, height: 497 });
    // Text, frame and the QR code: well above a blank page, well below a filled one.
    expect(page!.inkShare).toBeGreaterThan(0.03);
    expect(page!.inkShare).toBeLessThan(0.4);
    const text = pdfText(pdf);
    for (const expected of [NURSE.name, record.number, '培训合格证明', 'Certificate of Training Completion', '华东微针培训中心', NURSE.certificateNumber, '15.2.3', '护理资格证书', 'npm run verify', 'quick', '2029-11-01']) expect(text).toContain(expected);
    expect(text).toMatch(/institution's policy/);
    s.services.dispose();
  });

  it('carries the signed record as <number>.json, the same file as the app’s download, which verifies', async () => {
    const { s, record, pdf } = await issuedPdf();
    const embedded = extractEmbeddedRecord(pdf);
    expect(embedded).toEqual({ name: `${record.number}.json`, text: signedRecordFileText(record.signed) });
    expect(embedded.text).toBe(JSON.stringify(record.signed, null, 2));
    expect(ok(await s.trainee.certificates.verifyFile({ fileName: `${record.number}.pdf`, base64: pdf.toString('base64') }))).toEqual({ kind: 'pdf', ok: true, problems: [], number: record.number, detail: null });
    // The QR payload of the same record verifies too.
    const payload = encodeQrPayload(record.signed, recordBytes(record.signed.record));
    expect(decodeQrPayload(payload, nodeVerifyCrypto.sha256Hex)).toEqual(record.signed);
    expect(ok(await s.trainee.certificates.verifyFile({ fileName: 'scan.txt', base64: Buffer.from(payload).toString('base64') }))).toMatchObject({ kind: 'qr', ok: true, number: record.number });
    s.services.dispose();
  });

  it('a changed byte in the attached record is a named problem, and a re-made PDF of a changed record fails the signature', async () => {
    const { s, record, pdf } = await issuedPdf();
    const changed = ok(await s.trainee.certificates.verifyFile({ fileName: 'x.pdf', base64: withChangedAttachmentByte(pdf).toString('base64') }));
    expect(changed).toMatchObject({ kind: 'pdf', ok: false, problems: ['pdf-damaged'] });
    const forged = { ...record.signed, record: { ...record.signed.record, trainee: { ...record.signed.record.trainee, certificateNumber: 'N-2024-0009' } } };
    const forgedPdf = await certificatePdf(forged);
    expect(ok(await s.trainee.certificates.verifyFile({ fileName: 'x.pdf', base64: forgedPdf.toString('base64') })).problems).toEqual(expect.arrayContaining(['hash', 'signature']));
    ok(await s.admin.certificates.revoke({ number: record.number, reason: 'issued in error' }));
    expect(ok(await s.trainee.certificates.verifyFile({ fileName: 'x.pdf', base64: pdf.toString('base64') })).problems).toEqual(['revoked']);
    s.services.dispose();
  });

  it('a trainee gets only their own; staff any; an unknown number is not found', async () => {
    const { s, record } = await issuedPdf();
    // Another trainee's record is as unknown to a trainee as one that does not exist.
    expect(await s.trainee2.certificates.pdf({ number: record.number })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(ok(await s.admin.certificates.pdf({ number: record.number })).fileName).toBe(`${record.number}.pdf`);
    expect(await s.instructor.certificates.pdf({ number: 'MN-2026-000999' })).toMatchObject({ ok: false, error: { code: 'not-found', path: '/number' } });
    expect(await s.instructor.certificates.pdf({ number: 'nonsense' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    s.services.dispose();
  });

  it('is set in Noto Sans SC Regular and Bold from the package; a missing face is an error naming its path', () => {
    const paths = fontPaths();
    expect(paths[FONT_REGULAR]).toMatch(/noto-sans-sc[\\/]400Regular[\\/]NotoSansSC_400Regular\.ttf$/);
    expect(paths[FONT_BOLD]).toMatch(/700Bold[\\/]NotoSansSC_700Bold\.ttf$/);
    const missing = path.join(os.tmpdir(), 'no-such-font', 'NotoSansSC_700Bold.ttf');
    expect(() => readFonts({ ...paths, [FONT_BOLD]: missing })).toThrow(MissingFontError);
    expect(() => readFonts({ [FONT_BOLD]: missing })).toThrow(missing);
  });

  it('the same record gives the same bytes; a long track goes on an annex page', async () => {
    const { signed } = signedFixture({ modules: 6 });
    const first = await certificatePdf(signed);
    expect((await certificatePdf(signed)).equals(first)).toBe(true);
    expect(pdfText(first)).toContain('nurse-module-6-theory');
    const long = await certificatePdf(signedFixture({ modules: 70 }).signed);
    expect(pdfPages(long)).toBe(3);
    const text = pdfText(long);
    for (const n of [1, 35, 70]) expect(text).toContain(`nurse-module-${n}-theory`);
    expect(text).toContain('见附页');
    // Too long for a QR code that prints scannably: the page says so and points to the attached file.
    expect(text).toContain('too long for a QR code');
  });

  it('npm run verify checks a certificate PDF and a QR payload file (exit 0), and a changed one (exit 1)', async () => {
    const { signed, bytes, publicKeys } = signedFixture();
    const pdf = await certificatePdf(signed);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-verify-'));
    try {
      const write = (name: string, data: string | Uint8Array) => {
        const f = path.join(dir, name);
        writeFileSync(f, data);
        return f;
      };
      const pem = write('keys.pem', publicKeys[0]!.publicKeyPem);
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), now: () => NOW };
      expect(await runVerifyCli([write('good.pdf', pdf), '--keys', pem], io)).toBe(0);
      expect(lines.join('\n')).toMatch(/record MN-2026-000123 \(from the certificate PDF\): VERIFIED/);
      expect(await runVerifyCli([write('bad.pdf', withChangedAttachmentByte(pdf)), '--keys', pem], io)).toBe(1);
      expect(lines.join('\n')).toMatch(/pdf-damaged: /);
      const payload = encodeQrPayload(signed, bytes);
      expect(await runVerifyCli([write('scan.txt', `${payload}\n`), '--keys', pem], io)).toBe(0);
      const changed = payload.slice(0, 100) + (payload[100] === '0' ? '1' : '0') + payload.slice(101);
      expect(await runVerifyCli([write('scan-bad.txt', changed), '--keys', pem], io)).toBe(1);
      expect(await runVerifyCli([path.join(dir, 'missing.pdf'), '--keys', pem], io)).toBe(2);
      // verifyFile on its own never throws on a broken PDF: cut inside the attached record, or before it.
      const streamAt = pdf.toString('latin1').indexOf('stream\n', pdf.toString('latin1').indexOf('/Type /EmbeddedFile'));
      const ctx = { publicKeys, revoked: undefined, now: NOW, crypto: nodeVerifyCrypto };
      expect(await verifyFile({ fileName: 'cut.pdf', bytes: pdf.subarray(0, streamAt + 60) }, ctx)).toMatchObject({ ok: false, problems: ['pdf-no-record'] });
      const holed = Buffer.concat([pdf.subarray(0, streamAt + 60), pdf.subarray(streamAt + 90)]);
      expect(await verifyFile({ fileName: 'holed.pdf', bytes: holed }, ctx)).toMatchObject({ ok: false, problems: ['pdf-damaged'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
