// A trainee's completion records (certificates.list): the signed-in trainee's own in My records, or a
// chosen trainee's in their file for staff. Instructors issue a record once the trainee is examined for
// their profession; administrators revoke one with the reason. Each signed record downloads as
// <number>.json, which `npm run verify` checks.

import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificateSummary } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';
import { recordStanding, type RecordStanding } from '../../../core/records/renewal';
import { PdfDownload } from './PdfDownload';

export type RecordStatus = RecordStanding;

export function recordStatus(r: CertificateSummary, now: Date = new Date()): RecordStatus {
  return recordStanding({ revoked: r.revoked !== null, validUntil: r.validUntil, recertifyBy: r.recertifyBy }, now);
}

/** The message key (certificates:section.errors.*) for an issue or revoke refusal main explains, or null. */
export function certificateErrorKey(error: ApiError): string | null {
  if (error.code !== 'conflict') return null;
  const m = error.message;
  if (/locked/i.test(m)) return 'keyLocked';
  if (/no signing key/i.test(m)) return 'noKey';
  if (/not yet examined|no profession/i.test(m)) return 'notExamined';
  if (/no longer a pass/i.test(m)) return 'noLongerPassed';
  if (/still current/i.test(m)) return 'stillCurrent';
  if (/was revoked/i.test(m)) return 'alreadyRevoked';
  return null;
}

/** A link that downloads text as a file (an object URL, released when the link goes). */
export function DownloadLink({ text, fileName, mediaType, label, className = 'button button-small' }: { text: string; fileName: string; mediaType: string; label: string; className?: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const made = URL.createObjectURL(new Blob([text], { type: mediaType }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [text, mediaType]);
  if (!url) return null;
  return (
    <a className={className} href={url} download={fileName}>
      {label}
    </a>
  );
}

function CertificateError({ error }: { error: ApiError }) {
  const { t } = useTranslation('certificates');
  const key = certificateErrorKey(error);
  if (!key) return <ErrorNotice error={error} />;
  return (
    <div className="notice notice-error" role="alert">
      <p>{t(`section.errors.${key}`)}</p>
      <p className="notice-detail" lang="en">
        {t('common:errors.detail', { message: error.message })}
      </p>
    </div>
  );
}

export function CertificatesSection({ personId, staff }: { personId: string; staff: boolean }) {
  const { t } = useTranslation('certificates');
  const api = useAppStore((s) => s.api);
  const role = useAppStore((s) => s.signedIn?.accountRole);
  const [items, setItems] = useState<CertificateSummary[] | null>(null);
  const [examined, setExamined] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [issueError, setIssueError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);
  const instructor = staff && role === 'instructor';
  const admin = staff && role === 'admin';

  useEffect(() => {
    let live = true;
    void api.certificates.list(staff ? { personId } : {}).then((r) => {
      if (!live) return;
      if (r.ok) setItems(r.value);
      setError(r.ok ? null : r.error);
    });
    if (instructor)
      void api.exams.tracks({ personId }).then((r) => {
        if (live && r.ok) setExamined(r.value.some((track) => track.examined));
      });
    return () => {
      live = false;
    };
  }, [api, personId, staff, instructor, reload]);

  const issue = async () => {
    setBusy(true);
    setDone('');
    const r = await api.certificates.issue({ personId });
    setBusy(false);
    if (!r.ok) return setIssueError(r.error);
    setIssueError(null);
    setDone(t('section.issued', { number: r.value.number }));
    setReload((n) => n + 1);
  };

  const revoked = (updated: CertificateSummary) => {
    setItems((list) => list?.map((c) => (c.number === updated.number ? updated : c)) ?? null);
    setDone(t('section.revokedNow', { number: updated.number }));
  };

  const titleId = `certificates-${personId}`;
  return (
    <section className="certificates" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('section.title')}</h2>
      {instructor && (
        <div className="certificates-issue">
          <button type="button" className="button button-primary" disabled={busy || !examined} onClick={() => void issue()}>
            {busy ? t('section.issuing') : t('section.issue')}
          </button>
          {!examined && <p className="muted">{t('section.notExaminedHint')}</p>}
        </div>
      )}
      <p className="status" role="status">
        {done}
      </p>
      {issueError && <CertificateError error={issueError} />}
      {error ? (
        <ErrorNotice error={error} onRetry={() => setReload((n) => n + 1)} />
      ) : items === null ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="panel muted">{t('section.empty')}</p>
      ) : (
        <div className="panel table-wrap">
          <table className="table certificates-table">
            <caption className="visually-hidden">{t('section.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('section.number')}</th>
                <th scope="col">{t('section.profession')}</th>
                <th scope="col">{t('section.issuedAt')}</th>
                <th scope="col">{t('section.validUntil')}</th>
                <th scope="col">{t('section.recertifyBy')}</th>
                <th scope="col">{t('section.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('section.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <CertificateRow key={c.number} record={c} admin={admin} onRevoked={revoked} />
              ))}
            </tbody>
          </table>
          <p className="muted table-note">{t('section.verifyHint')}</p>
        </div>
      )}
    </section>
  );
}

/** Downloads the record as an Open Badges 3.0 credential (certificates.badge), signed by main on request. */
function OpenBadgeButton({ number }: { number: string }) {
  const { t } = useTranslation('badges');
  const api = useAppStore((s) => s.api);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const download = async () => {
    setBusy(true);
    const r = await api.certificates.badge({ number });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    const bytes = Uint8Array.from(atob(r.value.base64), (ch) => ch.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: r.value.mediaType }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.value.fileName;
    a.click();
    // Released later: revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  const known = error?.code === 'conflict' ? (/locked/i.test(error.message) ? 'keyLocked' : /no signing key/i.test(error.message) ? 'noKey' : null) : null;
  return (
    <>
      <button type="button" className="button button-small" disabled={busy} aria-label={t('badges:downloadLabel', { number })} title={t('badges:hint')} onClick={() => void download()}>
        {busy ? t('badges:working') : t('badges:download')}
      </button>
      {error && (known ? <p className="field-error" role="alert">{t(`badges:errors.${known}`)}</p> : <ErrorNotice error={error} />)}
    </>
  );
}

function CertificateRow({ record: c, admin, onRevoked }: { record: CertificateSummary; admin: boolean; onRevoked: (c: CertificateSummary) => void }) {
  const { t } = useTranslation('certificates');
  const format = useFormat();
  const api = useAppStore((s) => s.api);
  const id = useId();
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const status = recordStatus(c);
  const numberId = `${id}-number`;

  const revoke = async () => {
    if (reason.trim() === '') return setMissing(true);
    setMissing(false);
    setBusy(true);
    const r = await api.certificates.revoke({ number: c.number, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setRevoking(false);
    setReason('');
    onRevoked(r.value);
  };

  return (
    <tr data-certificate={c.number}>
      <td id={numberId} className="cell-nowrap">
        <code translate="no">{c.number}</code>
        <div className="muted">
          {t('section.issuedBy')} <span data-user-content>{c.issuedByName}</span>
        </div>
      </td>
      <td className="cell-nowrap">{t(`common:professions.${c.profession}`)}</td>
      <td className="cell-date">
        <time dateTime={c.issuedAt}>{format.date(c.issuedAt)}</time>
      </td>
      <td className="cell-date">
        <time dateTime={c.validUntil}>{format.date(c.validUntil)}</time>
      </td>
      <td className="cell-date">
        <time dateTime={c.recertifyBy}>{format.date(c.recertifyBy)}</time>
      </td>
      <td>
        <span className={`pill certificate-status certificate-status-${status}`}>{t(`section.${status}`)}</span>
        {c.revoked && (
          <div className="certificate-revoked">
            <time dateTime={c.revoked.at}>{format.date(c.revoked.at)}</time> · {t('section.revokeReasonLabel')}{' '}
            <span data-user-content>{c.revoked.reason}</span>
          </div>
        )}
      </td>
      <td className="cell-actions certificate-actions">
        <DownloadLink text={JSON.stringify(c.signed, null, 2)} fileName={`${c.number}.json`} mediaType="application/json" label={t('section.download')} />
        <PdfDownload label={t('certificate-pdf:pdf.download')} ariaLabel={t('certificate-pdf:pdf.downloadLabel', { number: c.number })} make={() => api.certificates.pdf({ number: c.number })} />
        {!c.revoked && <OpenBadgeButton number={c.number} />}
        {admin && !c.revoked && !revoking && (
          <button type="button" id={`${id}-revoke`} className="button button-small" aria-labelledby={`${id}-revoke ${numberId}`} onClick={() => setRevoking(true)}>
            {t('section.revoke')}
          </button>
        )}
        {revoking && (
          <div className="certificate-revoke-form">
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t('section.revokeReason')}</label>
              <textarea
                id={`${id}-reason`}
                name="reason"
                value={reason}
                maxLength={500}
                aria-invalid={missing ? true : undefined}
                aria-describedby={missing ? `${id}-reason-error` : undefined}
                onChange={(e) => setReason(e.target.value)}
              />
              {missing && (
                <p className="field-error" id={`${id}-reason-error`}>
                  {t('section.revokeReasonRequired')}
                </p>
              )}
            </div>
            <div className="form-actions">
              <button type="button" className="button button-small button-danger" disabled={busy} onClick={() => void revoke()}>
                {t('section.revokeConfirm')}
              </button>
              <button type="button" className="button button-small" onClick={() => setRevoking(false)}>
                {t('section.cancel')}
              </button>
            </div>
            {error && <CertificateError error={error} />}
          </div>
        )}
      </td>
    </tr>
  );
}
