// The trainee's renewal notice on Home: for each completion record they still hold (certificates.list, their
// own), when its recertifyBy date is within RENEWAL_NOTICE_DAYS or past, or the record has expired, the
// date and what to do (sit the track's modules again). Nothing when they hold no record or it is far off.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profession } from '../../../core/api/contract';
import { renewalNotices, type RenewalNotice as Notice } from '../../../core/records/renewal';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';
import './renewal.css';

export function RenewalNotice() {
  const { t } = useTranslation('renewal');
  const api = useAppStore((s) => s.api);
  const navigate = useAppStore((s) => s.navigate);
  const format = useFormat();
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let live = true;
    void api.certificates.list({}).then((r) => {
      // A failed read shows no notice here: My records shows the records and the error.
      if (live && r.ok) setNotices(renewalNotices(r.value, new Date()));
    });
    return () => {
      live = false;
    };
  }, [api]);

  if (notices.length === 0) return null;
  return (
    <section className={`notice renewal-notice${notices.some((n) => n.stage !== 'due-soon') ? ' renewal-notice-urgent' : ''}`} aria-labelledby="renewal-title">
      <h2 id="renewal-title">{t('title')}</h2>
      {notices.map((n) => {
        const values = {
          profession: t(`common:professions.${n.profession as Profession}`),
          number: n.number,
          date: format.date(n.recertifyBy),
          validUntil: format.date(n.validUntil),
          days: Math.max(0, n.daysLeft),
        };
        return (
          <p key={n.number} data-renewal={n.stage}>
            {t(n.stage === 'due-soon' ? 'dueSoon' : n.stage, values)}
          </p>
        );
      })}
      <p>{t('whatToDo')}</p>
      <button type="button" className="button button-primary" onClick={() => navigate({ name: 'exams' })}>
        {t('openExams')}
      </button>
    </section>
  );
}
