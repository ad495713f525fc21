// The typed API: every call the renderer may make, with the schema of its argument and of its result.
// Main validates each payload against `args` before a service sees it, and each value against `result`
// before it leaves; the preload and the web client expose exactly these calls as `window.api`.

import { z } from 'zod';
import { ALL_REGION_IDS, type RegionId } from '../anatomy/regions';
import type { Recording } from '../recording/types';
import type { Criterion, ScoreReport } from '../scoring/report';
import type { ApiCallName } from './call-names';
import type { ApiResult } from './errors';

export const TRAINEE_ROLES = ['technician', 'nurse', 'physician'] as const;
export const traineeRoleSchema = z.enum(TRAINEE_ROLES);
export type TraineeRole = z.infer<typeof traineeRoleSchema>;

/** Ids the services mint; the pattern also keeps ids safe to use as file names. */
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, 'expected an id of letters, digits, - and _ (at most 80)');

export const profileNameSchema = z.string().trim().min(1, 'name is required').max(60, 'name is longer than 60 characters');
/** Professional certificate number (执业/资格证书编号): letters, digits and - only. */
export const certificateNumberSchema = z
  .string()
  .trim()
  .min(4, 'certificate number has fewer than 4 characters')
  .max(40, 'certificate number is longer than 40 characters')
  .regex(/^[A-Za-z0-9-]+$/, 'certificate number may contain only letters, digits and -');

export const profileSchema = z.strictObject({
  id: recordIdSchema,
  name: profileNameSchema,
  role: traineeRoleSchema,
  certificateNumber: certificateNumberSchema,
  isInstructor: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Profile = z.infer<typeof profileSchema>;

export const newProfileSchema = z.strictObject({
  name: profileNameSchema,
  role: traineeRoleSchema,
  certificateNumber: certificateNumberSchema,
  isInstructor: z.boolean().default(false),
});
export type NewProfile = z.input<typeof newProfileSchema>;

export const LANGUAGE_SETTINGS = ['system', 'zh', 'en'] as const;
export const settingsSchema = z.strictObject({
  language: z.enum(LANGUAGE_SETTINGS),
  institutionName: z.string().trim().max(120, 'institution name is longer than 120 characters'),
});
export type AppSettings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: AppSettings = { language: 'system', institutionName: '' };

export const appInfoSchema = z.strictObject({
  productName: z.strictObject({ zh: z.string(), en: z.string() }),
  version: z.string(),
  /** 'desktop' under Electron, 'web' behind `npm run web`. */
  shell: z.enum(['desktop', 'web']),
  platform: z.string(),
  /** OS locale (app.getLocale() or the server's LANG), used when the language setting is 'system'. */
  locale: z.string(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const procedureSchema = z.enum(['roller', 'rf', 'nano']);

export const sessionSummarySchema = z.strictObject({
  id: recordIdSchema,
  procedure: procedureSchema,
  mode: z.enum(['learn', 'test']),
  startedAt: z.string(),
  savedAt: z.iso.datetime(),
  traineeId: z.string().optional(),
  traineeName: z.string().optional(),
  /** Absent when the recording could not be scored when it was saved. */
  score: z.number().min(0).max(100).optional(),
  passed: z.boolean().optional(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

/**
 * A recording crosses the boundary as a plain object; its full validation (core/recording) runs in the
 * sessions service, which reports field paths in the recording itself.
 */
export const recordingPayloadSchema = z.custom<Recording>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected a session recording object',
);

const localizedTextSchema = z.strictObject({ zh: z.string(), en: z.string() });
const regionIdSchema = z.custom<RegionId>((value) => (ALL_REGION_IDS as readonly unknown[]).includes(value), 'expected a region id');
const severitySchema = z.enum(['critical', 'major', 'minor', 'info']);
// Listed out because zod needs a literal tuple; the check below the contract keeps it equal to CRITERIA's type.
const criterionSchema = z.enum(['safety', 'protocol', 'technique', 'coverage', 'parameters', 'aftercare']);

export const scoreReportSchema = z.strictObject({
  reportVersion: z.literal(1),
  recordingId: z.string(),
  procedure: procedureSchema,
  score: z.number().min(0).max(100),
  passed: z.boolean(),
  criticalFailure: z.boolean(),
  passMark: z.number(),
  criteria: z.array(z.strictObject({ criterion: criterionSchema, score: z.number().min(0).max(100), weight: z.number() })),
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
    }),
  ),
  metrics: z.record(z.string(), z.number()),
});

const noArgs = z.strictObject({});

function call<A extends z.ZodType, R extends z.ZodType>(summary: string, args: A, result: R) {
  return { summary, args, result };
}

export const apiContract = {
  'app.info': call('Product name, version, shell, OS locale and data directory.', noArgs, appInfoSchema),
  'profiles.list': call('Every trainee profile on this station, oldest first.', noArgs, z.array(profileSchema)),
  'profiles.create': call('Creates a trainee profile and makes it the current one.', newProfileSchema, profileSchema),
  'profiles.select': call('Makes an existing profile the current one.', z.strictObject({ id: recordIdSchema }), profileSchema),
  'profiles.current': call('The profile last selected, or null.', noArgs, profileSchema.nullable()),
  'settings.get': call('Language and institution settings.', noArgs, settingsSchema),
  'settings.update': call('Changes some settings; returns all of them.', settingsSchema.partial(), settingsSchema),
  'sessions.save': call(
    'Validates and stores a session recording under the data directory, scored by the main process.',
    z.strictObject({ recording: recordingPayloadSchema }),
    z.strictObject({ id: recordIdSchema, summary: sessionSummarySchema }),
  ),
  'sessions.list': call('Summaries of the stored sessions, newest first.', noArgs, z.array(sessionSummarySchema)),
  'sessions.open': call('A stored recording by id.', z.strictObject({ id: recordIdSchema }), z.strictObject({ recording: recordingPayloadSchema })),
  'sessions.score': call('Scores a recording without storing it.', z.strictObject({ recording: recordingPayloadSchema }), scoreReportSchema),
} as const;

export type ApiContract = typeof apiContract;
export type ApiArgs<N extends ApiCallName> = z.input<ApiContract[N]['args']>;
export type ApiParsedArgs<N extends ApiCallName> = z.output<ApiContract[N]['args']>;
export type ApiValue<N extends ApiCallName> = z.output<ApiContract[N]['result']>;

// The contract and the zod-free name list must name the same calls.
type MissingFromContract = Exclude<ApiCallName, keyof ApiContract>;
type MissingFromNames = Exclude<keyof ApiContract, ApiCallName>;
const namesMatch: [MissingFromContract, MissingFromNames] extends [never, never] ? true : never = true;
void namesMatch;

// The report schema must describe exactly core/scoring/report.ts's ScoreReport.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const reportSchemaMatches: Same<z.output<typeof scoreReportSchema>, ScoreReport> = true;
void reportSchemaMatches;
const criteriaMatch: Same<z.output<typeof criterionSchema>, Criterion> = true;
void criteriaMatch;

/** One renderer-side function: empty-argument calls may be called with no argument. */
export type ApiFunction<N extends ApiCallName> = Record<string, never> extends ApiArgs<N>
  ? (args?: ApiArgs<N>) => Promise<ApiResult<ApiValue<N>>>
  : (args: ApiArgs<N>) => Promise<ApiResult<ApiValue<N>>>;

type GroupOf<N extends string> = N extends `${infer G}.${string}` ? G : never;
type MethodOf<N extends string, G extends string> = N extends `${G}.${infer M}` ? M : never;

/** `window.api`: `api.profiles.create({...})` returns `Promise<ApiResult<Profile>>`. */
export type MicroneedleApi = {
  [G in GroupOf<ApiCallName>]: { [N in Extract<ApiCallName, `${G}.${string}`> as MethodOf<N, G>]: ApiFunction<N> };
};

/** What a service implements for each call: parsed arguments in, a result value (or a promise of one) out. */
export type ApiHandlers = { [N in ApiCallName]: (args: ApiParsedArgs<N>) => ApiValue<N> | Promise<ApiValue<N>> };
