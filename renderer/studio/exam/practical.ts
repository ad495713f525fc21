// An exam's practical part in the studio: main starts it (exams.startPractical) as a normal studio
// attempt in test mode, on the task it holds; the studio streams it and finishes or abandons it as any
// attempt. Started once per studio, whatever React does with effects (StrictMode runs them twice): an
// attempt started for a studio that is gone by the time main answers is abandoned at once.

import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../core/api/errors';
import type { LocalizedText } from '../../../core/scoring/report';
import type { StartedPractical, StudioApi } from '../store';

/** What the shell's exam screen hands the studio for its practical part. */
export interface ExamPractical {
  examAttemptId: string;
  partId: string;
  /** The practical is over (recorded, or it could not start): back to the exam. */
  onDone: () => void;
}

export type PracticalStart = { status: 'idle' } | { status: 'starting' } | { status: 'error'; error: ApiError } | { status: 'started'; started: StartedPractical };

/** Starts the practical when `ready` (the head is loaded, so no time is lost to a head that fails). */
export function useStartPractical(api: StudioApi, exam: ExamPractical | undefined, ready: boolean): PracticalStart {
  const [state, setState] = useState<PracticalStart>({ status: 'idle' });
  const call = useRef<Promise<PracticalStart> | null>(null);
  const mounted = useRef({ count: 0 });
  const examAttemptId = exam?.examAttemptId;
  const partId = exam?.partId;
  useEffect(() => {
    if (!examAttemptId || !partId || !ready) return;
    const users = mounted.current;
    users.count++;
    let live = true;
    if (!call.current) {
      setState({ status: 'starting' });
      const start = api.exams?.startPractical;
      call.current = (
        start
          ? start({ examAttemptId, partId }).then((r): PracticalStart => (r.ok ? { status: 'started', started: r.value } : { status: 'error', error: r.error }))
          : Promise.resolve<PracticalStart>({ status: 'error', error: { code: 'unknown-call', message: 'exams.startPractical is not available' } })
      ).catch((e: unknown): PracticalStart => ({ status: 'error', error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } }));
      void call.current.then((result) => {
        // Nobody is left to run it: end it now (nothing was recorded).
        if (result.status === 'started' && users.count === 0) void api.sessions.abandon({ attemptId: result.started.attemptId });
      });
    }
    void call.current.then((result) => {
      if (live) setState(result);
    });
    return () => {
      live = false;
      users.count--;
    };
  }, [api, examAttemptId, partId, ready]);
  return state;
}

/** The running practical's task: its brief, its time (counted from the start of recording) and the way back. */
export interface ExamTask {
  brief: LocalizedText;
  timeLimitMs: number;
  onDone: () => void;
}

export const ExamTaskContext = createContext<ExamTask | null>(null);

export function useExamTask(): ExamTask | null {
  return useContext(ExamTaskContext);
}

/** Time left of the task (performance.now() clock, from the session's start), refreshed four times a second; null outside an exam. */
export function useTimeLeft(task: ExamTask | null, startPerfMs: number, running: boolean): number | null {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!task || !running) return;
    const tick = () => setNow(performance.now());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [task, running]);
  if (!task) return null;
  return Math.max(0, task.timeLimitMs - Math.max(0, now - startPerfMs));
}
