// The API shapes of the cohort view (cohort.stats) and of the findings that recur in a trainee's file
// (records.recurringFindings). Main computes every number; the renderer only draws them.

import { z } from 'zod';
import { isoTimeSchema, localizedTextSchema, recordIdSchema } from '../api/schemas/common';
import { professionSchema } from '../api/schemas/people';

/** A calendar date (YYYY-MM-DD, UTC): `from` is the day's start, `to` includes the whole day. */
const cohortDateSchema = z.iso.date('expected a date like 2026-11-01');

export const cohortQuerySchema = z
  .strictObject({
    from: cohortDateSchema.optional(),
    to: cohortDateSchema.optional(),
    /** Only trainees of this profession (15.2.1 physician, 15.2.2 technician, 15.2.3 nurse). */
    profession: professionSchema.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'the date range ends before it starts', path: ['to'] });
export type CohortQuery = z.infer<typeof cohortQuerySchema>;

const count = z.number().int().min(0);
/** passed / attempts, 0..1; null when there were no attempts. */
const rate = z.number().min(0).max(1).nullable();

export const modulePassRateSchema = z.strictObject({ moduleId: z.string(), title: localizedTextSchema, attempts: count, passed: count, failed: count, rate });
export type ModulePassRate = z.infer<typeof modulePassRateSchema>;

export const rolePassRateSchema = z.strictObject({
  profession: professionSchema,
  clause: z.enum(['15.2.1', '15.2.2', '15.2.3']),
  attempts: count,
  passed: count,
  failed: count,
  rate,
  /** Distinct trainees who submitted an exam attempt in the range. */
  traineesAttempted: count,
  /** Trainees examined for the profession in the range (role_examinations). */
  traineesExamined: count,
});
export type RolePassRate = z.infer<typeof rolePassRateSchema>;

export const missedClauseSchema = z.strictObject({ clause: z.string(), heading: localizedTextSchema.nullable(), trainees: count, occurrences: count });
export type MissedClause = z.infer<typeof missedClauseSchema>;

export const cohortStatsSchema = z.strictObject({
  range: z.strictObject({ from: z.iso.date(), to: z.iso.date() }),
  profession: professionSchema.nullable(),
  /** Submitted exam attempts and finished practice attempts of trainees in the range. */
  examAttempts: count,
  practiceAttempts: count,
  modules: z.array(modulePassRateSchema),
  roles: z.array(rolePassRateSchema),
  /** The clauses most often missed, by distinct trainees then occurrences (at most 10). */
  missedClauses: z.array(missedClauseSchema).max(10),
  records: z.strictObject({
    /** Completion records issued in the range. */
    issued: count,
    /** Today, records still held (newest per trainee and profession, not revoked) due soon or past recertifyBy, not yet expired. */
    dueForRenewal: count,
    /** Today, records still held that are past validUntil. */
    expired: count,
  }),
  computedAt: isoTimeSchema,
});
export type CohortStats = z.infer<typeof cohortStatsSchema>;

export const recurringFindingsQuerySchema = z.strictObject({ personId: recordIdSchema.optional() });
export const recurringFindingViewSchema = z.strictObject({
  clause: z.string(),
  heading: localizedTextSchema.nullable(),
  count,
  attempts: count,
  lastAt: isoTimeSchema,
});
export type RecurringFindingView = z.infer<typeof recurringFindingViewSchema>;
