// The case's heading and the patient: id, version, title, clauses cited, planned procedure, who the
// patient is, what they come for, and the regions they ask to have treated (picked on the head).

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionId } from '../../../../core/anatomy/regions';
import { CLAUSES } from '../../../../core/standard/clauses';
import { getAt, num, problemsAt, str, strList } from './doc-edit';
import { Field, LocalizedInput, NumberInput, ProblemText, RegionField, SelectInput, TextInput } from './fields';
import type { SectionProps } from './CaseHistory';

export const PROCEDURES = ['roller', 'rf', 'nano'] as const;
export const SEXES = ['female', 'male'] as const;
export const SKIN_TYPES = ['normal', 'thin', 'sensitive', 'dry-rough', 'oily'] as const;
export const FITZPATRICK = [1, 2, 3, 4, 5, 6] as const;

function ClausePicker({ doc, problems, edit, readOnly }: SectionProps) {
  const { t, i18n } = useTranslation('authoring-case');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [adding, setAdding] = useState('');
  const clauses = strList(getAt(doc, ['clauses']));
  const heading = (id: string) => CLAUSES.find((c) => c.id === id)?.heading[lang] ?? '';
  return (
    <div className="authoring-item">
      <Field label={t('case.addClause')} problems={problemsAt(problems, '/clauses', true)}>
        {(control) => (
          <select
            {...control}
            value={adding}
            disabled={readOnly}
            onChange={(e) => {
              setAdding('');
              if (e.target.value && !clauses.includes(e.target.value)) edit(['clauses'], [...clauses, e.target.value]);
            }}
          >
            <option value="">{t('case.chooseClause')}</option>
            {CLAUSES.filter((c) => !clauses.includes(c.id)).map((c) => (
              <option key={c.id} value={c.id}>
                {t('case.clauseOption', { id: c.id, heading: c.heading[lang] })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ul className="authoring-chips" aria-label={t('case.clauses')}>
        {clauses.map((id) => (
          <li key={id}>
            {t('case.clauseOption', { id, heading: heading(id) })}{' '}
            {!readOnly && (
              <button type="button" className="button button-small" onClick={() => edit(['clauses'], clauses.filter((c) => c !== id))}>
                {t('case.removeClause', { id })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CasePatient(props: SectionProps) {
  const { doc, problems, edit, readOnly } = props;
  const { t } = useTranslation('authoring-case');
  const version = num(getAt(doc, ['version']));
  return (
    <>
      <section className="authoring-section" aria-labelledby="authoring-case-about">
        <h3 id="authoring-case-about">{t('case.about')}</h3>
        <div className="authoring-row">
          <TextInput label={t('case.id')} hint={t('case.idHint')} lang="en" problems={problemsAt(problems, '/id')} value={str(getAt(doc, ['id']))} readOnly={readOnly} onValue={(v) => edit(['id'], v)} />
          <TextInput label={t('case.version')} problems={problemsAt(problems, '/version')} value={version === undefined ? '' : String(version)} readOnly onValue={() => {}} />
          <SelectInput label={t('case.procedure')} problems={problemsAt(problems, '/procedure')} value={str(getAt(doc, ['procedure']))} options={PROCEDURES.map((p) => ({ value: p, label: t(`procedure.${p}`) }))} readOnly={readOnly} onValue={(v) => edit(['procedure'], v)} />
        </div>
        <LocalizedInput label={t('case.caseTitle')} pointer="/title" problems={problems} value={getAt(doc, ['title'])} readOnly={readOnly} onValue={(v) => edit(['title'], v)} />
        <ClausePicker {...props} />
      </section>
      <section className="authoring-section" aria-labelledby="authoring-case-patient">
        <h3 id="authoring-case-patient">{t('patient.title')}</h3>
        <PatientFields pointer="/patient" path={['patient']} {...props} />
        <LocalizedInput label={t('patient.presenting')} pointer="/patient/presenting" problems={problems} value={getAt(doc, ['patient', 'presenting'])} multiline readOnly={readOnly} onValue={(v) => edit(['patient', 'presenting'], v)} />
        <RegionField label={t('patient.plannedRegions')} pointer="/plannedRegions" problems={problems} value={strList(getAt(doc, ['plannedRegions'])) as RegionId[]} readOnly={readOnly} onValue={(v) => edit(['plannedRegions'], v)} />
      </section>
    </>
  );
}

/** Age, sex, Fitzpatrick type and skin type at `path` (the case's patient, or a task's case). */
export function PatientFields({ doc, problems, edit, readOnly, pointer, path }: SectionProps & { pointer: string; path: (string | number)[] }) {
  const { t } = useTranslation('authoring-case');
  const at = (key: string) => getAt(doc, [...path, key]);
  const fitz = num(at('fitzpatrick'));
  return (
    <div className="authoring-row">
      <NumberInput label={t('patient.age')} problems={problemsAt(problems, `${pointer}/age`)} value={num(at('age'))} readOnly={readOnly} onValue={(v) => edit([...path, 'age'], v === undefined ? undefined : Math.round(v))} />
      <SelectInput label={t('patient.sex')} problems={problemsAt(problems, `${pointer}/sex`)} value={str(at('sex'))} options={SEXES.map((s) => ({ value: s, label: t(`patient.sexes.${s}`) }))} readOnly={readOnly} onValue={(v) => edit([...path, 'sex'], v)} />
      <SelectInput
        label={t('patient.fitzpatrick')}
        problems={problemsAt(problems, `${pointer}/fitzpatrick`)}
        value={fitz === undefined ? '' : String(fitz)}
        options={FITZPATRICK.map((f) => ({ value: String(f), label: t('patient.fitzpatrickType', { type: ['I', 'II', 'III', 'IV', 'V', 'VI'][f - 1] }) }))}
        readOnly={readOnly}
        onValue={(v) => edit([...path, 'fitzpatrick'], Number(v))}
      />
      <SelectInput label={t('patient.skinType')} problems={problemsAt(problems, `${pointer}/skinType`)} value={str(at('skinType'))} options={SKIN_TYPES.map((s) => ({ value: s, label: t(`patient.skinTypes.${s}`) }))} readOnly={readOnly} onValue={(v) => edit([...path, 'skinType'], v)} />
      <ProblemText messages={problemsAt(problems, pointer)} />
    </div>
  );
}
