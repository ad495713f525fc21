// The filters, sorting and page of an attempts list, and the query sessions.list takes for them.

import type { AttemptKind, AttemptQuery, AttemptStatus } from '../../../core/api/contract';
import type { Procedure } from '../../../core/recording/types';

export const PAGE_SIZE = 50;

export type SortKey = 'startedAt' | 'score' | 'procedure';
export type AttemptResult = 'passed' | 'failed' | 'not-scored';

export interface AttemptFilters {
  procedure: Procedure | '';
  kind: AttemptKind | '';
  status: AttemptStatus | '';
  result: AttemptResult | '';
  /** Local dates, YYYY-MM-DD, as a date input gives them. */
  from: string;
  to: string;
}

export const NO_FILTERS: AttemptFilters = { procedure: '', kind: '', status: '', result: '', from: '', to: '' };

export interface AttemptSort {
  key: SortKey;
  order: 'asc' | 'desc';
}

export const DEFAULT_SORT: AttemptSort = { key: 'startedAt', order: 'desc' };

/** Clicking a column: the same column turns its order round; another starts newest / highest / A–Z first. */
export function nextSort(current: AttemptSort, key: SortKey): AttemptSort {
  if (current.key === key) return { key, order: current.order === 'asc' ? 'desc' : 'asc' };
  return { key, order: key === 'procedure' ? 'asc' : 'desc' };
}

/** Start of the local day (from) or its last millisecond (to), as an ISO time. */
export function localDayBound(date: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const d = new Date(`${date}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function attemptQuery(personId: string | undefined, filters: AttemptFilters, sort: AttemptSort, offset: number): AttemptQuery {
  const from = localDayBound(filters.from, false);
  const to = localDayBound(filters.to, true);
  return {
    ...(personId ? { personId } : {}),
    ...(filters.procedure ? { procedure: filters.procedure } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.result ? { result: filters.result } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    sort: sort.key,
    order: sort.order,
    offset,
    limit: PAGE_SIZE,
  };
}

export function hasFilters(filters: AttemptFilters): boolean {
  return Object.values(filters).some((v) => v !== '');
}
