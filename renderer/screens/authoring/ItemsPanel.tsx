// The published items of one kind (authoring.list): id, version, title, clauses, where it came from,
// archived or not, and how many attempts used it. Edit makes a draft of the item (published versions
// stay as they are); Duplicate makes a draft under a new id; Archive keeps new attempts from drawing it.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoredKind, AuthoredSummary } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useLocalized } from '../exams/catalog/localized';
import { blankDocument, duplicateDocument } from './documents';

export function ItemsPanel({ kind }: { kind: AuthoredKind }) {
  const { t } = useTranslation('authoring');
  const api = useAppStore((s) => s.api);
  const navigate = useAppStore((s) => s.navigate);
  const lt = useLocalized();
  const [items, setItems] = useState<AuthoredSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [archived, setArchived] = useState(false);
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.authoring.list({ kind, includeArchived: archived }).then((r) => {
      if (!live) return;
      if (r.ok) setItems(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api, kind, archived, reload]);

  const startDraft = async (item: AuthoredSummary | null, copy: boolean) => {
    setBusy(true);
    let document: unknown = blankDocument(kind);
    if (item) {
      const got = await api.authoring.get({ kind, id: item.id });
      if (!got.ok) {
        setBusy(false);
        return setError(got.error);
      }
      document = copy ? duplicateDocument(got.value.document) : got.value.document;
    }
    const editing = item && !copy;
    const saved = await api.authoring.saveDraft({ kind, targetId: editing ? item.id : null, baseVersion: editing ? item.version : null, document });
    setBusy(false);
    if (saved.ok) navigate({ name: 'authoring-edit', draftId: saved.value.draftId });
    else setError(saved.error);
  };

  const archive = async (item: AuthoredSummary) => {
    const r = await api.authoring.archive({ kind, id: item.id, archived: !item.archived });
    if (r.ok) setReload((n) => n + 1);
    else setError(r.error);
  };

  return (
    <section className="panel authoring-items" aria-labelledby={`items-${kind}`}>
      <header className="authoring-section-header">
        <h2 id={`items-${kind}`}>{t('items.title', { kind: t(`kinds.${kind}`) })}</h2>
        <label className="checkbox">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          <span>{t('items.showArchived')}</span>
        </label>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void startDraft(null, false)}>
          {t('items.new', { kind: t(`kinds.${kind}`) })}
        </button>
      </header>
      {error && <ErrorNotice error={error} onRetry={() => setReload((n) => n + 1)} />}
      {!items ? (
        !error && (
          <p className="loading" role="status">
            {t('common:loading')}
          </p>
        )
      ) : items.length === 0 ? (
        <p className="muted">{t('items.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table authoring-table">
            <thead>
              <tr>
                <th scope="col">{t('items.id')}</th>
                <th scope="col">{t('items.version')}</th>
                <th scope="col">{kind === 'question' ? t('question.stem') : t('fields.title')}</th>
                <th scope="col">{t('items.clauses')}</th>
                <th scope="col">{t('items.source')}</th>
                <th scope="col">{t('items.usedBy')}</th>
                <th scope="col">{t('items.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className={item.archived ? 'row-inactive' : undefined}>
                  <td>
                    <code>{item.id}</code>
                  </td>
                  <td>{t('items.versionValue', { version: item.version })}</td>
                  <td data-user-content>{lt(item.title)}</td>
                  <td>{item.clauses.join(', ')}</td>
                  <td>
                    <span className={`pill${item.source === 'imported' ? ' pill-imported' : ''}`}>{t(`items.sources.${item.source}`)}</span>
                    {item.archived && <span className="pill pill-muted">{t('items.archived')}</span>}
                  </td>
                  <td>{item.usedBy}</td>
                  <td className="cell-actions">
                    <button type="button" className="button button-small" disabled={busy} onClick={() => void startDraft(item, false)} aria-label={t('items.editOne', { id: item.id })}>
                      {t('items.edit')}
                    </button>
                    <button type="button" className="button button-small" disabled={busy} onClick={() => void startDraft(item, true)} aria-label={t('items.duplicateOne', { id: item.id })}>
                      {t('items.duplicate')}
                    </button>
                    <button type="button" className="button button-small" onClick={() => void archive(item)} aria-label={t(item.archived ? 'items.restoreOne' : 'items.archiveOne', { id: item.id })}>
                      {item.archived ? t('items.restore') : t('items.archive')}
                    </button>
                    {kind === 'exam-module' && (
                      <button type="button" className="button button-small" onClick={() => navigate({ name: 'authoring-analysis', moduleId: item.id })} aria-label={t('items.analysisOne', { id: item.id })}>
                        {t('items.analysis')}
                      </button>
                    )}
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
