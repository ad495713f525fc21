// A draft's problems at their fields. Main answers every save with problems named by JSON pointer
// (/stem/zh, /options/2/text/en, /parts/1/draws/0/count). Each field on screen claims its pointer; a
// problem belongs to the field with the longest claimed pointer that contains it, and problems no field
// on screen claims are listed at the top of the form. Main's messages are English, marked as such.

import { createContext, useCallback, useContext, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthoringProblem } from '../../../core/api/contract';

interface ProblemsApi {
  problems: readonly AuthoringProblem[];
  claims: ReadonlyMap<string, number>;
  claim(pointer: string): () => void;
}

const ProblemsContext = createContext<ProblemsApi>({ problems: [], claims: new Map(), claim: () => () => undefined });

/** The claimed pointer a problem belongs to: the longest one that is the problem's pointer or contains it. */
export function ownerOf(pointer: string, claims: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  for (const [claimed, count] of claims) {
    if (count <= 0 || claimed === '') continue;
    if ((pointer === claimed || pointer.startsWith(`${claimed}/`)) && (best === null || claimed.length > best.length)) best = claimed;
  }
  return best;
}

export function ProblemsProvider({ problems, children }: { problems: readonly AuthoringProblem[]; children: ReactNode }) {
  const [claims, setClaims] = useState<ReadonlyMap<string, number>>(new Map());
  const claim = useCallback((pointer: string) => {
    const bump = (by: number) =>
      setClaims((prev) => {
        const next = new Map(prev);
        next.set(pointer, (next.get(pointer) ?? 0) + by);
        if ((next.get(pointer) ?? 0) <= 0) next.delete(pointer);
        return next;
      });
    bump(1);
    return () => bump(-1);
  }, []);
  const value = useMemo(() => ({ problems, claims, claim }), [problems, claims, claim]);
  return <ProblemsContext.Provider value={value}>{children}</ProblemsContext.Provider>;
}

/** Claims a pointer for the calling field and returns the problems that belong to it. */
export function useFieldProblems(pointer: string): AuthoringProblem[] {
  const { problems, claims, claim } = useContext(ProblemsContext);
  useEffect(() => claim(pointer), [claim, pointer]);
  return problems.filter((p) => ownerOf(p.pointer, claims) === pointer);
}

/** A field's wiring: the control's id, aria-invalid and aria-describedby, and its problems. */
export function useField(pointer: string) {
  const id = useId();
  const problems = useFieldProblems(pointer);
  const errorId = `${id}-error`;
  return {
    id,
    problems,
    errorId,
    control: { id, 'aria-invalid': problems.length > 0 ? (true as const) : undefined, 'aria-describedby': problems.length > 0 ? errorId : undefined },
  };
}

/** The problems at one field (main's messages, in English). */
export function FieldProblems({ id, problems }: { id: string; problems: readonly AuthoringProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {problems.map((p, i) => (
        <span key={`${p.pointer}-${i}`} lang="en" className="authoring-problem">
          {p.message}
        </span>
      ))}
    </p>
  );
}

/** Problems of a group of fields (a fieldset): shown under its legend. */
export function GroupProblems({ pointer }: { pointer: string }) {
  const { errorId, problems } = useField(pointer);
  return <FieldProblems id={errorId} problems={problems} />;
}

/** Problems whose field is not on screen (or the document as a whole), with the pointer they name. */
export function UnplacedProblems() {
  const { t } = useTranslation('authoring');
  const { problems, claims } = useContext(ProblemsContext);
  const unplaced = problems.filter((p) => ownerOf(p.pointer, claims) === null);
  if (unplaced.length === 0) return null;
  return (
    <div className="notice notice-error authoring-unplaced" role="alert">
      <p className="notice-title">{t('draft.unplaced', { count: unplaced.length })}</p>
      <ul className="plain-list">
        {unplaced.map((p, i) => (
          <li key={`${p.pointer}-${i}`}>
            <code>{p.pointer || '/'}</code> <span lang="en">{p.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Problems under a pointer, made relative to it (for an embedded editor that takes its own problems). */
export function problemsUnder(problems: readonly AuthoringProblem[], pointer: string): AuthoringProblem[] {
  return problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`)).map((p) => ({ ...p, pointer: p.pointer.slice(pointer.length) }));
}

export function useAllProblems(): readonly AuthoringProblem[] {
  return useContext(ProblemsContext).problems;
}
