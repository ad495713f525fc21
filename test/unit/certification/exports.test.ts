// Exports of the certification log: CSV (BOM, headers in zh and en, RFC 4180 quoting, formula
// neutralising), XLSX read back with exceljs, JSON whose records verify, the filters in SQL, and the signed
// manifest ('hash' when the file changed, 'signature' when the manifest did, 'unknown-key', 'format').

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RecordsFilter } from '../../../core/api/schemas/certification';
import { verifyRecord } from '../../../core/certification/record';
import { createKeyRing, nodeVerifyCrypto } from '../../../electron/services/certification/keys';
import { csvCell, UTF8_BOM } from '../../../electron/services/certification/exports/csv';
import { countMatching } from '../../../electron/services/certification/exports/filters';
import { verifyExport } from '../../../electron/services/certification/exports/manifest';
import { runExport, type ExportRequest } from '../../../electron/services/certification/exports/run';
import { memorySink } from '../../../electron/services/certification/exports/source';
import { seededInstitution } from '../../helpers/training-services';
import { ok } from '../training-file/helpers';
import { FIXTURE_PEOPLE, seedFixture } from './exports-fixture';

const PASS = 'a long admin passphrase';

async function fixture() {
  const s = await seededInstitution();
  ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
  const live = s.services.live()!;
  seedFixture(live.store, live.certificates.keys, { id: s.people.instructor.id, name: '张医生' }, live.store.get<{ id: string }>("SELECT id FROM people WHERE account_role = 'admin'")!.id);
  const exportNow = async (format: ExportRequest['format'], filter: RecordsFilter = {}, lang: 'zh' | 'en' = 'zh') => {
    const sink = memorySink();
    const done = await runExport({ store: live.store, keys: live.certificates.keys, request: { format, filter, lang }, now: s.clock.now(), exportedBy: { id: 'p-admin', name: '陈主任' }, institution: '华东微针培训中心', sink });
    return { bytes: sink.bytes(), done };
  };
  return { s, live, exportNow, keys: () => live.certificates.publicKeys() };
}

const csvRows = (bytes: Buffer) => bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);

describe('CSV', () => {
  it('starts with a BOM, has Chinese headers in zh and English ones in en, one row per record and attempt', async () => {
    const { exportNow } = await fixture();
    const zh = await exportNow('csv');
    expect(zh.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(zh.bytes.toString('utf8').startsWith(UTF8_BOM)).toBe(true);
    const rows = csvRows(zh.bytes);
    expect(rows[0]!.split(',').slice(0, 4)).toEqual(['类别', '证明编号', '学员编号', '姓名']);
    expect(rows[0]).toContain('执业证书编号');
    expect(rows).toHaveLength(1 + 3 + 4);
    expect(rows[1]).toMatch(/^培训合格证明,MN-2026-100001,p-nurse-1,王芳,护士,15\.2\.3,/);
    expect(rows.filter((r) => r.startsWith('考核记录,'))).toHaveLength(4);
    const en = csvRows((await exportNow('csv', {}, 'en')).bytes);
    expect(en[0]!.split(',').slice(0, 4)).toEqual(['Kind', 'Record number', 'Trainee ID', 'Name']);
    expect(en[1]).toContain(',nurse,15.2.3,');
  });

  it('quotes per RFC 4180 and neutralises cells that a spreadsheet would run as formulas', async () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) expect(csvCell(bad).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    const { exportNow } = await fixture();
    const text = (await exportNow('csv')).bytes.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""点我""), 赵"`);
    expect(text).toContain(",'+T-0303,");
    expect(text).not.toMatch(/,=HYPERLINK/);
  });
});

describe('XLSX', () => {
  it('reads back with exceljs: a records sheet and an attempts sheet, headers in the language, the rows and a Chinese name', async () => {
    const { exportNow } = await fixture();
    const { bytes, done } = await exportNow('xlsx');
    expect(done.counts).toEqual({ records: 3, attempts: 4 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const records = wb.getWorksheet('培训合格证明')!;
    const attempts = wb.getWorksheet('考核记录')!;
    expect(records.getRow(1).getCell(1).value).toBe('证明编号');
    expect(records.getRow(1).getCell(3).value).toBe('姓名');
    expect(records.actualRowCount).toBe(1 + 3);
    expect(records.getRow(2).getCell(3).value).toBe('王芳');
    expect(records.getRow(4).getCell(12).value).toBe('已撤销');
    expect(attempts.actualRowCount).toBe(1 + 4);
    expect(attempts.getRow(3).getCell(11).value).toBe('不合格');
    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await exportNow('xlsx', {}, 'en')).bytes as unknown as ArrayBuffer);
    expect(en.getWorksheet('Completion records')!.getRow(1).getCell(1).value).toBe('Record number');
  });
});

describe('JSON', () => {
  it('parses, carries the filter and export time, and each record is the signed document that verifies', async () => {
    const { exportNow, keys, s } = await fixture();
    const { bytes } = await exportNow('json', { role: 'technician' });
    const doc = JSON.parse(bytes.toString('utf8')) as { format: string; exportedAt: string; filter: unknown; records: unknown[]; status: { number: string; status: string }[]; attempts: { id: string; passed: boolean }[] };
    expect(doc).toMatchObject({ format: 'microneedle-certification-log', exportedAt: '2026-11-01T08:00:00.000Z', filter: { role: 'technician' } });
    expect(doc.records).toHaveLength(2);
    for (const r of doc.records) expect(verifyRecord(r, keys(), s.clock.now(), undefined, nodeVerifyCrypto)).toMatchObject({ ok: true });
    expect(doc.status.map((x) => x.status)).toEqual(['current', 'revoked']);
    expect(doc.attempts.map((a) => [a.id, a.passed])).toEqual([['ea-f-2', false], ['ea-f-3', true], ['ea-f-4', true]]);
  });
});

describe('xAPI and Open Badges 3.0', () => {
  it('xapi is a JSON array of the filtered statements; ob3 one signed credential per record', async () => {
    const { exportNow } = await fixture();
    const xapi = await exportNow('xapi', { role: 'nurse' });
    expect(xapi.done.fileName).toMatch(/\.xapi\.json$/);
    const statements = JSON.parse(xapi.bytes.toString('utf8')) as { verb: { id: string }; actor: unknown }[];
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.every((st) => typeof st.verb.id === 'string' && st.actor)).toBe(true);
    const ob3 = await exportNow('ob3', { role: 'technician' });
    const credentials = JSON.parse(ob3.bytes.toString('utf8')) as { type: string[]; proof: unknown }[];
    expect(credentials).toHaveLength(2);
    for (const c of credentials) {
      expect(c.type).toContain('OpenBadgeCredential');
      expect(c.proof).toBeTruthy();
    }
    expect(ob3.done.manifest).toMatchObject({ exportFormat: 'ob3', counts: { records: 2 } });
  }, 30_000);
});

describe('filters', () => {
  it('select by date range, role, module, result and trainee, in SQL', async () => {
    const { live } = await fixture();
    const count = (f: RecordsFilter) => countMatching(live.store, f);
    expect(count({})).toEqual({ records: 3, attempts: 4 });
    expect(count({ from: '2026-10-01', to: '2026-10-31' })).toEqual({ records: 1, attempts: 2 });
    expect(count({ from: '2026-11-01' })).toEqual({ records: 2, attempts: 2 });
    expect(count({ to: '2026-11-01' })).toEqual({ records: 1, attempts: 3 }); // the whole of 1 November counts
    expect(count({ role: 'nurse' })).toEqual({ records: 1, attempts: 1 });
    expect(count({ role: 'technician', result: 'fail' })).toEqual({ records: 0, attempts: 1 });
    expect(count({ result: 'pass' })).toEqual({ records: 3, attempts: 3 });
    expect(count({ moduleId: 'tech-core' })).toEqual({ records: 2, attempts: 3 });
    expect(count({ traineeId: FIXTURE_PEOPLE.tech.id })).toEqual({ records: 1, attempts: 2 });
    expect(count({ role: 'physician' })).toEqual({ records: 0, attempts: 0 });
  });
});

describe('signed manifest', () => {
  it('verifies; a changed byte of the file is "hash", of the manifest "signature"; another key is "unknown-key"; junk is "format"', async () => {
    const { exportNow, keys } = await fixture();
    const { bytes, done } = await exportNow('csv', { role: 'technician' });
    expect(done.manifest).toMatchObject({ exportFormat: 'csv', fileName: done.fileName, byteLength: bytes.length, filter: { role: 'technician' }, counts: { records: 2, attempts: 3 }, exportedBy: { name: '陈主任' } });
    expect(done.manifestFileName).toBe(`${done.fileName}.sig.json`);
    expect(verifyExport(bytes, done.manifestText, keys())).toMatchObject({ ok: true, problems: [] });
    const changed = Buffer.from(bytes);
    changed[changed.length - 3] ^= 1;
    expect(verifyExport(changed, done.manifestText, keys()).problems).toEqual(['hash']);
    const manifest = done.manifestText.replace('"records": 2', '"records": 3');
    expect(manifest).not.toBe(done.manifestText);
    expect(verifyExport(bytes, manifest, keys()).problems).toEqual(['signature']);
    expect(verifyExport(bytes, done.manifestText, []).problems).toEqual(['unknown-key']);
    expect(verifyExport(bytes, 'not json', keys()).problems).toEqual(['format']);
  });

  it('needs the key unlocked: a locked ring is refused with conflict before anything is written', async () => {
    const { live, s } = await fixture();
    const locked = createKeyRing(live.store, s.clock);
    const sink = memorySink();
    await expect(runExport({ store: live.store, keys: locked, request: { format: 'csv', filter: {}, lang: 'zh' }, now: s.clock.now(), exportedBy: { id: null, name: 'x' }, institution: 'x', sink })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/locked/) });
    expect(sink.bytes().length).toBe(0);
  });
});
