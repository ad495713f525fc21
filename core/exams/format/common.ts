// Pieces every exam document shares: bilingual text, ids, clause citations, difficulty, regions.
// Messages name what was expected; the catalogue loader adds the file and the JSON pointer.

import { z } from 'zod';
import { ALL_REGION_IDS, HEAD_REGION_IDS, type RegionId } from '../../anatomy/regions';
import { isKnownClause } from '../../standard/clauses';

/** A short, safe description of a bad value for a message (never throws: no JSON of deep or BigInt values). */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : `a ${typeof v}`;
}

/** Exam documents of this format version are read; older ones are migrated (./migrate.ts), newer refused. */
export const EXAM_FORMAT_VERSION = 1;

export const text = (max = 4000) => z.string({ error: (i) => (i.input === undefined ? 'missing: expected a text' : `expected a text, received ${describeValue(i.input)}`) }).trim().min(1, { error: 'expected a non-empty text' }).max(max, { error: `expected at most ${max} characters` });
export const localized = (max = 4000) => z.strictObject({ zh: text(max), en: text(max) }, { error: 'expected {"zh": "...", "en": "..."}: the text in both languages' });
export type Localized = { zh: string; en: string };

/** Stable ids: lower-case letters, digits, dots and dashes (they name files, steps and stored attempts). */
export const examIdSchema = z
  .string({ error: 'expected an id (a string)' })
  .regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, { error: 'expected an id of lower-case letters, digits, "." and "-", at most 80 characters' });

export const clauseSchema = z.string({ error: 'expected a clause number such as "8.5.1"' }).refine(isKnownClause, {
  error: (i) => `${describeValue(i.input)} is not a clause of sections 3-15 of the standard (see core/standard/clauses.ts)`,
});
export const clauseListSchema = z.array(clauseSchema).min(1, { error: 'cite at least one clause' }).max(12, { error: 'cite at most 12 clauses' });

/** 1 easy (recall), 2 medium (apply one rule), 3 hard (combine rules or judge a case). */
export const difficultySchema = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'expected a difficulty of 1 (easy), 2 (medium) or 3 (hard)' });
export type Difficulty = z.infer<typeof difficultySchema>;

export const regionSchema = z.custom<RegionId>((v) => (ALL_REGION_IDS as readonly unknown[]).includes(v), {
  error: (i) => `expected a region id (e.g. "forehead", "lower-eyelid-left"), received ${describeValue(i.input)}`,
});
/** Regions that are on the head model (questions answered by clicking the head can only use these). */
export const headRegionSchema = z.custom<RegionId>((v) => (HEAD_REGION_IDS as readonly unknown[]).includes(v), {
  error: (i) => `expected a region of the head model (e.g. "forehead", "nose"), received ${describeValue(i.input)}`,
});

/**
 * Facts from outside the standard (a course's 4-6 week interval, home-use advice) may appear in a question
 * or an option only when marked with their source; such questions are shown and marked but never counted.
 */
export const outsideStandardSchema = z.strictObject({ source: localized(300) });
