// The surface the Node-side scorer uses (CLI, main-process re-scoring, fixtures, benchmarks): the shipped
// head model, or an error. The scorer never falls back to the stand-in ellipsoid on its own; tests that
// want the stand-in build it themselves (core/surface/stand-in.ts) and pass it to score().
import { existsSync } from 'node:fs';
import { HEAD_VARIANT_IDS, headVariantForCase, type HeadVariantId } from '../head-model/variants';
import type { Recording } from '../recording/types';
import type { TreatmentSurface } from '../surface/surface';
import { HEAD_META_PATH, HEAD_META_PATHS, loadHeadModelFile, loadShippedHeadModel, shippedHeadModelSha256 } from './head-model-file';

export type ScoringSurfaceKind = 'shipped-head';

const cached = new Map<HeadVariantId, { surface: TreatmentSurface; kind: ScoringSurfaceKind }>();

const refusal = (metaPath: string, why: string) => new Error(`the head model ${metaPath} ${why}; the scorer refuses to score without it`);

/**
 * A shipped head (the woman's by default), loaded once per process. Throws an Error naming the file when it is
 * missing or bad.
 * `headMetaPath` is for tests of the refusal; other callers leave it.
 */
export function loadScoringSurface(headMetaPath: string = HEAD_META_PATH): { surface: TreatmentSurface; kind: ScoringSurfaceKind } {
  // One of the shipped heads (loaded once per process), or a file a test names.
  const variant = HEAD_VARIANT_IDS.find((v) => HEAD_META_PATHS[v] === headMetaPath);
  const hit = variant ? cached.get(variant) : undefined;
  if (hit) return hit;
  if (!existsSync(headMetaPath)) throw refusal(headMetaPath, 'is missing');
  let surface: TreatmentSurface;
  try {
    surface = variant ? loadShippedHeadModel(variant) : loadHeadModelFile(headMetaPath);
  } catch (err) {
    throw refusal(headMetaPath, `cannot be used (${(err as Error).message})`);
  }
  const loaded = { surface, kind: 'shipped-head' as const };
  if (variant) cached.set(variant, loaded);
  return loaded;
}

/** The shipped head a recording's case is treated on (its patient's sex), with its binary's hash. */
export function scoringSurfaceFor(recording: Pick<Recording, 'case'>): { surface: TreatmentSurface; variant: HeadVariantId; headModelSha256: string } {
  const variant = headVariantForCase(recording.case);
  return { surface: loadScoringSurface(HEAD_META_PATHS[variant]).surface, variant, headModelSha256: shippedHeadModelSha256(variant) };
}
