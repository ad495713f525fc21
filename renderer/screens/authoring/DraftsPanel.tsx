// The drafts of one kind being written (every instructor's): what each edits, when and by whom it was last
// saved, how many problems it has; Continue opens it, Discard throws it away (what was published stays).

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoredKind, Draft } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';
import { useLocalized } from '../exams/catalog/localized';
import { documentId, documentTitle } from './documents';

export function DraftsPanel({ kind }: { kind: AuthoredKind }) {
  const { t } = useTranslation('authoring');
  const format = useFormat();
  const api = useAppStore((s) => s.api);
  const navigate = useAppStore((s) => s.navigate);
  const lt = useLocalized();
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api.authoring.drafts({ kind }).then((r) => {
      if (!live) return;
      if (r.ok) setDrafts(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api, kind, reload]);

  const discard = async (draftId: string) => {
    const r = await api.authoring.discardDraft({ draftId });
    if (r.ok) setReload((n) => n + 1);
    else setError(r.error);
  };

  if (error) return <ErrorNotice error={error} onRetry={() => setReload((n) => n + 1)} />;
  if (!drafts || drafts.length === 0) return null;
  return (
    <section className="panel authoring-drafts" aria-labelledby={`drafts-${kind}`}>
      <h2 id={`drafts-${kind}`}>{t('drafts.title')}</h2>
      <ul className="plain-list authoring-draft-list">
        {drafts.map((d) => {
          const title = lt(documentTitle(kind, d.document)) || t('drafts.untitled');
          const id = d.targetId ?? documentId(d.document);
          return (
            <li key={d.draftId} className="authoring-draft-row">
              <span className="authoring-draft-name" data-user-content>
                {title}
              </span>
              <span className="muted">
                {d.targetId ? t('drafts.edits', { id, version: d.baseVersion ?? '' }) : t('drafts.newItem', { id: id || '—' })}
                {' · '}
                {t('drafts.updated', { when: format.dateTime(d.updatedAt), by: d.updatedBy })}
                {' · '}
                {d.problems.length === 0 ? t('draft.noProblems') : t('draft.problemCount', { count: d.problems.length })}
              </span>
              <span className="cell-actions">
                <button type="button" className="button button-small" onClick={() => navigate({ name: 'authoring-edit', draftId: d.draftId })} aria-label={t('drafts.continueOne', { title })}>
                  {t('drafts.continue')}
                </button>
                <button type="button" className="button button-small button-danger" onClick={() => void discard(d.draftId)} aria-label={t('drafts.discardOne', { title })}>
                  {t('drafts.discard')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
