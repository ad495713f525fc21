// Text the exam files carry in both languages, picked for the UI language.

import { useTranslation } from 'react-i18next';

export interface Localized {
  zh: string;
  en: string;
}

export function useLocalized(): (text: Localized) => string {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  return (text) => text[language];
}

/** The whole exam's time limit: the parts' limits together, in minutes. */
export function totalMinutes(parts: readonly { timeLimitMin: number }[]): number {
  return parts.reduce((sum, p) => sum + p.timeLimitMin, 0);
}
