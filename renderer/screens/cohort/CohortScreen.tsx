// The cohort view for instructors and administrators (cohort.stats): over a date range (by default the last
// 90 days) and optionally one profession, the pass rate per exam module and per role (15.2.1 physicians,
// 15.2.2 technicians, 15.2.3 nurses), the clauses most often missed, and the records issued and due for
// renewal. Main computes every number; this screen only draws them.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortQuery, CohortStats } from '../../../core/records/schemas';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';
import { CohortCharts } from './CohortCharts';
import { CohortFilters } from './CohortFilters';
import './cohort.css';

export function CohortScreen() {
  const { t } = useTranslation('cohort');
  const api = useAppStore((s) => s.api);
  const format = useFormat();
  const [query, setQuery] = useState<CohortQuery>({});
  const [stats, setStats] = useState<CohortStats | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api.cohort.stats(query).then((r) => {
      if (!live) return;
      if (r.ok) setStats(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api, query, reload]);

  const empty = stats !== null && stats.examAttempts === 0 && stats.practiceAttempts === 0;
  return (
    <section className="screen" aria-labelledby="cohort-title">
      <header className="screen-header">
        <h1 id="cohort-title">{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
      </header>
      <CohortFilters query={query} range={stats?.range ?? null} onChange={setQuery} />
      {error && error.code === 'invalid-payload' && (error.path === '/from' || error.path === '/to') ? (
        <div className="notice notice-error" role="alert">
          <p>{t('filters.badRange')}</p>
          <p className="notice-detail" lang="en">
            {t('common:errors.detail', { message: error.message })}
          </p>
        </div>
      ) : error ? (
        <ErrorNotice error={error} onRetry={() => setReload((n) => n + 1)} />
      ) : stats === null ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('rangeSummary', { from: format.date(`${stats.range.from}T00:00:00Z`), to: format.date(`${stats.range.to}T00:00:00Z`) })}
            {stats.profession && ` · ${t(`common:professions.${stats.profession}`)}`}
          </p>
          <dl className="cohort-summary" aria-label={t('summary.label')}>
            {(
              [
                ['examAttempts', stats.examAttempts],
                ['practiceAttempts', stats.practiceAttempts],
                ['issued', stats.records.issued],
                ['dueForRenewal', stats.records.dueForRenewal],
                ['expired', stats.records.expired],
              ] as const
            ).map(([key, n]) => (
              <div key={key} data-summary={key}>
                <dt>{t(`summary.${key}`)}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
          {empty ? (
            <p className="panel muted">{t('empty', { from: format.date(`${stats.range.from}T00:00:00Z`), to: format.date(`${stats.range.to}T00:00:00Z`) })}</p>
          ) : (
            <CohortCharts stats={stats} />
          )}
          <p className="muted">{t('computedAt', { at: format.dateTime(stats.computedAt) })}</p>
        </>
      )}
    </section>
  );
}
