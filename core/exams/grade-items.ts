// Marking single items: a question (all or nothing, as Chinese certification exams mark 多选题) and a
// complication vignette (right choices count, wrong ones take away, a harmful one is critical).

import type { ItemResponse } from './format/steps';
import type { Question } from './format/question';
import type { Complication } from './format/complication';

export function isCorrect(q: Question, r: ItemResponse | undefined): boolean {
  if (!r) return false;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return r.kind === 'choice' && sameSet(r.optionIds, q.key);
    case 'true-false':
      return r.kind === 'true-false' && r.value === q.key;
    case 'region':
      if (r.kind !== 'regions' || r.regions.length === 0) return false;
      return q.answerMode === 'all' ? sameSet(r.regions, q.key) : r.regions.every((x) => (q.key as readonly string[]).includes(x));
  }
}

/** The key as option letters, "true"/"false", or region ids. */
export function keyOf(q: Question): string[] {
  return q.type === 'true-false' ? [String(q.key)] : [...q.key];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

export interface VignetteMark {
  /** 0..1: right choices found, less wrong choices made, over the number of right ones. */
  fraction: number;
  harmful: string[];
  missed: string[];
  wrong: string[];
}

export function markVignette(v: Complication, chosen: readonly string[] | undefined): VignetteMark {
  const picked = new Set(chosen ?? []);
  const right = v.options.filter((o) => o.correct);
  const hits = right.filter((o) => picked.has(o.id)).length;
  const wrong = v.options.filter((o) => !o.correct && picked.has(o.id));
  return {
    fraction: Math.max(0, (hits - wrong.length) / right.length),
    harmful: wrong.filter((o) => o.harmful).map((o) => o.id),
    missed: right.filter((o) => !picked.has(o.id)).map((o) => o.id),
    wrong: wrong.map((o) => o.id),
  };
}
