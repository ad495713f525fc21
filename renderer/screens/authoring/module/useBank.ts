// What a module can draw on: the published (not archived) questions with their clauses, difficulty and
// type, the cases and the vignettes. A knowledge draw shows how many bank questions match it.

import { useEffect, useState } from 'react';
import type { AuthoredSummary } from '../../../../core/api/contract';
import { clauseWithin } from '../../../../core/standard/clauses';
import { useAppStore } from '../../../app/store';
import { asRecord } from '../documents';

export interface BankQuestion {
  id: string;
  clauses: string[];
  difficulty: number | null;
  type: string | null;
}

export interface Bank {
  questions: BankQuestion[] | null;
  cases: AuthoredSummary[] | null;
  vignettes: AuthoredSummary[] | null;
}

export interface DrawFilter {
  clauses: readonly string[];
  difficulty?: readonly number[];
  types?: readonly string[];
}

export function matchingQuestions(questions: readonly BankQuestion[], draw: DrawFilter): number {
  return questions.filter(
    (q) =>
      draw.clauses.length > 0 &&
      q.clauses.some((c) => draw.clauses.some((prefix) => clauseWithin(c, prefix))) &&
      (!draw.difficulty?.length || (q.difficulty !== null && draw.difficulty.includes(q.difficulty))) &&
      (!draw.types?.length || (q.type !== null && draw.types.includes(q.type))),
  ).length;
}

export function useBank(): Bank {
  const api = useAppStore((s) => s.api);
  const [bank, setBank] = useState<Bank>({ questions: null, cases: null, vignettes: null });
  useEffect(() => {
    let live = true;
    void (async () => {
      const [questions, cases, vignettes] = await Promise.all([
        api.authoring.list({ kind: 'question', includeArchived: false }),
        api.authoring.list({ kind: 'patient-case', includeArchived: false }),
        api.authoring.list({ kind: 'complication', includeArchived: false }),
      ]);
      if (!live) return;
      setBank((b) => ({ ...b, cases: cases.ok ? cases.value : [], vignettes: vignettes.ok ? vignettes.value : [] }));
      if (!questions.ok) return setBank((b) => ({ ...b, questions: [] }));
      // Difficulty and type are in the documents; clauses are in the list.
      const docs = await Promise.all(questions.value.map((q) => api.authoring.get({ kind: 'question', id: q.id })));
      if (!live) return;
      setBank((b) => ({
        ...b,
        questions: questions.value.map((q, i) => {
          const r = docs[i];
          const doc = r?.ok ? asRecord(r.value.document) : {};
          return { id: q.id, clauses: q.clauses, difficulty: typeof doc.difficulty === 'number' ? doc.difficulty : null, type: typeof doc.type === 'string' ? doc.type : null };
        }),
      }));
    })();
    return () => {
      live = false;
    };
  }, [api]);
  return bank;
}
