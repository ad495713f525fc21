// The 3D practice studio: choose a scenario, work the device on the head with the procedure's steps,
// learn-mode feedback, then the debrief with the main process's score and a replay.

import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api as defaultApi } from '../api/client';
import { AppStoreContext } from '../app/store';
import type { Procedure, Recording } from '../../core/recording/types';
import type { HeadModel } from '../../core/surface/surface';
import { Debrief } from './debrief/Debrief';
import { createHeadGeometry, createSurfacePicker, type SurfacePicker } from './head/picker';
import { loadHead } from './head/loadHead';
import { DevicePanel } from './panels/DevicePanel';
import { DwellTimer } from './panels/DwellTimer';
import { FeedbackPanel } from './panels/FeedbackPanel';
import { ProcedurePanel } from './panels/ProcedurePanel';
import { SetupPanel } from './panels/SetupPanel';
import { StudioScene } from './scene/StudioScene';
import { createStudioStore, StudioStoreContext, useStudio } from './store';
import './studio.css';

export interface StudioScreenProps {
  procedure: Procedure;
  onExit: () => void;
  openRecordingId?: string;
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

export function StudioScreen({ procedure, onExit, openRecordingId, loadHeadModel }: StudioScreenProps & { loadHeadModel?: () => Promise<HeadModel> }) {
  const { t } = useTranslation('studio');
  const headState = useLoadedHead(loadHeadModel);
  const appStore = useContext(AppStoreContext);
  const profile = appStore?.getState().currentProfile ?? null;
  const appInfo = appStore?.getState().appInfo ?? null;
  const api = appStore?.getState().api ?? defaultApi;
  const head = headState.status === 'ready' ? headState.loaded : null;
  // One store per loaded head: created once the head is ready, so nothing recorded can be lost to a swap.
  const store = useMemo(
    () =>
      head &&
      createStudioStore({
        procedure,
        surface: head.head,
        ...(profile ? { trainee: { id: profile.id, name: profile.name, role: profile.role } } : {}),
        ...(appInfo ? { app: { name: 'microneedle-trainer', version: appInfo.version } } : {}),
      }),
    [procedure, head, profile, appInfo],
  );
  const [openError, setOpenError] = useState<string | null>(null);
  const [opening, setOpening] = useState(Boolean(openRecordingId));

  useEffect(() => {
    if (!openRecordingId || !store) return;
    let live = true;
    void api.sessions.open({ id: openRecordingId }).then((r) => {
      if (!live) return;
      if (r.ok) store.getState().openRecording(r.value.recording as Recording);
      else setOpenError(r.error.message);
      setOpening(false);
    });
    return () => {
      live = false;
    };
  }, [openRecordingId, store, api]);

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
        {openError && (
          <p className="studio-error" role="alert">
            {t('openError', { message: openError })}
          </p>
        )}
        {head && store && <StudioBody head={head} onExit={onExit} opening={opening} />}
      </div>
    </StudioStoreContext.Provider>
  );
}

function StudioBody({ head, onExit, opening }: { head: LoadedHead; onExit: () => void; opening: boolean }) {
  const { t } = useTranslation('studio');
  const phase = useStudio((s) => s.phase);
  const procedure = useStudio((s) => s.procedure);
  const mode = useStudio((s) => s.mode);
  const counts = useStudio((s) => s.counts);
  const endSession = useStudio((s) => s.endSession);
  const recording = useStudio((s) => s.recording);

  if (phase === 'debrief' && recording) return <Debrief head={head} recording={recording} onExit={onExit} />;
  // A stored session is on its way from the main process: no practice set-up meanwhile.
  if (opening)
    return (
      <p className="loading" role="status">
        {t('openingRecording')}
      </p>
    );

  return (
    <div className="studio-layout">
      <header className="studio-bar">
        <h1>{t(`title.${procedure}`)}</h1>
        {phase === 'running' && (
          <>
            <span className={`studio-mode-badge mode-${mode}`}>{t(`mode.${mode}`)}</span>
            {procedure === 'nano' && mode === 'learn' && <DwellTimer />}
            <span className="studio-counts" data-testid="event-counts">
              {procedure === 'roller' ? t('counts.samples', { n: counts.samples }) : procedure === 'rf' ? t('counts.pulses', { n: counts.pulses }) : t('counts.contacts', { n: counts.contacts })}
            </span>
            <button type="button" className="button primary" onClick={() => endSession()} data-testid="end-session">
              {t('endSession')}
            </button>
          </>
        )}
        <button type="button" className="button subtle" onClick={onExit}>
          {t('exit')}
        </button>
      </header>
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
    </div>
  );
}

/** Learn mode shows live feedback; test mode shows none of it; before the start, the steps to come. */
export function RightPanel() {
  const phase = useStudio((s) => s.phase);
  const mode = useStudio((s) => s.mode);
  if (phase !== 'running') return <ProcedurePanel />;
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
