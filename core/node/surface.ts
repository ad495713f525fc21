// The surface the Node-side scorer uses (CLI, main-process re-scoring, fixtures, benchmarks): the shipped
// head model, or an error. The scorer never falls back to the stand-in ellipsoid on its own; tests that
// want the stand-in build it themselves (core/surface/stand-in.ts) and pass it to score().
import { existsSync } from 'node:fs';
import { headVariantForCase, type HeadVariantId } from '../head-model/variants';
import type { Recording } from '../recording/types';
import type { TreatmentSurface } from '../surface/surface';
import { HEAD_META_PATH, HEAD_META_PATHS, loadHeadModelFile, loadShippedHeadModel, shippedHeadModelSha256 } from './head-model-file';

export type ScoringSurfaceKind = 'shipped-head';

const cached = new Map<HeadVariantId, { surface: TreatmentSurface; kind: ScoringSurfaceKind }>();

const refusal = (metaPath: string, why: string) => new Error(`the head model ${metaPath} ${why}; the scorer refuses to score without it`);

/**
 * The shipped head, loaded once per process. Throws an Error naming the file when it is missing or bad.
 * `headMetaPath` is for tests of the refusal; other callers leave it.
 */
export function loadScoringSurface(
  headMetaPath: string = HEAD_META_PATH,
  variant: HeadVariantId = 'female',
): { surface: TreatmentSurface; kind: ScoringSurfaceKind } {
  const shipped = headMetaPath === HEAD_META_PATHS[variant];
  const hit = shipped ? cached.get(variant) : undefined;
  if (hit) return hit;
  if (!existsSync(headMetaPath)) throw refusal(headMetaPath, 'is missing');
  let surface: TreatmentSurface;
  try {
    surface = shipped ? loadShippedHeadModel(variant) : loadHeadModelFile(headMetaPath);
  } catch (err) {
    throw refusal(headMetaPath, `cannot be used (${(err as Error).message})`);
  }
  const loaded = { surface, kind: 'shipped-head' as const };
  if (shipped) cached.set(variant, loaded);
  return loaded;
}

/** The shipped head a recording's case is treated on (its patient's sex), with its binary's hash. */
export function scoringSurfaceFor(recording: Pick<Recording, 'case'>): { surface: TreatmentSurface; variant: HeadVariantId; headModelSha256: string } {
  const variant = headVariantForCase(recording.case);
  return { surface: loadScoringSurface(HEAD_META_PATHS[variant], variant).surface, variant, headModelSha256: shippedHeadModelSha256(variant) };
}
