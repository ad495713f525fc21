// One way to show a list main sends: loading, the error with a retry, the empty message, or the list.
// useApiList fetches it (again on retry or when `deps` change) and lets the caller replace items in place
// (a record revoked in its row); ApiListState draws the four states and hands the items to `children`.

import { useEffect, useState, type DependencyList, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ApiResult } from '../../../core/api/errors';
import { ErrorNotice } from '../ErrorNotice';

export interface ApiList<T> {
  items: T[] | null;
  error: ApiError | null;
  retry: () => void;
  setItems: (update: (items: T[] | null) => T[] | null) => void;
}

export function useApiList<T>(load: () => Promise<ApiResult<T[]>>, deps: DependencyList): ApiList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let alive = true;
    void load().then((r) => {
      if (!alive) return;
      if (r.ok) setItems(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      alive = false;
    };
    // `load` is a new closure each render; what it reads is in `deps` (the caller's contract).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  return { items, error, retry: () => setAttempt((n) => n + 1), setItems };
}

export function ApiListState<T>({ list, empty, children }: { list: ApiList<T>; empty: string; children: (items: T[]) => ReactNode }) {
  const { t } = useTranslation('common');
  if (list.error) return <ErrorNotice error={list.error} onRetry={list.retry} />;
  if (list.items === null)
    return (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    );
  if (list.items.length === 0) return <p className="panel muted">{empty}</p>;
  return <>{children(list.items)}</>;
}
