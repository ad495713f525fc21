// Form pieces the case form and the task editor share: a labelled control with the problems at its JSON
// pointer (wired with aria-invalid and aria-describedby), text in both languages, numbers that may be
// typed half-way ("0."), and regions picked on the head. Only one head is open at a time (each is a WebGL
// canvas); the others show their regions in words with a button to pick them.

import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_NAMES, type RegionId } from '../../../../core/anatomy/regions';
import type { AuthoringProblem } from '../../../../core/api/schemas/authoring';
import { headVariantForCase, type HeadVariantId } from '../../../../core/head-model/variants';
import { RegionPicker } from '../../exams/head/RegionHead';
import { getAt, problemsAt, toggled, type Path } from './doc-edit';
import './authoring-case.css';

export interface Control {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Problem messages come from the document's schema, in English. */
export function ProblemText({ id, messages }: { id?: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p className="field-error" id={id} lang="en">
      {messages.join('; ')}
    </p>
  );
}

export function Field({ label, hint, problems, children }: { label: string; hint?: string; problems: readonly string[]; children: (control: Control) => ReactNode }) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', problems.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problems.length > 0 ? true : undefined, 'aria-describedby': described || undefined })}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ProblemText id={`${id}-error`} messages={problems} />
    </div>
  );
}

export function TextInput(props: { label: string; hint?: string; problems: readonly string[]; value: string; onValue: (v: string) => void; multiline?: boolean; readOnly?: boolean; lang?: string }) {
  return (
    <Field label={props.label} hint={props.hint} problems={props.problems}>
      {(control) =>
        props.multiline ? (
          <textarea {...control} rows={2} lang={props.lang} value={props.value} readOnly={props.readOnly} onChange={(e) => props.onValue(e.target.value)} />
        ) : (
          <input {...control} type="text" lang={props.lang} value={props.value} readOnly={props.readOnly} onChange={(e) => props.onValue(e.target.value)} />
        )
      }
    </Field>
  );
}

const parseNumber = (text: string): number | undefined | null => {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};
const showNumber = (v: number | undefined) => (v === undefined ? '' : String(v));

/** A number; empty is undefined. What was typed stays while it is on its way to a number ("0.", "-"). */
export function NumberInput(props: { label: string; hint?: string; problems: readonly string[]; value: number | undefined; onValue: (v: number | undefined) => void; readOnly?: boolean; placeholder?: string }) {
  const [draft, setDraft] = useState({ text: showNumber(props.value), for: props.value });
  if (draft.for !== props.value) setDraft({ text: showNumber(props.value), for: props.value });
  return (
    <Field label={props.label} hint={props.hint} problems={props.problems}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          value={draft.text}
          placeholder={props.placeholder}
          readOnly={props.readOnly}
          onChange={(e) => {
            const parsed = parseNumber(e.target.value);
            if (parsed === null) return setDraft({ text: e.target.value, for: props.value });
            setDraft({ text: e.target.value, for: parsed });
            props.onValue(parsed);
          }}
        />
      )}
    </Field>
  );
}

export function SelectInput<V extends string>(props: { label: string; problems: readonly string[]; value: string; options: readonly { value: V; label: string }[]; onValue: (v: V) => void; readOnly?: boolean }) {
  const known = props.options.some((o) => o.value === props.value);
  return (
    <Field label={props.label} problems={props.problems}>
      {(control) => (
        <select {...control} value={known ? props.value : ''} disabled={props.readOnly} onChange={(e) => props.onValue(e.target.value as V)}>
          {!known && <option value="" disabled />}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One text in both languages: zh then en, each at its own pointer (base/zh, base/en). */
export function LocalizedInput(props: { label: string; pointer: string; problems: readonly AuthoringProblem[]; value: unknown; onValue: (v: { zh: string; en: string }) => void; multiline?: boolean; readOnly?: boolean }) {
  const { t } = useTranslation('authoring-case');
  const v = typeof props.value === 'object' && props.value !== null ? (props.value as Record<string, unknown>) : {};
  const zh = typeof v.zh === 'string' ? v.zh : '';
  const en = typeof v.en === 'string' ? v.en : '';
  return (
    <div className="authoring-localized">
      <TextInput label={t('common.inZh', { label: props.label })} lang="zh" problems={problemsAt(props.problems, `${props.pointer}/zh`)} value={zh} multiline={props.multiline} readOnly={props.readOnly} onValue={(s) => props.onValue({ zh: s, en })} />
      <TextInput label={t('common.inEn', { label: props.label })} lang="en" problems={problemsAt(props.problems, `${props.pointer}/en`)} value={en} multiline={props.multiline} readOnly={props.readOnly} onValue={(s) => props.onValue({ zh, en: s })} />
      <ProblemText messages={problemsAt(props.problems, props.pointer)} />
    </div>
  );
}

/** Which region field has the head open (by its pointer). */
/** The head the case's patient has (their sex), which every region field of the case paints on. */
export const CaseHead = createContext<HeadVariantId>('female');

/** The head of the patient at `path` in a document being edited (the case's patient, or a task's case). */
export function caseHeadAt(doc: unknown, path: Path): HeadVariantId {
  return headVariantForCase({ sex: getAt(doc, [...path, 'sex']) === 'male' ? 'male' : undefined });
}

export const ActiveRegionField = createContext<{ active: string | null; open: (pointer: string | null) => void }>({ active: null, open: () => {} });

export function useActiveRegionField() {
  const [active, open] = useState<string | null>(null);
  return { active, open };
}

/** Regions picked on the head; `colors` paints them (a finding's appearance), else the selection colour. */
export function RegionField(props: { label: string; pointer: string; problems: readonly AuthoringProblem[]; value: readonly RegionId[]; onValue: (v: RegionId[]) => void; color?: string; readOnly?: boolean }) {
  const { t, i18n } = useTranslation('authoring-case');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { active, open } = useContext(ActiveRegionField);
  const head = useContext(CaseHead);
  const isOpen = active === props.pointer;
  const selected = new Set(props.value);
  const colors = props.color ? new Map(props.value.map((r) => [r, props.color as string])) : undefined;
  const names = props.value.map((r) => REGION_NAMES[r]?.[lang] ?? r);
  return (
    <fieldset className="authoring-regions">
      <legend>{props.label}</legend>
      <p className="authoring-region-summary">
        {props.color && <span className="region-swatch" aria-hidden="true" style={{ background: props.color }} />}
        {names.length > 0 ? names.join(t('common.listSeparator')) : t('common.noRegions')}
      </p>
      {!props.readOnly && (
        <button type="button" className="button button-small" aria-expanded={isOpen} onClick={() => open(isOpen ? null : props.pointer)}>
          {isOpen ? t('common.closeHead') : t('common.pickOnHead')}
        </button>
      )}
      {isOpen && !props.readOnly && (
        <RegionPicker selected={selected} colors={colors} listLabel={t('common.regionList', { label: props.label })} onPick={(r) => props.onValue(toggled(props.value, r))} variant={head} />
      )}
      <ProblemText messages={problemsAt(props.problems, props.pointer, true)} />
    </fieldset>
  );
}

export function Checkbox({ label, checked, onValue, disabled, lang }: { label: string; checked: boolean; onValue: (v: boolean) => void; disabled?: boolean; lang?: string }) {
  return (
    <label className="authoring-check" lang={lang}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onValue(e.target.checked)} />
      {label}
    </label>
  );
}

/** Problems no field shows, at the top of the form. */
export function ProblemSummary({ problems }: { problems: readonly AuthoringProblem[] }) {
  const { t } = useTranslation('authoring-case');
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t('common.otherProblems', { n: problems.length })}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.pointer}:${p.message}`} lang="en">
            <code>{p.pointer || '/'}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
