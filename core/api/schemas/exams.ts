// Exams: the catalogue of modules a caller may take, an attempt as the trainee sees it while it runs
// (no keys, no case or question ids, no clause hints), every step saved as it is given, and the result
// main grades from the stored steps and the stored recording of the practical part.

import { z } from 'zod';
import { FINDING_APPEARANCES } from '../../exams/format/case';
import { headRegionSchema } from '../../exams/format/common';
import { caseDecisionSchema, consentSchema, examStepSchema, itemIdSchema, partIdSchema, responseSchema } from '../../exams/format/steps';
import { QUESTION_IMAGE_TYPES, QUESTION_TYPES } from '../../exams/format/question';
import { isoTimeSchema, localizedTextSchema, pageSchema, recordIdSchema } from './common';
import { professionSchema } from './people';
import { procedureSchema, startedAttemptSchema } from './attempts';

const lt = localizedTextSchema;
export const partKindSchema = z.enum(['knowledge', 'case', 'practical', 'complication']);
const moduleIdSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, 'expected a module id');

export const moduleRefSchema = z.strictObject({ id: z.string(), version: z.number().int(), hash: z.string(), title: lt });
export type ModuleRef = z.infer<typeof moduleRefSchema>;

/** Where the caller stands with a module (trainees only). */
export const moduleStandingSchema = z.strictObject({
  attemptsUsed: z.number().int().min(0),
  attemptsAllowed: z.number().int().min(1),
  /** A running attempt to resume, if any. */
  runningAttemptId: recordIdSchema.nullable(),
  /** When the next attempt may start (the retake wait), or null when it may start now. */
  nextAllowedAt: isoTimeSchema.nullable(),
  /** null: may start; otherwise why not. */
  blocked: z.enum(['no-attempts-left', 'waiting', 'proficient', 'results-pending']).nullable(),
  lastResult: z.enum(['passed', 'failed', 'pending']).nullable(),
  consecutivePasses: z.number().int().min(0),
  consecutivePassesRequired: z.number().int().min(1),
  proficient: z.boolean(),
});

export const moduleSummarySchema = z.strictObject({
  ref: moduleRefSchema,
  description: lt,
  certifies: z.array(professionSchema),
  procedure: procedureSchema.nullable(),
  syllabus: z.array(z.strictObject({ clause: z.string(), heading: lt, note: lt.nullable() })),
  parts: z.array(z.strictObject({ id: z.string(), kind: partKindSchema, title: lt, timeLimitMin: z.number(), minScore: z.number(), weight: z.number(), items: z.number().int() })),
  passRule: z.strictObject({ overallMin: z.number(), attemptsAllowed: z.number().int(), retakeWaitHours: z.number(), consecutivePasses: z.number().int() }),
  release: z.strictObject({ results: z.enum(['immediate', 'on-release']), solutions: z.enum(['after-submit', 'on-release', 'never']) }),
  standing: moduleStandingSchema.nullable(),
});
export type ModuleSummary = z.infer<typeof moduleSummarySchema>;

export const catalogProblemSchema = z.strictObject({ file: z.string(), pointer: z.string(), message: z.string() });
export const examCatalogSchema = z.strictObject({
  modules: z.array(moduleSummarySchema),
  /** Files or documents that did not load (staff only; trainees get an empty list). */
  problems: z.array(catalogProblemSchema),
});

// --- an attempt as the trainee sees it -------------------------------------------------------------

export const questionViewSchema = z.strictObject({
  itemId: itemIdSchema,
  type: z.enum(QUESTION_TYPES),
  stem: lt,
  options: z.array(z.strictObject({ id: z.string(), text: lt })),
  /** Region questions: one region is enough ('any') or exactly the right ones ('all'). */
  answerMode: z.enum(['any', 'all']).nullable(),
  /** Marked facts from outside the standard: shown, never counted. */
  outsideStandard: lt.nullable(),
  /** An image shown with the stem (fetched with media.get), with its alt text in both languages. */
  image: z.strictObject({ sha256: z.string(), mediaType: z.enum(QUESTION_IMAGE_TYPES), alt: lt }).nullable(),
});
export const vignetteViewSchema = z.strictObject({ itemId: itemIdSchema, title: lt, presentation: lt, options: z.array(z.strictObject({ id: z.string(), text: lt })) });

const partHead = { id: z.string(), title: lt, minScore: z.number(), weight: z.number(), timeLimitMin: z.number() };
export const partViewSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...partHead, kind: z.literal('knowledge'), questions: z.array(questionViewSchema) }),
  z.strictObject({
    ...partHead,
    kind: z.literal('case'),
    procedure: procedureSchema,
    patient: z.strictObject({ age: z.number(), sex: z.enum(['female', 'male']), fitzpatrick: z.number(), presenting: lt }),
    plannedRegions: z.array(headRegionSchema),
    /** What is visible on the head before examining (painted findings); descriptions come with examining. */
    paintedFindings: z.array(z.strictObject({ id: z.string(), regions: z.array(headRegionSchema), appearance: z.enum(FINDING_APPEARANCES) })),
    historyTopics: z.array(z.strictObject({ id: z.string(), question: lt })),
    /** The section 6 list, the same for every case. */
    contraindicationOptions: z.array(z.strictObject({ conditionId: z.string(), name: lt })),
    /** The section 13 risks a consent conversation can name, the same for every case. */
    riskOptions: z.array(z.strictObject({ clause: z.string(), name: lt })),
    pretreatmentOptions: z.array(z.strictObject({ step: z.string(), name: lt })),
  }),
  z.strictObject({ ...partHead, kind: z.literal('practical'), procedure: procedureSchema, brief: lt }),
  z.strictObject({ ...partHead, kind: z.literal('complication'), vignettes: z.array(vignetteViewSchema) }),
]);
export type PartView = z.infer<typeof partViewSchema>;

export const caseStateSchema = z.strictObject({
  asked: z.array(z.strictObject({ topic: z.string(), answer: lt })),
  examined: z.array(z.strictObject({ region: headRegionSchema, findings: z.array(z.strictObject({ id: z.string(), description: lt })) })),
  marked: z.array(z.string()),
  decision: caseDecisionSchema.nullable(),
  consent: consentSchema.nullable(),
});
export type CaseState = z.infer<typeof caseStateSchema>;

export const responseStateSchema = z.strictObject({
  /** Keyed `${partId}/${itemId}`. */
  answers: z.record(z.string(), responseSchema),
  flags: z.array(z.string()),
  cases: z.record(z.string(), caseStateSchema),
  /** Keyed `${partId}/${itemId}`: the options chosen for each vignette. */
  choices: z.record(z.string(), z.array(z.string())),
  practicals: z.record(z.string(), z.strictObject({ attemptId: recordIdSchema, status: z.enum(['running', 'finished', 'abandoned']) })),
});
export type ResponseState = z.infer<typeof responseStateSchema>;

export const examFindingSchema = z.strictObject({ clause: z.string(), severity: z.enum(['critical', 'major', 'minor']), message: lt });
export type ExamFinding = z.infer<typeof examFindingSchema>;

export const itemResultSchema = z.strictObject({
  itemId: z.string(),
  /** null: a marked outside-the-standard question, shown but not counted; or not answered is false. */
  correct: z.boolean().nullable(),
  answered: z.boolean(),
  /** Present when solutions are visible. */
  solution: z.strictObject({ key: z.array(z.string()), explanation: lt, clauses: z.array(z.string()) }).nullable(),
});

export const partResultSchema = z.strictObject({
  id: z.string(),
  kind: partKindSchema,
  title: lt,
  score: z.number().min(0).max(100),
  minScore: z.number(),
  weight: z.number(),
  passed: z.boolean(),
  critical: z.boolean(),
  findings: z.array(examFindingSchema),
  items: z.array(itemResultSchema),
  /** The stored studio attempt a practical part was scored from. */
  practicalAttemptId: recordIdSchema.nullable(),
});
export type PartResult = z.infer<typeof partResultSchema>;

export const examResultSchema = z.strictObject({
  score: z.number().min(0).max(100),
  passed: z.boolean(),
  criticalFailure: z.boolean(),
  overallMin: z.number(),
  /** Why it failed, first the critical findings, then parts under their minimum, then the total. */
  failReasons: z.array(lt),
  parts: z.array(partResultSchema),
  gradedAt: isoTimeSchema,
});
export type ExamResult = z.infer<typeof examResultSchema>;

export const examStatusSchema = z.enum(['running', 'submitted']);
export const examSessionSchema = z.strictObject({
  id: recordIdSchema,
  personId: recordIdSchema,
  module: moduleRefSchema,
  status: examStatusSchema,
  attemptNo: z.number().int().min(1),
  startedAt: isoTimeSchema,
  submittedAt: isoTimeSchema.nullable(),
  timeLimitMs: z.number().min(0),
  /** Time left: counted only while the attempt is open, so a crash does not eat into it. */
  remainingMs: z.number().min(0),
  identity: z.strictObject({ name: z.string(), profession: professionSchema, certificateNumber: z.string() }),
  parts: z.array(partViewSchema),
  state: responseStateSchema,
  resultVisible: z.boolean(),
  solutionsVisible: z.boolean(),
  result: examResultSchema.nullable(),
  /** Regrades after a corrected key, oldest first; `result` is the latest. Shown with the result. */
  regrades: z.array(
    z.strictObject({
      at: isoTimeSchema,
      by: z.string(),
      reason: z.string(),
      questionId: z.string(),
      fromVersion: z.number().int(),
      toVersion: z.number().int(),
      before: z.strictObject({ score: z.number(), passed: z.boolean() }),
      after: z.strictObject({ score: z.number(), passed: z.boolean() }),
    }),
  ),
});
export type ExamSession = z.infer<typeof examSessionSchema>;

export const examAttemptSummarySchema = z.strictObject({
  id: recordIdSchema,
  personId: recordIdSchema,
  personName: z.string(),
  module: moduleRefSchema,
  attemptNo: z.number().int(),
  status: examStatusSchema,
  startedAt: isoTimeSchema,
  submittedAt: isoTimeSchema.nullable(),
  /** null while running, or while the result waits for an instructor's release (for trainees). */
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  criticalFailure: z.boolean().nullable(),
  released: z.boolean(),
  /** The result was changed by a regrade after a corrected key. */
  regraded: z.boolean(),
});
export type ExamAttemptSummary = z.infer<typeof examAttemptSummarySchema>;

export const trackStatusSchema = z.strictObject({
  profession: professionSchema,
  modules: z.array(z.strictObject({ moduleId: z.string(), title: lt, proficient: z.boolean(), loaded: z.boolean() })),
  examined: z.boolean(),
  examinedAt: isoTimeSchema.nullable(),
});
export type TrackStatus = z.infer<typeof trackStatusSchema>;

// --- arguments ---------------------------------------------------------------------------------------

export const startExamSchema = z.strictObject({
  moduleId: moduleIdSchema,
  /** Identity check: the trainee types their professional certificate number (15.2). */
  certificateNumber: z.string().trim().min(1).max(64),
});
export const examStepArgsSchema = z.strictObject({ examAttemptId: recordIdSchema, step: examStepSchema });
export const examSavedSchema = z.strictObject({ seq: z.number().int(), remainingMs: z.number().min(0), state: responseStateSchema });
export const startPracticalSchema = z.strictObject({ examAttemptId: recordIdSchema, partId: partIdSchema });
export const startedPracticalSchema = startedAttemptSchema.extend({ examAttemptId: recordIdSchema, partId: z.string(), brief: lt, timeLimitMs: z.number().min(0) });
export const examQuerySchema = z.strictObject({ personId: recordIdSchema.optional(), moduleId: moduleIdSchema.optional(), ...pageSchema });
export const examPageSchema = z.strictObject({ items: z.array(examAttemptSummarySchema), total: z.number().int().min(0) });
