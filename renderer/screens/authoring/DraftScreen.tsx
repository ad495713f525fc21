// One draft being written: its form (by kind), saved as it is typed with the status in words, the problems
// at their fields (and those no field shows at the top), Publish when there are none (then the new version
// and its hash), Preview for modules, and Discard.

import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoredKind } from '../../../core/api/contract';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useLocalized } from '../exams/catalog/localized';
import { documentTitle } from './documents';
import { QuestionForm } from './forms/QuestionForm';
import { VignetteForm } from './forms/VignetteForm';
import { ModuleForm } from './module/ModuleForm';
import { ModulePreview } from './module/ModulePreview';
import { ProblemsProvider, UnplacedProblems } from './problems';
import { useDraft, type DraftController } from './useDraft';

const CaseForm = lazy(() => import('./case/CaseForm').then((m) => ({ default: m.CaseForm })));

export function DraftScreen({ draftId }: { draftId: string }) {
  const { t } = useTranslation('authoring');
  const lt = useLocalized();
  const navigate = useAppStore((s) => s.navigate);
  const controller = useDraft(draftId);
  const { draft, loadError } = controller;
  const back = (kind?: AuthoredKind) => navigate({ name: 'authoring', tab: kind ?? draft?.kind ?? 'question' });

  if (loadError) {
    return (
      <section className="screen" aria-labelledby="draft-title">
        <h1 id="draft-title">{t('draft.title')}</h1>
        <ErrorNotice error={loadError} />
        <button type="button" className="button" onClick={() => back()}>
          {t('draft.back')}
        </button>
      </section>
    );
  }
  if (!draft) {
    return (
      <p className="loading" role="status">
        {t('common:loading')}
      </p>
    );
  }
  const title = lt(documentTitle(draft.kind, draft.document));
  return (
    <section className="screen authoring-draft" aria-labelledby="draft-title">
      <header className="screen-header">
        <h1 id="draft-title">{draft.targetId ? t('draft.editTitle', { kind: t(`kinds.${draft.kind}`) }) : t('draft.newTitle', { kind: t(`kinds.${draft.kind}`) })}</h1>
        {title && (
          <p className="lead" data-user-content>
            {title}
          </p>
        )}
        {draft.targetId && <p className="muted">{t('draft.edits', { id: draft.targetId, version: draft.baseVersion ?? '' })}</p>}
      </header>
      <ProblemsProvider problems={controller.published ? [] : draft.problems}>
        <DraftToolbar controller={controller} onBack={() => back()} />
        {controller.error && <ErrorNotice error={controller.error} />}
        {controller.published ? (
          <PublishedNotice controller={controller} onBack={() => back()} />
        ) : (
          <>
            {draft.kind !== 'patient-case' && <UnplacedProblems />}
            <DraftForm controller={controller} />
          </>
        )}
      </ProblemsProvider>
    </section>
  );
}

function DraftForm({ controller }: { controller: DraftController }) {
  const { t } = useTranslation('authoring');
  const draft = controller.draft!;
  const props = { document: draft.document, onChange: controller.change, isNew: draft.targetId === null };
  switch (draft.kind) {
    case 'question':
      return <QuestionForm {...props} />;
    case 'complication':
      return <VignetteForm {...props} />;
    case 'exam-module':
      return <ModuleForm {...props} />;
    case 'patient-case':
      return (
        <Suspense fallback={<p className="loading">{t('common:loading')}</p>}>
          <CaseForm document={draft.document} problems={draft.problems} onChange={controller.change} />
        </Suspense>
      );
  }
}

function DraftToolbar({ controller, onBack }: { controller: DraftController; onBack: () => void }) {
  const { t } = useTranslation('authoring');
  const navigate = useAppStore((s) => s.navigate);
  const [confirming, setConfirming] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const draft = controller.draft!;
  const problems = draft.problems.length;
  const ready = problems === 0 && controller.status === 'saved' && !controller.busy;
  return (
    <div className="screen-toolbar authoring-toolbar">
      <p className="status authoring-save-status" role="status" data-status={controller.status}>
        {controller.published ? '' : t(`draft.status.${controller.status}`)}
      </p>
      {!controller.published && (
        <>
          <p className="muted authoring-problem-count">{problems === 0 ? t('draft.noProblems') : t('draft.problemCount', { count: problems })}</p>
          <button type="button" className="button button-primary" disabled={!ready} onClick={() => void controller.publish()}>
            {t('draft.publish')}
          </button>
          {draft.kind === 'exam-module' && (
            <button type="button" className="button" disabled={problems > 0 || controller.busy} onClick={() => void controller.flush().then(() => setPreviewing(true))}>
              {t('draft.preview')}
            </button>
          )}
          {confirming ? (
            <span className="confirm">
              <span className="confirm-question">{t('draft.discardConfirm')}</span>
              <button type="button" className="button button-danger" onClick={() => void controller.discard().then((ok) => ok && navigate({ name: 'authoring', tab: draft.kind }))}>
                {t('draft.discardYes')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('draft.discardNo')}
              </button>
            </span>
          ) : (
            <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
              {t('draft.discard')}
            </button>
          )}
        </>
      )}
      <button type="button" className="button" onClick={() => void controller.flush().then(onBack)}>
        {t('draft.back')}
      </button>
      {previewing && <ModulePreview source={{ draftId: draft.draftId }} onClose={() => setPreviewing(false)} />}
    </div>
  );
}

function PublishedNotice({ controller, onBack }: { controller: DraftController; onBack: () => void }) {
  const { t } = useTranslation('authoring');
  const p = controller.published!;
  return (
    <div className="notice notice-success authoring-published" role="status">
      <p className="notice-title">{t('draft.published', { id: p.id, version: p.version })}</p>
      <p>
        {t('draft.hash')} <code className="record-id">{p.hash}</code>
      </p>
      <div className="notice-actions">
        <button type="button" className="button" onClick={onBack}>
          {t('draft.backToList')}
        </button>
      </div>
    </div>
  );
}
