// History (7.1): one row per topic of the fixed list, the question in the UI language, the patient's
// answer in both languages and what the answer reveals.

import { useTranslation } from 'react-i18next';
import type { AuthoringProblem } from '../../../../core/api/schemas/authoring';
import { HISTORY_TOPICS } from '../../../../core/exams/format/history-topics';
import { getAt, pointerOf, problemsAt, type Path } from './doc-edit';
import { LocalizedInput, ProblemText } from './fields';
import { RevealsField } from './CaseConditions';

export interface SectionProps {
  doc: unknown;
  problems: readonly AuthoringProblem[];
  edit: (path: Path, value: unknown) => void;
  readOnly?: boolean;
}

export function CaseHistory({ doc, problems, edit, readOnly }: SectionProps) {
  const { t, i18n } = useTranslation('authoring-case');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <section className="authoring-section" aria-labelledby="authoring-case-history">
      <h3 id="authoring-case-history">{t('history.title')}</h3>
      <p className="field-hint">{t('history.hint')}</p>
      {HISTORY_TOPICS.map((topic, n) => {
        const base = ['history', topic.id];
        return (
          <fieldset key={topic.id} className="authoring-item">
            <legend>{t('history.question', { n: n + 1, question: topic.question[lang], clauses: topic.clauses.join(t('common.listSeparator')) })}</legend>
            <LocalizedInput
              label={t('history.answer')}
              pointer={pointerOf([...base, 'answer'])}
              problems={problems}
              value={getAt(doc, [...base, 'answer'])}
              multiline
              readOnly={readOnly}
              onValue={(v) => edit([...base, 'answer'], v)}
            />
            <RevealsField
              label={t('history.reveals')}
              pointer={pointerOf([...base, 'reveals'])}
              problems={problems}
              value={getAt(doc, [...base, 'reveals'])}
              readOnly={readOnly}
              onValue={(v) => edit([...base, 'reveals'], v)}
            />
            <ProblemText messages={problemsAt(problems, pointerOf(base))} />
          </fieldset>
        );
      })}
    </section>
  );
}
