// Records that end within 90 days or have ended, not replaced by a later one (certificates.renewals).

import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Renewal } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import { useFormat } from '../../../app/ui/format';

export const RENEWAL_WINDOW_DAYS = 90;

export function RenewalsList({ reload }: { reload: number }) {
  const { t } = useTranslation('records-admin');
  const api = useAppStore((s) => s.api);
  const format = useFormat();
  const id = useId();
  const [items, setItems] = useState<Renewal[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let alive = true;
    void api.certificates.renewals({ withinDays: RENEWAL_WINDOW_DAYS }).then((r) => {
      if (!alive) return;
      if (r.ok) setItems(r.value);
      else setError(r.error);
    });
    return () => {
      alive = false;
    };
  }, [api, reload]);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('renewals.title')}</h2>
      <p className="muted">{t('renewals.intro')}</p>
      {error ? (
        <ErrorNotice error={error} />
      ) : items === null ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="panel muted">{t('renewals.empty')}</p>
      ) : (
        <ul className="panel">
          {items.map((r) => (
            <li key={r.number}>
              <span className="cell-mono">{r.number}</span> · <span data-user-content>{r.personName}</span> · {t(`professions.${r.profession}`)} · <time dateTime={r.validUntil}>{format.date(r.validUntil)}</time> ·{' '}
              {r.expired ? t('renewals.expired') : t('renewals.daysLeft', { days: r.daysLeft })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
