// A scenario: what an exam task or practice exercise asks for and how it is scored. Instructors override
// any simulator default here; the standard's own numbers stay fixed.

import { z } from 'zod';
import type { RegionId } from '../anatomy/regions';
import type { Endpoint, Procedure, StepId } from '../recording/types';
import { endpointSchema, regionIdSchema, stepIdSchema } from '../recording/schema';
import { jsonPointer } from '../recording/validate';
import { SIMULATOR_DEFAULT_KEYS, type SimulatorDefaultValues } from '../rules/simulator-defaults';
import { CRITERIA, type Criterion, type LocalizedText, type Severity } from './report';

export interface Scenario {
  id: string;
  title?: LocalizedText;
  procedure?: Procedure;
  endpoint?: Endpoint;
  /** Regions the task asks to treat; when given they replace the recording's goal.targetRegions. */
  targetRegions?: RegionId[];
  /** Steps that must appear before the session ends, in addition to those the standard requires. */
  requiredSteps?: StepId[];
  /** Pass mark 0-100 (simulator default 80). */
  passMark?: number;
  /** Criterion weights (relative; default all 1). */
  weights?: Partial<Record<Criterion, number>>;
  /** Overrides of simulator defaults (core/rules/simulator-defaults.ts). */
  defaults?: Partial<SimulatorDefaultValues>;
  /** Severity overrides per rule id (cannot lower a 'critical' safety rule: see scoring docs). */
  severity?: Record<string, Severity>;
  /** Rules switched off for this scenario (e.g. a drill that only practises 米 strokes). */
  disabledRules?: string[];
  /**
   * The trainee must declare the treatment endpoint (8.4) for every treated target region: one never declared
   * is a finding (roller-endpoint-undeclared). Without it an undeclared region is not assessed for its endpoint.
   */
  requireEndpointDeclaration?: boolean;
}

const severitySchema = z.enum(['critical', 'major', 'minor', 'info']);
const defaultsShape = Object.fromEntries(SIMULATOR_DEFAULT_KEYS.map((k) => [k, z.number().min(0).optional()])) as Record<keyof SimulatorDefaultValues, z.ZodOptional<z.ZodNumber>>;

export const scenarioSchema = z.strictObject({
  id: z.string().min(1),
  title: z.strictObject({ zh: z.string(), en: z.string() }).optional(),
  procedure: z.enum(['roller', 'rf', 'nano']).optional(),
  endpoint: endpointSchema.optional(),
  targetRegions: z.array(regionIdSchema).optional(),
  requiredSteps: z.array(stepIdSchema).optional(),
  passMark: z.number().min(0).max(100).optional(),
  weights: z.strictObject(Object.fromEntries(CRITERIA.map((c) => [c, z.number().min(0).optional()])) as Record<Criterion, z.ZodOptional<z.ZodNumber>>).optional(),
  defaults: z.strictObject(defaultsShape).optional(),
  severity: z.record(z.string(), severitySchema).optional(),
  disabledRules: z.array(z.string()).optional(),
  requireEndpointDeclaration: z.boolean().optional(),
});

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: { pointer: string; message: string }[] };

export function parseScenario(input: unknown): ParseScenarioResult {
  const r = scenarioSchema.safeParse(input);
  if (!r.success) {
    return {
      ok: false,
      errors: r.error.issues.map((i) => ({
        pointer: jsonPointer(i.path),
        message: i.code === 'unrecognized_keys' ? `unexpected field(s) ${i.keys.map((k) => JSON.stringify(k)).join(', ')}` : i.message,
      })),
    };
  }
  return { ok: true, scenario: r.data as Scenario };
}

export const DEFAULT_WEIGHTS: Record<Criterion, number> = { safety: 1, protocol: 1, technique: 1, coverage: 1, parameters: 1, aftercare: 1 };
