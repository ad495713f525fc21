// The attempt slice: the studio's side of attempts owned by the main process. Start asks main for the
// attempt (id, header, start time); the uploader streams the recorder's events as the session runs; End
// flushes and finishes, and the debrief shows the report main returned; leaving abandons (kept, not
// counted); a stored attempt reopens with its stored report; a file is imported. Main scores, never this.

import type { ApiError } from '../../../core/api/errors';
import type { Recording } from '../../../core/recording/types';
import { createAttemptUploader, type AttemptUploader } from '../attempt-upload';
import type { Slice, StudioEnv } from './session';
import type { AttemptAction, AttemptSlice, StudioApi } from './types';

/** Errors after which finishing again cannot help: main has ended the attempt (or it is not this person's). */
const FINAL_FINISH_ERRORS = new Set<ApiError['code']>(['invalid-recording', 'conflict', 'not-found', 'forbidden', 'invalid-payload']);

export const attemptSlice =
  (env: StudioEnv): Slice<AttemptSlice> =>
  (set, get) => {
    let uploader: AttemptUploader | null = null;
    /** The recording as it stood when End was pressed, kept for a retry. */
    let ended: { recording: Recording; endTMs: number } | null = null;
    let disposed = false;

    const fail = (action: AttemptAction, error: ApiError, retry: boolean) => set({ busy: null, problem: { action, error, retry } });
    const api = (): StudioApi | null => env.api ?? null;

    const finish = async (): Promise<void> => {
      const a = api();
      const attempt = get().attempt;
      if (!a || !attempt || !uploader || !ended) return;
      const { recording, endTMs } = ended;
      set({ busy: 'ending', problem: null });
      const flushed = await uploader.flush();
      if (flushed) {
        get().showRecording(recording);
        return fail('finish', flushed, !uploader.state().fatal);
      }
      const r = await a.sessions.finish({ attemptId: attempt.id, batches: uploader.state().batches, endTMs, zones: recording.zones });
      if (r.ok) {
        uploader.stop();
        uploader = null;
        ended = null;
        set({ busy: null, attempt: null, problem: null, outcome: { source: 'finished', summary: r.value.summary, report: r.value.report } });
        get().showRecording(recording);
        return;
      }
      const final = FINAL_FINISH_ERRORS.has(r.error.code);
      if (final) {
        // Main has ended the attempt (an invalid recording is kept as abandoned): show what it stored.
        uploader.stop();
        uploader = null;
        const stored = await a.sessions.open({ id: attempt.id });
        set({ attempt: null, outcome: stored.ok ? { source: 'abandoned', summary: stored.value.summary, report: stored.value.report } : null });
      }
      get().showRecording(recording);
      fail('finish', r.error, !final);
    };

    /** Left without Back (the shell moved on): what is recorded goes, then the attempt is abandoned; should
     * the window be closing, main abandons the orphaned attempt by itself. */
    const leftWithoutBack = () => {
      const a = api();
      const attempt = get().attempt;
      const last = uploader;
      uploader = null;
      if (!a || !attempt || !last) return;
      void last
        .flush({ attempts: 1 })
        .then(() => a.sessions.abandon({ attemptId: attempt.id }))
        .finally(() => last.stop());
    };

    return {
      attempt: null,
      upload: null,
      busy: null,
      problem: null,
      outcome: null,

      async startSession() {
        const s = get();
        if (s.phase !== 'setup' || s.busy) return;
        const a = api();
        if (!a) {
          s.beginSession();
          set({ outcome: null, problem: null });
          return;
        }
        set({ busy: 'starting', problem: null });
        const r = await a.sessions.start({ presetId: s.preset.id, mode: s.mode });
        if (!r.ok) return fail('start', r.error, true);
        if (disposed) {
          // The studio was left while main started the attempt: nothing was recorded, so end it at once.
          void a.sessions.abandon({ attemptId: r.value.attemptId });
          return;
        }
        get().beginAttempt(r.value);
      },

      beginAttempt(started) {
        const a = api();
        if (!a || get().phase !== 'setup') return;
        get().beginSession(started);
        const recorder = get().recorder;
        if (!recorder) return fail('start', { code: 'internal', message: 'the studio could not start recording' }, true);
        uploader = createAttemptUploader({
          attemptId: started.attemptId,
          source: recorder,
          append: (args) => a.sessions.append(args),
          ...(env.upload?.intervalMs !== undefined ? { intervalMs: env.upload.intervalMs } : {}),
          ...(env.upload?.backoff ? { backoff: env.upload.backoff } : {}),
          onChange: (upload) => set({ upload }),
        });
        uploader.start();
        ended = null;
        set({ busy: null, attempt: { id: started.attemptId, startedAt: started.startedAt }, upload: uploader.state(), outcome: null, problem: null });
      },

      async endSession() {
        if (get().busy) return;
        const closed = get().closeRecording();
        if (!closed) return;
        ended = closed;
        if (!uploader) {
          // A local session (no main process): nothing is stored and nothing scored here.
          set({ outcome: { source: 'local', summary: null, report: null } });
          get().showRecording(closed.recording);
          return;
        }
        await finish();
      },

      async retryFinish() {
        if (get().busy || !get().problem?.retry || get().problem?.action !== 'finish') return;
        await finish();
      },

      async abandonSession() {
        const s = get();
        if (s.busy === 'leaving') return false;
        const a = api();
        const attempt = s.attempt;
        if (!a || !attempt || !uploader) return true;
        set({ busy: 'leaving', problem: null });
        if (s.phase === 'running') ended = get().closeRecording();
        // Whatever gets through is kept; abandon keeps what main has.
        await uploader.flush({ attempts: 2 });
        const r = await a.sessions.abandon({ attemptId: attempt.id });
        if (r.ok || r.error.code === 'conflict' || r.error.code === 'not-found') {
          uploader.stop();
          uploader = null;
          set({ busy: null, attempt: null, outcome: r.ok ? { source: 'abandoned', summary: r.value, report: null } : get().outcome });
          return true;
        }
        fail('abandon', r.error, true);
        return false;
      },

      async openAttempt(id) {
        const a = api();
        if (!a) return;
        set({ busy: 'opening', problem: null });
        const r = await a.sessions.open({ id });
        if (!r.ok) return fail('open', r.error, true);
        const { summary, recording, report } = r.value;
        if (!recording) return fail('open', { code: 'not-found', message: `attempt ${id} is ${summary.status} and has no stored recording yet` }, false);
        set({ busy: null, outcome: { source: summary.kind === 'imported' ? 'imported' : 'stored', summary, report } });
        get().showRecording(recording as Recording);
      },

      async importRecording(document, recording, fileName) {
        const a = api();
        if (!a || get().busy) return;
        set({ busy: 'importing', problem: null });
        const r = await a.sessions.import({ recording: document as Recording, fileName });
        if (!r.ok) return fail('import', r.error, false);
        set({ busy: null, outcome: { source: 'imported', summary: r.value.summary, report: r.value.report } });
        get().showRecording(recording);
      },

      practiseAgain() {
        if (get().busy) return;
        ended = null;
        set({ outcome: null, problem: null, upload: null });
        get().newSession();
      },

      flushNow() {
        uploader?.sendNow();
      },

      attachStudio() {
        disposed = false;
        return () => {
          disposed = true;
          // Mounted again at once (React's StrictMode checks do so): the studio is still here, nothing ends.
          setTimeout(() => {
            if (disposed) leftWithoutBack();
          }, 0);
        };
      },

      clearProblem() {
        set({ problem: null });
      },
    };
  };
