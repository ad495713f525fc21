// A module as a trainee would see it, drawn afresh (authoring.preview): the knowledge questions, the case
// as it opens, the practical brief and the vignettes, all read-only. Nothing is answered or stored.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartView } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import { useLocalized } from '../../exams/catalog/localized';
import { QuestionView } from '../../exams/take/QuestionView';
import { useJoin, useRegionName } from '../../exams/take/text';
import { trapTab } from '../../../app/ui/focus-trap';

export function ModulePreview({ source, onClose }: { source: { draftId: string } | { moduleId: string }; onClose: () => void }) {
  const { t } = useTranslation('authoring');
  const api = useAppStore((s) => s.api);
  const lt = useLocalized();
  const [parts, setParts] = useState<PartView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const key = 'draftId' in source ? source.draftId : source.moduleId;
  const byDraft = 'draftId' in source;

  useEffect(() => {
    let live = true;
    void api.authoring.preview(byDraft ? { draftId: key } : { moduleId: key }).then((r) => {
      if (!live) return;
      if (r.ok) setParts(r.value.parts);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, key, byDraft]);

  return (
    <div className="dialog-backdrop">
      <div className="dialog authoring-preview" role="dialog" aria-modal="true" aria-labelledby="preview-title" onKeyDown={trapTab}>
        <h2 id="preview-title">{t('preview.title')}</h2>
        <p className="muted">{t('preview.intro')}</p>
        {error && <ErrorNotice error={error} />}
        {!parts && !error && (
          <p className="loading" role="status">
            {t('common:loading')}
          </p>
        )}
        {parts?.map((part, i) => (
          <section key={part.id} className="panel authoring-preview-part">
            <h3>
              {t('preview.partHeading', { n: i + 1, kind: t(`module.partKinds.${part.kind}`) })} <span data-user-content>{lt(part.title)}</span>
            </h3>
            <p className="muted">{t('preview.partFacts', { minutes: part.timeLimitMin, min: part.minScore, weight: part.weight })}</p>
            <PreviewBody part={part} />
          </section>
        ))}
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('preview.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

function PreviewBody({ part }: { part: PartView }) {
  const { t } = useTranslation(['authoring', 'common']);
  const lt = useLocalized();
  const regionName = useRegionName();
  const join = useJoin();
  switch (part.kind) {
    case 'knowledge':
      return part.questions.length === 0 ? (
        <p className="muted">{t('preview.noQuestions')}</p>
      ) : (
        <>
          {part.questions.map((q, j) => (
            <QuestionView key={q.itemId} question={q} response={undefined} onAnswer={() => undefined} disabled heading={t('preview.questionHeading', { n: j + 1 })} />
          ))}
        </>
      );
    case 'case':
      return (
        <div className="authoring-preview-case">
          <p>{t('preview.patient', { age: part.patient.age, sex: t(`preview.sexes.${part.patient.sex}`), fitzpatrick: part.patient.fitzpatrick })}</p>
          <p data-user-content>{lt(part.patient.presenting)}</p>
          <p>{t('preview.planned', { regions: join(part.plannedRegions.map(regionName)) })}</p>
          <p className="muted">{t('preview.caseTopics', { topics: part.historyTopics.length, findings: part.paintedFindings.length })}</p>
        </div>
      );
    case 'practical':
      return (
        <div>
          <p>{t('preview.procedure', { procedure: t(`common:procedures.${part.procedure}`) })}</p>
          <p data-user-content>{lt(part.brief)}</p>
        </div>
      );
    case 'complication':
      return (
        <>
          {part.vignettes.map((v) => (
            <div key={v.itemId} className="authoring-preview-vignette">
              <p className="exam-stem" data-user-content>
                {lt(v.title)}
              </p>
              <p data-user-content>{lt(v.presentation)}</p>
              <ul className="plain-list">
                {v.options.map((o) => (
                  <li key={o.id} data-user-content>
                    {o.id.toUpperCase()}. {lt(o.text)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      );
  }
}
