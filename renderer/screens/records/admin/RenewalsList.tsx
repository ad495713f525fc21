// Records that end within 90 days or have ended, not replaced by a later one (certificates.renewals).

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../app/store';
import { ApiListState, useApiList } from '../../../app/ui/ApiList';
import { useFormat } from '../../../app/ui/format';

export const RENEWAL_WINDOW_DAYS = 90;

export function RenewalsList({ reload }: { reload: number }) {
  const { t } = useTranslation('records-admin');
  const api = useAppStore((s) => s.api);
  const format = useFormat();
  const id = useId();
  const list = useApiList(() => api.certificates.renewals({ withinDays: RENEWAL_WINDOW_DAYS }), [api, reload]);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('renewals.title')}</h2>
      <p className="muted">{t('renewals.intro')}</p>
      <ApiListState list={list} empty={t('renewals.empty')}>
        {(items) => (
          <ul className="panel">
            {items.map((r) => (
              <li key={r.number}>
                <span className="cell-mono">{r.number}</span> · <span data-user-content>{r.personName}</span> · {t(`professions.${r.profession}`)} · <time dateTime={r.validUntil}>{format.date(r.validUntil)}</time> ·{' '}
                {r.expired ? t('renewals.expired') : t('renewals.daysLeft', { days: r.daysLeft })}
              </li>
            ))}
          </ul>
        )}
      </ApiListState>
    </section>
  );
}
