// app:// serves only files inside dist/renderer: traversal in any spelling, symlinks out of the folder
// and other hosts all get 404, and every response carries the CSP.

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../electron/main/app-protocol';
import { resolveAppFile } from '../../electron/main/app-files';
import { CONTENT_SECURITY_POLICY_HEADER } from '../../electron/main/csp';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'microneedle-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer folder');
  writeFileSync(path.join(base, 'renderer-evil.txt'), 'sibling with a shared prefix');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('serves the app with its content type and the CSP header', async () => {
    const index = await appProtocolResponse('app://app/', root);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await appProtocolResponse('app://app/assets/main.js', root);
    expect(script.status).toBe(200);
    expect(await script.text()).toBe('console.log(1)');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([
    'app://app/../secret.txt',
    'app://app/%2e%2e/secret.txt',
    'app://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://app/..%2fsecret.txt',
    'app://app/..%5csecret.txt',
    'app://app/%2fetc%2fpasswd',
    'app://app/C:%5cWindows%5cwin.ini',
    'app://app/index.html%00.js',
    'app://app/%E0%A4%A',
    'app://app/assets/link.txt',
    'app://app/../renderer-evil.txt',
    'app://app/assets',
    'app://app/missing.js',
    'app://evil/index.html',
    'app://app.evil/index.html',
  ])('refuses %s', async (url) => {
    const response = await appProtocolResponse(url, root);
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('outside');
    expect(await (await appProtocolResponse(url, root)).text()).not.toContain('sibling');
  });

  it('never resolves a path outside the root', () => {
    for (const p of ['/../x', '/a/../../x', '/%2e%2e/x', '/..\\x', '/\0', '//etc/passwd']) {
      const file = resolveAppFile(root, p);
      if (file !== null) expect(file.startsWith(root + path.sep), p).toBe(true);
    }
    expect(resolveAppFile(root, '/')).toBe(path.join(root, 'index.html'));
  });
});
