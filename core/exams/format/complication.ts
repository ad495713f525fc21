// Complication vignettes (section 13, with 12.1-12.2): what the patient shows after a session, and the
// management options. Several options may be right; choosing a harmful one is a critical finding.

import { z } from 'zod';
import { clauseListSchema, examIdSchema, localized, outsideStandardSchema } from './common';

export const complicationSchema = z
  .strictObject({
    kind: z.literal('complication', { error: 'expected "kind": "complication"' }),
    formatVersion: z.literal(1, { error: 'expected "formatVersion": 1' }),
    id: examIdSchema,
    version: z.number().int().min(1),
    clauses: clauseListSchema,
    title: localized(200),
    /** The patient after the session: when, what is seen, what they say. */
    presentation: localized(1500),
    options: z
      .array(z.strictObject({ id: z.string().regex(/^[a-f]$/, { error: 'expected an option id "a" to "f"' }), text: localized(600), correct: z.boolean(), harmful: z.boolean().optional(), why: localized(800) }))
      .min(3, { error: 'expected at least 3 management options' })
      .max(6, { error: 'expected at most 6 options (a-f)' }),
    outsideStandard: outsideStandardSchema.optional(),
  })
  .superRefine((v, ctx) => {
    v.options.forEach((o, i) => {
      if (o.id !== 'abcdef'[i]) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `options are lettered in order: expected "${'abcdef'[i]}", found "${o.id}"` });
      if (o.correct && o.harmful) ctx.addIssue({ code: 'custom', path: ['options', i, 'harmful'], message: 'an option cannot be both correct and harmful' });
    });
    if (!v.options.some((o) => o.correct)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'at least one option must be correct' });
    if (v.options.every((o) => o.correct)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'at least one option must be wrong' });
  });
export type Complication = z.infer<typeof complicationSchema>;
