// The surface the Node-side scorer uses (CLI, main-process re-scoring, fixtures, benchmarks): the shipped
// head model when assets/head is present, otherwise the stand-in ellipsoid. Switching is this one place.
import { existsSync } from 'node:fs';
import { createStandInSurface } from '../surface/stand-in';
import type { TreatmentSurface } from '../surface/surface';
import { HEAD_META_PATH, loadShippedHeadModel } from './head-model-file';

export type ScoringSurfaceKind = 'shipped-head' | 'stand-in';

let cached: { surface: TreatmentSurface; kind: ScoringSurfaceKind } | undefined;

export function loadScoringSurface(): { surface: TreatmentSurface; kind: ScoringSurfaceKind } {
  if (!cached) {
    cached = existsSync(HEAD_META_PATH) ? { surface: loadShippedHeadModel(), kind: 'shipped-head' } : { surface: createStandInSurface(), kind: 'stand-in' };
  }
  return cached;
}
