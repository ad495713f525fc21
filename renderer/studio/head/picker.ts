// Surface picking: a BVH over the head mesh (three-mesh-bvh) and the conversion of a ray hit into what a
// recording needs: position and interpolated normal in the head frame, and the region of the hit triangle's
// nearest vertex. Used in pointer event handlers (never per frame) and by the input benchmark in Node.

import { BufferAttribute, BufferGeometry, FrontSide, Ray, Vector3 } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import type { RegionId } from '../../../core/anatomy/regions';
import type { Vec3 } from '../../../core/recording/types';
import type { TreatmentSurface } from '../../../core/surface/surface';

export interface SurfaceHit {
  p: Vec3;
  n: Vec3;
  region: RegionId;
  /** Vertex of the hit triangle closest to the hit (its region is the hit's region). */
  vertex: number;
  faceIndex: number;
  distanceMm: number;
}

export interface SurfacePicker {
  readonly geometry: BufferGeometry;
  readonly bvh: MeshBVH;
  /** First hit of the ray on the outside of the surface, or null. */
  pick(ray: Ray): SurfaceHit | null;
}

/** Builds the render geometry (positions, normals, indices; colours are added by the scene) and its BVH. */
export function createHeadGeometry(surface: TreatmentSurface): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(surface.positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(surface.normals, 3));
  // A copy: the BVH reorders the index buffer in place, and the surface's own triangle list stays as shipped.
  geometry.setIndex(new BufferAttribute(surface.indices.slice(), 1));
  geometry.computeBoundingSphere();
  return geometry;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function createSurfacePicker(surface: TreatmentSurface, geometry: BufferGeometry = createHeadGeometry(surface)): SurfacePicker {
  const bvh = new MeshBVH(geometry);
  const { positions, normals, vertexRegion, regionIds } = surface;
  const pa = new Vector3();
  const pb = new Vector3();
  const pc = new Vector3();
  return {
    geometry,
    bvh,
    pick(ray) {
      const hit = bvh.raycastFirst(ray, FrontSide);
      if (!hit || !hit.face) return null;
      const { a, b, c } = hit.face;
      pa.fromArray(positions, a * 3);
      pb.fromArray(positions, b * 3);
      pc.fromArray(positions, c * 3);
      // Barycentric weights of the hit point in the triangle.
      const w = barycentric(hit.point, pa, pb, pc);
      const verts = [a, b, c];
      let nearest = 0;
      if (w[1] > w[nearest]) nearest = 1;
      if (w[2] > w[nearest]) nearest = 2;
      let nx = 0;
      let ny = 0;
      let nz = 0;
      for (let k = 0; k < 3; k++) {
        nx += w[k] * normals[verts[k] * 3];
        ny += w[k] * normals[verts[k] * 3 + 1];
        nz += w[k] * normals[verts[k] * 3 + 2];
      }
      const len = Math.hypot(nx, ny, nz) || 1;
      const vertex = verts[nearest];
      return {
        p: [round(hit.point.x), round(hit.point.y), round(hit.point.z)],
        n: [round(nx / len), round(ny / len), round(nz / len)],
        region: regionIds[vertexRegion[vertex]],
        vertex,
        faceIndex: hit.faceIndex ?? -1,
        distanceMm: hit.distance,
      };
    },
  };
}

const v0 = new Vector3();
const v1 = new Vector3();
const v2 = new Vector3();

function barycentric(p: Vector3, a: Vector3, b: Vector3, c: Vector3): [number, number, number] {
  v0.subVectors(b, a);
  v1.subVectors(c, a);
  v2.subVectors(p, a);
  const d00 = v0.dot(v0);
  const d01 = v0.dot(v1);
  const d11 = v1.dot(v1);
  const d20 = v2.dot(v0);
  const d21 = v2.dot(v1);
  const denom = d00 * d11 - d01 * d01 || 1;
  const v = (d11 * d20 - d01 * d21) / denom;
  const w = (d00 * d21 - d01 * d20) / denom;
  return [1 - v - w, v, w];
}
