// An exam module in a form: titles and description, professions certified, procedure, the syllabus (clauses
// with notes), its parts (./PartsEditor), the pass rule and when results and solutions are released.

import { useTranslation } from 'react-i18next';
import { PROFESSIONS } from '../../../../core/api/schemas/people';
import { ClauseLabel, ClausePicker } from '../ClausePicker';
import { asRecord } from '../documents';
import { asLocalized, CheckboxGroup, EMPTY_TEXT, LocalizedField, NumberInput, Section, SelectInput } from '../fields';
import { GroupProblems } from '../problems';
import { IdentityFields } from '../forms/common';
import { PartsEditor } from './PartsEditor';

const PROCEDURES = ['roller', 'rf', 'nano'] as const;

interface SyllabusEntry {
  clause: string;
  note?: { zh: string; en: string };
}

export function ModuleForm({ document, onChange, isNew }: { document: unknown; onChange: (doc: Record<string, unknown>) => void; isNew: boolean }) {
  const { t } = useTranslation(['authoring', 'common']);
  const doc = asRecord(document);
  const set = (patch: Record<string, unknown>) => onChange({ ...doc, ...patch });
  const passRule = asRecord(doc.passRule);
  const release = asRecord(doc.release);
  const procedure = typeof doc.procedure === 'string' ? doc.procedure : '';
  return (
    <>
      <Section title={t('module.basics')}>
        <IdentityFields doc={doc} isNew={isNew} onChange={set} />
        <LocalizedField pointer="/title" label={t('fields.title')} value={asLocalized(doc.title)} onChange={(title) => set({ title })} />
        <LocalizedField pointer="/description" label={t('module.description')} value={asLocalized(doc.description)} multiline onChange={(description) => set({ description })} />
        <CheckboxGroup
          pointer="/certifies"
          legend={t('module.certifies')}
          value={Array.isArray(doc.certifies) ? (doc.certifies as string[]) : []}
          options={PROFESSIONS.map((p) => ({ value: p, label: t(`common:professions.${p}`) }))}
          onChange={(certifies) => set({ certifies })}
        />
        <SelectInput
          pointer="/procedure"
          label={t('module.procedure')}
          value={procedure}
          options={[{ value: '', label: t('module.anyProcedure') }, ...PROCEDURES.map((p) => ({ value: p, label: t(`common:procedures.${p}`) }))]}
          onChange={(v) => set({ procedure: v === '' ? null : v })}
        />
      </Section>
      <Syllabus value={Array.isArray(doc.syllabus) ? (doc.syllabus as SyllabusEntry[]) : []} onChange={(syllabus) => set({ syllabus })} />
      <PartsEditor parts={Array.isArray(doc.parts) ? doc.parts : []} procedure={procedure || null} onChange={(parts) => set({ parts })} />
      <Section title={t('module.passRule')}>
        <GroupProblems pointer="/passRule" />
        <div className="form-columns">
          <NumberInput pointer="/passRule/overallMin" label={t('module.overallMin')} value={passRule.overallMin as number} min={0} max={100} onChange={(v) => set({ passRule: { ...passRule, overallMin: v } })} />
          <NumberInput pointer="/passRule/attemptsAllowed" label={t('module.attemptsAllowed')} value={passRule.attemptsAllowed as number} min={1} max={20} onChange={(v) => set({ passRule: { ...passRule, attemptsAllowed: v } })} />
          <NumberInput pointer="/passRule/retakeWaitHours" label={t('module.retakeWaitHours')} value={passRule.retakeWaitHours as number} min={0} onChange={(v) => set({ passRule: { ...passRule, retakeWaitHours: v } })} />
          <NumberInput pointer="/passRule/consecutivePasses" label={t('module.consecutivePasses')} value={passRule.consecutivePasses as number} min={1} max={10} onChange={(v) => set({ passRule: { ...passRule, consecutivePasses: v } })} />
        </div>
      </Section>
      <Section title={t('module.release')}>
        <div className="form-columns">
          <SelectInput
            pointer="/release/results"
            label={t('module.results')}
            value={release.results === 'on-release' ? 'on-release' : 'immediate'}
            options={(['immediate', 'on-release'] as const).map((v) => ({ value: v, label: t(`module.resultsModes.${v}`) }))}
            onChange={(results) => set({ release: { ...release, results } })}
          />
          <SelectInput
            pointer="/release/solutions"
            label={t('module.solutions')}
            value={(['after-submit', 'on-release', 'never'] as const).find((v) => v === release.solutions) ?? 'after-submit'}
            options={(['after-submit', 'on-release', 'never'] as const).map((v) => ({ value: v, label: t(`module.solutionsModes.${v}`) }))}
            onChange={(solutions) => set({ release: { ...release, solutions } })}
          />
        </div>
      </Section>
    </>
  );
}

function Syllabus({ value, onChange }: { value: SyllabusEntry[]; onChange: (v: SyllabusEntry[]) => void }) {
  const { t } = useTranslation('authoring');
  const clauses = value.map((s) => s.clause);
  return (
    <Section title={t('module.syllabus')}>
      <GroupProblems pointer="/syllabus" />
      <ClausePicker
        pointer="/syllabus-picker"
        legend={t('module.syllabusClauses')}
        selected={clauses}
        onChange={(next) => onChange(next.map((clause) => value.find((s) => s.clause === clause) ?? { clause }))}
      />
      {value.map((s, i) => (
        <div key={`${s.clause}-${i}`} className="authoring-syllabus-entry">
          <p className="authoring-syllabus-clause">
            <ClauseLabel id={s.clause} />
          </p>
          <GroupProblems pointer={`/syllabus/${i}/clause`} />
          {s.note ? (
            <LocalizedField pointer={`/syllabus/${i}/note`} label={t('module.note', { clause: s.clause })} value={asLocalized(s.note)} onChange={(note) => onChange(value.map((x, j) => (j === i ? { ...x, note } : x)))} />
          ) : (
            <button type="button" className="button button-small" onClick={() => onChange(value.map((x, j) => (j === i ? { ...x, note: { ...EMPTY_TEXT } } : x)))}>
              {t('module.addNote', { clause: s.clause })}
            </button>
          )}
        </div>
      ))}
    </Section>
  );
}
