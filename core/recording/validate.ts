// Reading a recording: migrate to the current version, refuse oversized documents before any deep work
// (./limits.ts), check the shape against the zod schema, then the semantic checks a schema cannot express
// (time order, unit normals, references between fields) and plausibility (duration, rates, positions).
// Every error names a JSON pointer (RFC 6901) into the input and what was expected there.

import { CONDITION_IDS } from '../rules/conditions';
import { MAX_REPORTED_ERRORS, type RecordingError } from './errors';
import { checkPlausibility, checkRecordingTextSize, precheckRecordingSize, type PlausibilityOptions } from './limits';
import { migrateRecordingDocument } from './migrate';
import { recordingSchema } from './schema';
import type { Recording, Vec3 } from './types';

export type { RecordingError };
export { MAX_REPORTED_ERRORS };

export type ParseRecordingResult = { ok: true; recording: Recording; fromVersion: number } | { ok: false; errors: RecordingError[] };

/** Normals and axes must be unit length within this tolerance (float32 round-trips and rounding to 4 decimals). */
export const UNIT_VECTOR_TOLERANCE = 0.02;

export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((k) => '/' + String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Parses and validates a recording. `input` is the parsed JSON value, or a JSON string.
 * `source` (a file name) prefixes nothing but is used in the JSON syntax error message.
 * `options.bounds` (the head's, see surfaceBounds) enables the off-the-head position check; `options.now`
 * refuses a start time more than a day in the future.
 */
export function parseRecording(input: unknown, source?: string, options: PlausibilityOptions = {}): ParseRecordingResult {
  let value = input;
  if (typeof input === 'string') {
    const tooLarge = checkRecordingTextSize(input, source);
    if (tooLarge.length > 0) return { ok: false, errors: tooLarge };
    try {
      value = JSON.parse(input);
    } catch (err) {
      return { ok: false, errors: [{ pointer: '', message: `${source ?? 'input'} is not valid JSON: ${(err as Error).message}` }] };
    }
  }
  const migrated = migrateRecordingDocument(value);
  if (!migrated.ok) return migrated;
  const sizeErrors = precheckRecordingSize(migrated.doc);
  if (sizeErrors.length > 0) return { ok: false, errors: sizeErrors.slice(0, MAX_REPORTED_ERRORS) };
  const parsed = recordingSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    const errors = parsed.error.issues.slice(0, MAX_REPORTED_ERRORS).map((issue) => ({
      pointer: jsonPointer(issue.path),
      message:
        issue.code === 'unrecognized_keys'
          ? `unexpected field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
          : issue.message.replace(/^Invalid input: (expected .*), received undefined$/, 'missing: $1').replace(/^Invalid option: (expected .*)$/, '$1'),
    }));
    return { ok: false, errors };
  }
  const recording = parsed.data as Recording;
  const errors = semanticErrors(recording);
  if (errors.length < MAX_REPORTED_ERRORS) errors.push(...checkPlausibility(recording, options));
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
  return { ok: true, recording, fromVersion: migrated.fromVersion };
}

function unitError(v: Vec3, pointer: string, what: string): RecordingError | null {
  const len = Math.hypot(v[0], v[1], v[2]);
  if (Math.abs(len - 1) > UNIT_VECTOR_TOLERANCE) {
    return { pointer, message: `expected a unit ${what} (length 1 ± ${UNIT_VECTOR_TOLERANCE}), length is ${len.toFixed(4)}` };
  }
  return null;
}

/** Checks a schema-valid recording for what the schema cannot say. Empty when the recording is sound. */
export function semanticErrors(r: Recording): RecordingError[] {
  const errors: RecordingError[] = [];
  const push = (e: RecordingError | null) => {
    if (e && errors.length < MAX_REPORTED_ERRORS) errors.push(e);
  };
  const nonDecreasing = <T>(items: readonly T[], time: (t: T) => number, base: string, field: string) => {
    for (let i = 1; i < items.length; i++) {
      if (time(items[i]) < time(items[i - 1])) {
        push({ pointer: `${base}/${i}/${field}`, message: `expected times in non-decreasing order: ${time(items[i])} ms comes after ${time(items[i - 1])} ms at ${base}/${i - 1}` });
        return;
      }
    }
  };

  const zoneIds = new Set<string>();
  r.zones.forEach((z, i) => {
    if (zoneIds.has(z.id)) push({ pointer: `/zones/${i}/id`, message: `duplicate zone id "${z.id}"` });
    zoneIds.add(z.id);
  });
  r.case.conditions.forEach((c, i) => {
    if (!CONDITION_IDS.has(c.id)) push({ pointer: `/case/conditions/${i}/id`, message: `unknown condition "${c.id}"; expected one of ${[...CONDITION_IDS].join(', ')}` });
  });

  nonDecreasing(r.steps, (s) => s.tMs, '/steps', 'tMs');
  nonDecreasing(r.settings, (s) => s.tMs, '/settings', 'tMs');
  nonDecreasing(r.samples, (s) => s.tMs, '/samples', 'tMs');
  nonDecreasing(r.pulses, (s) => s.tMs, '/pulses', 'tMs');
  nonDecreasing(r.contacts, (s) => s.tStartMs, '/contacts', 'tStartMs');
  if (r.endpoints) nonDecreasing(r.endpoints, (s) => s.tMs, '/endpoints', 'tMs');

  r.steps.forEach((s, i) => {
    if (s.zoneId !== undefined && !zoneIds.has(s.zoneId)) push({ pointer: `/steps/${i}/zoneId`, message: `expected the id of a zone in /zones, received "${s.zoneId}"` });
  });
  r.settings.forEach((s, i) => {
    if (s.settings.device !== r.procedure) push({ pointer: `/settings/${i}/settings/device`, message: `expected "${r.procedure}" (the recording's procedure), received "${s.settings.device}"` });
  });
  if (r.settings.length === 0) push({ pointer: '/settings', message: 'expected at least one entry: the device settings in force from the start' });
  else if ((r.samples.length > 0 && r.samples[0].tMs < r.settings[0].tMs) || (r.pulses.length > 0 && r.pulses[0].tMs < r.settings[0].tMs) || (r.contacts.length > 0 && r.contacts[0].tStartMs < r.settings[0].tMs)) {
    push({ pointer: '/settings/0/tMs', message: 'expected the first settings entry at or before the first sample, pulse or contact' });
  }

  for (let i = 0; i < r.samples.length && errors.length < MAX_REPORTED_ERRORS; i++) push(unitError(r.samples[i].n, `/samples/${i}/n`, 'normal'));
  r.pulses.forEach((p, i) => {
    push(unitError(p.n, `/pulses/${i}/n`, 'normal'));
    push(unitError(p.axis, `/pulses/${i}/axis`, 'axis'));
    if (p.zoneId !== undefined && !zoneIds.has(p.zoneId)) push({ pointer: `/pulses/${i}/zoneId`, message: `expected the id of a zone in /zones, received "${p.zoneId}"` });
  });
  r.contacts.forEach((c, i) => {
    push(unitError(c.n, `/contacts/${i}/n`, 'normal'));
    if (c.tEndMs < c.tStartMs) push({ pointer: `/contacts/${i}/tEndMs`, message: `expected tEndMs >= tStartMs (${c.tStartMs}), received ${c.tEndMs}` });
    c.path.forEach((pt, j) => {
      if (pt.tMs < c.tStartMs || pt.tMs > c.tEndMs) push({ pointer: `/contacts/${i}/path/${j}/tMs`, message: `expected a time within the contact (${c.tStartMs}..${c.tEndMs} ms), received ${pt.tMs}` });
      else if (j > 0 && pt.tMs < c.path[j - 1].tMs) push({ pointer: `/contacts/${i}/path/${j}/tMs`, message: 'expected path times in non-decreasing order' });
    });
  });

  const lastEvent = Math.max(
    0,
    r.samples.at(-1)?.tMs ?? 0,
    r.pulses.at(-1)?.tMs ?? 0,
    ...r.contacts.map((c) => c.tEndMs),
    r.steps.at(-1)?.tMs ?? 0,
    r.settings.at(-1)?.tMs ?? 0,
    r.endpoints?.at(-1)?.tMs ?? 0,
  );
  if (r.end.tMs < lastEvent) push({ pointer: '/end/tMs', message: `expected the end at or after the last event (${lastEvent} ms), received ${r.end.tMs}` });
  return errors;
}
