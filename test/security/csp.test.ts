// A strict CSP in the HTML that is built and shipped, identical to the header the app:// protocol and
// the web server send.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../electron/main/csp';

const root = path.resolve(__dirname, '..', '..');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'microneedle-csp-build-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function metaCsp(html: string): string | null {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  return match ? match[1] : null;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('Content-Security-Policy', () => {
  it('is strict: scripts only from the app, no eval, no inline script, no plugins, no base or form hijack', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|\*|https?:/);
    expect(directives(CONTENT_SECURITY_POLICY_HEADER).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('index.html carries exactly that policy', () => {
    expect(metaCsp(readFileSync(path.join(root, 'index.html'), 'utf8'))).toBe(CONTENT_SECURITY_POLICY);
  });

  it('survives the production build, with no inline script in the built HTML', async () => {
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      root,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(metaCsp(html)).toBe(CONTENT_SECURITY_POLICY);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\.\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
  }, 120_000);
});
