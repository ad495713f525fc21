// One exam attempt as this window holds it: the session main opened, every step queued and sent in order
// as it is given (a failed save stays queued, is shown, and is re-sent), the responses as main stored them
// with the queued steps applied on top, and the clock, re-synced from every answer and ticking locally.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExamSession, MicroneedleApi, ResponseState } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import type { ExamStep } from '../../../../core/exams/format/steps';
import { applyStep } from './apply-step';

/** Errors a later try can get past (the server unreachable, a storage hiccup); others are refusals. */
const RETRYABLE = new Set<ApiError['code']>(['storage-failed', 'internal', 'unavailable']);
export const RETRY_MS = 3000;
/** Main counts time only while it hears from the window (a quiet minute is a pause): keep it hearing. */
export const HEARTBEAT_MS = 30_000;

export type LoadState = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready' };

export interface SaveState {
  status: 'idle' | 'saving' | 'saved' | 'failed';
  /** The last failure of a save still queued. */
  error: ApiError | null;
  /** A step main refused (it was dropped; the attempt was read again). */
  refused: ApiError | null;
}

export interface ExamController {
  load: LoadState;
  session: ExamSession | null;
  state: ResponseState | null;
  /** Steps given but not yet stored. */
  pending: readonly ExamStep[];
  save: SaveState;
  remainingMs: number;
  submitting: boolean;
  submitError: ApiError | null;
  send(step: ExamStep): void;
  retry(): void;
  reload(): void;
  submit(): Promise<void>;
}

export function useExamSession(api: MicroneedleApi, examAttemptId: string, readOnly: boolean): ExamController {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [session, setSession] = useState<ExamSession | null>(null);
  const [serverState, setServerState] = useState<ResponseState | null>(null);
  const [pending, setPending] = useState<readonly ExamStep[]>([]);
  const [save, setSave] = useState<SaveState>({ status: 'idle', error: null, refused: null });
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);

  const live = useRef(true);
  const queue = useRef<ExamStep[]>([]);
  const sending = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const autoSubmitted = useRef(false);

  const syncClock = useCallback((remainingMs: number) => {
    const at = Date.now();
    setNow(at);
    setDeadline(at + remainingMs);
  }, []);

  const takeSession = useCallback(
    (value: ExamSession) => {
      setSession(value);
      setServerState(value.state);
      syncClock(value.status === 'running' ? value.remainingMs : 0);
    },
    [syncClock],
  );

  const open = useCallback(async () => {
    const result = await api.exams.open({ id: examAttemptId });
    if (!live.current) return;
    if (result.ok) {
      takeSession(result.value);
      setLoad({ status: 'ready' });
    } else setLoad((before) => (before.status === 'ready' ? before : { status: 'error', error: result.error }));
  }, [api, examAttemptId, takeSession]);

  useEffect(() => {
    live.current = true;
    void open();
    return () => {
      live.current = false;
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, [open]);

  const pump = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    if (retryTimer.current) clearTimeout(retryTimer.current);
    retryTimer.current = null;
    while (queue.current.length > 0 && live.current) {
      const step = queue.current[0];
      setSave((s) => ({ ...s, status: 'saving' }));
      const result = await api.exams.step({ examAttemptId, step });
      if (!live.current) break;
      if (result.ok) {
        queue.current = queue.current.slice(1);
        setPending(queue.current);
        setServerState(result.value.state);
        syncClock(result.value.remainingMs);
        setSave((s) => ({ ...s, error: null }));
      } else if (RETRYABLE.has(result.error.code)) {
        setSave((s) => ({ ...s, status: 'failed', error: result.error }));
        retryTimer.current = setTimeout(() => void pump(), RETRY_MS);
        sending.current = false;
        return;
      } else {
        // Refused (the time is up, the attempt was submitted elsewhere…): retrying cannot help.
        queue.current = queue.current.slice(1);
        setPending(queue.current);
        setSave((s) => ({ ...s, refused: result.error }));
        void open();
      }
    }
    sending.current = false;
    if (live.current && queue.current.length === 0) setSave((s) => ({ ...s, status: 'saved', error: null }));
  }, [api, examAttemptId, open, syncClock]);

  const send = useCallback(
    (step: ExamStep) => {
      if (readOnly) return;
      queue.current = [...queue.current, step];
      setPending(queue.current);
      setSave((s) => ({ ...s, refused: null }));
      void pump();
    },
    [readOnly, pump],
  );

  const running = session?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  // The heartbeat re-reads the attempt: the clock as main counts it, and a submission made elsewhere.
  useEffect(() => {
    if (!running || readOnly) return;
    const timer = setInterval(() => {
      void api.exams.open({ id: examAttemptId }).then((result) => {
        if (!live.current || !result.ok) return;
        if (result.value.status === 'submitted') takeSession(result.value);
        else syncClock(result.value.remainingMs);
      });
    }, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [running, readOnly, api, examAttemptId, takeSession, syncClock]);
  const remainingMs = running && deadline !== null ? Math.max(0, deadline - now) : 0;

  const submit = useCallback(async () => {
    if (readOnly) return;
    setSubmitting(true);
    setSubmitError(null);
    const result = await api.exams.submit({ examAttemptId });
    if (!live.current) return;
    setSubmitting(false);
    if (result.ok) {
      queue.current = [];
      setPending([]);
      takeSession(result.value);
    } else {
      setSubmitError(result.error);
      if (!RETRYABLE.has(result.error.code)) void open();
    }
  }, [api, examAttemptId, readOnly, takeSession, open]);

  // At 0 the attempt is submitted automatically, once.
  useEffect(() => {
    if (!running || readOnly || deadline === null || remainingMs > 0 || autoSubmitted.current) return;
    autoSubmitted.current = true;
    void submit();
  }, [running, readOnly, deadline, remainingMs, submit]);

  const state = useMemo(() => (serverState ? pending.reduce(applyStep, serverState) : null), [serverState, pending]);

  return {
    load,
    session,
    state,
    pending,
    save,
    remainingMs,
    submitting,
    submitError,
    send,
    retry: () => void pump(),
    reload: () => void open(),
    submit,
  };
}
