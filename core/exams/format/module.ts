// Exam modules: what a module examines (its syllabus, by clause), its parts, how a pass is decided and
// when results and solutions are shown. A published module is immutable: it is named by id, version and
// the hash of its canonical JSON, and every attempt stores all three.

import { z } from 'zod';
import { PROFESSIONS } from '../../api/schemas/people';
import { deviceSettingsSchema, goalSchema, patientCaseSchema, stepIdSchema } from '../../recording/schema';
import { SIMULATOR_DEFAULT_KEYS, type SimulatorDefaultValues } from '../../rules/simulator-defaults';
import { CRITERIA, type Criterion } from '../../scoring/report';
import { clauseSchema, difficultySchema, examIdSchema, headRegionSchema, localized, text } from './common';
import { QUESTION_TYPES } from './question';

const partBase = {
  id: examIdSchema,
  title: localized(200),
  timeLimitMin: z.number({ error: 'expected a time limit in minutes' }).int().min(1, { error: 'expected a time limit of at least 1 minute' }).max(240, { error: 'expected a time limit of at most 240 minutes' }),
  /** The part's own minimum, 0-100. */
  minScore: z.number().min(0).max(100, { error: 'expected a minimum score from 0 to 100' }),
  /** Relative weight of the part in the overall score. */
  weight: z.number().positive({ error: 'expected a weight > 0' }).max(100),
};

/** Questions of the given clauses (a clause covers its sub-clauses: "8.5" draws 8.5.1-8.5.7), difficulty and type. */
export const drawSchema = z.strictObject({
  clauses: z.array(z.string().regex(/^\d{1,2}(\.\d{1,2}){0,2}$/, { error: 'expected a clause or section number such as "8" or "8.5"' })).min(1, { error: 'a draw names at least one clause or section' }),
  difficulty: z.array(difficultySchema).min(1).optional(),
  types: z.array(z.enum(QUESTION_TYPES)).min(1).optional(),
  count: z.number().int().min(1, { error: 'a draw takes at least 1 question' }).max(200),
});
export type Draw = z.infer<typeof drawSchema>;

const scenarioDefaults = z.strictObject(
  Object.fromEntries(SIMULATOR_DEFAULT_KEYS.map((k) => [k, z.number().min(0).optional()])) as Record<keyof SimulatorDefaultValues, z.ZodOptional<z.ZodNumber>>,
  { error: (i) => (i.code === 'unrecognized_keys' ? `only simulator defaults can be changed per task, not ${i.keys.map((k) => JSON.stringify(k)).join(', ')} (the standard's own numbers are fixed)` : 'expected simulator defaults to override') },
);

/** A practical task: the studio in test mode on this patient, scored in main with these thresholds. */
export const practicalTaskSchema = z.strictObject({
  procedure: z.enum(['roller', 'rf', 'nano']),
  /** What the trainee is told; nothing else about the targets is shown on the head. */
  brief: localized(1500),
  goal: goalSchema,
  case: patientCaseSchema,
  initialSettings: deviceSettingsSchema,
  /** RF: zones the task starts with (9.2); the trainee may redefine them. */
  suggestedZones: z.array(z.array(headRegionSchema).min(1)).max(5).optional(),
  scenario: z
    .strictObject({
      passMark: z.number().min(0).max(100).optional(),
      weights: z.strictObject(Object.fromEntries(CRITERIA.map((c) => [c, z.number().min(0).optional()])) as Record<Criterion, z.ZodOptional<z.ZodNumber>>).optional(),
      defaults: scenarioDefaults.optional(),
      requiredSteps: z.array(stepIdSchema).optional(),
    })
    .optional(),
});
export type PracticalTask = z.infer<typeof practicalTaskSchema>;

export const modulePartSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...partBase, kind: z.literal('knowledge'), draws: z.array(drawSchema).min(1, { error: 'a knowledge part has at least one draw' }).max(20) }),
    z.strictObject({ ...partBase, kind: z.literal('case'), caseIds: z.array(examIdSchema).min(1, { error: 'a case part names at least one case' }).max(50) }),
    z.strictObject({ ...partBase, kind: z.literal('practical'), task: practicalTaskSchema }),
    z.strictObject({ ...partBase, kind: z.literal('complication'), vignetteIds: z.array(examIdSchema).min(1).max(50), count: z.number().int().min(1).max(20) }),
  ],
  { error: 'expected a part with "kind" one of "knowledge", "case", "practical", "complication"' },
);
export type ModulePart = z.infer<typeof modulePartSchema>;
export type PartKind = ModulePart['kind'];

export const examModuleSchema = z
  .strictObject({
    kind: z.literal('exam-module', { error: 'expected "kind": "exam-module"' }),
    formatVersion: z.literal(1, { error: 'expected "formatVersion": 1' }),
    id: examIdSchema,
    version: z.number({ error: 'expected a version number' }).int().min(1, { error: 'expected a version >= 1' }),
    title: localized(200),
    description: localized(2000),
    /** The professions (15.2.1-15.2.3) this module examines. */
    certifies: z.array(z.enum(PROFESSIONS, { error: 'expected "technician", "nurse" or "physician"' })).min(1, { error: 'a module certifies at least one profession' }),
    procedure: z.enum(['roller', 'rf', 'nano']).nullable(),
    syllabus: z.array(z.strictObject({ clause: clauseSchema, note: localized(400).optional() })).min(1, { error: 'the syllabus lists at least one clause' }),
    parts: z.array(modulePartSchema).min(1, { error: 'a module has at least one part' }).max(8),
    passRule: z.strictObject({
      overallMin: z.number().min(0).max(100, { error: 'expected an overall minimum from 0 to 100' }),
      attemptsAllowed: z.number().int().min(1, { error: 'expected at least 1 attempt' }).max(20),
      retakeWaitHours: z.number().min(0).max(24 * 365),
      /** Proficiency: this many passes in a row (1 = a single pass). */
      consecutivePasses: z.number().int().min(1).max(10),
    }),
    release: z.strictObject({
      /** immediate: the trainee sees the result on submitting; on-release: once an instructor releases it. */
      results: z.enum(['immediate', 'on-release']),
      /** Which answers were right, and why: after submitting, once released, or never. */
      solutions: z.enum(['after-submit', 'on-release', 'never']),
    }),
    note: text(400).optional(),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.parts.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['parts', i, 'id'], message: `part id "${p.id}" is used twice` });
      seen.add(p.id);
      if (p.kind === 'practical' && m.procedure !== null && p.task.procedure !== m.procedure) ctx.addIssue({ code: 'custom', path: ['parts', i, 'task', 'procedure'], message: `the task is ${p.task.procedure} but the module is a ${m.procedure} module` });
      if (p.kind === 'practical' && p.task.initialSettings.device !== p.task.procedure) ctx.addIssue({ code: 'custom', path: ['parts', i, 'task', 'initialSettings', 'device'], message: `initial settings are for ${p.task.initialSettings.device}, the task is ${p.task.procedure}` });
      if (p.kind === 'complication' && p.count > p.vignetteIds.length) ctx.addIssue({ code: 'custom', path: ['parts', i, 'count'], message: `the part draws ${p.count} vignettes from ${p.vignetteIds.length}` });
    });
    const syll = new Set<string>();
    m.syllabus.forEach((s, i) => {
      if (syll.has(s.clause)) ctx.addIssue({ code: 'custom', path: ['syllabus', i, 'clause'], message: `clause ${s.clause} is listed twice` });
      syll.add(s.clause);
    });
  });
export type ExamModule = z.infer<typeof examModuleSchema>;

export const roleTracksSchema = z.strictObject({
  kind: z.literal('role-tracks', { error: 'expected "kind": "role-tracks"' }),
  formatVersion: z.literal(1),
  /** Per profession, the modules that must all be passed (with their proficiency) to be examined for it (15.2). */
  tracks: z.array(z.strictObject({ profession: z.enum(PROFESSIONS), modules: z.array(examIdSchema).min(1) })).min(1),
});
export type RoleTracks = z.infer<typeof roleTracksSchema>;
