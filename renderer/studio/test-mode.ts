// The one rule of test mode: it shows nothing that judges or hints. Every feedback surface (heat maps,
// direction maps, skin reaction, target shading, no-treat marks, region labels, site guidance, live
// warnings, the progress table, the rule panel, the dwell timer, clause numbers, the standard's order of
// steps) asks feedbackVisible(mode) and shows itself only when it says so. The device and its settings
// stay. The procedure's steps become the action palette: every step id core knows, in one neutral order
// (sorted by id), the same for every procedure.

import { STEP_IDS } from '../../core/recording/schema';
import type { SessionMode, StepId } from '../../core/recording/types';
import { PROCEDURE_STEPS } from './procedure-steps';

/** Learn mode teaches (feedback, hints, the standard's order); test mode shows none of it. */
export function feedbackVisible(mode: SessionMode): boolean {
  return mode === 'learn';
}

/** Test mode's actions: every step id, sorted by id (never the standard's order), for every procedure. */
export const ACTION_PALETTE: readonly StepId[] = [...STEP_IDS].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Actions that take a duration in learn mode in any procedure: test mode asks for minutes for each. */
export const TIMED_ACTIONS: ReadonlySet<StepId> = new Set(
  Object.values(PROCEDURE_STEPS).flatMap((p) => [...p.before, ...p.perZone, ...p.after].filter((d) => d.defaultMinutes !== undefined).map((d) => d.step)),
);
