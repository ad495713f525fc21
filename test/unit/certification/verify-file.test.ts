// verifyFile tells the files apart (signed record JSON, certificate PDF, QR payload text) and brings each
// back to verifyRecord; anything else is a named problem, never a crash; the kinds table takes new kinds.

import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { encodeQrPayload } from '../../../core/certification/qr-payload';
import { nodeVerifyCrypto } from '../../../electron/services/certification/keys';
import { certificatePdf, signedRecordFileText } from '../../../electron/services/certification/pdf/certificate-pdf';
import { EmbeddedRecordError, extractEmbeddedRecord } from '../../../electron/services/certification/pdf/embedded-record';
import { FILE_KINDS, verifyFile, type FileKindHandler, type VerifyFileContext } from '../../../electron/services/certification/verify-file';
import { signedFixture } from './signed-fixture';

const NOW = new Date('2027-01-01T00:00:00Z');
const bytesOf = (text: string) => new TextEncoder().encode(text);

function plainPdf(): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('no attachment here');
  doc.end();
  return done;
}

describe('verifyFile', () => {
  const { signed, bytes, publicKeys } = signedFixture();
  const ctx: VerifyFileContext = { publicKeys, revoked: new Set(), now: NOW, crypto: nodeVerifyCrypto };

  it('verifies a signed record, a certificate PDF and a QR payload, saying which it was', async () => {
    const record = await verifyFile({ fileName: 'MN-2026-000123.json', bytes: bytesOf(signedRecordFileText(signed)) }, ctx);
    expect(record).toEqual({ kind: 'record', ok: true, problems: [], number: signed.record.number, detail: null });
    const pdf = await verifyFile({ fileName: 'c.pdf', bytes: await certificatePdf(signed) }, ctx);
    expect(pdf).toEqual({ kind: 'pdf', ok: true, problems: [], number: signed.record.number, detail: null });
    const qr = await verifyFile({ fileName: 'scan.txt', bytes: bytesOf(`\uFEFF  ${encodeQrPayload(signed, bytes)}\r\n`) }, ctx);
    expect(qr).toEqual({ kind: 'qr', ok: true, problems: [], number: signed.record.number, detail: null });
  });

  it('checks revocation, expiry and the key ring for every kind', async () => {
    const pdf = await certificatePdf(signed);
    expect((await verifyFile({ fileName: 'c.pdf', bytes: pdf }, { ...ctx, revoked: new Set([signed.record.number]) })).problems).toEqual(['revoked']);
    expect((await verifyFile({ fileName: 'c.pdf', bytes: pdf }, { ...ctx, now: new Date('2030-01-01T00:00:00Z') })).problems).toEqual(['expired']);
    expect((await verifyFile({ fileName: 'scan.txt', bytes: bytesOf(encodeQrPayload(signed, bytes)) }, { ...ctx, publicKeys: signedFixture().publicKeys })).problems).toEqual(['unknown-key']);
  });

  it('names what is wrong with a file that is none of them, and never throws', async () => {
    expect(await verifyFile({ fileName: 'x.bin', bytes: Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x80]) }, ctx)).toMatchObject({ kind: null, ok: false, problems: ['unrecognized'] });
    expect(await verifyFile({ fileName: 'x.json', bytes: bytesOf('not json') }, ctx)).toMatchObject({ kind: 'record', problems: ['format'] });
    expect(await verifyFile({ fileName: 'x.json', bytes: bytesOf('{"format":"microneedle-signed-completion-record"}') }, ctx)).toMatchObject({ kind: 'record', problems: ['format'] });
    const plain = await verifyFile({ fileName: 'MN-2026-000001.pdf', bytes: await plainPdf() }, ctx);
    expect(plain).toMatchObject({ kind: 'pdf', ok: false, problems: ['pdf-no-record'], number: 'MN-2026-000001' });
    expect(plain.detail).toMatch(/no signed record attachment/);
    expect(await verifyFile({ fileName: 'x.pdf', bytes: bytesOf('%PDF-1.7\n5 0 obj\n<< /Type /Filespec /F (MN-2026-000001.json) /EF << /F 99 0 R >> >>\nendobj') }, ctx)).toMatchObject({ kind: 'pdf', problems: ['pdf-damaged'] });
    expect(await verifyFile({ fileName: 'scan.txt', bytes: bytesOf('MNR1:garbage') }, ctx)).toMatchObject({ kind: 'qr', problems: ['qr-damaged'], detail: expect.stringMatching(/^fields:/) });
    expect(() => extractEmbeddedRecord(bytesOf('hello'))).toThrow(EmbeddedRecordError);
  });

  it('changing any one byte of a certificate PDF never passes a changed record and never crashes', async () => {
    const pdf = await certificatePdf(signed);
    const text = pdf.toString('latin1');
    const from = text.indexOf('stream\n', text.indexOf('/Type /EmbeddedFile')) + 7;
    const to = text.indexOf('endstream', from);
    const original = signedRecordFileText(signed);
    let failed = 0;
    for (let at = from; at < to; at += 23) {
      const changed = Buffer.from(pdf);
      changed[at] = changed[at]! ^ 0x20;
      const r = await verifyFile({ fileName: 'c.pdf', bytes: changed }, ctx);
      // A flipped bit deflate ignores (padding after the last block) leaves the record as it was: that passes.
      if (r.ok) expect(extractEmbeddedRecord(changed).text, `byte ${at}`).toBe(original);
      else expect(r.problems.length).toBeGreaterThan(0);
      failed += r.ok ? 0 : 1;
    }
    expect(failed).toBeGreaterThan(10);
  });

  it('takes a new kind from the table, tried before the catch-all record kind', async () => {
    const badge: FileKindHandler = {
      kind: 'record',
      claims: (file) => file.text()?.includes('"OpenBadgeCredential"') ?? false,
      verify: () => ({ kind: 'record', ok: false, problems: ['signature'], number: null, detail: 'badge stand-in' }),
    };
    const kinds = [...FILE_KINDS.slice(0, -1), badge, FILE_KINDS[FILE_KINDS.length - 1]!];
    expect((await verifyFile({ fileName: 'b.json', bytes: bytesOf('{"type":["OpenBadgeCredential"]}') }, ctx, kinds)).detail).toBe('badge stand-in');
    expect((await verifyFile({ fileName: 'r.json', bytes: bytesOf(signedRecordFileText(signed)) }, ctx, kinds)).ok).toBe(true);
  });
});
