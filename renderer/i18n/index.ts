// i18next with one resource file per language and namespace: locales/<lang>/<namespace>.json. Every file
// found is loaded, so a new namespace (e.g. the studio's) needs no registration here.

import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Resources = Record<Language, Record<string, Record<string, unknown>>>;

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

export function collectResources(found: Record<string, Record<string, unknown>> = files): Resources {
  const resources: Resources = { zh: {}, en: {} };
  for (const [file, content] of Object.entries(found)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!match) continue;
    const [, lang, namespace] = match;
    if (!(LANGUAGES as readonly string[]).includes(lang)) throw new Error(`${file}: unknown language folder "${lang}" (expected ${LANGUAGES.join(' or ')})`);
    resources[lang as Language][namespace] = content;
  }
  return resources;
}

export const resources = collectResources();
export const NAMESPACES = Object.keys(resources.zh).sort();

/** The UI language for a setting and an OS/browser locale: Chinese first, English for every other locale. */
export function resolveLanguage(setting: 'system' | Language, locale: string | undefined): Language {
  if (setting !== 'system') return setting;
  if (!locale) return 'zh';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function htmlLang(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}

export async function initI18n(language: Language, instance: I18n = i18next): Promise<I18n> {
  if (!instance.isInitialized) {
    await instance.use(initReactI18next).init({
      resources,
      lng: language,
      // No fallback: a key missing in one language must show up (and fail the translation tests).
      fallbackLng: false,
      ns: NAMESPACES,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      // No promotional console line in the app or in test logs.
      showSupportNotice: false,
    });
  } else if (instance.language !== language) {
    await instance.changeLanguage(language);
  }
  if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(language);
  return instance;
}

export async function setLanguage(language: Language, instance: I18n = i18next): Promise<void> {
  await instance.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = htmlLang(language);
}

export { i18next };
