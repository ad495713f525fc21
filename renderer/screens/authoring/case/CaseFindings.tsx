// Examination findings (7.2): each painted on the head where it is, coloured by its appearance (the
// colours the trainee sees in the exam), with its description and what it reveals.

import { useTranslation } from 'react-i18next';
import type { RegionId } from '../../../../core/anatomy/regions';
import { FINDING_APPEARANCES, type FindingAppearance } from '../../../../core/exams/format/case';
import { APPEARANCE_COLORS } from '../../exams/take/CasePart';
import { getAt, isObject, list, problemsAt, str, strList } from './doc-edit';
import { LocalizedInput, ProblemText, RegionField, SelectInput, TextInput } from './fields';
import { RevealsField } from './CaseConditions';
import type { SectionProps } from './CaseHistory';

const colorOf = (a: string) => (APPEARANCE_COLORS as Record<string, string | undefined>)[a];

function nextFindingId(findings: unknown[]): string {
  const ids = new Set(findings.map((f) => (isObject(f) ? f.id : undefined)));
  let n = findings.length + 1;
  while (ids.has(`finding-${n}`)) n += 1;
  return `finding-${n}`;
}

export function CaseFindings({ doc, problems, edit, readOnly }: SectionProps) {
  const { t } = useTranslation('authoring-case');
  const findings = list(getAt(doc, ['findings']));
  const appearanceOptions = FINDING_APPEARANCES.map((a) => ({ value: a, label: t(`exam:case.appearances.${a}`) }));
  const add = () => edit(['findings'], [...findings, { id: nextFindingId(findings), regions: [], appearance: 'erythema', description: { zh: '', en: '' } }]);
  const remove = (i: number) => edit(['findings'], findings.filter((_, j) => j !== i));
  return (
    <section className="authoring-section" aria-labelledby="authoring-case-findings">
      <h3 id="authoring-case-findings">{t('findings.title')}</h3>
      <p className="field-hint">{t('findings.hint')}</p>
      {findings.length === 0 && <p className="muted">{t('findings.none')}</p>}
      {findings.map((f, i) => {
        const base = ['findings', i];
        const appearance = str(getAt(f, ['appearance']));
        const label = t('findings.item', { n: i + 1 });
        return (
          <fieldset key={i} className="authoring-item" aria-label={label}>
            <legend>{label}</legend>
            <div className="authoring-row">
              <TextInput label={t('findings.id')} lang="en" problems={problemsAt(problems, `/findings/${i}/id`)} value={str(getAt(f, ['id']))} readOnly={readOnly} onValue={(v) => edit([...base, 'id'], v)} />
              <SelectInput<FindingAppearance> label={t('findings.appearance')} problems={problemsAt(problems, `/findings/${i}/appearance`)} value={appearance} options={appearanceOptions} readOnly={readOnly} onValue={(v) => edit([...base, 'appearance'], v)} />
            </div>
            <RegionField
              label={t('findings.regions')}
              pointer={`/findings/${i}/regions`}
              problems={problems}
              value={strList(getAt(f, ['regions'])) as RegionId[]}
              color={colorOf(appearance)}
              readOnly={readOnly}
              onValue={(v) => edit([...base, 'regions'], v)}
            />
            <LocalizedInput label={t('findings.description')} pointer={`/findings/${i}/description`} problems={problems} value={getAt(f, ['description'])} multiline readOnly={readOnly} onValue={(v) => edit([...base, 'description'], v)} />
            <RevealsField label={t('findings.reveals')} pointer={`/findings/${i}/reveals`} problems={problems} value={getAt(f, ['reveals'])} readOnly={readOnly} onValue={(v) => edit([...base, 'reveals'], v)} />
            <ProblemText messages={problemsAt(problems, `/findings/${i}`)} />
            {!readOnly && (
              <button type="button" className="button button-small" onClick={() => remove(i)}>
                {t('findings.remove', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        );
      })}
      <ProblemText messages={problemsAt(problems, '/findings')} />
      {!readOnly && findings.length < 20 && (
        <button type="button" className="button" onClick={add}>
          {t('findings.add')}
        </button>
      )}
    </section>
  );
}
