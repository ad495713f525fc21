import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTEMPT_KINDS, ATTEMPT_STATUSES } from '../../../core/api/contract';
import { hasFilters, NO_FILTERS, type AttemptFilters } from './attempt-query';

const PROCEDURES = ['roller', 'rf', 'nano'] as const;
const RESULTS = ['passed', 'failed', 'not-scored'] as const;

export function AttemptFiltersBar({ filters, onChange }: { filters: AttemptFilters; onChange: (filters: AttemptFilters) => void }) {
  const { t } = useTranslation('records');
  const id = useId();
  const set = <K extends keyof AttemptFilters>(key: K, value: AttemptFilters[K]) => onChange({ ...filters, [key]: value });
  const select = <K extends 'procedure' | 'kind' | 'status' | 'result'>(key: K, options: readonly string[], label: (v: string) => string) => (
    <div className="filter">
      <label htmlFor={`${id}-${key}`}>{t(`filters.${key}`)}</label>
      <select id={`${id}-${key}`} name={key} value={filters[key]} onChange={(e) => set(key, e.target.value as AttemptFilters[K])}>
        <option value="">{t('filters.all')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="filters-bar" role="group" aria-label={t('filters.label')}>
      {select('procedure', PROCEDURES, (p) => t(`common:procedures.${p}`))}
      {select('kind', ATTEMPT_KINDS, (k) => t(`kinds.${k}`))}
      {select('status', ATTEMPT_STATUSES, (s) => t(`statuses.${s}`))}
      {select('result', RESULTS, (r) => t(`results.${r}`))}
      <div className="filter">
        <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
        <input id={`${id}-from`} name="from" type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
        <input id={`${id}-to`} name="to" type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
      </div>
      <button type="button" className="button button-small filter-clear" disabled={!hasFilters(filters)} onClick={() => onChange(NO_FILTERS)}>
        {t('filters.clear')}
      </button>
    </div>
  );
}
