// Hand-built recordings for the engine's unit tests (no fixture files).
import type { RegionId } from '../../../../core/anatomy/regions';
import { regionCentre } from '../../../../core/geometry/surface-walk';
import type { Procedure, Recording, RfPulse, StepEvent, StepId } from '../../../../core/recording/types';
import type { TreatmentSurface } from '../../../../core/surface/surface';

export function recording(procedure: Procedure, over: Partial<Recording> = {}): Recording {
  return {
    format: 'microneedle-session',
    version: 1,
    id: `unit-${procedure}`,
    startedAt: '2026-01-01T00:00:00.000Z',
    procedure,
    mode: 'test',
    goal: { indication: 'unit', endpoint: procedure === 'rf' ? 'tightening' : 'pink', targetRegions: ['forehead'] },
    case: { id: 'unit', skinType: 'normal', conditions: [] },
    zones: [],
    steps: [],
    settings: [],
    samples: [],
    pulses: [],
    contacts: [],
    end: { tMs: 100_000, reason: 'completed' },
    ...over,
  } as Recording;
}

export const steps = (list: readonly StepId[], t0 = 0, zoneId?: string): StepEvent[] => list.map((step, i) => ({ step, tMs: t0 + i * 100, ...(zoneId ? { zoneId } : {}) }));

export function pulseAt(surface: TreatmentSurface, region: RegionId, tMs: number, over: Partial<RfPulse> = {}): RfPulse {
  const c = regionCentre(surface, region);
  return {
    tMs,
    p: [c.p[0], c.p[1], c.p[2]],
    n: [c.n[0], c.n[1], c.n[2]],
    axis: [-c.n[0], -c.n[1], -c.n[2]],
    region,
    depthMm: 1,
    powerW: 15,
    pulseWidthMs: 100,
    tipSizeMm: 10,
    suction: true,
    bipolar: true,
    tipId: 'tip-1',
    skinTension: true,
    pressure: 0.1,
    ...over,
  };
}
