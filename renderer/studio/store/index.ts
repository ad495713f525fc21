// The studio's state: one zustand store per studio instance, built from slices (session, device, view).
// Per-frame code reads it with getState(); nothing calls setState from useFrame.

import { createContext, useContext } from 'react';
import { createStore, useStore, type StateCreator, type StoreApi } from 'zustand';
import type { RegionId } from '../../../core/anatomy/regions';
import { presetsFor, recordingHeaderForPreset } from '../../../core/practice/presets';
import type { DeviceSettings, Procedure, Recording, StepEvent } from '../../../core/recording/types';
import type { RecordingHeader } from '../../../core/scoring/live-contract';
import type { TreatmentSurface } from '../../../core/surface/surface';
import { createStudioFeedback } from '../feedback/live';
import { RF_ZONES_MAX } from '../procedure-steps';
import { createRecorder } from '../recorder';
import type { DeviceSlice, SessionSlice, StudioState, ViewSlice } from './types';

export type { StudioState, StudioPhase } from './types';

export interface StudioEnv {
  procedure: Procedure;
  surface: TreatmentSurface | null;
  trainee?: RecordingHeader['trainee'];
  app?: { name: string; version: string };
  /** Clock for steps and session start (tests pass a fake one). */
  now?: () => number;
  newId?: () => string;
}

type Slice<T> = StateCreator<StudioState, [], [], T>;

const round1 = (v: number) => Math.round(v * 10) / 10;

function randomId(): string {
  const c = globalThis.crypto;
  return c && 'randomUUID' in c ? c.randomUUID() : `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

const sessionSlice =
  (env: StudioEnv): Slice<SessionSlice> =>
  (set, get) => {
    const now = env.now ?? (() => performance.now());
    const presets = presetsFor(env.procedure);
    return {
      procedure: env.procedure,
      phase: 'setup',
      preset: presets[0],
      mode: 'learn',
      recorder: null,
      feedback: null,
      startPerfMs: 0,
      steps: [],
      warnings: [],
      zones: [],
      activeZoneId: null,
      counts: { samples: 0, pulses: 0, contacts: 0, steps: 0 },
      recording: null,
      choosePreset(id) {
        const preset = presets.find((p) => p.id === id);
        if (!preset || get().phase !== 'setup') return;
        set({
          preset,
          settings: preset.initialSettings,
          maxNeedleLengthMm: preset.initialSettings.device === 'roller' ? preset.initialSettings.needleLengthMm : 0,
        });
      },
      setMode(mode) {
        if (get().phase === 'setup') set({ mode });
      },
      startSession() {
        const s = get();
        if (!env.surface) return;
        const header = recordingHeaderForPreset(s.preset, { id: (env.newId ?? randomId)(), mode: s.mode, trainee: env.trainee });
        const zones = header.zones;
        const feedback = createStudioFeedback(env.surface, header);
        const recorder = createRecorder({
          header,
          startedAt: new Date().toISOString(),
          app: env.app,
          initialSettings: s.settings,
          onEvent: (event) => {
            const w = feedback.push(event);
            if (w.length > 0) get().addWarnings(w);
          },
        });
        recorder.setZones(zones);
        set({
          phase: 'running',
          recorder,
          feedback,
          startPerfMs: now(),
          steps: [],
          warnings: [],
          zones,
          activeZoneId: zones[0]?.id ?? null,
          counts: recorder.counts(),
          recording: null,
        });
      },
      sessionTime(perfMs) {
        return Math.max(0, round1(perfMs - get().startPerfMs));
      },
      recordStep(step, options = {}) {
        const { recorder, phase } = get();
        if (!recorder || phase !== 'running') return;
        const event: StepEvent = { step, tMs: get().sessionTime(now()), ...options };
        recorder.push({ kind: 'step', step: event });
        set({ steps: [...get().steps, event], counts: recorder.counts() });
      },
      addWarnings(warnings) {
        // Newest first; the panel shows the latest few.
        set({ warnings: [...warnings.slice().reverse(), ...get().warnings].slice(0, 50) });
      },
      refreshCounts() {
        const r = get().recorder;
        if (r) set({ counts: r.counts() });
      },
      addZone(regions) {
        const { zones, recorder } = get();
        if (zones.length >= RF_ZONES_MAX) return null;
        let n = zones.length + 1;
        while (zones.some((z) => z.id === `zone-${n}`)) n++;
        const zone = { id: `zone-${n}`, regions: [...regions] };
        const next = [...zones, zone];
        recorder?.setZones(next);
        set({ zones: next, activeZoneId: zone.id });
        return zone.id;
      },
      removeZone(id) {
        const { zones, recorder, activeZoneId, zoneEditId } = get();
        const next = zones.filter((z) => z.id !== id);
        recorder?.setZones(next);
        set({ zones: next, activeZoneId: activeZoneId === id ? (next[0]?.id ?? null) : activeZoneId, zoneEditId: zoneEditId === id ? null : zoneEditId });
      },
      toggleZoneRegion(zoneId, region: RegionId) {
        const { zones, recorder } = get();
        // A region belongs to one zone at most: picking it for this zone takes it from any other.
        const next = zones.map((z) => {
          if (z.id === zoneId) return { ...z, regions: z.regions.includes(region) ? z.regions.filter((r) => r !== region) : [...z.regions, region] };
          return { ...z, regions: z.regions.filter((r) => r !== region) };
        });
        recorder?.setZones(next);
        set({ zones: next });
      },
      setActiveZone(id) {
        set({ activeZoneId: id });
      },
      endSession() {
        const { recorder, phase } = get();
        if (!recorder || phase !== 'running') return null;
        const recording = recorder.build({ tMs: get().sessionTime(now()), reason: 'completed' });
        set({ phase: 'debrief', recording });
        return recording;
      },
      openRecording(recording: Recording) {
        set({ phase: 'debrief', recording, recorder: null, feedback: null });
      },
      newSession() {
        const preset = get().preset;
        set({
          phase: 'setup',
          recorder: null,
          feedback: null,
          recording: null,
          steps: [],
          warnings: [],
          zones: [],
          activeZoneId: null,
          settings: preset.initialSettings,
          maxNeedleLengthMm: preset.initialSettings.device === 'roller' ? preset.initialSettings.needleLengthMm : 0,
        });
      },
    };
  };

const deviceSlice =
  (env: StudioEnv): Slice<DeviceSlice> =>
  (set, get) => {
    const now = env.now ?? (() => performance.now());
    const initial = presetsFor(env.procedure)[0].initialSettings;
    const pushSettings = (settings: DeviceSettings) => {
      const { recorder, phase } = get();
      if (recorder && phase === 'running') recorder.push({ kind: 'settings', change: { tMs: get().sessionTime(now()), settings } });
    };
    return {
      settings: initial,
      skinTensionToggle: false,
      skinTensionKey: false,
      maxNeedleLengthMm: initial.device === 'roller' ? initial.needleLengthMm : 0,
      contactSincePerfMs: null,
      setContactSince(perfMs) {
        set({ contactSincePerfMs: perfMs });
      },
      updateSettings(changes) {
        const settings = { ...get().settings, ...changes } as DeviceSettings;
        if (settings.device !== get().settings.device) return;
        set({
          settings,
          maxNeedleLengthMm: settings.device === 'roller' ? Math.max(get().maxNeedleLengthMm, settings.needleLengthMm) : get().maxNeedleLengthMm,
        });
        pushSettings(settings);
      },
      fitNewTip() {
        const s = get().settings;
        if (s.device !== 'rf') return;
        const n = Number(/(\d+)$/.exec(s.tipId)?.[1] ?? '0') + 1;
        const settings = { ...s, tipId: `tip-${n}` };
        set({ settings });
        pushSettings(settings);
        get().recordStep('fit-new-tip');
      },
      setSkinTensionToggle(on) {
        set({ skinTensionToggle: on });
      },
      setSkinTensionKey(on) {
        if (get().skinTensionKey !== on) set({ skinTensionKey: on });
      },
    };
  };

const viewSlice: Slice<ViewSlice> = (set, get) => ({
  view: 'passes',
  showRegions: true,
  showLabels: true,
  hoverRegion: null,
  zoneEditId: null,
  setView: (view) => set({ view }),
  setShowRegions: (showRegions) => set({ showRegions }),
  setShowLabels: (showLabels) => set({ showLabels }),
  setHoverRegion: (hoverRegion) => {
    if (get().hoverRegion !== hoverRegion) set({ hoverRegion });
  },
  setZoneEdit: (zoneEditId) => set({ zoneEditId }),
});

export function createStudioStore(env: StudioEnv): StoreApi<StudioState> {
  return createStore<StudioState>()((...a) => ({
    ...sessionSlice(env)(...a),
    ...deviceSlice(env)(...a),
    ...viewSlice(...a),
  }));
}

export const StudioStoreContext = createContext<StoreApi<StudioState> | null>(null);

export function useStudioStoreApi(): StoreApi<StudioState> {
  const store = useContext(StudioStoreContext);
  if (!store) throw new Error('useStudio must be used inside <StudioStoreContext.Provider>');
  return store;
}

export function useStudio<T>(selector: (state: StudioState) => T): T {
  return useStore(useStudioStoreApi(), selector);
}
