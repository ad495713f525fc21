// Questions of the bank: single choice, multiple choice, true/false, and region questions answered by
// clicking the head. Each cites its clauses, has a difficulty and an explanation, and a version: a
// corrected question gets a new version, and every attempt stores the version it showed.

import { z } from 'zod';
import { clauseListSchema, difficultySchema, examIdSchema, headRegionSchema, localized, outsideStandardSchema } from './common';

export const QUESTION_TYPES = ['single', 'multiple', 'true-false', 'region'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const optionSchema = z.strictObject({ id: z.string().regex(/^[a-f]$/, { error: 'expected an option id "a" to "f"' }), text: localized(600) });

/** Image types a question may show (checked by magic number when uploaded). */
export const QUESTION_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type QuestionImageType = (typeof QUESTION_IMAGE_TYPES)[number];
/** The file extension of an image type, as packs name their media ("media/<sha256>.<ext>"). */
export const IMAGE_EXTENSIONS: Record<QuestionImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** An image shown with the stem: the media file by its sha256 (stored in main), with alt text in both languages. */
export const questionImageSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected the image\'s sha256 as 64 lower-case hex digits' }),
  mediaType: z.enum(QUESTION_IMAGE_TYPES, { error: 'expected an image type "image/png", "image/jpeg" or "image/webp"' }),
  alt: localized(300),
});
export type QuestionImage = z.infer<typeof questionImageSchema>;

const base = {
  id: examIdSchema,
  version: z.number({ error: 'expected a version number' }).int().min(1, { error: 'expected a version >= 1' }),
  clauses: clauseListSchema,
  difficulty: difficultySchema,
  stem: localized(1200),
  explanation: localized(2000),
  outsideStandard: outsideStandardSchema.optional(),
  image: questionImageSchema.optional(),
};

const options = z.array(optionSchema).min(2, { error: 'expected at least 2 options' }).max(6, { error: 'expected at most 6 options (a-f)' });

export const questionSchema = z
  .discriminatedUnion(
    'type',
    [
      z.strictObject({ ...base, type: z.literal('single'), options, key: z.array(z.string()).length(1, { error: 'a single-choice question has exactly one key' }) }),
      z.strictObject({ ...base, type: z.literal('multiple'), options, key: z.array(z.string()).min(2, { error: 'a multiple-choice question has at least two keys' }) }),
      z.strictObject({ ...base, type: z.literal('true-false'), key: z.boolean({ error: 'a true/false question has key true or false' }) }),
      z.strictObject({
        ...base,
        type: z.literal('region'),
        /** any: one click on any key region is right; all: the trainee must select exactly the key regions. */
        answerMode: z.enum(['any', 'all'], { error: 'expected answerMode "any" or "all"' }),
        key: z.array(headRegionSchema).min(1, { error: 'a region question has at least one key region' }),
      }),
    ],
    { error: 'expected "type" to be one of "single", "multiple", "true-false", "region"' },
  )
  .superRefine((q, ctx) => {
    if (q.type !== 'single' && q.type !== 'multiple') return;
    const ids = q.options.map((o) => o.id);
    ids.forEach((id, i) => {
      if (id !== 'abcdef'[i]) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `options are lettered in order: expected "${'abcdef'[i]}", found "${id}"` });
    });
    q.key.forEach((k, i) => {
      if (!ids.includes(k)) ctx.addIssue({ code: 'custom', path: ['key', i], message: `key "${k}" is not one of the options (${ids.join(', ')})` });
    });
    if (new Set(q.key).size !== q.key.length) ctx.addIssue({ code: 'custom', path: ['key'], message: 'a key is listed twice' });
    if (q.type === 'multiple' && q.key.length === q.options.length) ctx.addIssue({ code: 'custom', path: ['key'], message: 'every option is a key: a multiple-choice question needs at least one wrong option' });
  });

export type Question = z.infer<typeof questionSchema>;

export const questionBankSchema = z.strictObject({
  kind: z.literal('question-bank', { error: 'expected "kind": "question-bank"' }),
  formatVersion: z.literal(1, { error: 'expected "formatVersion": 1' }),
  id: examIdSchema,
  title: localized(200),
  questions: z.array(questionSchema).min(1, { error: 'a bank holds at least one question' }).max(2000),
});
export type QuestionBank = z.infer<typeof questionBankSchema>;
