// The session slice: the scenario and mode, the recorder and live feedback of the running session, its
// steps, zones and warnings, and the recording the debrief shows. Recording starts from the header the main
// process built for the attempt; talking to main is the attempt slice's (./attempt.ts).

import type { StateCreator } from 'zustand';
import type { RegionId } from '../../../core/anatomy/regions';
import { presetsFor, recordingHeaderForPreset } from '../../../core/practice/presets';
import type { DeviceSettings, Procedure, Recording, SessionMode, StepEvent, Zone } from '../../../core/recording/types';
import type { RecordingHeader } from '../../../core/scoring/live-contract';
import { headVariantForCase, type HeadVariantId } from '../../../core/head-model/variants';
import type { TreatmentSurface } from '../../../core/surface/surface';
import { createStudioFeedback } from '../feedback/live';
import { RF_ZONES_MAX } from '../procedure-steps';
import { feedbackVisible } from '../test-mode';
import { createRecorder } from '../recorder';
import type { SessionSlice, StudioApi, StudioState } from './types';

export interface StudioEnv {
  procedure: Procedure;
  surface: TreatmentSurface | null;
  /** The surface of each shipped head (the studio's); a session uses the head its case is treated on. Tests
   *  that give only `surface` score every case on it. */
  surfaceFor?: (variant: HeadVariantId) => TreatmentSurface;
  /** The main process's API (the shell's); without it sessions are local and stored nowhere (logic tests). */
  api?: StudioApi;
  /** Trainee and app of a local session's header (with an API, main's header names them). */
  trainee?: RecordingHeader['trainee'];
  app?: { name: string; version: string };
  /** Clock for steps and session start (tests pass a fake one). */
  now?: () => number;
  newId?: () => string;
  /** The mode the studio opens in (an exam practical: test, with no set-up to change it). */
  initialMode?: SessionMode;
  /** Uploader timing (tests shorten it). */
  upload?: { intervalMs?: number; backoff?: { initialMs: number; factor: number; maxMs: number } };
}

export type Slice<T> = StateCreator<StudioState, [], [], T>;

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * The zones a recording holds: those with at least one region (the recording format requires it, and main
 * refuses a batch with an empty zone). A zone just added, still without regions, stays on screen only.
 */
const recordable = (zones: readonly Zone[]): Zone[] => zones.filter((z) => z.regions.length > 0);

function randomId(): string {
  const c = globalThis.crypto;
  return c && 'randomUUID' in c ? c.randomUUID() : `s-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export const sessionSlice =
  (env: StudioEnv): Slice<SessionSlice> =>
  (set, get) => {
    const now = env.now ?? (() => performance.now());
    const presets = presetsFor(env.procedure);
    return {
      procedure: env.procedure,
      phase: 'setup',
      preset: presets[0],
      mode: env.initialMode ?? 'learn',
      recorder: null,
      feedback: null,
      startPerfMs: 0,
      steps: [],
      endpoints: [],
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
        });
      },
      setMode(mode) {
        if (get().phase === 'setup') set({ mode });
      },
      beginSession(started) {
        const s = get();
        if ((!env.surface && !env.surfaceFor) || s.phase !== 'setup') return;
        const header = started?.header ?? recordingHeaderForPreset(s.preset, { id: (env.newId ?? randomId)(), mode: s.mode, trainee: env.trainee });
        const zones = header.zones;
        const surface = env.surfaceFor ? env.surfaceFor(headVariantForCase(header.case)) : env.surface!;
        const feedback = createStudioFeedback(surface, header);
        // The settings chosen in the set-up are the ones the session starts with: main's initial settings
        // are the preset's (the device is the same), which is what they are unless changed before Start.
        const initialSettings: DeviceSettings = s.settings.device === (started?.initialSettings.device ?? s.settings.device) ? s.settings : started!.initialSettings;
        const app = started?.app ?? env.app;
        const recorder = createRecorder({
          header,
          startedAt: started?.startedAt ?? new Date().toISOString(),
          ...(app ? { app } : {}),
          initialSettings,
          onEvent: (event) => {
            const w = feedback.push(event);
            // Test mode shows no warnings: none are kept to show (main scores the attempt itself).
            if (w.length > 0 && feedbackVisible(header.mode)) get().addWarnings(w);
          },
        });
        recorder.setZones(zones);
        set({
          phase: 'running',
          mode: header.mode,
          recorder,
          feedback,
          startPerfMs: now(),
          steps: [],
          endpoints: [],
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
      declareEndpoint(regions) {
        const { recorder, phase } = get();
        if (!recorder || phase !== 'running' || regions.length === 0) return;
        const declaration = { tMs: get().sessionTime(now()), regions: [...regions] };
        recorder.push({ kind: 'endpoint', declaration });
        set({ endpoints: [...get().endpoints, declaration] });
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
        recorder?.setZones(recordable(next));
        set({ zones: next, activeZoneId: zone.id });
        return zone.id;
      },
      removeZone(id) {
        const { zones, recorder, activeZoneId, zoneEditId } = get();
        const next = zones.filter((z) => z.id !== id);
        recorder?.setZones(recordable(next));
        set({ zones: next, activeZoneId: activeZoneId === id ? (next[0]?.id ?? null) : activeZoneId, zoneEditId: zoneEditId === id ? null : zoneEditId });
      },
      toggleZoneRegion(zoneId, region: RegionId) {
        const { zones, recorder } = get();
        // A region belongs to one zone at most: picking it for this zone takes it from any other.
        const next = zones.map((z) => {
          if (z.id === zoneId) return { ...z, regions: z.regions.includes(region) ? z.regions.filter((r) => r !== region) : [...z.regions, region] };
          return { ...z, regions: z.regions.filter((r) => r !== region) };
        });
        recorder?.setZones(recordable(next));
        set({ zones: next });
      },
      setActiveZone(id) {
        set({ activeZoneId: id });
      },
      closeRecording() {
        const { recorder, phase } = get();
        if (!recorder || phase !== 'running') return null;
        const endTMs = get().sessionTime(now());
        const recording = recorder.build({ tMs: endTMs, reason: 'completed' });
        set({ phase: 'ending', counts: recorder.counts() });
        get().setZoneEdit(null);
        get().setContactSince(null);
        return { recording, endTMs };
      },
      showRecording(recording: Recording) {
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
          endpoints: [],
          warnings: [],
          zones: [],
          activeZoneId: null,
          settings: preset.initialSettings,
        });
      },
    };
  };

/** The head on screen: the case of the recording being made or shown, else the case chosen in the set-up. */
export function headVariantOf(s: Pick<StudioState, 'recorder' | 'recording' | 'preset'>): HeadVariantId {
  return headVariantForCase(s.recorder?.header.case ?? s.recording?.case ?? s.preset.case);
}
