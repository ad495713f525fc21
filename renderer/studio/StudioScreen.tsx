// The 3D practice studio: choose a scenario, work the device on the head with the procedure's steps,
// learn-mode feedback, then the debrief with the report the main process stored and a replay. Attempts
// belong to main: Start asks it for one, the events stream to it as the session runs, End finishes it.

import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api as defaultApi } from '../api/client';
import { AppStoreContext } from '../app/store';
import type { Procedure } from '../../core/recording/types';
import type { HeadModel } from '../../core/surface/surface';
import { ApiErrorText } from './api-error';
import { Debrief } from './debrief/Debrief';
import { createHeadGeometry, createSurfacePicker, type SurfacePicker } from './head/picker';
import { loadHead } from './head/loadHead';
import { DevicePanel } from './panels/DevicePanel';
import { DwellTimer } from './panels/DwellTimer';
import { FeedbackPanel } from './panels/FeedbackPanel';
import { LeaveConfirm, useLeave } from './panels/LeaveConfirm';
import { ProcedurePanel } from './panels/ProcedurePanel';
import { SetupPanel } from './panels/SetupPanel';
import { UploadStatus } from './panels/UploadStatus';
import { StudioScene } from './scene/StudioScene';
import { createStudioStore, StudioStoreContext, useStudio, useStudioStoreApi, type StudioApi } from './store';
import './studio.css';
import './studio-layout.css';

export interface StudioScreenProps {
  procedure: Procedure;
  onExit: () => void;
  /** A stored attempt to reopen: its stored recording and report (never scored again). */
  openAttemptId?: string;
}

export interface LoadedHead {
  head: HeadModel;
  picker: SurfacePicker;
}

type HeadState = { status: 'loading' } | { status: 'ready'; loaded: LoadedHead } | { status: 'error'; message: string };

export function useLoadedHead(load: () => Promise<HeadModel> = loadHead): HeadState {
  const [state, setState] = useState<HeadState>({ status: 'loading' });
  // Loaded once per mount, whatever function identity the caller passes on later renders.
  const loader = useRef(load);
  useEffect(() => {
    let live = true;
    loader.current().then(
      (head) => {
        if (!live) return;
        const picker = createSurfacePicker(head, createHeadGeometry(head));
        setState({ status: 'ready', loaded: { head, picker } });
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
  procedure,
  onExit,
  openAttemptId,
  loadHeadModel,
  uploadTiming,
}: StudioScreenProps & { loadHeadModel?: () => Promise<HeadModel>; uploadTiming?: { intervalMs?: number } }) {
  const { t } = useTranslation('studio');
  const headState = useLoadedHead(loadHeadModel);
  const appStore = useContext(AppStoreContext);
  // The shell's API (its store carries it; tests give it real services), else the app-wide one.
  const api: StudioApi = appStore?.getState().api ?? defaultApi;
  const head = headState.status === 'ready' ? headState.loaded : null;
  const timing = useRef(uploadTiming);
  // One store per loaded head: created once the head is ready, so nothing recorded can be lost to a swap.
  const store = useMemo(() => head && createStudioStore({ procedure, surface: head.head, api, ...(timing.current ? { upload: timing.current } : {}) }), [procedure, head, api]);

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
        {head && store && <StudioBody head={head} onExit={onExit} opening={Boolean(openAttemptId)} />}
      </div>
    </StudioStoreContext.Provider>
  );
}

function StudioBody({ head, onExit, opening }: { head: LoadedHead; onExit: () => void; opening: boolean }) {
  const { t } = useTranslation('studio');
  const phase = useStudio((s) => s.phase);
  const recording = useStudio((s) => s.recording);
  const problem = useStudio((s) => s.problem);
  const leave = useLeave(onExit);
  // Once the stored attempt has been shown, Practise again leads to the set-up like any debrief.
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (phase === 'debrief') setShown(true);
  }, [phase]);

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
      <StudioBar leave={leave} />
      <aside className="studio-side studio-side-left">
        {phase === 'setup' ? <SetupPanel canStart /> : <ProcedurePanel />}
        <DevicePanel />
      </aside>
      <main className="studio-stage">
        <StudioScene head={head} />
      </main>
      <aside className="studio-side studio-side-right">
        <RightPanel />
      </aside>
      <LeaveConfirm leave={leave} />
    </div>
  );
}

function StudioBar({ leave }: { leave: ReturnType<typeof useLeave> }) {
  const { t } = useTranslation('studio');
  const store = useStudioStoreApi();
  const phase = useStudio((s) => s.phase);
  const procedure = useStudio((s) => s.procedure);
  const mode = useStudio((s) => s.mode);
  const counts = useStudio((s) => s.counts);
  const busy = useStudio((s) => s.busy);
  const live = phase === 'running' || phase === 'ending';
  return (
    <header className="studio-bar">
      <h1>{t(`title.${procedure}`)}</h1>
      {live && (
        <>
          <span className={`studio-mode-badge mode-${mode}`}>{t(`mode.${mode}`)}</span>
          {procedure === 'nano' && mode === 'learn' && <DwellTimer />}
          {procedure === 'roller' ? (
            // The raw sample count is never shown to trainees (it is there, hidden, for tests and tools).
            <span hidden data-testid="event-counts">
              {counts.samples}
            </span>
          ) : (
            <span className="studio-counts" data-testid="event-counts">
              {procedure === 'rf' ? t('counts.pulses', { n: counts.pulses }) : t('counts.contacts', { n: counts.contacts })}
            </span>
          )}
          <UploadStatus />
          <button
            type="button"
            className="button primary"
            onClick={() => void store.getState().endSession()}
            disabled={phase !== 'running' || busy !== null}
            aria-busy={busy === 'ending'}
            data-testid="end-session"
          >
            {busy === 'ending' ? t('ending') : t('endSession')}
          </button>
        </>
      )}
      <button type="button" className="button subtle" onClick={leave.request} disabled={busy === 'ending' || busy === 'leaving'} data-testid="studio-exit">
        {t('exit')}
      </button>
    </header>
  );
}

/** Learn mode shows live feedback; test mode shows none of it; before the start, the steps to come. */
export function RightPanel() {
  const phase = useStudio((s) => s.phase);
  const mode = useStudio((s) => s.mode);
  if (phase !== 'running' && phase !== 'ending') return <ProcedurePanel />;
  return mode === 'learn' ? <FeedbackPanel /> : <TestModeNote />;
}

function TestModeNote() {
  const { t } = useTranslation('studio');
  return (
    <section className="studio-panel">
      <h2>{t('mode.test')}</h2>
      <p className="studio-hint">{t('setup.testHint')}</p>
    </section>
  );
}
