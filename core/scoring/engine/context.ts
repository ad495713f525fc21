// What every part of the engine shares: the surface and its index, the recording's header and scenario, the per-vertex feedback state, the zones, the finding sink and the
// session timeline. Built once per engine; the parts (protocol, roller, rf, nano) read and update it.

import type { RegionId } from '../../anatomy/regions';
import { surfaceIndex, type SurfaceIndex } from '../../geometry/surface-index';
import type { DeviceSettings, Endpoint, Procedure, StepEvent, StepId } from '../../recording/types';
import type { TreatmentSurface } from '../../surface/surface';
import type { RecordingHeader } from '../live-contract';
import type { Scenario } from '../scenario';
import { createExtentTally, type ExtentTally } from './extent';
import { createFindingSink, type FindingSink } from './findings';

/** Vertices whose normal faces away from the contact normal by more than this are on another surface (ear, lid fold). */
export const SAME_SIDE_DOT = 0.3;

export interface FeedbackArrays {
  readonly passCount: Uint16Array;
  readonly directionMask: Uint8Array;
  readonly rfHitCount: Uint16Array;
  readonly nanoContactCount: Uint16Array;
  /** Skin-reaction dose per vertex from the roller, pass·mm, and its part from bleeding needles (core/scoring/engine/skin-reaction.ts). */
  readonly rollerDosePassMm: Float32Array;
  readonly bleedingDosePassMm: Float32Array;
  version: number;
}

/** The session so far: steps, current settings and the span of treatment. */
export interface Timeline {
  readonly steps: StepEvent[];
  settings: DeviceSettings | null;
  /** Increments on every settings change. */
  settingsVersion: number;
  /** First treatment event (ms), -1 before any. */
  firstTreatMs: number;
  lastTreatMs: number;
  lastEventMs: number;
}

export interface Zone {
  id: string;
  regions: RegionId[];
}

export interface EngineContext {
  readonly idx: SurfaceIndex;
  readonly V: number;
  readonly pos: Float32Array;
  readonly nrm: Float32Array;
  readonly header: RecordingHeader;
  readonly scenario?: Scenario;
  readonly procedure: Procedure;
  readonly endpoint: Endpoint;
  readonly targetRegions: RegionId[];
  readonly state: FeedbackArrays;
  /** The recording's zones, or one per target region when it defines none. */
  readonly zones: readonly Zone[];
  /** The zone whose regions contain a region (the first such zone), if any. */
  readonly zoneOfRegion: ReadonlyMap<RegionId, string>;
  readonly sink: FindingSink;
  readonly timeline: Timeline;
  /** Treatment events per region, for the extent of findings (engine/extent.ts). */
  readonly extent: ExtentTally;
  /** Scratch skin frame (skinFrame's output), shared by the parts; never held across calls. */
  readonly frame: Float64Array;
}

export function createContext(surface: TreatmentSurface, header: RecordingHeader, scenario?: Scenario): EngineContext {
  const idx = surfaceIndex(surface);
  const V = idx.vertexCount;
  const targetRegions: RegionId[] = scenario?.targetRegions ?? header.goal.targetRegions;
  const zones: Zone[] = header.zones.length > 0 ? header.zones : targetRegions.map((r) => ({ id: r, regions: [r] }));
  return {
    idx,
    V,
    pos: surface.positions,
    nrm: surface.normals,
    header,
    scenario,
    procedure: header.procedure,
    endpoint: scenario?.endpoint ?? header.goal.endpoint,
    targetRegions,
    state: { passCount: new Uint16Array(V), directionMask: new Uint8Array(V), rfHitCount: new Uint16Array(V), nanoContactCount: new Uint16Array(V), rollerDosePassMm: new Float32Array(V), bleedingDosePassMm: new Float32Array(V), version: 0 },
    zones,
    zoneOfRegion: zoneMap(zones),
    sink: createFindingSink(scenario),
    timeline: { steps: [], settings: null, settingsVersion: 0, firstTreatMs: -1, lastTreatMs: -1, lastEventMs: 0 },
    extent: createExtentTally(),
    frame: new Float64Array(6),
  };
}

/** Region -> zone id; a region listed in several zones belongs to the first. */
export function zoneMap(zones: readonly Zone[]): Map<RegionId, string> {
  const m = new Map<RegionId, string>();
  for (const z of zones) for (const r of z.regions) if (!m.has(r)) m.set(r, z.id);
  return m;
}

/** Whether a `step` (in `zoneId`, when given) was recorded at or before tMs. */
export function stepBefore(steps: readonly StepEvent[], step: StepId, tMs: number, zoneId?: string): boolean {
  return steps.some((s) => s.step === step && s.tMs <= tMs && (zoneId === undefined || s.zoneId === zoneId));
}
