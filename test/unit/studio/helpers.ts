// Shared fixtures for the studio's logic tests: the stand-in head (fast) and rays aimed at head-frame points.

import { Ray, Vector3 } from 'three';
import type { RecordingHeader } from '../../../core/scoring/live-contract';
import { createStandInSurface } from '../../../core/surface/stand-in';
import type { TreatmentSurface } from '../../../core/surface/surface';

let cached: TreatmentSurface | null = null;
export function standIn(): TreatmentSurface {
  cached ??= createStandInSurface({ rings: 120, segments: 240 });
  return cached;
}

/** A ray from 400 mm out along `dir` towards the surface point in that direction. */
export function rayToward(dir: [number, number, number]): Ray {
  const d = new Vector3(...dir).normalize();
  return new Ray(d.clone().multiplyScalar(400), d.clone().negate());
}

/** Direction from the head centre to a forehead point offset by (dx, dy) mm on the stand-in. */
export function foreheadDir(dxMm = 0, dyMm = 0): [number, number, number] {
  return [dxMm / 75, 0.62 + dyMm / 105, 0.75];
}

export const HEADER: RecordingHeader = {
  id: 'rec-test',
  procedure: 'roller',
  mode: 'learn',
  goal: { indication: 'skin-aging', endpoint: 'pink', targetRegions: ['forehead'] },
  case: { id: 'case-1', skinType: 'normal', conditions: [] },
  zones: [],
};
