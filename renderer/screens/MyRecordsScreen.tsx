import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../core/api/contract';
import type { ApiError } from '../../core/api/errors';
import { ErrorNotice } from '../app/ErrorNotice';
import { useAppStore } from '../app/store';

export function MyRecordsScreen() {
  const { t, i18n } = useTranslation(['records', 'common']);
  const api = useAppStore((s) => s.api);
  const profile = useAppStore((s) => s.currentProfile);
  const navigate = useAppStore((s) => s.navigate);
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void api.sessions.list().then((result) => {
      if (!live) return;
      if (result.ok) {
        setSessions(result.value.filter((s) => s.traineeId === profile?.id));
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, profile, attempt]);

  const dateFormat = new Intl.DateTimeFormat(i18n.language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="screen" aria-labelledby="records-title">
      <h1 id="records-title">{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {error ? (
        <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : sessions === null ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : sessions.length === 0 ? (
        <p className="panel muted">{t('empty')}</p>
      ) : (
        <div className="panel table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.savedAt')}</th>
                <th scope="col">{t('columns.procedure')}</th>
                <th scope="col">{t('columns.mode')}</th>
                <th scope="col" className="numeric">
                  {t('columns.score')}
                </th>
                <th scope="col">{t('columns.result')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>{dateFormat.format(new Date(s.savedAt))}</td>
                  <td>{t(`procedures.${s.procedure}`)}</td>
                  <td>{t(`modes.${s.mode}`)}</td>
                  <td className="numeric">{s.score === undefined ? '—' : Math.round(s.score)}</td>
                  <td>
                    {s.passed === undefined ? (
                      <span className="muted">{t('notScored')}</span>
                    ) : (
                      <span className={`pill ${s.passed ? 'pill-pass' : 'pill-fail'}`}>{s.passed ? t('passed') : t('failed')}</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => navigate({ name: 'studio', procedure: s.procedure, openRecordingId: s.id })}
                    >
                      {t('open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
