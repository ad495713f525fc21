// Regrading after a corrected question: the attempts that saw an older version, each with its score and
// pass before and after; a reason is required (it goes into the audit trail and the trainee's file).

import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { regradeCandidateSchema } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';

type Candidate = z.infer<typeof regradeCandidateSchema>;

export function RegradePanel({ questionId, onClose, onDone }: { questionId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('authoring');
  const api = useAppStore((s) => s.api);
  const id = useId();
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [done, setDone] = useState<Candidate[] | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.authoring.regradeCandidates({ questionId }).then((r) => {
      if (!live) return;
      if (r.ok) setCandidates(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, questionId]);

  const reasonMissing = reason.trim().length < 3;
  const regrade = async () => {
    setTried(true);
    if (reasonMissing) return;
    setBusy(true);
    const r = await api.authoring.regrade({ questionId, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setDone(r.value);
    onDone();
  };

  const rows = done ?? candidates;
  return (
    <section className="panel authoring-regrade" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('regrade.title', { id: questionId })}</h2>
      {error && <ErrorNotice error={error} />}
      {done && (
        <p className="notice notice-success" role="status">
          {t('regrade.done', { n: done.length })}
        </p>
      )}
      {!rows ? (
        !error && <p className="loading">{t('common:loading')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('regrade.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table authoring-table">
            <thead>
              <tr>
                <th scope="col">{t('regrade.trainee')}</th>
                <th scope="col">{t('regrade.module')}</th>
                <th scope="col">{t('regrade.seen')}</th>
                <th scope="col">{t('regrade.before')}</th>
                <th scope="col">{t('regrade.after')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.examAttemptId}>
                  <td data-user-content>{c.personName}</td>
                  <td>
                    <code>{c.module.id}</code> {t('items.versionValue', { version: c.module.version })}
                  </td>
                  <td>{t('items.versionValue', { version: c.seenVersion })}</td>
                  <td>{t('regrade.result', { score: Math.round(c.before.score), passed: t(c.before.passed ? 'regrade.pass' : 'regrade.fail') })}</td>
                  <td>{t('regrade.result', { score: Math.round(c.after.score), passed: t(c.after.passed ? 'regrade.pass' : 'regrade.fail') })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!done && rows && rows.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('regrade.reason')}</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            rows={2}
            aria-invalid={tried && reasonMissing ? true : undefined}
            aria-describedby={tried && reasonMissing ? `${id}-reason-error` : `${id}-reason-hint`}
            onChange={(e) => setReason(e.target.value)}
          />
          <p className="field-hint" id={`${id}-reason-hint`}>
            {t('regrade.reasonHint')}
          </p>
          {tried && reasonMissing && (
            <p className="field-error" id={`${id}-reason-error`}>
              {t('regrade.reasonRequired')}
            </p>
          )}
        </div>
      )}
      <div className="form-actions">
        {!done && rows && rows.length > 0 && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void regrade()}>
            {t('regrade.apply', { n: rows.length })}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t('regrade.close')}
        </button>
      </div>
    </section>
  );
}
