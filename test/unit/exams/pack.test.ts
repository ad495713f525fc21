// Exam packs: the shipped exams exported into one pack, inspected against nothing installed (all add), the
// same content (all unchanged), a corrected question (replace), and packs that must be refused as a whole:
// a tampered hash, a malformed module, not JSON, a newer format, a changed published version.

import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../core/exams/catalog';
import { existingFromCatalog, fromBase64, inspectPack, NOTHING_INSTALLED, packFromCatalog, toBase64, type ExamPack } from '../../../core/exams/pack';
import { loadExamsDir } from '../../../core/node/exams-dir';

const CATALOG = loadExamsDir();
const HEAD = { institution: 'Test training base', createdAt: '2026-12-01T08:00:00Z' };
const PACK = packFromCatalog(CATALOG, HEAD);
const INSTALLED = existingFromCatalog(CATALOG);
const clone = (): ExamPack => JSON.parse(JSON.stringify(PACK)) as ExamPack;
const docCount = () => PACK.documents.questions.length + PACK.documents.cases.length + PACK.documents.complications.length + PACK.documents.modules.length;

describe('exam pack of the shipped exams', () => {
  it('the shipped exams load cleanly and the manifest lists every document with its content hash', () => {
    expect(CATALOG.problems).toEqual([]);
    expect(PACK.manifest).toHaveLength(docCount());
    expect(PACK.documents.modules.length).toBeGreaterThan(0);
    const m = PACK.manifest.find((e) => e.kind === 'exam-module')!;
    expect(m.sha256).toBe([...CATALOG.modules.values()].find((p) => p.module.id === m.id)!.hash);
    expect(PACK.documents.questions.every((q) => !('bank' in q))).toBe(true);
  });

  it('against nothing installed, every item is an add and the pack comes back', () => {
    const { report, pack } = inspectPack(JSON.stringify(PACK), NOTHING_INSTALLED);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.items).toHaveLength(docCount());
    expect(new Set(report.items.map((i) => i.action))).toEqual(new Set(['add']));
    expect(pack).toEqual(PACK);
  });

  it('against the same content installed, every item is unchanged', () => {
    const { report } = inspectPack(JSON.stringify(PACK), INSTALLED);
    expect(report.ok).toBe(true);
    expect(new Set(report.items.map((i) => i.action))).toEqual(new Set(['unchanged']));
  });

  it('a question with a corrected key and a new version is a replace; everything else is unchanged', () => {
    const p = clone();
    const n = p.documents.questions.findIndex((q) => q.type === 'single' && q.options.length > 1);
    const q = p.documents.questions[n]!;
    if (q.type !== 'single') throw new Error('unreachable');
    q.key = [q.key[0] === 'a' ? 'b' : 'a'];
    q.version += 1;
    const entry = p.manifest.find((e) => e.kind === 'question' && e.id === q.id)!;
    entry.version = q.version;
    entry.sha256 = contentHash(q);
    const { report, pack } = inspectPack(JSON.stringify(p), INSTALLED);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    const changed = report.items.filter((i) => i.action !== 'unchanged');
    expect(changed).toEqual([{ kind: 'question', id: q.id, version: q.version, action: 'replace', reason: `replaces version ${q.version - 1}`, pointer: `/documents/questions/${n}` }]);
    expect(pack!.documents.questions[n]).toEqual(q);
  });

  it('changing a published version without a new version number is refused: a published version is never changed', () => {
    const p = clone();
    const q = p.documents.questions[0]!;
    q.explanation = { ...q.explanation, en: `${q.explanation.en} (edited)` };
    p.manifest.find((e) => e.kind === 'question' && e.id === q.id)!.sha256 = contentHash(q);
    const { report, pack } = inspectPack(JSON.stringify(p), INSTALLED);
    expect(report.ok).toBe(false);
    expect(pack).toBeNull();
    const item = report.items.find((i) => i.action === 'reject')!;
    expect(item).toMatchObject({ kind: 'question', id: q.id, pointer: '/documents/questions/0/version' });
    expect(item.reason).toMatch(/a published version is never changed/);
    // Against nothing installed the same pack is fine.
    expect(inspectPack(JSON.stringify(p), NOTHING_INSTALLED).report.ok).toBe(true);
  });

  it('a tampered manifest hash rejects the item at /manifest/N/sha256, and the whole pack', () => {
    const p = clone();
    const n = p.manifest.findIndex((e) => e.kind === 'patient-case');
    p.manifest[n]!.sha256 = '0'.repeat(64);
    const { report, pack } = inspectPack(JSON.stringify(p), NOTHING_INSTALLED);
    expect(report.ok).toBe(false);
    expect(pack).toBeNull();
    const rejected = report.items.filter((i) => i.action === 'reject');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ kind: 'patient-case', id: p.manifest[n]!.id, pointer: `/manifest/${n}/sha256` });
    expect(report.problems.map((x) => x.pointer)).toEqual([`/manifest/${n}/sha256`]);
    // Everything else would still have been an add: the report says so, but nothing is imported.
    expect(report.items.filter((i) => i.action === 'add')).toHaveLength(docCount() - 1);
  });

  it('a document changed after the pack was made (the hash left alone) is caught by its hash', () => {
    const p = clone();
    p.documents.complications[0]!.title.en += ' (edited)';
    const n = p.manifest.findIndex((e) => e.kind === 'complication' && e.id === p.documents.complications[0]!.id);
    const { report } = inspectPack(JSON.stringify(p), NOTHING_INSTALLED);
    expect(report.ok).toBe(false);
    expect(report.items.find((i) => i.action === 'reject')).toMatchObject({ kind: 'complication', pointer: `/manifest/${n}/sha256` });
  });

  it('a malformed module inside the pack is rejected naming the module and the field', () => {
    const p = clone();
    const m = p.documents.modules[0]!;
    (m.passRule as { overallMin: number }).overallMin = 150;
    p.manifest.find((e) => e.kind === 'exam-module' && e.id === m.id)!.sha256 = contentHash(m);
    const { report, pack } = inspectPack(JSON.stringify(p), NOTHING_INSTALLED);
    expect(report.ok).toBe(false);
    expect(pack).toBeNull();
    const item = report.items.find((i) => i.action === 'reject')!;
    expect(item).toMatchObject({ kind: 'exam-module', id: m.id, version: m.version, pointer: '/documents/modules/0/passRule/overallMin' });
    expect(item.reason).toMatch(/0 to 100/);
    expect(report.problems[0]!.message).toContain(`exam-module "${m.id}"`);
  });

  it('a module whose case is neither in the pack nor installed is rejected at the reference', () => {
    const p = clone();
    const n = p.documents.modules.findIndex((m) => m.parts.some((x) => x.kind === 'case'));
    const mod = p.documents.modules[n]!;
    const part = mod.parts.findIndex((x) => x.kind === 'case');
    const caseId = (mod.parts[part] as { caseIds: string[] }).caseIds[0]!;
    const ci = p.documents.cases.findIndex((c) => c.id === caseId);
    p.documents.cases.splice(ci, 1);
    p.manifest = p.manifest.filter((e) => !(e.kind === 'patient-case' && e.id === caseId));
    const alone = inspectPack(JSON.stringify(p), NOTHING_INSTALLED).report;
    expect(alone.ok).toBe(false);
    expect(alone.items.filter((i) => i.action === 'reject').some((i) => i.kind === 'exam-module' && i.pointer === `/documents/modules/${n}/parts/${part}/caseIds/0`)).toBe(true);
    // Installed, the case resolves: by its document, or by its id alone.
    expect(inspectPack(JSON.stringify(p), INSTALLED).report.ok).toBe(true);
    const idOnly = { ...INSTALLED, cases: new Map([...INSTALLED.cases].map(([id, e]) => [id, { version: e.version, hash: e.hash }])) };
    expect(inspectPack(JSON.stringify(p), { ...idOnly, questions: INSTALLED.questions }).report.ok).toBe(true);
  });

  it('a document in the wrong collection, a duplicate id or a document missing from the manifest is rejected', () => {
    const p = clone();
    p.documents.cases.push(p.documents.complications[0] as never);
    const r1 = inspectPack(JSON.stringify(p), NOTHING_INSTALLED).report;
    expect(r1.ok).toBe(false);
    expect(r1.items.find((i) => i.action === 'reject')!.pointer).toBe(`/documents/cases/${p.documents.cases.length - 1}/kind`);
    const q = clone();
    q.manifest.pop();
    const r2 = inspectPack(JSON.stringify(q), NOTHING_INSTALLED).report;
    expect(r2.items.find((i) => i.action === 'reject')!.reason).toMatch(/not listed in the manifest/);
  });

  it('text that is not JSON, another kind of file and a newer format version are refused', () => {
    const notJson = inspectPack('{"kind": "exam-pack",', NOTHING_INSTALLED);
    expect(notJson.report).toMatchObject({ ok: false, items: [] });
    expect(notJson.report.problems[0]!.message).toMatch(/not valid JSON/);
    expect(notJson.pack).toBeNull();
    expect(inspectPack(JSON.stringify({ kind: 'question-bank', formatVersion: 1 }), NOTHING_INSTALLED).report.problems[0]!.pointer).toBe('/kind');
    const newer = inspectPack(JSON.stringify({ ...PACK, formatVersion: 2 }), NOTHING_INSTALLED);
    expect(newer.report.ok).toBe(false);
    expect(newer.report.problems).toEqual([{ pointer: '/formatVersion', message: expect.stringMatching(/newer than this app reads/) }]);
    const badHead = inspectPack(JSON.stringify({ ...PACK, createdAt: 'yesterday' }), NOTHING_INSTALLED);
    expect(badHead.report.problems[0]!.pointer).toBe('/createdAt');
  });

  it('media: base64 round-trips, hashes are checked, and a bad file rejects the pack', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
    expect(fromBase64('abc')).toBeNull();
    expect(fromBase64('ab=c')).toBeNull();
    expect(fromBase64('QR==')).toBeNull(); // non-zero unused bits
    const withMedia = packFromCatalog(CATALOG, { ...HEAD, media: [{ path: 'cases/rosacea.png', mediaType: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) }] });
    const good = inspectPack(JSON.stringify(withMedia), NOTHING_INSTALLED);
    expect(good.report.ok).toBe(true);
    expect(good.report.items.at(-1)).toEqual({ kind: 'media', id: 'cases/rosacea.png', version: null, action: 'add', reason: null, pointer: '/media/0' });
    withMedia.media[0]!.base64 = toBase64(new Uint8Array([1, 2, 3]));
    const bad = inspectPack(JSON.stringify(withMedia), NOTHING_INSTALLED);
    expect(bad.report.ok).toBe(false);
    expect(bad.pack).toBeNull();
    expect(bad.report.items.at(-1)).toMatchObject({ action: 'reject', pointer: '/media/0/sha256' });
    const escape = inspectPack(JSON.stringify({ ...withMedia, media: [{ ...withMedia.media[0]!, path: '../evil.png' }] }), NOTHING_INSTALLED);
    expect(escape.report.problems[0]!.pointer).toBe('/media/0/path');
  });
});
