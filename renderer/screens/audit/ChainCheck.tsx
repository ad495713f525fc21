import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerification } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';

/** Checks the audit trail's hash chain end to end (audit.verify) and says what it found. */
export function ChainCheck() {
  const { t } = useTranslation('audit');
  const api = useAppStore((s) => s.api);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setResult(null);
    const r = await api.audit.verify();
    setBusy(false);
    if (r.ok) setResult(r.value);
    setError(r.ok ? null : r.error);
  }

  return (
    <section className="panel chain-check" aria-labelledby="chain-title">
      <div className="chain-check-row">
        <div>
          <h2 id="chain-title">{t('verify.title')}</h2>
          <p className="muted">{t('verify.intro')}</p>
        </div>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void verify()}>
          {busy ? t('verify.checking') : t('verify.button')}
        </button>
      </div>
      <div role="status">
        {result?.ok && <p className="notice notice-success">{t('verify.ok', { n: result.checked })}</p>}
        {result && !result.ok && result.firstBad && (
          <div className="notice notice-error">
            <p className="notice-title">{t('verify.bad', { seq: result.firstBad.seq, checked: result.checked })}</p>
            <p className="notice-detail" lang="en">
              {result.firstBad.reason}
            </p>
          </div>
        )}
      </div>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
