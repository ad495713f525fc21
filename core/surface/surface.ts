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

/** A head model as shipped: the surface, UVs for painting, regions and landmarks. */
export interface HeadModel extends TreatmentSurface {
  readonly uvs: Float32Array;
  readonly regions: readonly RegionInfo[];
  readonly landmarks: readonly Landmark[];
}
