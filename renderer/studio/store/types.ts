import type { RegionId } from '../../../core/anatomy/regions';
import type { DeviceSettings, Procedure, Recording, SessionMode, StepEvent, StepId, Zone } from '../../../core/recording/types';
import type { LiveWarning } from '../../../core/scoring/live-contract';
import type { HeadView } from '../feedback/colors';
import type { StudioFeedback } from '../feedback/live';
import type { PracticePreset } from '../../../core/practice/presets';
import type { SessionRecorder } from '../recorder';

export type StudioPhase = 'setup' | 'running' | 'debrief';

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
  /** The finished recording shown in the debrief. */
  recording: Recording | null;
  choosePreset(id: string): void;
  setMode(mode: SessionMode): void;
  startSession(): void;
  /** Time in ms since session start for a performance.now()/event.timeStamp value. */
  sessionTime(perfMs: number): number;
  recordStep(step: StepId, options?: { zoneId?: string; durationMs?: number }): void;
  addWarnings(warnings: LiveWarning[]): void;
  refreshCounts(): void;
  addZone(regions: RegionId[]): string | null;
  removeZone(id: string): void;
  toggleZoneRegion(zoneId: string, region: RegionId): void;
  setActiveZone(id: string | null): void;
  endSession(): Recording | null;
  openRecording(recording: Recording): void;
  newSession(): void;
}

export interface DeviceSlice {
  settings: DeviceSettings;
  /** Skin tension held by the toggle (the T key holds it too, while pressed). */
  skinTensionToggle: boolean;
  skinTensionKey: boolean;
  /** Longest roller needle used so far (drives the skin reaction). */
  maxNeedleLengthMm: number;
  /** performance.now() time the nano needle touched down, while it is held on the skin (dwell display). */
  contactSincePerfMs: number | null;
  setContactSince(perfMs: number | null): void;
  updateSettings(changes: Partial<DeviceSettings>): void;
  fitNewTip(): void;
  setSkinTensionToggle(on: boolean): void;
  setSkinTensionKey(on: boolean): void;
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

export type StudioState = SessionSlice & DeviceSlice & ViewSlice;
