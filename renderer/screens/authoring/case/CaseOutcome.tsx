// What is true of the patient (conditions, nasal implant, hair-bearing scalp, products new to them) and
// the decision the author expects, with beside it, live, the decision the conditions call for
// (core/exams/case-screening.ts): the catalogue refuses a case where the two disagree.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expectedCaseDecision, type ExpectedDecision } from '../../../../core/exams/case-screening';
import { CASE_DECISIONS, type CaseDecisionKind, type PatientCaseDoc } from '../../../../core/exams/format/case';
import { getAt, problemsAt, str, strList } from './doc-edit';
import { Checkbox, Field, LocalizedInput, ProblemText, SelectInput } from './fields';
import { ConditionsField } from './CaseConditions';
import type { SectionProps } from './CaseHistory';

function evaluate(doc: unknown): ExpectedDecision | null {
  try {
    return expectedCaseDecision(doc as PatientCaseDoc);
  } catch {
    return null;
  }
}

/** Nasal implant and hair-bearing scalp: true, or absent. */
export function FlagFields({ doc, problems, edit, readOnly, base, pointer }: SectionProps & { base: (string | number)[]; pointer: string }) {
  const { t } = useTranslation('authoring-case');
  return (
    <div className="authoring-item">
      <Checkbox label={t('flags.nasal-implant')} checked={getAt(doc, [...base, 'nasalImplant']) === true} disabled={readOnly} onValue={(on) => edit([...base, 'nasalImplant'], on ? true : undefined)} />
      <Checkbox label={t('flags.hair-bearing-scalp')} checked={getAt(doc, [...base, 'hairBearingScalp']) === true} disabled={readOnly} onValue={(on) => edit([...base, 'hairBearingScalp'], on ? true : undefined)} />
      <ProblemText messages={[...problemsAt(problems, `${pointer}/nasalImplant`, true), ...problemsAt(problems, `${pointer}/hairBearingScalp`, true)]} />
    </div>
  );
}

function NewProducts({ doc, problems, edit, readOnly }: SectionProps) {
  const { t } = useTranslation('authoring-case');
  const [draft, setDraft] = useState('');
  const products = strList(getAt(doc, ['newProducts']));
  const write = (next: string[]) => edit(['newProducts'], next.length > 0 ? next : undefined);
  return (
    <div className="authoring-item">
      <p className="field-hint">{t('products.hint')}</p>
      <ul className="authoring-chips" aria-label={t('products.title')}>
        {products.map((p, i) => (
          <li key={`${p}-${i}`}>
            <span data-user-content>{p}</span>{' '}
            {!readOnly && (
              <button type="button" className="button button-small" onClick={() => write(products.filter((_, j) => j !== i))}>
                {t('products.remove', { name: p })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <Field label={t('products.add')} problems={problemsAt(problems, '/newProducts', true)}>
          {(control) => (
            <span className="authoring-row">
              <input {...control} type="text" value={draft} onChange={(e) => setDraft(e.target.value)} />
              <button
                type="button"
                className="button button-small"
                disabled={draft.trim() === ''}
                onClick={() => {
                  write([...products, draft.trim()]);
                  setDraft('');
                }}
              >
                {t('products.addButton')}
              </button>
            </span>
          )}
        </Field>
      )}
    </div>
  );
}

export function CaseOutcome(props: SectionProps) {
  const { doc, problems, edit, readOnly } = props;
  const { t, i18n } = useTranslation('authoring-case');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const chosen = str(getAt(doc, ['expected', 'decision']));
  const called = evaluate(doc);
  const agrees = called ? called.accepted.includes(chosen as CaseDecisionKind) : true;
  return (
    <>
      <section className="authoring-section" aria-labelledby="authoring-case-conditions">
        <h3 id="authoring-case-conditions">{t('conditions.title')}</h3>
        <ConditionsField pointer="/conditions" problems={problems} value={getAt(doc, ['conditions'])} readOnly={readOnly} onValue={(v) => edit(['conditions'], v)} />
        <FlagFields {...props} base={[]} pointer="" />
        <NewProducts {...props} />
      </section>
      <section className="authoring-section" aria-labelledby="authoring-case-expected">
        <h3 id="authoring-case-expected">{t('expected.title')}</h3>
        <SelectInput<CaseDecisionKind> label={t('expected.decision')} problems={problemsAt(problems, '/expected/decision')} value={chosen} options={CASE_DECISIONS.map((d) => ({ value: d, label: t(`decisions.${d}`) }))} readOnly={readOnly} onValue={(v) => edit(['expected', 'decision'], v)} />
        <div className={`authoring-live${agrees ? '' : ' authoring-live-mismatch'}`} role="status" aria-label={t('expected.calledFor')}>
          {called ? (
            <>
              <p>
                <strong>{t('expected.calledForValue', { decision: t(`decisions.${called.decision}`) })}</strong>
              </p>
              <p>{called.why[lang]}</p>
              {called.accepted.length > 1 && <p>{t('expected.alsoAccepted', { decisions: called.accepted.map((d) => t(`decisions.${d}`)).join(t('common.listSeparator')) })}</p>}
              {!agrees && <p className="field-error">{t('expected.mismatch')}</p>}
            </>
          ) : (
            <p>{t('expected.cannotEvaluate')}</p>
          )}
        </div>
        <LocalizedInput label={t('expected.rationale')} pointer="/expected/rationale" problems={problems} value={getAt(doc, ['expected', 'rationale'])} multiline readOnly={readOnly} onValue={(v) => edit(['expected', 'rationale'], v)} />
      </section>
    </>
  );
}
