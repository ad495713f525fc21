// A trainee's exam attempts (api.exams.list): the signed-in trainee's own in My records, or a chosen
// trainee's in their file for staff, with where the trainee stands on their role track. A row opens the
// exam (read-only for staff); staff release a submitted result the trainee does not see yet.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamAttemptSummary } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';
import { useLocalized } from '../exams/catalog/localized';
import { ResultPill } from '../exams/catalog/ModuleCard';
import { TrackStatusView } from '../exams/catalog/TrackStatus';

const LIMIT = 200;

export function ExamAttemptsSection({ personId, staff }: { personId: string; staff: boolean }) {
  const { t } = useTranslation('records');
  const api = useAppStore((s) => s.api);
  const [items, setItems] = useState<ExamAttemptSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api.exams.list({ ...(staff ? { personId } : {}), offset: 0, limit: LIMIT }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setItems(r.value.items);
        setTotal(r.value.total);
      }
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api, personId, staff, reload]);

  const released = (updated: ExamAttemptSummary) => {
    setItems((list) => list?.map((a) => (a.id === updated.id ? updated : a)) ?? null);
    setReload((n) => n + 1);
  };

  return (
    <section className="exam-attempts" aria-labelledby={`exam-attempts-${personId}`}>
      <h2 id={`exam-attempts-${personId}`}>{t('exams.title')}</h2>
      <TrackStatusView personId={staff ? personId : undefined} reload={reload} headingLevel={3} />
      {error ? (
        <ErrorNotice error={error} onRetry={() => setReload((n) => n + 1)} />
      ) : items === null ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="panel muted">{t('exams.empty')}</p>
      ) : (
        <div className="panel table-wrap">
          <table className="table exam-attempts-table">
            <caption className="visually-hidden">{t('exams.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exams.columns.module')}</th>
                <th scope="col" className="numeric">
                  {t('exams.columns.attemptNo')}
                </th>
                <th scope="col">{t('exams.columns.startedAt')}</th>
                <th scope="col">{t('exams.columns.submittedAt')}</th>
                <th scope="col" className="numeric">
                  {t('exams.columns.score')}
                </th>
                <th scope="col">{t('exams.columns.result')}</th>
                <th scope="col">{t('exams.columns.released')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <ExamAttemptRow key={a.id} attempt={a} staff={staff} onReleased={released} />
              ))}
            </tbody>
          </table>
          {total > items.length && <p className="muted">{t('exams.more', { shown: items.length, total })}</p>}
        </div>
      )}
    </section>
  );
}

function ExamAttemptRow({ attempt: a, staff, onReleased }: { attempt: ExamAttemptSummary; staff: boolean; onReleased: (a: ExamAttemptSummary) => void }) {
  const { t } = useTranslation('records');
  const format = useFormat();
  const local = useLocalized();
  const api = useAppStore((s) => s.api);
  const navigate = useAppStore((s) => s.navigate);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const result = a.status === 'running' ? null : a.passed === null ? 'pending' : a.passed ? 'passed' : 'failed';
  const nameId = `exam-row-${a.id}`;

  const release = async () => {
    setBusy(true);
    const r = await api.exams.release({ examAttemptId: a.id });
    setBusy(false);
    if (r.ok) onReleased(r.value);
    setError(r.ok ? null : r.error);
  };

  return (
    <tr data-exam-attempt={a.id}>
      <td id={nameId}>
        {local(a.module.title)} <span className="muted">{t('exams.version', { version: a.module.version })}</span>
      </td>
      <td className="numeric">{a.attemptNo}</td>
      <td className="cell-date">
        <time dateTime={a.startedAt}>{format.dateTime(a.startedAt)}</time>
      </td>
      <td className="cell-date">{a.submittedAt ? <time dateTime={a.submittedAt}>{format.dateTime(a.submittedAt)}</time> : <span className="muted">—</span>}</td>
      <td className="numeric">{format.score(a.score)}</td>
      <td>
        {result === null ? <span className="muted">{t('exams.running')}</span> : <ResultPill result={result} />}
        {a.criticalFailure && <span className="critical-mark">{t('critical')}</span>}
        {a.regraded && <span className="pill pill-muted">{t('exams.regraded')}</span>}
      </td>
      <td>{a.status === 'running' ? <span className="muted">—</span> : a.released ? t('exams.releasedYes') : t('exams.releasedNo')}</td>
      <td className="cell-actions">
        <button type="button" id={`exam-open-${a.id}`} className="button button-small" aria-labelledby={`exam-open-${a.id} ${nameId}`} onClick={() => navigate({ name: 'exam', examAttemptId: a.id })}>
          {a.status === 'running' && !staff ? t('exams.resume') : t('open')}
        </button>
        {staff && a.status === 'submitted' && !a.released && (
          <button type="button" id={`exam-release-${a.id}`} className="button button-small button-primary" disabled={busy} aria-labelledby={`exam-release-${a.id} ${nameId}`} onClick={() => void release()}>
            {t('exams.release')}
          </button>
        )}
        {error && <ErrorNotice error={error} />}
      </td>
    </tr>
  );
}
