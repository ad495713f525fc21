// What is true of a patient, as checklists: the conditions of core/rules/conditions.ts (local ones with
// their regions picked on the head), and what a history answer or a finding reveals (conditions and the
// case flags: nasal implant, new products, hair-bearing scalp).

import { useTranslation } from 'react-i18next';
import type { RegionId } from '../../../../core/anatomy/regions';
import type { AuthoringProblem } from '../../../../core/api/schemas/authoring';
import { CASE_FLAGS } from '../../../../core/exams/format/case';
import { CONDITIONS } from '../../../../core/rules/conditions';
import { isObject, list, problemsAt, strList, toggled } from './doc-edit';
import { Checkbox, ProblemText, RegionField } from './fields';

export interface ConditionEntry {
  id: string;
  regions?: RegionId[];
}

export function conditionEntries(value: unknown): ConditionEntry[] {
  return list(value)
    .filter(isObject)
    .map((c) => ({ id: typeof c.id === 'string' ? c.id : '', ...(Array.isArray(c.regions) ? { regions: strList(c.regions) as RegionId[] } : {}) }));
}

/** The conditions checklist; `pointer` is where the list lies (/conditions, /case/conditions). */
export function ConditionsField(props: { pointer: string; problems: readonly AuthoringProblem[]; value: unknown; onValue: (v: ConditionEntry[]) => void; readOnly?: boolean }) {
  const { t, i18n } = useTranslation('authoring-case');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const entries = conditionEntries(props.value);
  const unknown = entries.filter((e) => !CONDITIONS.some((c) => c.id === e.id));
  const shownAtRegions = entries.flatMap((e, i) => (CONDITIONS.find((c) => c.id === e.id)?.local ? [`${props.pointer}/${i}/regions`] : []));
  const set = (id: string, entry: ConditionEntry | null) => {
    const rest = entries.filter((e) => e.id !== id);
    const index = entries.findIndex((e) => e.id === id);
    if (!entry) return props.onValue(rest);
    const next = [...entries];
    if (index >= 0) next[index] = entry;
    else next.push(entry);
    props.onValue(next);
  };
  return (
    <fieldset className="authoring-item">
      <legend>{t('conditions.legend')}</legend>
      <p className="field-hint">{t('conditions.hint')}</p>
      {entries.length === 0 && <p className="muted">{t('conditions.none')}</p>}
      {CONDITIONS.map((c) => {
        const index = entries.findIndex((e) => e.id === c.id);
        const entry = index >= 0 ? entries[index] : undefined;
        const kind = t(c.kind === 'risk' ? 'conditions.risk' : c.local ? 'conditions.local' : 'conditions.whole');
        return (
          <div key={c.id} className="authoring-condition">
            <Checkbox label={t('conditions.item', { clause: c.clause, name: c.name[lang], kind })} checked={entry !== undefined} disabled={props.readOnly} onValue={(on) => set(c.id, on ? { id: c.id } : null)} />
            {entry && c.local && (
              <RegionField
                label={t('conditions.regions', { name: c.name[lang] })}
                pointer={`${props.pointer}/${index}/regions`}
                problems={props.problems}
                value={entry.regions ?? []}
                readOnly={props.readOnly}
                onValue={(regions) => set(c.id, regions.length > 0 ? { id: c.id, regions } : { id: c.id })}
              />
            )}
            {entry && c.local && !entry.regions && <p className="field-hint">{t('conditions.noRegionsMeansWhole')}</p>}
          </div>
        );
      })}
      {unknown.map((e) => (
        <Checkbox key={`unknown-${e.id}`} lang="en" label={e.id || '?'} checked disabled={props.readOnly} onValue={() => set(e.id, null)} />
      ))}
      <ProblemText messages={problemsAt(props.problems.filter((p) => !shownAtRegions.some((r) => p.pointer === r || p.pointer.startsWith(`${r}/`))), props.pointer, true)} />
    </fieldset>
  );
}

/** What an answer or a finding reveals: conditions and the case flags, folded away until opened. */
export function RevealsField(props: { label: string; pointer: string; problems: readonly AuthoringProblem[]; value: unknown; onValue: (v: string[] | undefined) => void; readOnly?: boolean }) {
  const { t, i18n } = useTranslation('authoring-case');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const reveals = strList(props.value);
  const name = (id: string) => CONDITIONS.find((c) => c.id === id)?.name[lang] ?? ((CASE_FLAGS as readonly string[]).includes(id) ? t(`flags.${id}`) : id);
  const toggle = (id: string) => {
    const next = toggled(reveals, id);
    props.onValue(next.length > 0 ? next : undefined);
  };
  return (
    <details className="authoring-reveals" open={reveals.length > 0 || problemsAt(props.problems, props.pointer, true).length > 0}>
      <summary>{reveals.length > 0 ? t('reveals.summary', { label: props.label, names: reveals.map(name).join(t('common.listSeparator')) }) : t('reveals.none', { label: props.label })}</summary>
      <div className="authoring-checks" role="group" aria-label={props.label}>
        {CONDITIONS.map((c) => (
          <Checkbox key={c.id} label={t('reveals.condition', { clause: c.clause, name: c.name[lang] })} checked={reveals.includes(c.id)} disabled={props.readOnly} onValue={() => toggle(c.id)} />
        ))}
        {CASE_FLAGS.map((f) => (
          <Checkbox key={f} label={t(`flags.${f}`)} checked={reveals.includes(f)} disabled={props.readOnly} onValue={() => toggle(f)} />
        ))}
      </div>
      <ProblemText messages={problemsAt(props.problems, props.pointer, true)} />
    </details>
  );
}
