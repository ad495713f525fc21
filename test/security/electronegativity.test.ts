// Runs the static scanner @doyensec/electronegativity over the Electron sources and the HTML, and fails
// on any finding not justified in electronegativity-allowlist.json (and on allow-list entries that no
// longer match, so the list stays reviewed).

import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

interface Allowlist {
  excludedChecks: { check: string; justification: string }[];
  findings: { id: string; file: string; justification: string }[];
}

interface ScanIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  manualReview: boolean;
}

type Runner = (options: Record<string, unknown>) => Promise<{ issues: ScanIssue[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

const root = path.resolve(__dirname, '..', '..');
const allowlist = JSON.parse(readFileSync(path.join(__dirname, 'electronegativity-allowlist.json'), 'utf8')) as Allowlist;
const staging = mkdtempSync(path.join(os.tmpdir(), 'microneedle-electronegativity-'));
afterAll(() => rmSync(staging, { recursive: true, force: true }));

describe('electronegativity', () => {
  it('every allow-list entry carries a justification', () => {
    for (const entry of [...allowlist.excludedChecks, ...allowlist.findings]) {
      expect(entry.justification.length, JSON.stringify(entry)).toBeGreaterThan(40);
    }
  });

  it('finds nothing that has not been reviewed', async () => {
    // The scanner walks a folder; give it exactly what ships in the app: main, preload, services, the page.
    cpSync(path.join(root, 'electron'), path.join(staging, 'electron'), { recursive: true });
    cpSync(path.join(root, 'index.html'), path.join(staging, 'index.html'));
    cpSync(path.join(root, 'package.json'), path.join(staging, 'package.json'));
    const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

    const required = createRequire(import.meta.url)('@doyensec/electronegativity') as Runner | { default: Runner };
    const run = typeof required === 'function' ? required : required.default;
    const result = await run({
      input: staging,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: allowlist.excludedChecks.map((c) => c.check),
    });

    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
    const found = result.issues.map((i) => ({ id: i.id, file: i.file.split(path.sep).join('/'), at: `${i.location.line}:${i.location.column}`, description: i.description }));
    const accepted = (f: { id: string; file: string }) => allowlist.findings.some((a) => a.id === f.id && a.file === f.file);
    expect(found.filter((f) => !accepted(f))).toEqual([]);
    const stale = allowlist.findings.filter((a) => !found.some((f) => f.id === a.id && f.file === a.file));
    expect(stale).toEqual([]);
  }, 120_000);
});
