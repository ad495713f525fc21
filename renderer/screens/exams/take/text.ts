// Bilingual exam text in the UI language, region names, and the clock as the trainee reads it.

import { useTranslation } from 'react-i18next';
import { REGION_NAMES, type RegionId } from '../../../../core/anatomy/regions';

export type Lt = { zh: string; en: string };

export function useLt(): (text: Lt) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (text) => text[lang];
}

export function useRegionName(): (region: RegionId) => string {
  const lt = useLt();
  return (region) => lt(REGION_NAMES[region]);
}

/** 1:05:09, 12:04, 0:09 */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export const LOW_TIME_MS = 5 * 60_000;

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'];
export const roman = (n: number) => ROMAN[n] ?? String(n);

/** Joins a list the way the UI language writes one. */
export function useJoin(): (items: string[]) => string {
  const { i18n } = useTranslation();
  const sep = i18n.language === 'en' ? ', ' : '、';
  return (items) => items.join(sep);
}

/** A score as the fail reasons write it: at most one decimal (3.3, 60). */
export const formatScore = (n: number) => String(Math.round(n * 10) / 10);
