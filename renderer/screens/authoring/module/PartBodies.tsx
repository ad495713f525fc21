// What each kind of part holds: knowledge draws (clause prefixes, difficulties, types, count, and how many
// bank questions match), the cases of a case part, the practical task (PracticalTaskEditor), and the
// vignettes a complication part draws from.

import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoredSummary } from '../../../../core/api/contract';
import { QUESTION_TYPES } from '../../../../core/exams/format/question';
import type { PartKind } from '../../../../core/exams/format/module';
import { useLocalized } from '../../exams/catalog/localized';
import { asRecord } from '../documents';
import { CheckboxGroup, NumberInput, removeAt, replaceAt } from '../fields';
import { FieldProblems, GroupProblems, problemsUnder, useAllProblems, useField } from '../problems';
import { matchingQuestions, type Bank } from './useBank';

const PracticalTaskEditor = lazy(() => import('../task/PracticalTaskEditor').then((m) => ({ default: m.PracticalTaskEditor })));

interface BodyProps {
  part: Record<string, unknown>;
  at: string;
  bank: Bank;
  onChange: (patch: Record<string, unknown>) => void;
}

export function PartBody({ kind, ...props }: BodyProps & { kind: PartKind }) {
  switch (kind) {
    case 'knowledge':
      return <KnowledgeDraws {...props} />;
    case 'case':
      return <PickItems {...props} field="caseIds" items={props.bank.cases} />;
    case 'practical':
      return <PracticalBody {...props} />;
    case 'complication':
      return <ComplicationBody {...props} />;
  }
}

function ComplicationBody(props: BodyProps) {
  const { t } = useTranslation('authoring');
  return (
    <>
      <PickItems {...props} field="vignetteIds" items={props.bank.vignettes} />
      <NumberInput pointer={`${props.at}/count`} label={t('module.vignetteCount')} value={props.part.count as number} min={1} max={20} onChange={(count) => props.onChange({ count })} />
    </>
  );
}

interface Draw {
  clauses: string[];
  difficulty?: number[];
  types?: string[];
  count: number | null;
}

function KnowledgeDraws({ part, at, bank, onChange }: BodyProps) {
  const { t } = useTranslation('authoring');
  const draws: Draw[] = Array.isArray(part.draws) ? part.draws.map((d) => asRecord(d) as unknown as Draw) : [];
  const setDraws = (next: Draw[]) => onChange({ draws: next });
  return (
    <div className="authoring-draws">
      <GroupProblems pointer={`${at}/draws`} />
      {draws.map((d, j) => {
        const p = `${at}/draws/${j}`;
        const setDraw = (patch: Partial<Draw>) => {
          const next: Draw = { ...d, ...patch };
          if (next.difficulty?.length === 0) delete next.difficulty;
          if (next.types?.length === 0) delete next.types;
          setDraws(replaceAt(draws, j, next));
        };
        const matching = bank.questions ? matchingQuestions(bank.questions, { clauses: d.clauses ?? [], difficulty: d.difficulty, types: d.types }) : null;
        return (
          <fieldset key={j} className="fieldset authoring-draw">
            <legend>{t('module.drawLegend', { n: j + 1 })}</legend>
            <ClausePrefixes pointer={`${p}/clauses`} label={t('module.drawClauses', { n: j + 1 })} value={d.clauses ?? []} onChange={(clauses) => setDraw({ clauses })} />
            <CheckboxGroup pointer={`${p}/difficulty`} legend={t('module.drawDifficulty')} value={d.difficulty ?? []} options={[1, 2, 3].map((v) => ({ value: v, label: t(`question.difficulties.${v}`) }))} onChange={(difficulty) => setDraw({ difficulty })} />
            <CheckboxGroup pointer={`${p}/types`} legend={t('module.drawTypes')} value={d.types ?? []} options={QUESTION_TYPES.map((v) => ({ value: v, label: t(`question.types.${v}`) }))} onChange={(types) => setDraw({ types })} />
            <NumberInput pointer={`${p}/count`} label={t('module.drawCount', { n: j + 1 })} value={d.count} min={1} max={200} onChange={(count) => setDraw({ count })} />
            <p className={`authoring-matching${matching !== null && d.count !== null && matching < d.count ? ' field-error' : ''}`} data-testid="draw-matching">
              {matching === null ? t('module.matchingLoading') : t('module.matching', { count: matching })}
            </p>
            <button type="button" className="button button-small" disabled={draws.length <= 1} onClick={() => setDraws(removeAt(draws, j))}>
              {t('module.removeDraw', { n: j + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button button-small" disabled={draws.length >= 20} onClick={() => setDraws([...draws, { clauses: [], count: 5 }])}>
        {t('module.addDraw')}
      </button>
    </div>
  );
}

/** Clause or section numbers, typed with commas between ("8, 9.6"). */
function ClausePrefixes({ pointer, label, value, onChange }: { pointer: string; label: string; value: string[]; onChange: (v: string[]) => void }) {
  const { t } = useTranslation('authoring');
  const [text, setText] = useState(value.join(', '));
  const { control, errorId, problems } = useField(pointer);
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={control.id}>{label}</label>
      <input
        {...control}
        aria-describedby={[hintId, control['aria-describedby']].filter(Boolean).join(' ')}
        type="text"
        lang="en"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.split(/[,，;；\s]+/).filter(Boolean));
        }}
      />
      <p className="field-hint" id={hintId}>
        {t('module.drawClausesHint')}
      </p>
      <FieldProblems id={errorId} problems={problems} />
    </div>
  );
}

function PickItems({ part, at, onChange, field, items }: BodyProps & { field: 'caseIds' | 'vignetteIds'; items: AuthoredSummary[] | null }) {
  const { t } = useTranslation('authoring');
  const lt = useLocalized();
  const chosen = Array.isArray(part[field]) ? (part[field] as string[]) : [];
  const { errorId, problems } = useField(`${at}/${field}`);
  const known = new Set((items ?? []).map((i) => i.id));
  return (
    <fieldset className="fieldset authoring-pick" aria-describedby={problems.length ? errorId : undefined}>
      <legend>{field === 'caseIds' ? t('module.pickCases') : t('module.pickVignettes')}</legend>
      <FieldProblems id={errorId} problems={problems} />
      {items === null ? (
        <p className="loading">{t('common:loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('module.nothingToPick')}</p>
      ) : (
        items.map((item) => (
          <label key={item.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(item.id)}
              onChange={(e) => onChange({ [field]: e.target.checked ? [...chosen, item.id] : chosen.filter((c) => c !== item.id) })}
            />
            <span>
              <span data-user-content>{lt(item.title)}</span> <code>{item.id}</code>
            </span>
          </label>
        ))
      )}
      {chosen
        .filter((id) => items !== null && !known.has(id))
        .map((id) => (
          <p key={id} className="field-hint">
            {t('module.unknownItem', { id })}
          </p>
        ))}
    </fieldset>
  );
}

function PracticalBody({ part, at, onChange }: BodyProps) {
  const { t } = useTranslation('authoring');
  const all = useAllProblems();
  // The task editor shows its own problems: claim them here so they are not listed at the top too.
  useField(`${at}/task`);
  return (
    <Suspense fallback={<p className="loading">{t('common:loading')}</p>}>
      <PracticalTaskEditor value={part.task} problems={problemsUnder(all, `${at}/task`)} onChange={(task) => onChange({ task })} />
    </Suspense>
  );
}
