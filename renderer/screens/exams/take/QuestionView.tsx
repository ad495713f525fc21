// One knowledge question as the trainee answers it: single (radio), multiple (checkboxes, choose all that
// apply), true/false, or region (the head and the region list). No clause numbers, no hints.

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionId } from '../../../../core/anatomy/regions';
import type { ExamSession } from '../../../../core/api/contract';
import type { ItemResponse } from '../../../../core/exams/format/steps';
import { RegionPicker } from '../head/RegionHead';
import { QuestionImage } from './QuestionImage';
import { useJoin, useLt, useRegionName } from './text';

type KnowledgePart = Extract<ExamSession['parts'][number], { kind: 'knowledge' }>;
export type QuestionViewData = KnowledgePart['questions'][number];

export function OutsideStandardNote({ source }: { source: { zh: string; en: string } }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  return <p className="notice notice-info exam-outside">{t('knowledge.outsideStandard', { source: lt(source) })}</p>;
}

export function QuestionView({
  question,
  response,
  onAnswer,
  disabled,
  heading,
}: {
  question: QuestionViewData;
  response: ItemResponse | undefined;
  onAnswer: (response: ItemResponse) => void;
  disabled: boolean;
  heading: string;
}) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  const id = useId();
  const stemId = `${id}-stem`;
  const chosen = response?.kind === 'choice' ? response.optionIds : [];
  return (
    <div className="exam-question">
      <p className="exam-question-meta">
        {heading} · {t(`knowledge.types.${question.type}`)}
      </p>
      <p className="exam-stem" id={stemId}>
        {lt(question.stem)}
      </p>
      {question.image && <QuestionImage image={question.image} />}
      {question.outsideStandard && <OutsideStandardNote source={question.outsideStandard} />}
      {question.type === 'single' && (
        <fieldset className="exam-options" aria-labelledby={stemId}>
          <p className="field-hint">{t('knowledge.chooseOne')}</p>
          {question.options.map((o) => (
            <label key={o.id} className="checkbox exam-option">
              <input type="radio" name={`${id}-single`} checked={chosen.includes(o.id)} disabled={disabled} onChange={() => onAnswer({ kind: 'choice', optionIds: [o.id] })} />
              <span>
                <span className="exam-option-letter">{o.id.toUpperCase()}.</span> {lt(o.text)}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {question.type === 'multiple' && (
        <fieldset className="exam-options" aria-labelledby={stemId}>
          <p className="field-hint">{t('knowledge.chooseAll')}</p>
          {question.options.map((o) => (
            <label key={o.id} className="checkbox exam-option">
              <input
                type="checkbox"
                checked={chosen.includes(o.id)}
                disabled={disabled}
                onChange={(e) => {
                  const next = e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id);
                  onAnswer({ kind: 'choice', optionIds: [...next].sort() });
                }}
              />
              <span>
                <span className="exam-option-letter">{o.id.toUpperCase()}.</span> {lt(o.text)}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {question.type === 'true-false' && (
        <fieldset className="exam-options" aria-labelledby={stemId}>
          {[true, false].map((value) => (
            <label key={String(value)} className="checkbox exam-option">
              <input
                type="radio"
                name={`${id}-tf`}
                checked={response?.kind === 'true-false' && response.value === value}
                disabled={disabled}
                onChange={() => onAnswer({ kind: 'true-false', value })}
              />
              <span>{value ? t('knowledge.true') : t('knowledge.false')}</span>
            </label>
          ))}
        </fieldset>
      )}
      {question.type === 'region' && <RegionAnswer question={question} response={response} onAnswer={onAnswer} disabled={disabled} />}
    </div>
  );
}

function RegionAnswer({ question, response, onAnswer, disabled }: { question: QuestionViewData; response: ItemResponse | undefined; onAnswer: (r: ItemResponse) => void; disabled: boolean }) {
  const { t } = useTranslation('exam');
  const regionName = useRegionName();
  const join = useJoin();
  const regions = response?.kind === 'regions' ? response.regions : [];
  const selected = new Set<RegionId>(regions);
  const pick = (region: RegionId) => {
    if (question.answerMode === 'any') onAnswer({ kind: 'regions', regions: selected.has(region) ? [] : [region] });
    else onAnswer({ kind: 'regions', regions: selected.has(region) ? regions.filter((r) => r !== region) : [...regions, region] });
  };
  return (
    <div className="exam-region-answer">
      <p className="field-hint">{question.answerMode === 'any' ? t('knowledge.regionAny') : t('knowledge.regionAll')}</p>
      <p className="exam-selected-regions" aria-live="polite">
        <span className="exam-label">{t('knowledge.selectedRegions')}</span> {regions.length ? join(regions.map(regionName)) : t('knowledge.noneSelected')}
      </p>
      <RegionPicker selected={selected} onPick={pick} disabled={disabled} />
    </div>
  );
}
