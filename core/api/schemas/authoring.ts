// Authoring: instructors write questions, cases, vignettes and modules in forms. A draft is saved as it is
// typed (valid or not, with its problems at their fields); publishing makes a new immutable version with
// its hash; a module already taken is never changed in place. Item analysis and regrading after a
// corrected key; exam packs and question banks in and out.

import { z } from 'zod';
import { isoTimeSchema, localizedTextSchema, recordIdSchema } from './common';
import { QUESTION_IMAGE_TYPES } from '../../exams/format/question';
import { examResultSchema, moduleSummarySchema, partViewSchema } from './exams';

export const AUTHORED_KINDS = ['question', 'patient-case', 'complication', 'exam-module'] as const;
export const authoredKindSchema = z.enum(AUTHORED_KINDS);
export type AuthoredKind = z.infer<typeof authoredKindSchema>;
const itemId = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, 'expected an id of lower-case letters, digits, "." and "-"');

export const problemSchema = z.strictObject({ pointer: z.string(), message: z.string() });
export type AuthoringProblem = z.infer<typeof problemSchema>;

export const authoredSummarySchema = z.strictObject({
  kind: authoredKindSchema,
  id: z.string(),
  version: z.number().int(),
  hash: z.string(),
  /** Question stem, case or module title, in both languages. */
  title: localizedTextSchema,
  /** shipped: from the app's exams folder; authored: published here; imported: from a pack or bank. */
  source: z.enum(['shipped', 'authored', 'imported']),
  archived: z.boolean(),
  clauses: z.array(z.string()),
  /** Exam attempts that used this item (modules: attempts of the module; questions: attempts that drew it). */
  usedBy: z.number().int().min(0),
});
export type AuthoredSummary = z.infer<typeof authoredSummarySchema>;

export const draftSchema = z.strictObject({
  draftId: recordIdSchema,
  kind: authoredKindSchema,
  /** The item a draft edits (null: a new item until it is published). */
  targetId: z.string().nullable(),
  baseVersion: z.number().int().nullable(),
  document: z.unknown(),
  problems: z.array(problemSchema),
  updatedAt: isoTimeSchema,
  updatedBy: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;

export const saveDraftSchema = z.strictObject({
  draftId: recordIdSchema.optional(),
  kind: authoredKindSchema,
  targetId: itemId.nullable().default(null),
  baseVersion: z.number().int().min(1).nullable().default(null),
  /** The document as the form holds it; checked, not trusted. Bounded so no call carries megabytes. */
  document: z.unknown().refine((v) => typeof v === 'object' && v !== null && JSON.stringify(v).length <= 1_000_000, 'expected a document object of at most 1 MB'),
});

export const publishedSchema = z.strictObject({ kind: authoredKindSchema, id: z.string(), version: z.number().int(), hash: z.string() });

export const previewSchema = z.strictObject({ summary: moduleSummarySchema, parts: z.array(partViewSchema) });

export const questionStatSchema = z.strictObject({
  questionId: z.string(),
  version: z.number().int(),
  stem: localizedTextSchema,
  n: z.number().int(),
  facility: z.number(),
  sd: z.number(),
  discriminationIndex: z.number().nullable(),
  discriminativeEfficiency: z.number().nullable(),
  distractors: z.array(z.strictObject({ optionId: z.string(), isKey: z.boolean(), share: z.number(), upperShare: z.number(), lowerShare: z.number(), flag: z.enum(['rarely-chosen', 'attracts-stronger']).nullable() })),
  flags: z.array(z.string()),
  /** A newer version exists (its key or text was corrected). */
  newerVersion: z.number().int().nullable(),
});
export const moduleAnalysisSchema = z.strictObject({
  moduleId: z.string(),
  attempts: z.number().int(),
  questions: z.array(questionStatSchema),
  alpha: z.strictObject({ value: z.number().nullable(), items: z.number().int(), attempts: z.number().int(), reason: z.string() }),
  thresholds: z.record(z.string(), z.number()),
});

export const regradeCandidateSchema = z.strictObject({
  examAttemptId: recordIdSchema,
  personId: recordIdSchema,
  personName: z.string(),
  module: z.strictObject({ id: z.string(), version: z.number().int() }),
  seenVersion: z.number().int(),
  before: z.strictObject({ score: z.number(), passed: z.boolean() }),
  after: z.strictObject({ score: z.number(), passed: z.boolean() }),
});
export const regradeArgsSchema = z.strictObject({
  questionId: itemId,
  /** Why (recorded in the audit trail and shown in the trainee's file). */
  reason: z.string().trim().min(3, 'say why the attempts are regraded').max(500),
  /** Which attempts (default: every candidate). */
  examAttemptIds: z.array(recordIdSchema).max(10_000).optional(),
});
export const regradeEntrySchema = z.strictObject({
  at: isoTimeSchema,
  by: z.string(),
  reason: z.string(),
  questionId: z.string(),
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  before: z.strictObject({ score: z.number(), passed: z.boolean() }),
  after: z.strictObject({ score: z.number(), passed: z.boolean() }),
});
export type RegradeEntry = z.infer<typeof regradeEntrySchema>;
export { examResultSchema };

export const PACK_FORMATS = ['pack', 'qti', 'moodle', 'xlsx'] as const;
export const packFormatSchema = z.enum(PACK_FORMATS);
export const packExportSchema = z.strictObject({
  format: packFormatSchema,
  /** pack: these modules and what they use (default: every published module and item); other formats: questions only. */
  moduleIds: z.array(itemId).max(200).optional(),
  questionIds: z.array(itemId).max(5000).optional(),
});
export const packFileSchema = z.strictObject({ fileName: z.string(), mediaType: z.string(), base64: z.string() });
export const packImportSchema = z.strictObject({
  format: packFormatSchema,
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64 (at most 32 MB of file). */
  base64: z.string().max(45_000_000),
  /** false: only report what would happen; true: write it (everything or nothing). */
  apply: z.boolean(),
});
export const packReportSchema = z.strictObject({
  ok: z.boolean(),
  applied: z.boolean(),
  items: z.array(z.strictObject({ kind: z.string(), id: z.string(), version: z.number().int().nullable(), action: z.enum(['add', 'replace', 'unchanged', 'reject']), reason: z.string().nullable(), pointer: z.string().nullable() })),
  problems: z.array(problemSchema),
});

/** The largest image a question may carry (decoded bytes). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const imageMediaTypeSchema = z.enum(QUESTION_IMAGE_TYPES);
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 as 64 lower-case hex digits');
export const uploadMediaSchema = z.strictObject({
  mediaType: imageMediaTypeSchema,
  /** The image's bytes, base64 (at most 2 MB of image; main checks the bytes are that type and hashes them). */
  base64: z.string().min(1).max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4),
});
export const uploadedMediaSchema = z.strictObject({ sha256: sha256Schema, mediaType: imageMediaTypeSchema, bytes: z.number().int().min(1) });
export const mediaGetSchema = z.strictObject({ sha256: sha256Schema });
export const mediaFileSchema = z.strictObject({ mediaType: imageMediaTypeSchema, base64: z.string() });
