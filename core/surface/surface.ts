// The treatment surface: a triangle mesh in the head frame with a region label per vertex.
// The shipped head model (assets/head) implements it; tests may build stand-in surfaces.
// Loading stays behind this interface so a scanned head (glTF + region map) can replace ours later.

import type { RegionId } from '../anatomy/regions';

export interface TreatmentSurface {
  /** xyz per vertex, mm, head frame. */
  readonly positions: Float32Array;
  /** Unit outward normal per vertex. */
  readonly normals: Float32Array;
  /** Three vertex indices per triangle, counter-clockwise seen from outside. */
  readonly indices: Uint32Array;
  /** Region code per vertex: index into `regionIds`. */
  readonly vertexRegion: Uint8Array;
  /** Region id for each region code. */
  readonly regionIds: readonly RegionId[];
  /**
   * 1 where the surface is not skin anyone treats (the head model's flat closing cap under the neck):
   * such vertices are in no region's vertices, area or interior, so coverage counts treatable skin only.
   */
  readonly notSkin?: Uint8Array;
}

export interface RegionInfo {
  id: RegionId;
  areaCm2: number;
  centroid: [number, number, number];
  name: { zh: string; en: string };
}

export interface Landmark {
  id: string; // e.g. 'nasion', 'endocanthion-left'
  p: [number, number, number];
}

/** The painted features a head model carries per vertex, in this order (core/head-model/appearance.ts). */
export const APPEARANCE_CHANNELS = ['vermilion', 'eyebrow', 'hair', 'shade', 'noTreat'] as const;

/** An eyeball the renderer draws in the open fissure (head frame). */
export interface EyeGlobe {
  side: 'left' | 'right';
  centre: [number, number, number];
  radiusMm: number;
}

/** A head model as shipped: the surface, UVs for painting, regions, landmarks and how it looks. */
export interface HeadModel extends TreatmentSurface {
  readonly uvs: Float32Array;
  readonly regions: readonly RegionInfo[];
  readonly landmarks: readonly Landmark[];
  readonly notSkin: Uint8Array;
  /** Appearance channels per vertex, interleaved in APPEARANCE_CHANNELS order, 0-255. */
  readonly appearance: Uint8Array;
  readonly variant: 'female' | 'male';
  readonly eyes: readonly EyeGlobe[];
}

/** Axis-aligned box around a surface, head frame, mm. */
export interface SurfaceBounds {
  min: [number, number, number];
  max: [number, number, number];
}

/** The smallest axis-aligned box holding every vertex of the surface. */
export function surfaceBounds(surface: TreatmentSurface): SurfaceBounds {
  const p = surface.positions;
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 2 < p.length; i += 3) {
    for (let a = 0; a < 3; a++) {
      const v = p[i + a];
      if (v < min[a]) min[a] = v;
      if (v > max[a]) max[a] = v;
    }
  }
  return { min, max };
}
