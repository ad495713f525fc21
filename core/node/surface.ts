// The surface the Node-side scorer uses (CLI, main-process re-scoring, fixtures, benchmarks): the shipped
// head model when assets/head is present, otherwise the stand-in ellipsoid. Switching is this one place.
import { existsSync } from 'node:fs';
import { createStandInSurface } from '../surface/stand-in';
import type { TreatmentSurface } from '../surface/surface';
import { HEAD_META_PATH, loadShippedHeadModel } from './head-model-file';

export type ScoringSurfaceKind = 'shipped-head' | 'stand-in';

let cached: { surface: TreatmentSurface; kind: ScoringSurfaceKind } | undefined;

/** Loaded once per process. `headMetaPath` is for tests of the fallback; other callers leave it. */
export function loadScoringSurface(headMetaPath: string = HEAD_META_PATH): { surface: TreatmentSurface; kind: ScoringSurfaceKind } {
  if (headMetaPath !== HEAD_META_PATH) {
    return existsSync(headMetaPath) ? { surface: loadShippedHeadModel(), kind: 'shipped-head' } : { surface: createStandInSurface(), kind: 'stand-in' };
  }
  if (!cached) {
    cached = existsSync(HEAD_META_PATH) ? { surface: loadShippedHeadModel(), kind: 'shipped-head' } : { surface: createStandInSurface(), kind: 'stand-in' };
  }
  return cached;
}
