// Dates, sizes and scores in the UI language.

import { useTranslation } from 'react-i18next';

export function localeOf(language: string): string {
  return language === 'zh' ? 'zh-CN' : 'en-GB';
}

export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const dateTimeSeconds = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const kilobytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });
  const megabytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    time: (iso: string) => time.format(new Date(iso)),
    dateTimeSeconds: (iso: string) => dateTimeSeconds.format(new Date(iso)),
    bytes: (n: number) => (n >= 1024 * 1024 ? megabytes.format(n / (1024 * 1024)) : kilobytes.format(n / 1024)),
    score: (n: number | null) => (n === null ? '—' : String(Math.round(n))),
  };
}
