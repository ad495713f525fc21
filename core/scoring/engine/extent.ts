// The extent of a finding (core/rules/extent-severity.ts): the engine counts every treatment event per region
// (roller contact samples, RF pulses, nano contacts) and the roller's passes on the scalp; a rule graded by
// extent is raised once per event that breaks it, so its occurrences over the right count is its extent. At
// the end the extent's band gives the finding's severity. Live and batch share it: both end in finish().

import type { RegionId } from '../../anatomy/regions';
import { EXTENT_SEVERITY, extentBand, type ExtentSeverity } from '../../rules/extent-severity';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';
import type { ExtentBasis, FindingExtent } from '../report';
import { round, type Acc, type GradedExtent } from './findings';

/** The treatment events counted in one region: a mutable cell, so a run of samples in one region needs no look-up each. */
export interface RegionEvents {
  events: number;
}

/** Treatment events per region and in all, and roller passes on the scalp. */
export interface ExtentTally {
  readonly eventsByRegion: Map<RegionId, RegionEvents>;
  events: number;
  scalpPasses: number;
}

export const createExtentTally = (): ExtentTally => ({ eventsByRegion: new Map(), events: 0, scalpPasses: 0 });

/** The event count of a region, to count into with countEventIn. */
export function regionEvents(t: ExtentTally, region: RegionId): RegionEvents {
  let r = t.eventsByRegion.get(region);
  if (!r) {
    r = { events: 0 };
    t.eventsByRegion.set(region, r);
  }
  return r;
}

/** Counts one treatment event in the region whose count is `r` (regionEvents). */
export function countEventIn(t: ExtentTally, r: RegionEvents): void {
  r.events++;
  t.events++;
}

/** Counts one treatment event in a region. */
export function countEvent(t: ExtentTally, region: RegionId): void {
  countEventIn(t, regionEvents(t, region));
}

export type ExtentDefaults = Pick<SimulatorDefaultValues, 'extentTraceFraction' | 'extentMostFraction'>;

function denominator(t: ExtentTally, basis: ExtentBasis, region?: RegionId): number {
  if (basis === 'scalp-passes') return t.scalpPasses;
  if (basis === 'session-events' || region === undefined) return t.events;
  return t.eventsByRegion.get(region)?.events ?? 0;
}

/** The extent and the severity it gives, for a finding of a rule graded by extent; undefined for other rules. */
export function gradeExtent(a: Acc, t: ExtentTally, cfg: ExtentDefaults): GradedExtent | undefined {
  const table: ExtentSeverity | undefined = EXTENT_SEVERITY[a.ruleId];
  if (!table) return undefined;
  const basis = table.basis === 'region-events' && a.region === undefined ? 'session-events' : table.basis;
  // Never more units than the count they are a share of (a rule raised before its event was counted).
  const of = Math.max(denominator(t, basis, a.region), a.count);
  const units = a.count;
  const fraction = of > 0 ? units / of : 1;
  const band = extentBand(fraction, cfg.extentTraceFraction, cfg.extentMostFraction);
  const bands = a.values.outOfRange === 'below' && table.shortBands ? table.shortBands : table.bands;
  // Where the bands differ, the band limits (simulator defaults) chose the severity.
  const extent: FindingExtent = { basis, units, of, fraction: round(fraction), severityBySimulatorBands: new Set(Object.values(bands)).size > 1 };
  return { severity: bands[band], extent };
}
