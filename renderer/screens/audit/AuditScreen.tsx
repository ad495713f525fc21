// The audit trail, for administrators: every change and sign-in main recorded, newest first, and a check
// of the hash chain that links each entry to the one before.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListedAuditEntry } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';
import { AUDIT_ACTIONS, auditDetailParts, isKnownAction } from './audit-details';
import { ChainCheck } from './ChainCheck';

const PAGE_SIZE = 50;

export function AuditScreen() {
  const { t } = useTranslation('audit');
  const api = useAppStore((s) => s.api);
  const [action, setAction] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ entries: ListedAuditEntry[]; total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api.audit.list({ order: 'desc', offset, limit: PAGE_SIZE, ...(action ? { action } : {}) }).then((r) => {
      if (!live) return;
      if (r.ok) setPage(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api, action, offset, reload]);

  return (
    <section className="screen" aria-labelledby="audit-title">
      <header className="screen-header">
        <h1 id="audit-title">{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
      </header>
      <ChainCheck />
      <div className="screen-toolbar">
        <label className="inline-field">
          <span>{t('filterAction')}</span>
          <select
            name="action"
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              setOffset(0);
            }}
          >
            <option value="">{t('allActions')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <ErrorNotice error={error} onRetry={() => setReload((n) => n + 1)} />
      ) : page === null ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : page.total === 0 ? (
        <p className="panel muted">{t('empty')}</p>
      ) : (
        <>
          <div className="panel table-wrap">
            <table className="table audit-table">
              <caption className="visually-hidden">{t('tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t('columns.seq')}
                  </th>
                  <th scope="col">{t('columns.at')}</th>
                  <th scope="col">{t('columns.actor')}</th>
                  <th scope="col">{t('columns.action')}</th>
                  <th scope="col">{t('columns.subject')}</th>
                  <th scope="col">{t('columns.details')}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((entry) => (
                  <AuditRow key={entry.seq} entry={entry} />
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('paging.label')}>
            <p className="pager-count" role="status">
              {t('paging.range', { from: offset + 1, to: offset + page.entries.length, total: page.total })}
            </p>
            <button type="button" className="button button-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t('paging.previous')}
            </button>
            <button type="button" className="button button-small" disabled={offset + page.entries.length >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              {t('paging.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

function AuditRow({ entry }: { entry: ListedAuditEntry }) {
  const { t, i18n } = useTranslation('audit');
  const format = useFormat();
  const parts = auditDetailParts(entry, t, i18n.language === 'en' ? 'en' : 'zh', format.dateTime);
  return (
    <tr>
      <td className="numeric">{entry.seq}</td>
      <td className="cell-date">{format.dateTimeSeconds(entry.at)}</td>
      <td>{entry.actorName ? <span data-user-content>{entry.actorName}</span> : <span className="muted">{t('system')}</span>}</td>
      <td>{isKnownAction(entry.action) ? t(`actions.${entry.action}`) : <code lang="en">{entry.action}</code>}</td>
      <td>
        {entry.subjectName && (
          <span className="audit-subject-name" data-user-content>
            {entry.subjectName}
          </span>
        )}
        {entry.subject ? (
          <code className="record-id" translate="no" data-user-content>
            {entry.subject}
          </code>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="cell-details">
        {parts.map((part, i) => (
          <span key={i} className="detail-item">
            {part.label}
            {part.user ? <span data-user-content>{part.text}</span> : part.raw ? <span lang="en">{part.text}</span> : part.text}
          </span>
        ))}
      </td>
    </tr>
  );
}
