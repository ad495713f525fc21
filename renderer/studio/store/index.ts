// The studio's state: one zustand store per studio instance, built from slices (session, attempt, device,
// view). Per-frame code reads it with getState(); nothing calls setState from useFrame.

import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import { presetsFor } from '../../../core/practice/presets';
import type { DeviceSettings } from '../../../core/recording/types';
import { attemptSlice } from './attempt';
import { sessionSlice, type Slice, type StudioEnv } from './session';
import type { DeviceSlice, StudioState, ViewSlice } from './types';

export type { StudioState, StudioPhase, StudioApi, StartedAttempt, StartedPractical, AttemptOutcome, AttemptProblem } from './types';
export type { StudioEnv } from './session';

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
      contactSincePerfMs: null,
      setContactSince(perfMs) {
        set({ contactSincePerfMs: perfMs });
      },
      updateSettings(changes) {
        const settings = { ...get().settings, ...changes } as DeviceSettings;
        if (settings.device !== get().settings.device) return;
        set({ settings });
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
      mousePressure: 'moderate',
      lightKey: false,
      setMousePressure(mousePressure) {
        set({ mousePressure });
      },
      setLightKey(on) {
        if (get().lightKey !== on) set({ lightKey: on });
      },
    };
  };

/** Each device opens in its own display: roller passes, RF pulse coverage, nano contacts. */
export const DEFAULT_VIEW = { roller: 'passes', rf: 'rf', nano: 'nano' } as const;

const viewSlice =
  (env: StudioEnv): Slice<ViewSlice> =>
  (set, get) => ({
    view: DEFAULT_VIEW[env.procedure],
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
    ...attemptSlice(env)(...a),
    ...deviceSlice(env)(...a),
    ...viewSlice(env)(...a),
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
