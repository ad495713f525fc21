import type { RegionId } from '../../../core/anatomy/regions';
import type { ApiValue, AttemptSummary, MicroneedleApi } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import type { DeviceSettings, EndpointDeclaration, Procedure, Recording, SessionMode, StepEvent, StepId, Zone } from '../../../core/recording/types';
import type { LiveWarning } from '../../../core/scoring/live-contract';
import type { ScoreReport } from '../../../core/scoring/report';
import type { UploadState } from '../attempt-upload';
import type { HeadView } from '../feedback/colors';
import type { PressureLevel } from '../input/pressure';
import type { StudioFeedback } from '../feedback/live';
import type { PracticePreset } from '../../../core/practice/presets';
import type { SessionRecorder } from '../recorder';

/** ending: End (or Back) was pressed, nothing more is recorded, main is being told. */
export type StudioPhase = 'setup' | 'running' | 'ending' | 'debrief';

/** The calls the studio makes: attempts live in the main process (an exam's practical starts by exams). */
export type StudioApi = Pick<MicroneedleApi, 'sessions'> & { exams?: Pick<MicroneedleApi['exams'], 'startPractical'> };

/** What main answered when an exam's practical part started: an attempt, with the task and its time. */
export type StartedPractical = ApiValue<'exams.startPractical'>;

/** What main answered when an attempt started: its id, the header it built, its start time and settings. */
export type StartedAttempt = ApiValue<'sessions.start'>;

export interface SessionSlice {
  procedure: Procedure;
  phase: StudioPhase;
  preset: PracticePreset;
  mode: SessionMode;
  recorder: SessionRecorder | null;
  feedback: StudioFeedback | null;
  /** performance.now() at session start: event.timeStamp minus this is the recording time. */
  startPerfMs: number;
  steps: StepEvent[];
  warnings: LiveWarning[];
  zones: Zone[];
  activeZoneId: string | null;
  /** Counts of recorded events, refreshed on pointer up and on steps (not per sample). */
  counts: { samples: number; pulses: number; contacts: number; steps: number };
  /** The recording the debrief shows and replays. */
  recording: Recording | null;
  choosePreset(id: string): void;
  setMode(mode: SessionMode): void;
  /**
   * Starts recording with the header main built for the attempt (id, trainee, mode, zones), its start
   * time and settings. Without one (logic tests, no main process) a local header from the preset.
   */
  beginSession(started?: StartedAttempt): void;
  /** Time in ms since session start for a performance.now()/event.timeStamp value. */
  sessionTime(perfMs: number): number;
  recordStep(step: StepId, options?: { zoneId?: string; durationMs?: number }): void;
  /** The trainee's endpoint declarations this session (8.4; panels/EndpointPanel.tsx). */
  endpoints: EndpointDeclaration[];
  /** Records that the trainee declares the endpoint reached in `regions`, now. */
  declareEndpoint(regions: RegionId[]): void;
  addWarnings(warnings: LiveWarning[]): void;
  refreshCounts(): void;
  addZone(regions: RegionId[]): string | null;
  removeZone(id: string): void;
  toggleZoneRegion(zoneId: string, region: RegionId): void;
  setActiveZone(id: string | null): void;
  /** Stops recording (phase 'ending') and builds the recording as it stands, ended now. */
  closeRecording(): { recording: Recording; endTMs: number } | null;
  /** The debrief for a recording (one just ended, reopened or opened from a file). */
  showRecording(recording: Recording): void;
  newSession(): void;
}

export type AttemptAction = 'start' | 'finish' | 'abandon' | 'open' | 'import';

export interface AttemptProblem {
  action: AttemptAction;
  error: ApiError;
  /** Whether trying again can help (main still holds the running attempt, or the call never arrived). */
  retry: boolean;
}

/** What main says about the attempt the debrief shows. */
export interface AttemptOutcome {
  /** finished: ended here, stored and scored by main; stored: reopened; imported: opened from a file; local: no main process. */
  source: 'finished' | 'abandoned' | 'stored' | 'imported' | 'local';
  summary: AttemptSummary | null;
  /** The report main stored (or returned when it stored the attempt); never the live scorer's. */
  report: ScoreReport | null;
}

export interface AttemptSlice {
  /** The running attempt main minted. */
  attempt: { id: string; startedAt: string } | null;
  /** The uploader's state (refreshed per batch, not per sample). */
  upload: UploadState | null;
  busy: 'starting' | 'ending' | 'leaving' | 'opening' | 'importing' | null;
  problem: AttemptProblem | null;
  outcome: AttemptOutcome | null;
  /** Start: main mints the attempt; recording starts from its header. */
  startSession(): Promise<void>;
  /** An attempt main has started (by sessions.start, or an exam's practical): record and stream it. */
  beginAttempt(started: StartedAttempt): void;
  /** End session: flush, then finish; the debrief shows main's report. */
  endSession(): Promise<void>;
  /** After a failed finish: flush and finish again (the attempt is still running in main). */
  retryFinish(): Promise<void>;
  /** Leaving a running session: flush, then abandon (kept, not counted). True when it is safe to leave. */
  abandonSession(): Promise<boolean>;
  /** A stored attempt: its stored recording and stored report (never scored again). */
  openAttempt(id: string): Promise<void>;
  /** A recording file: main checks, scores and stores it as imported. */
  importRecording(document: unknown, recording: Recording, fileName: string): Promise<void>;
  /** Practise again after a debrief: back to the set-up for a new attempt. */
  practiseAgain(): void;
  /** The window is closing: send what can be sent now (best effort). */
  flushNow(): void;
  /** The studio is mounted; the function returned is called when it unmounts (a running attempt is sent and abandoned). */
  attachStudio(): () => void;
  clearProblem(): void;
}

export interface DeviceSlice {
  settings: DeviceSettings;
  /** Skin tension held by the toggle (the T key holds it too, while pressed). */
  skinTensionToggle: boolean;
  skinTensionKey: boolean;
  /** performance.now() time the nano needle touched down, while it is held on the skin (dwell display). */
  contactSincePerfMs: number | null;
  setContactSince(perfMs: number | null): void;
  updateSettings(changes: Partial<DeviceSettings>): void;
  fitNewTip(): void;
  setSkinTensionToggle(on: boolean): void;
  setSkinTensionKey(on: boolean): void;
  /** Mouse pressure chosen in the panel (a pen reports its own). */
  mousePressure: PressureLevel;
  /** The L key, held: light pressure for the mouse. */
  lightKey: boolean;
  setMousePressure(level: PressureLevel): void;
  setLightKey(on: boolean): void;
}

export interface ViewSlice {
  view: HeadView;
  showRegions: boolean;
  showLabels: boolean;
  hoverRegion: RegionId | null;
  /** Regions picked on the head go into this zone (RF zone definition). */
  zoneEditId: string | null;
  setView(view: HeadView): void;
  setShowRegions(on: boolean): void;
  setShowLabels(on: boolean): void;
  setHoverRegion(region: RegionId | null): void;
  setZoneEdit(id: string | null): void;
}

export type StudioState = SessionSlice & AttemptSlice & DeviceSlice & ViewSlice;
