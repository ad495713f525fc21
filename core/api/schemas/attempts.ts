// Attempts: every practice or test session a trainee runs in the studio, and every recording opened from a
// file. Main owns them: it mints the id, binds the signed-in trainee, the preset, the mode and the start
// time, receives the events as the session runs, scores the recording once and stores the report.

import { z } from 'zod';
import { ALL_REGION_IDS, type RegionId } from '../../anatomy/regions';
import {
  deviceSettingsSchema,
  endpointDeclarationSchema,
  goalSchema,
  inputSampleSchema,
  nanoContactSchema,
  patientCaseSchema,
  rfPulseSchema,
  settingsChangeSchema,
  stepSchema,
  zoneSchema,
} from '../../recording/schema';
import type { Recording } from '../../recording/types';
import type { RecordingEvent, RecordingHeader } from '../../scoring/live-contract';
import type { Criterion, ScoreReport } from '../../scoring/report';
import { isoTimeSchema, localizedTextSchema, pageSchema, recordIdSchema } from './common';
import { professionSchema } from './people';

export const procedureSchema = z.enum(['roller', 'rf', 'nano']);
export const sessionModeSchema = z.enum(['learn', 'test']);

/** practice = learn mode in the studio; test = test mode in the studio; imported = opened from a file (never a test). */
export const ATTEMPT_KINDS = ['practice', 'test', 'imported'] as const;
export const attemptKindSchema = z.enum(ATTEMPT_KINDS);
export type AttemptKind = z.infer<typeof attemptKindSchema>;
export const ATTEMPT_STATUSES = ['running', 'finished', 'abandoned'] as const;
export const attemptStatusSchema = z.enum(ATTEMPT_STATUSES);
export type AttemptStatus = z.infer<typeof attemptStatusSchema>;

/** What a stored score was computed with, so it can be reproduced and, later, signed. */
export const provenanceSchema = z.strictObject({
  engineVersion: z.string(),
  rulesHash: z.string(),
  scenarioHash: z.string(),
  headModelSha256: z.string(),
});
export type ScoreProvenance = z.infer<typeof provenanceSchema>;

export const attemptSummarySchema = z.strictObject({
  id: recordIdSchema,
  personId: recordIdSchema,
  personName: z.string(),
  kind: attemptKindSchema,
  status: attemptStatusSchema,
  procedure: procedureSchema,
  mode: sessionModeSchema,
  presetId: z.string().nullable(),
  startedAt: isoTimeSchema,
  endedAt: isoTimeSchema.nullable(),
  durationMs: z.number().min(0).nullable(),
  score: z.number().min(0).max(100).nullable(),
  passed: z.boolean().nullable(),
  criticalFailure: z.boolean().nullable(),
  /** File name an imported recording came from. */
  sourceName: z.string().nullable(),
  provenance: provenanceSchema.nullable(),
  /** Why an attempt has no score (e.g. the recording of an abandoned attempt did not validate). */
  note: z.string().nullable(),
});
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;

export const ATTEMPT_SORT_KEYS = ['startedAt', 'score', 'procedure'] as const;
export const attemptQuerySchema = z.strictObject({
  /** Instructors and administrators name the trainee; a trainee always gets their own attempts. */
  personId: recordIdSchema.optional(),
  procedure: procedureSchema.optional(),
  kind: attemptKindSchema.optional(),
  status: attemptStatusSchema.optional(),
  result: z.enum(['passed', 'failed', 'not-scored']).optional(),
  from: isoTimeSchema.optional(),
  to: isoTimeSchema.optional(),
  sort: z.enum(ATTEMPT_SORT_KEYS).default('startedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...pageSchema,
});
export type AttemptQuery = z.input<typeof attemptQuerySchema>;

export const attemptPageSchema = z.strictObject({ items: z.array(attemptSummarySchema), total: z.number().int().min(0) });

/** A recording crosses the boundary as a plain object; core/recording validates it in main, with field paths. */
export const recordingPayloadSchema = z.custom<Recording>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected a session recording object',
);

export const recordingHeaderSchema = z.strictObject({
  id: recordIdSchema,
  procedure: procedureSchema,
  mode: sessionModeSchema,
  goal: goalSchema,
  case: patientCaseSchema,
  zones: z.array(zoneSchema),
  scenarioId: z.string().optional(),
  trainee: z.strictObject({ id: recordIdSchema, name: z.string(), role: professionSchema }).optional(),
});

export const recordingEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sample'), sample: inputSampleSchema }),
  z.strictObject({ kind: z.literal('pulse'), pulse: rfPulseSchema }),
  z.strictObject({ kind: z.literal('contact'), contact: nanoContactSchema }),
  z.strictObject({ kind: z.literal('settings'), change: settingsChangeSchema }),
  z.strictObject({ kind: z.literal('step'), step: stepSchema }),
  z.strictObject({ kind: z.literal('endpoint'), declaration: endpointDeclarationSchema }),
]);

/** One batch of events as the session runs; at most this many events a batch. */
export const MAX_EVENTS_PER_BATCH = 5_000;

/**
 * The ids the studio sends (zone-1, tip-1) are short, but core/recording's id schema leaves their length
 * open: the contract bounds them, and a zone's regions, so no call carries a megabyte of id into main's store.
 */
export const MAX_SENT_ID_LENGTH = 80;
/** One nano contact's path: a 3 s contact (10.5) at 240 Hz has 720 points; ten times that is no hand. */
export const MAX_PATH_POINTS_PER_CONTACT = 7_200;
const sentZoneSchema = zoneSchema
  .refine((zone) => zone.id.length <= MAX_SENT_ID_LENGTH, { path: ['id'], message: `zone id is longer than ${MAX_SENT_ID_LENGTH} characters` })
  .refine((zone) => zone.regions.length <= ALL_REGION_IDS.length, { path: ['regions'], message: `a zone has at most ${ALL_REGION_IDS.length} regions` });

function checkSentIds(events: readonly RecordingEvent[], ctx: z.RefinementCtx): void {
  events.forEach((e, i) => {
    const check = (value: string | undefined, ...path: string[]) => {
      if (value !== undefined && value.length > MAX_SENT_ID_LENGTH) ctx.addIssue({ code: 'custom', path: ['events', i, ...path], message: `id is longer than ${MAX_SENT_ID_LENGTH} characters` });
    };
    if (e.kind === 'step') check(e.step.zoneId, 'step', 'zoneId');
    else if (e.kind === 'pulse') {
      check(e.pulse.zoneId, 'pulse', 'zoneId');
      check(e.pulse.tipId, 'pulse', 'tipId');
    } else if (e.kind === 'settings' && e.change.settings.device === 'rf') check(e.change.settings.tipId, 'change', 'settings', 'tipId');
    else if (e.kind === 'contact' && e.contact.path.length > MAX_PATH_POINTS_PER_CONTACT) {
      ctx.addIssue({ code: 'custom', path: ['events', i, 'contact', 'path'], message: `a contact's path has at most ${MAX_PATH_POINTS_PER_CONTACT} points` });
    }
  });
}

export const startAttemptSchema = z.strictObject({ presetId: z.string().min(1).max(80), mode: sessionModeSchema });
export const startedAttemptSchema = z.strictObject({
  attemptId: recordIdSchema,
  startedAt: isoTimeSchema,
  header: recordingHeaderSchema,
  initialSettings: deviceSettingsSchema,
  app: z.strictObject({ name: z.string(), version: z.string() }),
});
export const appendEventsSchema = z.strictObject({
  attemptId: recordIdSchema,
  /** Batches are numbered 0, 1, 2...; a batch sent again with the same number is stored once. */
  seq: z.number().int().min(0).max(1_000_000),
  events: z.array(recordingEventSchema).max(MAX_EVENTS_PER_BATCH),
  /** RF zones as they stand (the trainee may redefine them during the session, 9.2). */
  zones: z.array(sentZoneSchema).max(20).optional(),
}).superRefine((batch, ctx) => checkSentIds(batch.events, ctx));
export const finishAttemptSchema = z.strictObject({
  attemptId: recordIdSchema,
  /** Number of batches sent (the last seq + 1); main refuses to finish while one is missing. */
  batches: z.number().int().min(0).max(1_000_001),
  endTMs: z.number().min(0).max(1e12),
  zones: z.array(sentZoneSchema).max(20),
});
export const abandonAttemptSchema = z.strictObject({ attemptId: recordIdSchema });
export const importRecordingSchema = z.strictObject({ recording: recordingPayloadSchema, fileName: z.string().trim().min(1).max(255) });

const regionIdSchema = z.custom<RegionId>((value) => (ALL_REGION_IDS as readonly unknown[]).includes(value), 'expected a region id');
const severitySchema = z.enum(['critical', 'major', 'minor', 'info']);
// Listed out because zod needs a literal tuple; the check at the end keeps it equal to CRITERIA's type.
export const criterionSchema = z.enum(['safety', 'protocol', 'technique', 'coverage', 'parameters', 'aftercare']);

export const scoreReportSchema = z.strictObject({
  reportVersion: z.literal(2),
  recordingId: z.string(),
  procedure: procedureSchema,
  score: z.number().min(0).max(100),
  passed: z.boolean(),
  criticalFailure: z.boolean(),
  passMark: z.number(),
  criteria: z.array(
    z.strictObject({
      criterion: criterionSchema,
      score: z.number().min(0).max(100),
      weight: z.number(),
      assessed: z.boolean(),
      notAssessed: z.strictObject({ reason: z.enum(['no-treatment', 'no-strokes', 'targets-untreated', 'no-target-regions']), required: z.boolean(), text: localizedTextSchema }).optional(),
    }),
  ),
  findings: z.array(
    z.strictObject({
      id: z.string(),
      ruleId: z.string(),
      clause: z.string(),
      severity: severitySchema,
      criterion: criterionSchema,
      message: localizedTextSchema,
      region: regionIdSchema.optional(),
      span: z.strictObject({ startMs: z.number(), endMs: z.number() }).optional(),
      evidence: z.strictObject({
        text: localizedTextSchema,
        values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.number())])),
      }),
      simulatorDefault: z.boolean(),
      extent: z.strictObject({ basis: z.enum(['region-events', 'session-events', 'scalp-passes']), units: z.number(), of: z.number(), fraction: z.number(), severityBySimulatorBands: z.boolean() }).optional(),
    }),
  ),
  metrics: z.record(z.string(), z.number()),
});

export const storedAttemptSchema = z.strictObject({
  summary: attemptSummarySchema,
  recording: recordingPayloadSchema.nullable(),
  report: scoreReportSchema.nullable(),
});
export const scoredAttemptSchema = z.strictObject({ summary: attemptSummarySchema, report: scoreReportSchema });

// The schemas must describe exactly core's types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const reportSchemaMatches: Same<z.output<typeof scoreReportSchema>, ScoreReport> = true;
void reportSchemaMatches;
const criteriaMatch: Same<z.output<typeof criterionSchema>, Criterion> = true;
void criteriaMatch;
const eventsMatch: Same<z.output<typeof recordingEventSchema>, RecordingEvent> = true;
void eventsMatch;
const headerMatches: Same<z.output<typeof recordingHeaderSchema>, RecordingHeader> = true;
void headerMatches;
