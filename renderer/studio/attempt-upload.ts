// Streams a running attempt's events to the main process: every event the recorder records, in order,
// in numbered batches (0, 1, 2...) about once a second and at most MAX_EVENTS_PER_BATCH at a time, one
// batch in flight, strictly in seq order. A failed call is retried with the SAME batch (same seq, same
// events, same zones) after a growing pause, so a lost answer is harmless: main stores a batch sent again
// once. Zones go with the first batch after they change. Pure logic on a timer (never per frame, never per
// sample): it reads the recorder's event list from where it got to, so recording costs nothing extra.

import { MAX_EVENTS_PER_BATCH } from '../../core/api/schemas/attempts';
import type { ApiError, ApiErrorCode, ApiResult } from '../../core/api/errors';
import type { Zone } from '../../core/recording/types';
import type { RecordingEvent } from '../../core/scoring/live-contract';

export interface AppendArgs {
  attemptId: string;
  seq: number;
  events: RecordingEvent[];
  zones?: Zone[];
}

export type AppendCall = (args: AppendArgs) => Promise<ApiResult<{ attemptId: string; seq: number; stored: number }>>;

/** What the uploader reads: the recorder (events so far, in order, and the RF zones as they stand). */
export interface UploadSource {
  events(): readonly RecordingEvent[];
  zones(): readonly Zone[];
}

export interface UploadState {
  /** Events recorded but not yet stored by main (including the batch in flight). */
  pendingEvents: number;
  /** Seq of the last batch main confirmed, -1 before the first. */
  lastStoredSeq: number;
  /** Batches main has stored: what finish sends as `batches`. */
  batches: number;
  inFlight: boolean;
  /** The last failure, until a batch gets through; null while all is well. */
  error: ApiError | null;
  /** True when retrying cannot help (the attempt has ended, or is not this person's): sending has stopped. */
  fatal: boolean;
  /** Failed tries of the batch now being sent. */
  failures: number;
}

export interface UploaderOptions {
  attemptId: string;
  source: UploadSource;
  append: AppendCall;
  /** Pause between batches while all is well (default 1000 ms). */
  intervalMs?: number;
  maxEventsPerBatch?: number;
  /** Back-off after a failure: first pause, factor and ceiling (defaults 500 ms, 2, 15 s). */
  backoff?: { initialMs: number; factor: number; maxMs: number };
  onChange?: (state: UploadState) => void;
  /**
   * A batch with no events goes after this long without one (default 5 min), so main, which abandons an
   * attempt idle for 30 min, keeps a session that is paused (the trainee reading the case) running.
   */
  keepAliveMs?: number;
  now?: () => number;
  timers?: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void };
}

export interface AttemptUploader {
  /** Starts the timer (the first batch goes after one interval). */
  start(): void;
  state(): UploadState;
  /**
   * Sends everything recorded so far, batch after batch, retrying each failed batch with back-off up to
   * `attempts` tries in a row. Null when all is stored, else the error that stopped it.
   */
  flush(options?: { attempts?: number }): Promise<ApiError | null>;
  /** Window closing: sends the next batch now without waiting (best effort; main abandons orphans itself). */
  sendNow(): void;
  /** Stops the timer; nothing more is sent. */
  stop(): void;
}

/** Codes after which sending the batch again cannot succeed. */
const FATAL_CODES: ReadonlySet<ApiErrorCode> = new Set(['conflict', 'not-found', 'forbidden', 'unauthenticated', 'invalid-payload', 'unknown-call']);

interface Batch {
  seq: number;
  to: number;
  args: AppendArgs;
  zonesKey: string | null;
}

export function backoffDelay(failures: number, backoff: { initialMs: number; factor: number; maxMs: number }): number {
  return Math.min(backoff.maxMs, backoff.initialMs * backoff.factor ** Math.max(0, failures - 1));
}

export function createAttemptUploader(options: UploaderOptions): AttemptUploader {
  const { attemptId, source, append } = options;
  const intervalMs = options.intervalMs ?? 1000;
  const maxBatch = Math.max(1, Math.min(options.maxEventsPerBatch ?? MAX_EVENTS_PER_BATCH, MAX_EVENTS_PER_BATCH));
  const backoff = options.backoff ?? { initialMs: 500, factor: 2, maxMs: 15_000 };
  const timers = options.timers ?? { setTimeout: (fn: () => void, ms: number) => globalThis.setTimeout(fn, ms), clearTimeout: (h: unknown) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>) };

  const keepAliveMs = options.keepAliveMs ?? 5 * 60_000;
  const now = options.now ?? (() => Date.now());
  let lastStoredAt = now();
  /** Index of the first event main has not stored. */
  let cursor = 0;
  let nextSeq = 0;
  /** The zones main holds (as JSON), so a change is sent once. */
  let sentZonesKey = JSON.stringify(source.zones());
  /** The batch being sent until main stores it: retries send exactly this. */
  let current: Batch | null = null;
  let busy: Promise<boolean> | null = null;
  let timer: unknown = null;
  let running = false;
  let flushing = false;
  let error: ApiError | null = null;
  let fatal = false;
  let failures = 0;

  const state = (): UploadState => ({
    pendingEvents: source.events().length - cursor,
    lastStoredSeq: nextSeq - 1,
    batches: nextSeq,
    inFlight: busy !== null,
    error,
    fatal,
    failures,
  });
  const emit = () => options.onChange?.(state());

  const hasPending = () => current !== null || source.events().length > cursor || JSON.stringify(source.zones()) !== sentZonesKey;

  const nextBatch = (): Batch | null => {
    if (current) return current;
    const events = source.events();
    const zonesKey = JSON.stringify(source.zones());
    const to = Math.min(events.length, cursor + maxBatch);
    const zonesChanged = zonesKey !== sentZonesKey;
    if (to === cursor && !zonesChanged && now() - lastStoredAt < keepAliveMs) return null;
    const args: AppendArgs = { attemptId, seq: nextSeq, events: events.slice(cursor, to) };
    if (zonesChanged) args.zones = JSON.parse(zonesKey) as Zone[];
    current = { seq: nextSeq, to, args, zonesKey: zonesChanged ? zonesKey : null };
    return current;
  };

  /** One call for the current batch. True when it was stored (or there was nothing to send). */
  const sendOnce = async (): Promise<boolean> => {
    const batch = nextBatch();
    if (!batch) return true;
    let result: Awaited<ReturnType<AppendCall>>;
    try {
      result = await append(batch.args);
    } catch (e) {
      result = { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
    if (result.ok) {
      lastStoredAt = now();
      cursor = batch.to;
      nextSeq = batch.seq + 1;
      if (batch.zonesKey !== null) sentZonesKey = batch.zonesKey;
      current = null;
      error = null;
      fatal = false;
      failures = 0;
      return true;
    }
    error = result.error;
    fatal = FATAL_CODES.has(result.error.code);
    failures++;
    return false;
  };

  /** One batch in flight at a time: a caller arriving while one is out waits for that one. */
  const send = (): Promise<boolean> => {
    if (busy) return busy;
    const call = sendOnce().finally(() => {
      busy = null;
      emit();
    });
    busy = call;
    emit();
    return call;
  };

  const clearTimer = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  const schedule = (ms: number) => {
    clearTimer();
    if (running && !flushing && !fatal) timer = timers.setTimeout(tick, ms);
  };
  const tick = () => {
    timer = null;
    if (!running || flushing) return;
    const before = cursor;
    void send().then((stored) => {
      if (!stored) return schedule(backoffDelay(failures, backoff));
      // After a full batch the rest of a backlog goes out at once, batch after batch.
      schedule(cursor - before >= maxBatch && source.events().length > cursor ? 0 : intervalMs);
    });
  };

  const sleep = (ms: number) => new Promise<void>((resolve) => timers.setTimeout(resolve, ms));

  return {
    start() {
      running = true;
      schedule(intervalMs);
    },
    state,
    async flush({ attempts = 4 } = {}) {
      flushing = true;
      clearTimer();
      // Asked again after a hopeless failure (the trainee pressed retry): try once more.
      fatal = false;
      let tries = 0;
      try {
        for (;;) {
          if (busy) await busy;
          if (!hasPending()) return null;
          if (await send()) {
            tries = 0;
            continue;
          }
          tries++;
          if (fatal || tries >= attempts) return error;
          await sleep(backoffDelay(tries, backoff));
        }
      } finally {
        flushing = false;
        emit();
        if (running) schedule(intervalMs);
      }
    },
    sendNow() {
      if (!busy && !fatal && hasPending()) void send();
    },
    stop() {
      running = false;
      clearTimer();
    },
  };
}
