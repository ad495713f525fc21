// One verifier for everything the institution signs: a badge and an exported log (with its manifest) are
// recognised by certificates.verifyFile and by npm run verify, verify as issued, and a changed byte of each
// is named (signature for the badge, hash for the log, signature for the manifest); a manifest alone is
// refused with what to do.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVerifyCli } from '../../../electron/tools/verify-cli';
import { passQuickModule, quickCatalog } from '../../helpers/quick-exam';
import { seededInstitution } from '../../helpers/training-services';
import { ok } from '../training-file/helpers';

const PASS = 'a long admin passphrase';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const changeOne = (text: string, at: number) => text.slice(0, at) + (text[at] === '7' ? '8' : '7') + text.slice(at + 1);

async function exportedCsv(s: Awaited<ReturnType<typeof seededInstitution>>) {
  const { jobId } = ok(await s.admin.records.exportStart({ format: 'csv', filter: {}, lang: 'zh' }));
  for (;;) {
    const p = ok(await s.admin.records.exportProgress({ jobId }));
    if (p.state === 'finished') break;
    if (p.state === 'failed') throw new Error(p.error ?? 'export failed');
    await new Promise((r) => setTimeout(r, 5));
  }
  return ok(await s.admin.records.exportFetch({ jobId }));
}

describe('verifying a badge and an exported log', () => {
  it('in the app and from the command line, naming what a changed byte broke', async () => {
    const s = await seededInstitution({ exams: quickCatalog() });
    ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
    await passQuickModule(s);
    const record = ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));

    const badgeText = Buffer.from(ok(await s.trainee.certificates.badge({ number: record.number })).base64, 'base64').toString('utf8');
    expect(ok(await s.trainee.certificates.verifyFile({ fileName: `${record.number}.ob3.json`, base64: b64(badgeText) }))).toEqual({ kind: 'badge', ok: true, problems: [], number: record.number, detail: null });
    const forged = badgeText.replace(/"validUntil": "(\d{4})/, (_m, y: string) => `"validUntil": "${Number(y) + 10}`);
    expect(forged).not.toBe(badgeText);
    expect(ok(await s.trainee.certificates.verifyFile({ fileName: 'b.ob3.json', base64: b64(forged) }))).toMatchObject({ kind: 'badge', ok: false, problems: ['signature'] });

    const log = await exportedCsv(s);
    const csv = Buffer.from(log.base64, 'base64').toString('utf8');
    expect(csv).toContain(record.number);
    const manifest = { fileName: log.manifest.fileName, text: log.manifest.text };
    expect(ok(await s.admin.certificates.verifyFile({ fileName: log.fileName, base64: log.base64, manifest }))).toMatchObject({ kind: 'export-log', ok: true, problems: [] });
    const at = csv.indexOf(record.number) + 9;
    expect(ok(await s.admin.certificates.verifyFile({ fileName: log.fileName, base64: b64(changeOne(csv, at)), manifest }))).toMatchObject({ kind: 'export-log', ok: false, problems: ['hash'] });
    // The manifest says another administrator exported it: its signature no longer holds.
    expect(log.manifest.text).toContain('陈主任');
    expect(ok(await s.admin.certificates.verifyFile({ fileName: log.fileName, base64: log.base64, manifest: { ...manifest, text: log.manifest.text.replace('陈主任', '陈副任') } }))).toMatchObject({ ok: false, problems: ['signature'] });
    expect(ok(await s.admin.certificates.verifyFile({ fileName: manifest.fileName, base64: b64(manifest.text) }))).toMatchObject({ kind: 'export-log', ok: false, problems: ['manifest-only'] });

    // The command line: the manifest is found beside the log (or the log beside the manifest).
    const pem = ok(await s.admin.certificates.publicKeys({}))[0]!.publicKeyPem;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mn-verify-kinds-'));
    try {
      const put = (name: string, data: string) => (writeFileSync(path.join(dir, name), data), path.join(dir, name));
      const keys = put('keys.pem', pem);
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), now: () => s.clock.now() };
      expect(await runVerifyCli([put('badge.ob3.json', badgeText), '--keys', keys], io)).toBe(0);
      expect(await runVerifyCli([put('forged.ob3.json', forged), '--keys', keys], io)).toBe(1);
      expect(lines.join('\n')).toMatch(/signature: /);
      const logFile = put(log.fileName, csv);
      put(manifest.fileName, manifest.text);
      expect(await runVerifyCli([logFile, '--keys', keys], io)).toBe(0);
      expect(await runVerifyCli([path.join(dir, manifest.fileName), '--keys', keys], io)).toBe(0);
      expect(lines.join('\n')).toMatch(/exported log, with .*\.sig\.json\): VERIFIED/);
      put(log.fileName, changeOne(csv, at));
      expect(await runVerifyCli([logFile, '--keys', keys], io)).toBe(1);
      expect(lines.at(-1)).toMatch(/NOT VERIFIED \(hash\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
