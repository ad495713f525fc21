// The 3D practice studio: choose a scenario, work the device on the head with the procedure's steps,
// learn-mode feedback, then the debrief with the report the main process stored and a replay. Attempts
// belong to main: Start asks it for one, the events stream to it as the session runs, End finishes it.
// Test mode shows nothing that judges or hints (./test-mode). An exam's practical part (the `exam` prop)
// starts at once through exams.startPractical, in test mode, with the task brief and its countdown, and
// ends on a neutral "recorded" screen: no report (./exam).

import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api as defaultApi } from '../api/client';
import { AppStoreContext } from '../app/store';
import type { Procedure } from '../../core/recording/types';
import { HEAD_VARIANT_IDS, type HeadVariantId } from '../../core/head-model/variants';
import type { HeadModel } from '../../core/surface/surface';
import { ApiErrorText } from './api-error';
import { Debrief } from './debrief/Debrief';
import { createHeadGeometry, createSurfacePicker, type SurfacePicker } from './head/picker';
import { loadHead } from './head/loadHead';
import { ExamDone, ExamStartView, TaskPanel } from './exam/ExamPanels';
import { ExamTaskContext, useExamTask, useStartPractical, type ExamPractical, type ExamTask } from './exam/practical';
import { DevicePanel } from './panels/DevicePanel';
import { EndpointPanel } from './panels/EndpointPanel';
import { FeedbackPanel } from './panels/FeedbackPanel';
import { LeaveConfirm, useLeave } from './panels/LeaveConfirm';
import { ProcedurePanel } from './panels/ProcedurePanel';
import { SetupPanel } from './panels/SetupPanel';
import { StudioScene } from './scene/StudioScene';
import { createStudioStore, StudioStoreContext, useStudio, type StudioApi } from './store';
import { headVariantOf } from './store/session';
import { StudioBar } from './StudioBar';
import { feedbackVisible } from './test-mode';
import './studio.css';
import './studio-layout.css';
import './studio-test-mode.css';

export interface StudioScreenProps {
  /** The practice procedure (an exam's practical takes the procedure main's attempt header names). */
  procedure: Procedure;
  onExit: () => void;
  /** A stored attempt to reopen: its stored recording and report (never scored again). */
  openAttemptId?: string;
  /** The practical part of a running exam attempt: started here at once, in test mode. */
  exam?: ExamPractical;
}

export interface LoadedHead {
  head: HeadModel;
  picker: SurfacePicker;
}

/** Both shipped heads, ready: a session shows and scores the one its case is treated on. */
export type LoadedHeads = Record<HeadVariantId, LoadedHead>;

type HeadState = { status: 'loading' } | { status: 'ready'; loaded: LoadedHeads } | { status: 'error'; message: string };

export function useLoadedHead(load: (variant: HeadVariantId) => Promise<HeadModel> = loadHead): HeadState {
  const [state, setState] = useState<HeadState>({ status: 'loading' });
  // Loaded once per mount, whatever function identity the caller passes on later renders.
  const loader = useRef(load);
  useEffect(() => {
    let live = true;
    Promise.all(HEAD_VARIANT_IDS.map((variant) => loader.current(variant))).then(
      (models) => {
        if (!live) return;
        const entries = HEAD_VARIANT_IDS.map((variant, i) => [variant, { head: models[i], picker: createSurfacePicker(models[i], createHeadGeometry(models[i])) }] as const);
        setState({ status: 'ready', loaded: Object.fromEntries(entries) as LoadedHeads });
      },
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function StudioScreen({
  procedure: practiceProcedure,
  onExit,
  openAttemptId,
  exam,
  loadHeadModel,
  uploadTiming,
}: StudioScreenProps & { loadHeadModel?: (variant: HeadVariantId) => Promise<HeadModel>; uploadTiming?: { intervalMs?: number } }) {
  const { t } = useTranslation('studio');
  const headState = useLoadedHead(loadHeadModel);
  const appStore = useContext(AppStoreContext);
  // The shell's API (its store carries it; tests give it real services), else the app-wide one.
  const api: StudioApi = appStore?.getState().api ?? defaultApi;
  const heads = headState.status === 'ready' ? headState.loaded : null;
  const timing = useRef(uploadTiming);
  const practical = useStartPractical(api, exam, heads !== null);
  const started = practical.status === 'started' ? practical.started : null;
  const procedure = started ? started.header.procedure : practiceProcedure;
  const waiting = Boolean(exam) && !started;
  // One store once the heads are ready, so nothing recorded can be lost to a swap; each session runs on the
  // head its case names.
  const store = useMemo(
    () =>
      heads && !waiting
        ? createStudioStore({
            procedure,
            surface: null,
            surfaceFor: (variant) => heads[variant].head,
            api,
            ...(started ? { initialMode: 'test' as const } : {}),
            ...(timing.current ? { upload: timing.current } : {}),
          })
        : null,
    [procedure, heads, api, waiting, started],
  );
  // The latest way back to the exam (the shell may hand a new function on every render).
  const done = useRef(exam?.onDone);
  useEffect(() => {
    done.current = exam?.onDone;
  });
  const task = useMemo<ExamTask | null>(() => (started ? { brief: started.brief, timeLimitMs: started.timeLimitMs, onDone: () => done.current?.() } : null), [started]);

  useEffect(() => {
    if (!store) return;
    const detach = store.getState().attachStudio();
    // Closing the window: send what is recorded (best effort; main abandons an orphaned attempt itself).
    const flush = () => store.getState().flushNow();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      detach();
    };
  }, [store]);

  useEffect(() => {
    if (openAttemptId && store) void store.getState().openAttempt(openAttemptId);
  }, [openAttemptId, store]);

  useEffect(() => {
    // The exam's attempt, as main started it: its settings, its header (test mode), streamed from now on.
    if (!store || !started || store.getState().phase !== 'setup') return;
    const initial = started.initialSettings;
    store.setState({ settings: initial });
    store.getState().beginAttempt(started);
  }, [store, started]);

  return (
    <StudioStoreContext.Provider value={store}>
      <div className="studio" data-procedure={procedure}>
        {headState.status === 'loading' && (
          <p className="loading" role="status">
            {t('loadingHead')}
          </p>
        )}
        {headState.status === 'error' && (
          <div className="studio-error" role="alert">
            <h1>{t('headError')}</h1>
            <p>{headState.message}</p>
            <button type="button" className="button" onClick={onExit}>
              {t('exit')}
            </button>
          </div>
        )}
        {heads && exam && waiting && <ExamStartView state={practical} onBack={() => done.current?.()} />}
        {heads && store && (
          <ExamTaskContext.Provider value={task}>
            <StudioBody heads={heads} onExit={onExit} opening={Boolean(openAttemptId)} />
          </ExamTaskContext.Provider>
        )}
      </div>
    </StudioStoreContext.Provider>
  );
}

function StudioBody({ heads, onExit, opening }: { heads: LoadedHeads; onExit: () => void; opening: boolean }) {
  const { t } = useTranslation('studio');
  const head = heads[useStudio(headVariantOf)];
  const phase = useStudio((s) => s.phase);
  const recording = useStudio((s) => s.recording);
  const problem = useStudio((s) => s.problem);
  const busy = useStudio((s) => s.busy);
  const leave = useLeave(onExit);
  const task = useExamTask();
  const [timeUp, setTimeUp] = useState(false);
  // Once the stored attempt has been shown, Practise again leads to the set-up like any debrief.
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (phase === 'debrief') setShown(true);
  }, [phase]);

  // An exam's practical: no report, results come with the exam's.
  if (task && (phase === 'debrief' || busy === 'ending')) return <ExamDone timeUp={timeUp} />;
  if (phase === 'debrief' && recording) return <Debrief head={head} recording={recording} leave={leave} />;
  // A stored attempt is on its way from the main process: no practice set-up meanwhile.
  if (opening && !shown) {
    return problem?.action === 'open' ? (
      <div className="studio-error" role="alert" data-testid="open-error">
        <p>
          {t('openError')} <ApiErrorText error={problem.error} />
        </p>
        <button type="button" className="button" onClick={onExit}>
          {t('exit')}
        </button>
      </div>
    ) : (
      <p className="loading" role="status">
        {t('openingRecording')}
      </p>
    );
  }

  return (
    <div className="studio-layout">
      <StudioBar leave={leave} onTimeUp={() => setTimeUp(true)} />
      <aside className="studio-side studio-side-left">
        {phase === 'setup' && !task ? <SetupPanel canStart /> : <ProcedurePanel />}
        <DevicePanel />
        <EndpointPanel />
      </aside>
      <main className="studio-stage" data-head={head.head.variant}>
        <StudioScene head={head} />
      </main>
      <aside className="studio-side studio-side-right">
        <RightPanel />
      </aside>
      <LeaveConfirm leave={leave} />
    </div>
  );
}

/**
 * Learn mode shows live feedback, and before the start the steps to come; test mode (feedbackVisible)
 * shows the task as given and nothing else: no steps, no feedback.
 */
export function RightPanel() {
  const phase = useStudio((s) => s.phase);
  const hints = useStudio((s) => feedbackVisible(s.mode));
  if (!hints) return <TaskPanel />;
  if (phase !== 'running' && phase !== 'ending') return <ProcedurePanel />;
  return <FeedbackPanel />;
}
