// A trainee's attempts: the signed-in person's own (my records) or, for staff, a chosen trainee's (the
// trainee file). Filters, sorting and paging are done by main (sessions.list); imported recordings are
// marked as imported, never as tests.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptSummary } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { AttemptFiltersBar } from './AttemptFiltersBar';
import { AttemptRow } from './AttemptRow';
import { attemptQuery, DEFAULT_SORT, hasFilters, NO_FILTERS, nextSort, PAGE_SIZE, type AttemptFilters, type AttemptSort, type SortKey } from './attempt-query';

interface Page {
  items: AttemptSummary[];
  total: number;
}

export function AttemptsTable({ personId }: { personId: string }) {
  const { t } = useTranslation('records');
  const api = useAppStore((s) => s.api);
  const [filters, setFilters] = useState<AttemptFilters>(NO_FILTERS);
  const [sort, setSort] = useState<AttemptSort>(DEFAULT_SORT);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api.sessions.list(attemptQuery(personId, filters, sort, offset)).then((r) => {
      if (!live) return;
      if (r.ok) setPage(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api, personId, filters, sort, offset, reload]);

  const changeFilters = (next: AttemptFilters) => {
    setFilters(next);
    setOffset(0);
  };
  const sortBy = (key: SortKey) => {
    setSort(nextSort(sort, key));
    setOffset(0);
  };

  return (
    <div className="attempts">
      <AttemptFiltersBar filters={filters} onChange={changeFilters} />
      {error ? (
        <ErrorNotice error={error} onRetry={() => setReload((n) => n + 1)} />
      ) : page === null ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : page.total === 0 ? (
        <p className="panel muted">{hasFilters(filters) ? t('noMatches') : t('empty')}</p>
      ) : (
        <>
          <div className="panel table-wrap">
            <table className="table attempts-table">
              <caption className="visually-hidden">{t('tableCaption')}</caption>
              <thead>
                <tr>
                  <SortableHeader label={t('columns.startedAt')} sortKey="startedAt" sort={sort} onSort={sortBy} />
                  <SortableHeader label={t('columns.procedure')} sortKey="procedure" sort={sort} onSort={sortBy} />
                  <th scope="col">{t('columns.task')}</th>
                  <th scope="col">{t('columns.kind')}</th>
                  <th scope="col">{t('columns.mode')}</th>
                  <th scope="col">{t('columns.status')}</th>
                  <SortableHeader label={t('columns.score')} sortKey="score" sort={sort} onSort={sortBy} numeric />
                  <th scope="col">{t('columns.result')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((attempt) => (
                  <AttemptRow key={attempt.id} attempt={attempt} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} shown={page.items.length} total={page.total} onOffset={setOffset} />
        </>
      )}
    </div>
  );
}

function SortableHeader({ label, sortKey, sort, onSort, numeric }: { label: string; sortKey: SortKey; sort: AttemptSort; onSort: (key: SortKey) => void; numeric?: boolean }) {
  const { t } = useTranslation('records');
  const active = sort.key === sortKey;
  const ariaSort = active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'numeric' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)} title={t('sortBy', { column: label })}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function Pager({ offset, shown, total, onOffset }: { offset: number; shown: number; total: number; onOffset: (offset: number) => void }) {
  const { t } = useTranslation('records');
  return (
    <nav className="pager" aria-label={t('paging.label')}>
      <p className="pager-count" role="status">
        {t('paging.range', { from: offset + 1, to: offset + shown, total })}
      </p>
      <button type="button" className="button button-small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE_SIZE))}>
        {t('paging.previous')}
      </button>
      <button type="button" className="button button-small" disabled={offset + shown >= total} onClick={() => onOffset(offset + PAGE_SIZE)}>
        {t('paging.next')}
      </button>
    </nav>
  );
}
