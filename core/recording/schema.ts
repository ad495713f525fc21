// zod schema for the session recording. The TypeScript types in ./types.ts are the source of truth;
// the compile-time checks at the bottom fail the build if this schema and those types drift apart.
// docs/recording.schema.json is generated from this schema (recordingJsonSchema()).

import { z } from 'zod';
import { ALL_REGION_IDS } from '../anatomy/regions';
import { RECORDING_FORMAT, RECORDING_VERSION, type Recording } from './types';

const finite = z.number({ error: (i) => (i.input === undefined ? 'required: expected a number' : `expected a finite number, received ${describe(i.input)}`) });
const nonNegative = finite.min(0, { error: 'expected a number >= 0' });
const timeMs = nonNegative.describe('Milliseconds from session start.');
const id = z
  .string({ error: (i) => (i.input === undefined ? 'missing: expected a string' : `expected a string, received ${describe(i.input)}`) })
  .min(1, { error: 'expected a non-empty string' })
  .max(80, { error: 'expected an id of at most 80 characters' });
/** Free text a recording carries (names, summaries): bounded so a forged file cannot carry megabytes of it. */
const text = (max: number) => z.string().max(max, { error: `expected at most ${max} characters` });
/** No list of regions is longer than the list of regions. */
const regionList = () => z.array(regionIdSchema).max(ALL_REGION_IDS.length, { error: `expected at most ${ALL_REGION_IDS.length} regions` });

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return String(typeof v === 'number' ? v : typeof v);
}

export const vec3Schema = z.tuple([finite, finite, finite], { error: 'expected [x, y, z]: an array of 3 finite numbers' }).describe('Head-frame vector, mm (PRODUCT.md: +X patient left, +Y superior, +Z anterior).');

export const regionIdSchema = z.enum(ALL_REGION_IDS as unknown as [string, ...string[]], {
  error: (i) => `expected a region id from core/anatomy/regions.ts (e.g. "forehead", "cheek-left"), received ${describe(i.input)}`,
}) as unknown as z.ZodType<Recording['samples'][number]['region']>;

const localized = z.strictObject({ zh: text(2000), en: text(2000) });

const caseConditionSchema = z.strictObject({
  id: id.describe('Catalogue id of the condition (core/rules/cases.ts), e.g. "keloid-constitution".'),
  regions: regionList().optional().describe('Regions the condition is confined to; absent = whole patient.'),
});

export const patientCaseSchema = z.strictObject({
  id,
  summary: localized.optional(),
  age: finite.int().min(0).max(130).optional(),
  sex: z.enum(['female', 'male']).optional(),
  skinType: z.enum(['normal', 'thin', 'sensitive', 'dry-rough', 'oily']),
  fitzpatrick: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]).optional(),
  conditions: z.array(caseConditionSchema).max(50, { error: 'expected at most 50 conditions' }),
  nasalImplant: z.boolean().optional(),
  hairBearingScalp: z.boolean().optional(),
  newProducts: z.array(text(120)).max(50, { error: 'expected at most 50 products' }).optional(),
});

export const endpointSchema = z.enum(['pink', 'absorption', 'texture-scars', 'tightening', 'delivery']);

export const goalSchema = z.strictObject({
  indication: text(120),
  endpoint: endpointSchema,
  targetRegions: regionList(),
});

export const zoneSchema = z.strictObject({ id, regions: regionList().min(1, { error: 'expected at least one region in the zone' }) });

export const STEP_IDS = [
  'take-history',
  'examine',
  'consent',
  'remove-makeup',
  'cleanse',
  'photograph',
  'anaesthesia',
  'remove-anaesthetic',
  'cleanse-again',
  'disinfect',
  'skin-trial',
  'antiviral-prophylaxis',
  'mount-needle',
  'fit-new-tip',
  'apply-product',
  'treat-start',
  'treat-end',
  'wipe-blood',
  'cold-compress',
  'wet-compress',
  'phototherapy',
  'dispose-needle',
  'aftercare-instructions',
] as const;

export const stepIdSchema = z.enum(STEP_IDS, { error: (i) => `expected a step id (${STEP_IDS.join(', ')}), received ${describe(i.input)}` });

export const stepSchema = z.strictObject({ step: stepIdSchema, tMs: timeMs, zoneId: id.optional(), durationMs: nonNegative.optional() });

const rollerSettingsSchema = z.strictObject({
  device: z.literal('roller'),
  needleLengthMm: finite.positive().max(5, { error: 'expected a needle length <= 5 mm' }),
  drumWidthMm: finite.positive().max(60, { error: 'expected a drum width <= 60 mm' }),
});
const rfSettingsSchema = z.strictObject({
  device: z.literal('rf'),
  tipSizeMm: finite.positive().max(40),
  depthMm: finite.positive().max(8),
  powerW: nonNegative.max(200),
  pulseWidthMs: nonNegative.max(5000),
  suction: z.boolean(),
  bipolar: z.boolean(),
  tipId: id,
});
const nanoSettingsSchema = z.strictObject({
  device: z.literal('nano'),
  needleHeightUm: finite.positive().max(3000),
  technique: z.enum(['point-lift', 'sliding']),
  level: finite.int().min(0).max(20),
});
export const deviceSettingsSchema = z.discriminatedUnion('device', [rollerSettingsSchema, rfSettingsSchema, nanoSettingsSchema], {
  error: 'expected device settings with "device" one of "roller", "rf", "nano"',
});

export const settingsChangeSchema = z.strictObject({ tMs: timeMs, settings: deviceSettingsSchema });

const pressure = finite.min(0, { error: 'expected pressure in 0..1' }).max(1, { error: 'expected pressure in 0..1' });

export const inputSampleSchema = z.strictObject({
  tMs: timeMs,
  p: vec3Schema,
  n: vec3Schema.describe('Unit outward surface normal.'),
  region: regionIdSchema,
  pressure,
  contact: z.boolean(),
  skinTension: z.boolean().optional(),
});

export const rfPulseSchema = z.strictObject({
  tMs: timeMs,
  p: vec3Schema,
  n: vec3Schema,
  axis: vec3Schema.describe('Handpiece axis into the skin (unit); perpendicular = -n.'),
  region: regionIdSchema,
  zoneId: id.optional(),
  depthMm: finite.positive().max(8),
  powerW: nonNegative.max(200),
  pulseWidthMs: nonNegative.max(5000),
  tipSizeMm: finite.positive().max(40),
  suction: z.boolean(),
  bipolar: z.boolean(),
  tipId: id,
  skinTension: z.boolean().optional(),
  pressure: pressure.optional(),
});

export const nanoContactSchema = z.strictObject({
  tStartMs: timeMs,
  tEndMs: timeMs,
  p: vec3Schema,
  n: vec3Schema,
  region: regionIdSchema,
  technique: z.enum(['point-lift', 'sliding']),
  needleHeightUm: finite.positive().max(3000),
  path: z.array(z.strictObject({ tMs: timeMs, p: vec3Schema })),
});

export const endpointDeclarationSchema = z.strictObject({
  tMs: timeMs,
  regions: regionList().min(1, { error: 'expected at least one region whose endpoint is declared' }),
});

export const recordingSchema = z.strictObject({
  format: z.literal(RECORDING_FORMAT, { error: `expected "${RECORDING_FORMAT}"` }),
  version: z.literal(RECORDING_VERSION, { error: `expected ${RECORDING_VERSION} after migration` }),
  id,
  startedAt: text(40).describe('ISO 8601 time the session started; informational only.'),
  app: z.strictObject({ name: text(80), version: text(40) }).optional(),
  trainee: z.strictObject({ id, name: text(120), role: z.enum(['technician', 'nurse', 'physician']) }).optional(),
  scenarioId: id.optional(),
  procedure: z.enum(['roller', 'rf', 'nano']),
  mode: z.enum(['learn', 'test']),
  goal: goalSchema,
  case: patientCaseSchema,
  zones: z.array(zoneSchema).max(50, { error: 'expected at most 50 zones' }),
  steps: z.array(stepSchema),
  settings: z.array(settingsChangeSchema),
  samples: z.array(inputSampleSchema),
  pulses: z.array(rfPulseSchema),
  contacts: z.array(nanoContactSchema),
  endpoints: z.array(endpointDeclarationSchema).optional().describe('Endpoint declarations (8.4); absent in recordings made before version 2.'),
  end: z.strictObject({ tMs: timeMs, reason: z.enum(['completed', 'aborted']) }),
});

/** The published JSON Schema (docs/recording.schema.json). */
export function recordingJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(recordingSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: 'https://microneedle-trainer.invalid/schemas/recording.schema.json',
    title: 'Microneedling simulator session recording',
    description: `Session recording, format "${RECORDING_FORMAT}" version ${RECORDING_VERSION}. Field documentation: docs/recording-format.md. Generated from core/recording/schema.ts; do not edit by hand.`,
    ...schema,
  };
}

// Compile-time agreement between the schema and the hand-written types.
type Parsed = z.infer<typeof recordingSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<Parsed, Recording> = true;
void schemaMatchesTypes;
