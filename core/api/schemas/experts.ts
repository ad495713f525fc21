// Expert benchmarks (experts.*): instructors mark finished sessions of a task as expert sessions; the
// benchmark is the experts' aggregate per metric (never whose sessions), with thresholds it suggests.

import { z } from 'zod';
import { SIMULATOR_DEFAULT_KEYS, type SimulatorDefaultKey } from '../../rules/simulator-defaults';
import { isoTimeSchema, localizedTextSchema, recordIdSchema } from './common';

/** A task: a practice preset id, or an exam's practical task (`exam:<module>@<version>/<part>`). */
export const taskIdSchema = z.string().min(1).max(200);

export const markExpertSchema = z.strictObject({ attemptId: recordIdSchema });
export const unmarkExpertSchema = z.strictObject({ attemptId: recordIdSchema, reason: z.string().trim().min(1, 'give the reason for unmarking').max(500) });
export const benchmarkQuerySchema = z.strictObject({ presetId: taskIdSchema });

export const expertMarkSchema = z.strictObject({
  attemptId: z.string(),
  presetId: z.string(),
  /** Whose session it is, and who marked it (staff only: experts.list). */
  personId: z.string(),
  personName: z.string(),
  procedure: z.enum(['roller', 'rf', 'nano']),
  kind: z.enum(['practice', 'test']),
  score: z.number().nullable(),
  markedAt: isoTimeSchema,
  markedById: z.string(),
  markedByName: z.string(),
});
export type ExpertMark = z.infer<typeof expertMarkSchema>;

export const expertMarkStateSchema = z.strictObject({ attemptId: z.string(), marked: z.boolean(), presetId: z.string() });

const metricStatsSchema = z.strictObject({
  key: z.string(),
  label: localizedTextSchema,
  unit: z.string(),
  clause: z.string(),
  better: z.enum(['higher', 'lower', 'neither']),
  n: z.number().int().min(0),
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});

const simulatorDefaultKeySchema = z.enum(SIMULATOR_DEFAULT_KEYS as [SimulatorDefaultKey, ...SimulatorDefaultKey[]]);

export const expertBenchmarkSchema = z.strictObject({
  presetId: z.string(),
  procedure: z.enum(['roller', 'rf', 'nano']),
  sessions: z.number().int().min(0),
  /** Whether there are enough expert sessions (MIN_EXPERT_SESSIONS) for a spread. */
  spread: z.boolean(),
  minSessions: z.number().int().min(1),
  metrics: z.array(metricStatsSchema),
  suggestedThresholds: z.array(
    z.strictObject({
      key: simulatorDefaultKeySchema,
      value: z.number(),
      defaultValue: z.number(),
      stricter: z.boolean(),
      fromMetric: z.string(),
      expertMean: z.number(),
      expertSd: z.number(),
    }),
  ),
});
export type ExpertBenchmarkView = z.infer<typeof expertBenchmarkSchema>;
