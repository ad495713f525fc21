// What ships: the certificate code bundled as the Electron main process is (scripts/build-electron.ts's
// options), run by plain Node from a folder laid out like the packaged app (dist/electron beside a
// node_modules that holds only the two font files electron-builder keeps), makes a certificate PDF whose
// attached signed record reads back. pdfkit's standard fonts and data are not in the bundle: a bundle that
// reached for them would fail here, not on a user's machine.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { copyPdfkitData, MAIN_BUNDLE_OPTIONS } from '../../scripts/build-electron';
import { signedFixture } from '../unit/certification/signed-fixture';

const REPO = path.resolve(__dirname, '../..');
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
const KEPT = ['package.json', '400Regular/NotoSansSC_400Regular.ttf', '700Bold/NotoSansSC_700Bold.ttf'];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mn-bundled-pdf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the bundled main process', () => {
  it('makes a certificate PDF with only what the package keeps', async () => {
    const app = path.join(tmp, 'app');
    for (const file of KEPT) {
      const target = path.join(app, 'node_modules', FONT_PACKAGE, file);
      mkdirSync(path.dirname(target), { recursive: true });
      symlinkSync(path.join(REPO, 'node_modules', FONT_PACKAGE, file), target);
    }
    writeFileSync(path.join(app, 'package.json'), '{"name":"probe","private":true}');
    const entry = path.join(tmp, 'probe-entry.ts');
    writeFileSync(
      entry,
      `import { readFileSync } from 'node:fs';
import { certificatePdf, signedRecordFileText } from ${JSON.stringify(path.join(REPO, 'electron/services/certification/pdf/certificate-pdf'))};
import { extractEmbeddedRecord } from ${JSON.stringify(path.join(REPO, 'electron/services/certification/pdf/embedded-record'))};
const signed = JSON.parse(readFileSync(process.argv[2], 'utf8'));
certificatePdf(signed).then((pdf) => {
  const embedded = extractEmbeddedRecord(pdf);
  console.log(JSON.stringify({ bytes: pdf.length, same: 'text' in embedded && embedded.text === signedRecordFileText(signed) }));
});
`,
    );
    const out = path.join(app, 'dist', 'electron');
    copyPdfkitData(out);
    const built = await build({ ...MAIN_BUNDLE_OPTIONS, entryPoints: [entry], outfile: path.join(out, 'probe.js'), logLevel: 'silent' });
    expect(built.warnings).toEqual([]);
    const recordFile = path.join(tmp, 'record.json');
    writeFileSync(recordFile, JSON.stringify(signedFixture({ modules: 4 }).signed));
    const run = spawnSync(process.execPath, [path.join(out, 'probe.js'), recordFile], { cwd: tmp, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ same: true });
    expect(JSON.parse(run.stdout).bytes).toBeGreaterThan(10_000);
  }, 60_000);
});
