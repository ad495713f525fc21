// The authoring forms' fields: each names the JSON pointer of what it edits, so main's problems show at it.
// Bilingual text is edited with Chinese and English side by side.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldProblems, useField } from './problems';

export interface Localized {
  zh: string;
  en: string;
}

export const EMPTY_TEXT: Localized = { zh: '', en: '' };

export function asLocalized(v: unknown): Localized {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Partial<Localized>;
  return { zh: typeof o.zh === 'string' ? o.zh : '', en: typeof o.en === 'string' ? o.en : '' };
}

/** One text input at a pointer. */
export function TextInput({
  pointer,
  label,
  value,
  onChange,
  multiline,
  readOnly,
  lang,
}: {
  pointer: string;
  label: string;
  value: string;
  onChange?: (value: string) => void;
  multiline?: boolean;
  readOnly?: boolean;
  lang?: string;
}) {
  const { control, errorId, problems } = useField(pointer);
  return (
    <div className="field">
      <label htmlFor={control.id}>{label}</label>
      {multiline ? (
        <textarea {...control} value={value} rows={3} readOnly={readOnly} lang={lang} onChange={(e) => onChange?.(e.target.value)} />
      ) : (
        <input {...control} type="text" value={value} readOnly={readOnly} lang={lang} onChange={(e) => onChange?.(e.target.value)} />
      )}
      <FieldProblems id={errorId} problems={problems} />
    </div>
  );
}

/** Chinese and English side by side; `pointer` is the object's, each language its own field. */
export function LocalizedField({ pointer, label, value, onChange, multiline }: { pointer: string; label: string; value: Localized; onChange: (value: Localized) => void; multiline?: boolean }) {
  const { t } = useTranslation('authoring');
  const group = useField(pointer);
  return (
    <fieldset className="fieldset authoring-localized">
      <legend>{label}</legend>
      <FieldProblems id={group.errorId} problems={group.problems} />
      <div className="authoring-languages">
        <TextInput pointer={`${pointer}/zh`} label={t('lang.zhLabel', { label })} value={value.zh} multiline={multiline} lang="zh" onChange={(zh) => onChange({ ...value, zh })} />
        <TextInput pointer={`${pointer}/en`} label={t('lang.enLabel', { label })} value={value.en} multiline={multiline} lang="en" onChange={(en) => onChange({ ...value, en })} />
      </div>
    </fieldset>
  );
}

/** A number; an empty field is stored as null (main says what is missing). */
export function NumberInput({ pointer, label, value, onChange, min, max, step }: { pointer: string; label: string; value: number | null | undefined; onChange: (value: number | null) => void; min?: number; max?: number; step?: number }) {
  const { control, errorId, problems } = useField(pointer);
  return (
    <div className="field authoring-number">
      <label htmlFor={control.id}>{label}</label>
      <input
        {...control}
        type="number"
        value={value ?? ''}
        min={min}
        max={max}
        step={step}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      />
      <FieldProblems id={errorId} problems={problems} />
    </div>
  );
}

export function SelectInput<V extends string>({ pointer, label, value, options, onChange }: { pointer: string; label: string; value: V; options: readonly { value: V; label: string }[]; onChange: (value: V) => void }) {
  const { control, errorId, problems } = useField(pointer);
  return (
    <div className="field">
      <label htmlFor={control.id}>{label}</label>
      <select {...control} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldProblems id={errorId} problems={problems} />
    </div>
  );
}

/** A set of checkboxes for a list value (professions, difficulties, types). */
export function CheckboxGroup<V extends string | number>({ pointer, legend, value, options, onChange }: { pointer: string; legend: string; value: readonly V[]; options: readonly { value: V; label: string }[]; onChange: (value: V[]) => void }) {
  const { errorId, problems } = useField(pointer);
  return (
    <fieldset className="fieldset authoring-choices" aria-describedby={problems.length ? errorId : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={String(o.value)} className="checkbox">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? options.map((x) => x.value).filter((x) => x === o.value || value.includes(x)) : value.filter((x) => x !== o.value))}
          />
          <span>{o.label}</span>
        </label>
      ))}
      <FieldProblems id={errorId} problems={problems} />
    </fieldset>
  );
}

/** A titled section of a form. */
export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="panel authoring-section">
      <header className="authoring-section-header">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

/** Immutable list edits. */
export const moveItem = <T,>(list: readonly T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
};
export const replaceAt = <T,>(list: readonly T[], i: number, item: T): T[] => list.map((x, j) => (j === i ? item : x));
export const removeAt = <T,>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);
