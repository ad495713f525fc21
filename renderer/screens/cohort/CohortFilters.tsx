// The cohort view's filters: the date range (empty fields: main's default, the last 90 days) and the
// profession. Dates are calendar days (YYYY-MM-DD); main checks the range and says which end is wrong.

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profession } from '../../../core/api/contract';
import type { CohortQuery } from '../../../core/records/schemas';

const PROFESSIONS: readonly Profession[] = ['physician', 'technician', 'nurse'];

export function CohortFilters({ query, range, onChange }: { query: CohortQuery; range: { from: string; to: string } | null; onChange: (q: CohortQuery) => void }) {
  const { t } = useTranslation('cohort');
  const id = useId();
  const setDate = (key: 'from' | 'to', value: string) => {
    const next: CohortQuery = { ...query };
    if (value === '') delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const setProfession = (value: string) => {
    const next: CohortQuery = { ...query };
    if (value === '') delete next.profession;
    else next.profession = value as Profession;
    onChange(next);
  };
  return (
    <div className="filters-bar" role="group" aria-label={t('filters.label')}>
      <div className="filter">
        <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
        <input id={`${id}-from`} name="from" type="date" value={query.from ?? range?.from ?? ''} onChange={(e) => setDate('from', e.target.value)} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
        <input id={`${id}-to`} name="to" type="date" value={query.to ?? range?.to ?? ''} onChange={(e) => setDate('to', e.target.value)} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-profession`}>{t('filters.profession')}</label>
        <select id={`${id}-profession`} name="profession" value={query.profession ?? ''} onChange={(e) => setProfession(e.target.value)}>
          <option value="">{t('filters.all')}</option>
          {PROFESSIONS.map((p) => (
            <option key={p} value={p}>
              {t(`common:professions.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button button-small filter-clear" disabled={query.from === undefined && query.to === undefined && query.profession === undefined} onClick={() => onChange({})}>
        {t('filters.reset')}
      </button>
    </div>
  );
}
