// Drawing a knowledge part's questions: each draw takes `count` questions of its clauses, difficulties and
// types from what earlier draws left, preferring questions the trainee has not seen in earlier attempts
// of the module (no repeats on a retake while the pool allows). The draw is seeded by the attempt, so it
// is fixed when the attempt starts and stored with it.

import { clauseWithin } from '../standard/clauses';
import type { Draw } from './format/module';
import type { Question } from './format/question';

export function poolFor<Q extends Question>(draw: Draw, questions: Iterable<Q>): Q[] {
  const out: Q[] = [];
  for (const q of questions) {
    if (!q.clauses.some((c) => draw.clauses.some((prefix) => clauseWithin(c, prefix)))) continue;
    if (draw.difficulty && !draw.difficulty.includes(q.difficulty)) continue;
    if (draw.types && !draw.types.includes(q.type)) continue;
    out.push(q);
  }
  // A stable order, whatever order the files were read in.
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** mulberry32 seeded from a string (FNV-1a): the same attempt id always draws the same set. */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function drawQuestions<Q extends Question>(draws: readonly Draw[], questions: readonly Q[], random: () => number, seenBefore: ReadonlySet<string> = new Set()): Q[] {
  const taken = new Set<string>();
  const drawn: Q[] = [];
  for (const d of draws) {
    const pool = poolFor(d, questions).filter((q) => !taken.has(q.id));
    if (pool.length < d.count) throw new Error(`draw of ${d.count} questions from ${d.clauses.join(', ')}: only ${pool.length} available`);
    const fresh = shuffled(pool.filter((q) => !seenBefore.has(q.id)), random);
    const seen = shuffled(pool.filter((q) => seenBefore.has(q.id)), random);
    for (const q of [...fresh, ...seen].slice(0, d.count)) {
      taken.add(q.id);
      drawn.push(q);
    }
  }
  // The order the trainee meets them in is shuffled too, so draws do not come in clause blocks.
  return shuffled(drawn, random);
}
