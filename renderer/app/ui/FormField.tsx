// One labelled form control with its hint and its error, wired for assistive technology: the control gets
// aria-invalid and aria-describedby naming the hint and the error.

import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorText, type FieldProblem } from './field-errors';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export function FormField({
  field,
  label,
  hint,
  problem,
  children,
}: {
  /** The field's name, for its error message (common:fields.<field>.*). */
  field: string;
  label: string;
  hint?: string;
  problem?: FieldProblem;
  children: (control: ControlProps) => ReactNode;
}) {
  const { t, i18n } = useTranslation('common');
  const id = useId();
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': described || undefined })}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problem && (
        <p className="field-error" id={`${id}-error`}>
          {fieldErrorText(t, (key) => i18n.exists(key), field, problem)}
        </p>
      )}
    </div>
  );
}

/** A text input field; `onValue` gets the new text. */
export function TextField({
  field,
  label,
  hint,
  problem,
  value,
  onValue,
  type = 'text',
  autoComplete,
  inputMode,
  maxLength,
}: {
  field: string;
  label: string;
  hint?: string;
  problem?: FieldProblem;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'password';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
}) {
  return (
    <FormField field={field} label={label} hint={hint} problem={problem}>
      {(control) => (
        <input
          {...control}
          name={field}
          type={type}
          value={value}
          autoComplete={autoComplete}
          inputMode={inputMode}
          maxLength={maxLength}
          onChange={(e) => onValue(e.target.value)}
        />
      )}
    </FormField>
  );
}
