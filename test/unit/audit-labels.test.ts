// Every audit action has a label in both languages, so the audit screen never shows a raw key (a new
// action added to AUDIT_ACTIONS without its label fails here, not in a screenshot).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../core/api/schemas/admin';

const labels = (lang: string) => JSON.parse(readFileSync(new URL(`../../renderer/i18n/locales/${lang}/audit.json`, import.meta.url), 'utf8')).actions as Record<string, Record<string, string>>;

describe('audit action labels', () => {
  it.each(['zh', 'en'])('%s names every action', (lang) => {
    const l = labels(lang);
    const missing = AUDIT_ACTIONS.filter((a) => {
      const [group, name] = a.split('.') as [string, string];
      return typeof l[group]?.[name] !== 'string' || l[group]![name]!.trim() === '';
    });
    expect(missing).toEqual([]);
  });
});
