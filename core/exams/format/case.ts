// Patient cases for the case-screening part: who the patient is, what they answer when asked (7.1), what
// examining each region shows (7.2, painted on the head where it is), the conditions that are true of them
// (sections 6 and 13), and the decision an examiner expects, which must agree with core/rules/screening.ts.

import { z } from 'zod';
import { CONDITION_IDS } from '../../rules/conditions';
import { clauseListSchema, describeValue, examIdSchema, headRegionSchema, localized, regionSchema } from './common';
import { HISTORY_TOPIC_IDS, type HistoryTopicId } from './history-topics';

/** How a finding looks when painted on the head (the renderer colours and textures each kind). */
export const FINDING_APPEARANCES = [
  'vesicles',
  'crust',
  'erythema',
  'telangiectasia',
  'papules-pustules',
  'plaque-scale',
  'eczema',
  'wart',
  'nodule',
  'keloid',
  'atrophic-scar',
  'pigmentation',
  'fine-lines',
  'laxity',
  'normal',
] as const;
export type FindingAppearance = (typeof FINDING_APPEARANCES)[number];

/** Besides section 6 and 13 conditions, what a history answer or a finding can reveal. */
export const CASE_FLAGS = ['nasal-implant', 'new-products', 'hair-bearing-scalp'] as const;

const revealsSchema = z
  .array(z.string().refine((v) => CONDITION_IDS.has(v) || (CASE_FLAGS as readonly string[]).includes(v), { error: (i) => `${describeValue(i.input)} is neither a condition of core/rules/conditions.ts nor one of ${CASE_FLAGS.join(', ')}` }))
  .max(10);

const answerSchema = z.strictObject({ answer: localized(800), reveals: revealsSchema.optional() });

export const CASE_DECISIONS = ['treat', 'limit', 'defer'] as const;
export type CaseDecisionKind = (typeof CASE_DECISIONS)[number];

export const patientCaseDocSchema = z.strictObject({
  kind: z.literal('patient-case', { error: 'expected "kind": "patient-case"' }),
  formatVersion: z.literal(1, { error: 'expected "formatVersion": 1' }),
  id: examIdSchema,
  version: z.number().int().min(1),
  title: localized(200),
  clauses: clauseListSchema,
  procedure: z.enum(['roller', 'rf', 'nano'], { error: 'expected the planned procedure: "roller", "rf" or "nano"' }),
  patient: z.strictObject({
    age: z.number().int().min(16, { error: 'expected an adult or adolescent patient (age >= 16)' }).max(100),
    sex: z.enum(['female', 'male']),
    fitzpatrick: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
    skinType: z.enum(['normal', 'thin', 'sensitive', 'dry-rough', 'oily']),
    /** What the patient comes for, as the trainee first hears it. */
    presenting: localized(800),
  }),
  /** Regions the patient asks to have treated. */
  plannedRegions: z.array(headRegionSchema).min(1, { error: 'the patient asks for at least one region' }),
  history: z.record(z.string(), answerSchema).superRefine((h, ctx) => {
    for (const t of HISTORY_TOPIC_IDS) if (!(t in h)) ctx.addIssue({ code: 'custom', path: [t], message: `the patient's answer to history topic "${t}" is missing (every case answers every topic)` });
    for (const k of Object.keys(h)) if (!(HISTORY_TOPIC_IDS as readonly string[]).includes(k)) ctx.addIssue({ code: 'custom', path: [k], message: `"${k}" is not a history topic (${HISTORY_TOPIC_IDS.join(', ')})` });
  }) as unknown as z.ZodType<Record<HistoryTopicId, z.infer<typeof answerSchema>>>,
  findings: z
    .array(
      z.strictObject({
        id: examIdSchema,
        regions: z.array(headRegionSchema).min(1, { error: 'a finding lies on at least one region' }),
        appearance: z.enum(FINDING_APPEARANCES, { error: `expected an appearance: ${FINDING_APPEARANCES.join(', ')}` }),
        description: localized(800),
        reveals: revealsSchema.optional(),
      }),
    )
    .max(20),
  /** What is true of the patient: section 6 contraindications and section 13 risks, with regions where local. */
  conditions: z.array(z.strictObject({ id: z.string().refine((v) => CONDITION_IDS.has(v), { error: (i) => `${describeValue(i.input)} is not a condition of core/rules/conditions.ts` }), regions: z.array(regionSchema).min(1).optional() })).max(12),
  nasalImplant: z.boolean().optional(),
  hairBearingScalp: z.boolean().optional(),
  /** Products to be delivered that the patient has never used (13.4 skin trial). */
  newProducts: z.array(z.string().min(1).max(120)).max(10).optional(),
  expected: z.strictObject({ decision: z.enum(CASE_DECISIONS, { error: 'expected decision "treat", "limit" or "defer"' }), rationale: localized(2000) }),
});
export type PatientCaseDoc = z.infer<typeof patientCaseDocSchema>;
