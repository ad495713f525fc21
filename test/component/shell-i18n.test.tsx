// Translation completeness: both languages have the same namespaces and keys (every namespace, the
// studio's included), the same placeholders, no empty strings; the shell's source has no hard-coded
// visible text; every literal key the shell uses exists; and rendered screens contain no text in the
// other language.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES, NAMESPACES, resources, resolveLanguage } from '../../renderer/i18n';
import { findUntranslatedText } from './shell-text-audit';
import { seededInstitution } from '../helpers/training-services';
import { renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

const root = path.resolve(__dirname, '..', '..');
const localesDir = path.join(root, 'renderer', 'i18n', 'locales');
/** The shell's own source; renderer/studio has its own tests. */
const SHELL_SOURCES = ['renderer/main.tsx', 'renderer/app', 'renderer/screens'];

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else out.set(prefix, String(value));
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}|<(\/?\w+)>/g)].map((m) => m[1] ?? m[2]).sort();

function sourceFiles(entry: string): string[] {
  const full = path.join(root, entry);
  if (full.endsWith('.tsx') || full.endsWith('.ts')) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourceFiles(path.join(entry, d.name)) : /\.tsx?$/.test(d.name) ? [path.join(full, d.name)] : []));
}

describe('locale files', () => {
  it('exist for the same namespaces in zh and en, and are all loaded', () => {
    const zh = readdirSync(path.join(localesDir, 'zh')).sort();
    const en = readdirSync(path.join(localesDir, 'en')).sort();
    expect(en).toEqual(zh);
    expect(NAMESPACES).toEqual(zh.map((f) => f.replace(/\.json$/, '')).sort());
    expect(NAMESPACES).toEqual(expect.arrayContaining(['common', 'start', 'home', 'people', 'records', 'audit', 'settings', 'studio']));
  });

  for (const namespace of NAMESPACES) {
    it(`${namespace}: zh and en have the same keys, the same placeholders, and no empty text`, () => {
      const zh = flatten(resources.zh[namespace]);
      const en = flatten(resources.en[namespace]);
      expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
      for (const [key, zhText] of zh) {
        const enText = en.get(key) ?? '';
        expect(zhText.trim(), `zh ${namespace}:${key}`).not.toBe('');
        expect(enText.trim(), `en ${namespace}:${key}`).not.toBe('');
        expect(placeholders(enText), `${namespace}:${key}`).toEqual(placeholders(zhText));
      }
    });
  }

  it('picks Chinese for Chinese locales and unknown ones, English for others, and honours a setting', () => {
    expect(resolveLanguage('system', 'zh-CN')).toBe('zh');
    expect(resolveLanguage('system', 'zh-Hant-TW')).toBe('zh');
    expect(resolveLanguage('system', undefined)).toBe('zh');
    expect(resolveLanguage('system', 'en-GB')).toBe('en');
    expect(resolveLanguage('system', 'fr-FR')).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
    expect(resolveLanguage('zh', 'en-US')).toBe('zh');
    expect(LANGUAGES).toEqual(['zh', 'en']);
  });
});

describe('shell source', () => {
  const files = SHELL_SOURCES.flatMap(sourceFiles);

  it('has no hard-coded visible text in JSX', () => {
    const problems: string[] = [];
    const visibleAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
      const visit = (node: ts.Node) => {
        const where = () => `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (ts.isJsxText(node) && /[\p{L}]/u.test(node.text)) problems.push(`${where()} text "${node.text.trim()}"`);
        if (ts.isJsxAttribute(node) && visibleAttributes.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && /\p{L}/u.test(node.initializer.text)) {
          problems.push(`${where()} ${node.name.getText()}="${node.initializer.text}"`);
        }
        if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && /\p{L}/u.test(node.expression.text) && ts.isJsxElement(node.parent)) {
          problems.push(`${where()} text {"${node.expression.text}"}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(problems).toEqual([]);
  });

  it('uses only keys that exist, in the namespaces each file loads', () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const nsMatch = /useTranslation\((\[[^\]]*\]|'[^']*')\)/.exec(text);
      const fileNamespaces = nsMatch ? [...nsMatch[1].matchAll(/'([^']+)'/g)].map((m) => m[1]) : ['common'];
      for (const m of text.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
        const [ns, key] = m[1].includes(':') ? m[1].split(':') : [fileNamespaces[0], m[1]];
        for (const lang of LANGUAGES) {
          if (!flatten(resources[lang][ns]).has(key)) missing.push(`${path.relative(root, file)}: ${lang} ${ns}:${key}`);
        }
      }
      for (const m of text.matchAll(/i18nKey="([^"]+)"/g)) {
        for (const lang of LANGUAGES) if (!flatten(resources[lang][fileNamespaces[0]]).has(m[1])) missing.push(`${path.relative(root, file)}: ${lang} ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('rendered screens', () => {
  let disposers: (() => void)[] = [];
  afterEach(() => {
    cleanup();
    for (const d of disposers.reverse()) d();
    disposers = [];
  });

  const settle = () => new Promise((r) => setTimeout(r, 30));

  for (const language of ['zh', 'en'] as const) {
    it(`contain only ${language} text on every screen of every role`, async () => {
      const audits: string[] = [];
      const scan = async (where: string) => {
        await settle();
        audits.push(...findUntranslatedText(document.body, language).map((p) => `${where}: ${p}`));
      };
      const heading = () => screen.findByRole('heading', { level: 1 });

      // First start, on an OS in this language.
      const fresh = await renderShell({ locale: language === 'zh' ? 'zh-CN' : 'en-US' });
      disposers.push(fresh.dispose);
      expect(fresh.store.getState().language).toBe(language);
      await heading();
      fireEvent.click(screen.getByRole('button', { name: language === 'zh' ? '创建并登录' : 'Create and sign in' }));
      await scan('setup with errors');
      cleanup();

      // A seeded institution whose name is in the other script, with attempts of every kind.
      const s = await seededInstitution();
      disposers.push(() => s.services.dispose());
      s.ok(await s.admin.institution.update({ name: language === 'zh' ? 'Harbour Training Centre' : '华东微针培训中心' }));
      const started = s.ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
      s.ok(await s.trainee.sessions.finish({ attemptId: started.attemptId, batches: 0, endTMs: 30_000, zones: started.header.zones }));
      const recording = JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'recordings', 'rf-cheeks-good.json'), 'utf8')) as never;
      s.ok(await s.trainee.sessions.import({ recording, fileName: 'rf-cheeks-good.json' }));
      await s.client('window:x').auth.signInStaff({ username: 'zhang', password: 'wrong password' });

      await renderShell({ services: s, clientKey: 'window:station', language });
      await heading();
      await scan('sign-in');
      cleanup();

      await renderShell({ services: s, clientKey: 'window:nurse', language });
      await heading();
      await scan('trainee home');
      for (const index of [1, 2, 3]) {
        fireEvent.click(within(screen.getByRole('navigation', { name: /主导航|Main navigation/ })).getAllByRole('button')[index]);
        await heading();
        await scan(`trainee nav ${index}`);
      }
      cleanup();

      const admin = await renderShell({ services: s, clientKey: 'window:admin', language });
      await heading();
      await scan('admin home');
      for (const index of [1, 2, 3, 4]) {
        fireEvent.click(within(screen.getByRole('navigation', { name: /主导航|Main navigation/ })).getAllByRole('button')[index]);
        await heading();
        await scan(`admin nav ${index}`);
      }
      admin.store.getState().navigate({ name: 'people' });
      await screen.findByRole('table');
      fireEvent.click(screen.getAllByRole('button', { name: language === 'zh' ? /管理/ : /Manage/ })[0]);
      await scan('manage person');
      admin.store.getState().navigate({ name: 'trainee', personId: s.people.nurse.id });
      await screen.findByRole('table');
      await scan('trainee file');
      cleanup();

      const instructor = await renderShell({ services: s, clientKey: 'window:instructor', language });
      instructor.store.getState().navigate({ name: 'people' });
      await screen.findByRole('table');
      fireEvent.click(screen.getByRole('button', { name: language === 'zh' ? '添加学员' : 'Add a trainee' }));
      fireEvent.click(screen.getByRole('button', { name: language === 'zh' ? '添加' : 'Add' }));
      await scan('create trainee with errors');

      expect(audits).toEqual([]);
    });
  }

  it('the audit itself catches text in the wrong language and raw keys', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>设置</p><p>home.modules.exams.title</p><p lang="zh-CN">简体中文</p><p data-user-content>王芳</p>';
    expect(findUntranslatedText(div, 'en')).toEqual(['Chinese text in the English UI in <p>: "设置"', 'raw i18n key in <p>: "home.modules.exams.title"']);
    div.innerHTML = '<p>Not yet available</p><p lang="en">Details: file missing</p><p>证书编号 AB-1234</p>';
    expect(findUntranslatedText(div, 'zh')).toEqual(['English text in the Chinese UI in <p>: "Not yet available"']);
  });
});
