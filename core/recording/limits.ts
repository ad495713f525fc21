// Size limits and plausibility checks for recordings. A recording arrives from a file or another process,
// so before any deep work the reader refuses what no real session produces: oversized documents (checked
// on the raw JSON, before the schema walks every element), sessions of impossible length or sample rate,
// and positions off the head or out of any sensible range.

import { MAX_REPORTED_ERRORS, type RecordingError } from './errors';
import type { Recording, Vec3 } from './types';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const YEAR_MS = 365.25 * DAY_MS;

export const RECORDING_LIMITS = {
  /** A recording file at most this large (UTF-8); the web server's body limit is set from it, so any accepted file uploads. */
  maxFileBytes: 64 * 1024 * 1024,
  /** A session with preparation and aftercare takes well under an hour; 2 h leaves room for slow exam candidates. */
  maxDurationMs: 2 * HOUR_MS,
  /** About 40 min of continuous rolling at 120 Hz (samples are recorded only while the drum moves on the skin);
   *  at about 135 bytes of JSON each, a recording at this limit stays inside maxFileBytes, and checking and
   *  scoring it needs a few hundred MB at most (npm run bench). */
  maxSamples: 300_000,
  /** A full-face RF treatment fires a few hundred pulses; 20 000 is far past any real session. */
  maxPulses: 20_000,
  /** Nano point-lifts over a face number in the hundreds; same headroom as pulses. */
  maxContacts: 20_000,
  /** All contacts' path points together: a 3 s contact at 240 Hz has 720, so this allows hundreds of long slides. */
  maxPathPoints: 200_000,
  /** A session records a few dozen steps (per zone for RF); 2 000 is only reached by a broken or forged file. */
  maxSteps: 2_000,
  /** One entry per settings change; even a trainee dragging sliders for 2 h stays below this. */
  maxSettingsChanges: 5_000,
  /** Endpoint declarations: one per target region or a few per zone; 2 000 is only a broken or forged file. */
  maxEndpointDeclarations: 2_000,
  /** Samples in any 1-second window: pointer hardware tops out near 1 kHz, so more is not a hand. */
  maxEventsPerSecond: 1_000,
  /** Absolute head-frame coordinate: a head is about 250 mm across, a metre from its centre is out of the room. */
  maxCoordinateMm: 1_000,
  /** Positions may lie this far outside the head model's bounding box (hair, rounding, a slightly larger scan). */
  offHeadMarginMm: 20,
  /** Recordings from before this date cannot come from this simulator. */
  earliestStartedAt: '2020-01-01T00:00:00.000Z',
  /** A start time this far after the reader's clock is wrong, not clock drift. */
  maxFutureStartMs: DAY_MS,
} as const;

export interface PlausibilityOptions {
  /** The head model's bounding box (surfaceBounds); enables the off-the-head check. */
  bounds?: { min: Vec3; max: Vec3 };
  /** The reader's current time; enables the future start check. */
  now?: Date | number;
}

const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A duration in words, e.g. "31.0 years", "3.5 h", "12.0 min". */
export function formatDuration(ms: number): string {
  if (ms >= YEAR_MS) return `${(ms / YEAR_MS).toFixed(1)} years`;
  if (ms >= DAY_MS) return `${(ms / DAY_MS).toFixed(1)} days`;
  if (ms >= HOUR_MS) return `${(ms / HOUR_MS).toFixed(1)} h`;
  if (ms >= MINUTE_MS) return `${(ms / MINUTE_MS).toFixed(1)} min`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Refuses a JSON text larger than maxFileBytes (UTF-8), before it is parsed. */
export function checkRecordingTextSize(text: string, source?: string): RecordingError[] {
  const max = RECORDING_LIMITS.maxFileBytes;
  // A UTF-16 unit takes at most 3 UTF-8 bytes, so short texts need no count.
  if (text.length * 3 <= max) return [];
  const bytes = utf8ByteLength(text);
  if (bytes <= max) return [];
  return [{ pointer: '', message: `${source ?? 'input'} is ${count(bytes)} bytes; a recording is at most ${count(max)} bytes (${max / (1024 * 1024)} MiB)` }];
}

function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      bytes += 4; // a surrogate pair
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const STREAM_LIMITS = [
  ['samples', RECORDING_LIMITS.maxSamples],
  ['pulses', RECORDING_LIMITS.maxPulses],
  ['contacts', RECORDING_LIMITS.maxContacts],
  ['steps', RECORDING_LIMITS.maxSteps],
  ['settings', RECORDING_LIMITS.maxSettingsChanges],
  ['endpoints', RECORDING_LIMITS.maxEndpointDeclarations],
] as const;

/**
 * Array-length checks on the raw parsed JSON, before schema validation: reads lengths only, never the
 * elements (except each contact's path length), so a document with millions of entries is refused at once.
 */
export function precheckRecordingSize(doc: unknown): RecordingError[] {
  if (typeof doc !== 'object' || doc === null) return [];
  const d = doc as Record<string, unknown>;
  const errors: RecordingError[] = [];
  for (const [field, max] of STREAM_LIMITS) {
    const list = d[field];
    if (Array.isArray(list) && list.length > max) {
      errors.push({ pointer: `/${field}`, message: `${count(list.length)} ${field}; a recording holds at most ${count(max)}` });
    }
  }
  const contacts = d.contacts;
  if (Array.isArray(contacts) && contacts.length <= RECORDING_LIMITS.maxContacts) {
    let points = 0;
    for (const c of contacts) {
      const path = typeof c === 'object' && c !== null ? (c as { path?: unknown }).path : undefined;
      if (Array.isArray(path)) points += path.length;
    }
    if (points > RECORDING_LIMITS.maxPathPoints) {
      errors.push({ pointer: '/contacts', message: `${count(points)} path points over all contacts; a recording holds at most ${count(RECORDING_LIMITS.maxPathPoints)}` });
    }
  }
  return errors;
}

const fmt = (v: number) => (Math.abs(v) >= 1e6 ? String(v) : String(Math.round(v * 10) / 10));
const fmtVec = (v: readonly number[]) => `[${v.map(fmt).join(', ')}]`;

/**
 * What a schema-valid recording cannot plausibly be: longer than maxDurationMs, started before 2020 or
 * (given `now`) more than a day in the future, sampled faster than maxEventsPerSecond, with coordinates
 * beyond maxCoordinateMm or (given `bounds`) off the head.
 */
export function checkPlausibility(r: Recording, options: PlausibilityOptions = {}): RecordingError[] {
  const L = RECORDING_LIMITS;
  const errors: RecordingError[] = [];
  const push = (e: RecordingError) => {
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
  };

  if (r.end.tMs > L.maxDurationMs) {
    push({ pointer: '/end/tMs', message: `the session lasts ${formatDuration(r.end.tMs)}; no session is longer than ${L.maxDurationMs / HOUR_MS} h` });
  }

  const started = Date.parse(r.startedAt);
  if (Number.isNaN(started)) push({ pointer: '/startedAt', message: `expected an ISO 8601 date and time, received ${JSON.stringify(r.startedAt)}` });
  else if (started < Date.parse(L.earliestStartedAt)) push({ pointer: '/startedAt', message: `${r.startedAt} is before ${L.earliestStartedAt.slice(0, 10)}; no recording of this simulator is that old` });
  else if (options.now !== undefined) {
    const now = typeof options.now === 'number' ? options.now : options.now.getTime();
    if (started > now + L.maxFutureStartMs) push({ pointer: '/startedAt', message: `${r.startedAt} is more than a day after the current time ${new Date(now).toISOString()}` });
  }

  sampleRate(r, push);
  positions(r, options.bounds, push);
  return errors;
}

function sampleRate(r: Recording, push: (e: RecordingError) => void): void {
  const max = RECORDING_LIMITS.maxEventsPerSecond;
  const s = r.samples;
  // The densest second: the window [t_i, t_i + 1 s) from each sample (times are in order after the semantic checks).
  let densest = 0;
  let densestAt = -1;
  for (let i = 0, j = 0; i < s.length; i++) {
    if (j < i) j = i;
    while (j < s.length && s[j].tMs < s[i].tMs + 1000) j++;
    if (j - i > densest) {
      densest = j - i;
      densestAt = i;
    }
  }
  if (densest > max) {
    push({ pointer: `/samples/${densestAt}`, message: `${count(densest)} samples within 1 s from ${fmt(s[densestAt].tMs)} ms; input runs at most ${count(max)} per second` });
    return;
  }
  const seconds = Math.max(1, r.end.tMs / 1000);
  const mean = s.length / seconds;
  if (mean > max) push({ pointer: '/samples', message: `${count(s.length)} samples in ${formatDuration(r.end.tMs)} is ${Math.round(mean)} per second on average; input runs at most ${count(max)} per second` });
}

function positions(r: Recording, bounds: PlausibilityOptions['bounds'], push: (e: RecordingError) => void): void {
  const L = RECORDING_LIMITS;
  const m = L.offHeadMarginMm;
  const lo = bounds ? bounds.min.map((v) => v - m) : null;
  const hi = bounds ? bounds.max.map((v) => v + m) : null;
  let reported = 0;
  const check = (p: Vec3, pointer: string) => {
    if (reported >= MAX_REPORTED_ERRORS) return;
    for (let a = 0; a < 3; a++) {
      if (Math.abs(p[a]) > L.maxCoordinateMm) {
        reported++;
        push({ pointer, message: `coordinate ${fmt(p[a])} mm is absurd; head-frame coordinates lie within ±${L.maxCoordinateMm} mm` });
        return;
      }
    }
    if (!lo || !hi) return;
    for (let a = 0; a < 3; a++) {
      if (p[a] < lo[a] || p[a] > hi[a]) {
        reported++;
        push({ pointer, message: `position ${fmtVec(p)} mm is off the head: more than ${m} mm outside its bounds ${fmtVec(bounds!.min)}..${fmtVec(bounds!.max)}` });
        return;
      }
    }
  };
  r.samples.forEach((s, i) => check(s.p, `/samples/${i}/p`));
  r.pulses.forEach((p, i) => check(p.p, `/pulses/${i}/p`));
  r.contacts.forEach((c, i) => {
    check(c.p, `/contacts/${i}/p`);
    c.path.forEach((pt, j) => check(pt.p, `/contacts/${i}/path/${j}/p`));
  });
}
