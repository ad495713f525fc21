// Every completion record of the institution (certificates.list) with its status now (current, due for
// renewal, expired, revoked), and revoking one with the reason (certificates.revoke; main records who and
// why in the audit trail).

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateSummary } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import { useFormat } from '../../../app/ui/format';
import { ApiListState, useApiList } from '../../../app/ui/ApiList';
import { recordStatus } from '../CertificatesSection';

function RevokeForm({ record, onDone, onCancel }: { record: CertificateSummary; onDone: (r: CertificateSummary) => void; onCancel: () => void }) {
  const { t } = useTranslation('records-admin');
  const api = useAppStore((s) => s.api);
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    if (reason.trim() === '') return setMissing(true);
    setBusy(true);
    const r = await api.certificates.revoke({ number: record.number, reason: reason.trim() });
    setBusy(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };
  return (
    <div className="certificate-revoke-form">
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('list.reason')}</label>
        <textarea id={`${id}-reason`} value={reason} maxLength={500} aria-invalid={missing ? true : undefined} aria-describedby={missing ? `${id}-error` : undefined} onChange={(e) => setReason(e.target.value)} />
        {missing && (
          <p className="field-error" id={`${id}-error`}>
            {t('list.reasonRequired')}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="button button-small button-danger" disabled={busy} onClick={() => void revoke()}>
          {t('list.confirm')}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          {t('list.cancel')}
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

export function RecordsList({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation('records-admin');
  const api = useAppStore((s) => s.api);
  const format = useFormat();
  const id = useId();
  const [revoking, setRevoking] = useState<string | null>(null);
  const [done, setDone] = useState('');
  const list = useApiList(() => api.certificates.list({}), [api]);
  const now = new Date();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('list.title')}</h2>
      {done && <p role="status">{done}</p>}
      <ApiListState list={list} empty={t('list.empty')}>
        {(items) => (
          <div className="panel table-wrap">
            <table className="table certificates-table">
              <caption className="visually-hidden">{t('list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('list.number')}</th>
                  <th scope="col">{t('list.name')}</th>
                  <th scope="col">{t('list.profession')}</th>
                  <th scope="col">{t('list.issuedAt')}</th>
                  <th scope="col">{t('list.validUntil')}</th>
                  <th scope="col">{t('list.status')}</th>
                  <th scope="col">{t('list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => {
                  const status = recordStatus(c, now);
                  return (
                    <tr key={c.number}>
                      <td className="cell-mono">{c.number}</td>
                      <td data-user-content>{c.personName}</td>
                      <td>{t(`professions.${c.profession}`)}</td>
                      <td className="cell-date">
                        <time dateTime={c.issuedAt}>{format.date(c.issuedAt)}</time>
                      </td>
                      <td className="cell-date">
                        <time dateTime={c.validUntil}>{format.date(c.validUntil)}</time>
                      </td>
                      <td>
                        <span className={`pill certificate-status certificate-status-${status}`}>{t(`list.statuses.${status}`)}</span>
                        {c.revoked && (
                          <div className="certificate-revoked">
                            <span data-user-content>{c.revoked.reason}</span>
                          </div>
                        )}
                      </td>
                      <td className="cell-actions">
                        {!c.revoked && revoking !== c.number && (
                          <button type="button" className="button button-small" aria-label={t('list.revokeLabel', { number: c.number })} onClick={() => setRevoking(c.number)}>
                            {t('list.revoke')}
                          </button>
                        )}
                        {revoking === c.number && (
                          <RevokeForm
                            record={c}
                            onCancel={() => setRevoking(null)}
                            onDone={(r) => {
                              setRevoking(null);
                              list.setItems((shown) => shown?.map((x) => (x.number === r.number ? r : x)) ?? null);
                              setDone(t('list.revoked', { number: r.number }));
                              onChanged();
                            }}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </ApiListState>
    </section>
  );
}
