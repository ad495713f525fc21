// What a trainee does during an exam attempt, as append-only steps: each answer, flag, history question,
// examined region, marked contraindication, decision, consent and management choice is stored as it is
// given, so a crash loses nothing and grading (and later regrading) is a replay of the steps.
// Items are named by opaque ids (k1, k2… per part), never by question or case ids, which could hint.

import { z } from 'zod';
import { STEP_IDS } from '../../recording/schema';
import { headRegionSchema } from './common';
import { HISTORY_TOPIC_IDS } from './history-topics';

export const itemIdSchema = z.string().regex(/^[a-z]\d{1,3}$/, { error: 'expected an item id such as "k3"' });
export const partIdSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/, { error: 'expected a part id' });

export const responseSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('choice'), optionIds: z.array(z.string().regex(/^[a-f]$/)).max(6) }),
  z.strictObject({ kind: z.literal('true-false'), value: z.boolean() }),
  z.strictObject({ kind: z.literal('regions'), regions: z.array(headRegionSchema).max(31) }),
]);
export type ItemResponse = z.infer<typeof responseSchema>;

/** Pre-treatment a limited plan can call for (13.6 antiviral prophylaxis, 13.4 skin trial). */
export const PRETREATMENT_STEPS = ['antiviral-prophylaxis', 'skin-trial'] as const satisfies readonly (typeof STEP_IDS)[number][];

export const caseDecisionSchema = z.strictObject({
  kind: z.enum(['treat', 'limit', 'defer']),
  /** limit: regions left out of the plan. */
  excludeRegions: z.array(headRegionSchema).max(31).default([]),
  /** limit: regions treated with a shorter needle (8.5.2: at most 0.25 mm over a nasal implant). */
  needleLimits: z.array(z.strictObject({ region: headRegionSchema, maxNeedleMm: z.number().positive().max(3) })).max(31).default([]),
  /** limit: pre-treatment before the session. */
  pretreatments: z.array(z.enum(PRETREATMENT_STEPS)).max(2).default([]),
});
export type CaseDecision = z.output<typeof caseDecisionSchema>;

export const consentSchema = z.strictObject({
  /** 7.1: treatment goals discussed with the patient. */
  goalsDiscussed: z.boolean(),
  /** 7.3: the complication risks explained, by clause (13.x). */
  risksExplained: z.array(z.string().regex(/^13\.\d{1,2}$/, { error: 'expected a clause of section 13' })).max(10),
  /** 7.3: the consent form signed. */
  signed: z.boolean(),
});
export type Consent = z.infer<typeof consentSchema>;

export const examStepSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('answer'), partId: partIdSchema, itemId: itemIdSchema, response: responseSchema }),
    z.strictObject({ kind: z.literal('flag'), partId: partIdSchema, itemId: itemIdSchema, flagged: z.boolean() }),
    z.strictObject({ kind: z.literal('ask'), partId: partIdSchema, topic: z.enum(HISTORY_TOPIC_IDS as unknown as [string, ...string[]]) }),
    z.strictObject({ kind: z.literal('examine'), partId: partIdSchema, region: headRegionSchema }),
    z.strictObject({ kind: z.literal('mark'), partId: partIdSchema, conditionId: z.string().min(1).max(80), marked: z.boolean() }),
    z.strictObject({ kind: z.literal('decide'), partId: partIdSchema, decision: caseDecisionSchema }),
    z.strictObject({ kind: z.literal('consent'), partId: partIdSchema, consent: consentSchema }),
    z.strictObject({ kind: z.literal('choose'), partId: partIdSchema, itemId: itemIdSchema, optionIds: z.array(z.string().regex(/^[a-f]$/)).max(6) }),
  ],
  { error: 'expected a step with "kind" one of answer, flag, ask, examine, mark, decide, consent, choose' },
);
export type ExamStep = z.output<typeof examStepSchema>;
