// The surface the Node-side scorer uses (CLI, main-process re-scoring, fixtures, benchmarks): the shipped
// head model, or an error. The scorer never falls back to the stand-in ellipsoid on its own; tests that
// want the stand-in build it themselves (core/surface/stand-in.ts) and pass it to score().
import { existsSync } from 'node:fs';
import type { TreatmentSurface } from '../surface/surface';
import { HEAD_META_PATH, loadHeadModelFile, loadShippedHeadModel } from './head-model-file';

export type ScoringSurfaceKind = 'shipped-head';

let cached: { surface: TreatmentSurface; kind: ScoringSurfaceKind } | undefined;

const refusal = (metaPath: string, why: string) => new Error(`the head model ${metaPath} ${why}; the scorer refuses to score without it`);

/**
 * The shipped head, loaded once per process. Throws an Error naming the file when it is missing or bad.
 * `headMetaPath` is for tests of the refusal; other callers leave it.
 */
export function loadScoringSurface(headMetaPath: string = HEAD_META_PATH): { surface: TreatmentSurface; kind: ScoringSurfaceKind } {
  if (headMetaPath === HEAD_META_PATH && cached) return cached;
  if (!existsSync(headMetaPath)) throw refusal(headMetaPath, 'is missing');
  let surface: TreatmentSurface;
  try {
    surface = headMetaPath === HEAD_META_PATH ? loadShippedHeadModel() : loadHeadModelFile(headMetaPath);
  } catch (err) {
    throw refusal(headMetaPath, `cannot be used (${(err as Error).message})`);
  }
  const loaded = { surface, kind: 'shipped-head' as const };
  if (headMetaPath === HEAD_META_PATH) cached = loaded;
  return loaded;
}
