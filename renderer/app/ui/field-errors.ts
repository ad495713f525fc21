// Errors at their field. Main names the field of a refused payload with a JSON pointer (/certificateNumber,
// /admin/password); the same zod schemas run in the form first, so every problem zod can see is shown at
// once. Errors are kept as codes and told in the UI language when rendered.

import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { jsonPointer, type ApiError, type ApiErrorCode } from '../../../core/api/errors';

/** 'mismatch': a confirmation field differs from the field it confirms (checked in the form only). */
export type FieldProblem = ApiErrorCode | 'mismatch' | 'required';
export type FieldErrors<F extends string> = Partial<Record<F, FieldProblem>>;

/** The form field a JSON pointer names: its last segment, when the form has such a field. */
export function fieldFromPointer<F extends string>(pointer: string | undefined, fields: readonly F[]): F | null {
  if (!pointer) return null;
  const last = pointer.split('/').pop()?.replace(/~1/g, '/').replace(/~0/g, '~') ?? '';
  return (fields as readonly string[]).includes(last) ? (last as F) : null;
}

export function zodFieldErrors<F extends string>(error: z.ZodError, fields: readonly F[]): { errors: FieldErrors<F>; unplaced: boolean } {
  const errors: FieldErrors<F> = {};
  let unplaced = false;
  for (const issue of error.issues) {
    const field = fieldFromPointer(jsonPointer(issue.path), fields);
    if (field) errors[field] ??= 'invalid-payload';
    else unplaced = true;
  }
  return { errors, unplaced };
}

/** The message for a problem at a field: fields.<field>.<code>, else fields.<field>.invalid, else the code's message. */
export function fieldErrorText(t: TFunction, exists: (key: string) => boolean, field: string, problem: FieldProblem): string {
  for (const key of [`common:fields.${field}.${problem}`, `common:fields.${field}.invalid`]) if (exists(key)) return t(key);
  return t(`common:errors.codes.${problem}`);
}

export interface FormErrors<F extends string> {
  errors: FieldErrors<F>;
  /** An error that belongs to no field of this form, shown as a notice. */
  notice: ApiError | null;
  clear(): void;
  /** Shows zod's problems; returns false when there were none. */
  fromZod(error: z.ZodError | undefined): boolean;
  /** Puts main's error at its field, or in the notice. */
  fromApi(error: ApiError): void;
  set(errors: FieldErrors<F>): void;
}

export function useFormErrors<F extends string>(fields: readonly F[]): FormErrors<F> {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [notice, setNotice] = useState<ApiError | null>(null);
  const clear = useCallback(() => {
    setErrors({});
    setNotice(null);
  }, []);
  const fromZod = (error: z.ZodError | undefined) => {
    if (!error) return false;
    const placed = zodFieldErrors(error, fields);
    setErrors(placed.errors);
    setNotice(placed.unplaced && Object.keys(placed.errors).length === 0 ? { code: 'invalid-payload', message: error.issues[0]?.message ?? 'invalid' } : null);
    return true;
  };
  const fromApi = (error: ApiError) => {
    const field = fieldFromPointer(error.path, fields);
    if (field) {
      setErrors({ [field]: error.code } as FieldErrors<F>);
      setNotice(null);
    } else {
      setErrors({});
      setNotice(error);
    }
  };
  return { errors, notice, clear, fromZod, fromApi, set: setErrors };
}
