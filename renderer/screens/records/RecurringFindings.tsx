// Findings that recur in a trainee's file (records.recurringFindings): each clause missed in two or more
// practice sessions or exam attempts, with its heading, in how many attempts, how often and when last. A
// trainee sees their own (main counts only released exam results for them); staff a chosen trainee's.

import { useTranslation } from 'react-i18next';
import { ApiListState, useApiList } from '../../app/ui/ApiList';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';
import { MixedText } from '../authoring/ClausePicker';

export function RecurringFindings({ personId, staff }: { personId: string; staff: boolean }) {
  const { t, i18n } = useTranslation('cohort');
  const lang = i18n.language === 'zh' ? 'zh' : 'en';
  const api = useAppStore((s) => s.api);
  const format = useFormat();
  const list = useApiList(() => api.records.recurringFindings(staff ? { personId } : {}), [api, personId, staff]);

  const titleId = `recurring-${personId}`;
  return (
    <section className="recurring-findings" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('recurring.title')}</h2>
      <p className="muted">{staff ? t('recurring.intro') : t('recurring.traineeIntro')}</p>
      <ApiListState list={list} empty={t('recurring.none')}>
        {(items) => (
          <div className="panel table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('recurring.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('recurring.clause')}</th>
                  <th scope="col">{t('recurring.heading')}</th>
                  <th scope="col">{t('recurring.attempts')}</th>
                  <th scope="col">{t('recurring.count')}</th>
                  <th scope="col">{t('recurring.lastAt')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((f) => (
                  <tr key={f.clause} data-clause={f.clause}>
                    <th scope="row">
                      <span translate="no">{f.clause}</span>
                    </th>
                    <td>{f.heading ? <MixedText text={f.heading[lang]} /> : '—'}</td>
                    <td>{f.attempts}</td>
                    <td>{f.count}</td>
                    <td className="cell-date">
                      <time dateTime={f.lastAt}>{format.date(f.lastAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ApiListState>
    </section>
  );
}
