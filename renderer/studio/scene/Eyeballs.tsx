// The eyeballs seen in the open fissures: spheres at the head model's globes, a hair larger than the skin's
// own globe surface so they cover it. Coloured per vertex by the angle from the gaze (straight ahead, +Z):
// pupil, iris with a darker collarette and limbal ring, and a faintly pink sclera toward the canthi. Not
// pickable: the picker works on the skin surface, where the eye is a no-treat zone.

import { useMemo } from 'react';
import { BufferAttribute, SphereGeometry } from 'three';
import type { EyeGlobe } from '../../../core/surface/surface';
import { srgbToLinear } from '../feedback/colors';

type Rgb = [number, number, number];
const PUPIL: Rgb = [0.03, 0.025, 0.02];
const IRIS_INNER: Rgb = [0.22, 0.13, 0.07];
const IRIS_OUTER: Rgb = [0.33, 0.2, 0.11];
const LIMBUS: Rgb = [0.12, 0.08, 0.05];
const SCLERA: Rgb = [0.93, 0.91, 0.88];
const SCLERA_EDGE: Rgb = [0.9, 0.76, 0.74];

/** Iris and pupil radii as the sine of their angular radius on a 12 mm globe (11.6 mm iris, 3.6 mm pupil). */
const IRIS_SIN = 5.8 / 12;
const PUPIL_SIN = 1.8 / 12;

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const step = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

/** Colour of the eyeball surface at unit direction (dx, dy, dz) from its centre. */
export function eyeColorAt(dx: number, dy: number, dz: number): Rgb {
  if (dz <= 0) return SCLERA_EDGE;
  const off = Math.hypot(dx, dy); // sine of the angle from the gaze axis
  if (off < PUPIL_SIN) return PUPIL;
  if (off < IRIS_SIN) {
    const t = (off - PUPIL_SIN) / (IRIS_SIN - PUPIL_SIN);
    let c = mix(PUPIL, IRIS_INNER, step(0, 0.08, t));
    c = mix(c, IRIS_OUTER, step(0.25, 0.7, t));
    return mix(c, LIMBUS, step(0.82, 1, t));
  }
  return mix(mix(LIMBUS, SCLERA, step(IRIS_SIN, IRIS_SIN + 0.05, off)), SCLERA_EDGE, step(0.6, 0.95, off));
}

function eyeGeometry(radiusMm: number): SphereGeometry {
  const geometry = new SphereGeometry(radiusMm, 96, 64);
  // Turn the sphere's pole onto the gaze axis (+Z), so the iris gets the densest, most even vertices.
  geometry.rotateX(Math.PI / 2);
  const p = geometry.getAttribute('position');
  const colors = new Float32Array(p.count * 3);
  for (let i = 0; i < p.count; i++) {
    const c = eyeColorAt(p.getX(i) / radiusMm, p.getY(i) / radiusMm, p.getZ(i) / radiusMm);
    colors[i * 3] = srgbToLinear(c[0]);
    colors[i * 3 + 1] = srgbToLinear(c[1]);
    colors[i * 3 + 2] = srgbToLinear(c[2]);
  }
  geometry.setAttribute('color', new BufferAttribute(colors, 3));
  return geometry;
}


export function Eyeballs({ eyes }: { eyes: readonly EyeGlobe[] }) {
  // The model's eyes carry the drawn radius: inside the lid margins, outside the skin under the fissure
  // (EYEBALL_DRAWN_INSET_MM and GLOBE_SKIN_INSET_MM in core/head-model/head-sdf.ts).
  const geometry = useMemo(() => eyeGeometry(eyes[0]?.radiusMm ?? 0), [eyes]);
  return (
    <>
      {eyes.map((eye) => (
        <mesh key={eye.side} name={`eyeball-${eye.side}`} geometry={geometry} position={eye.centre} raycast={() => null}>
          <meshPhysicalMaterial vertexColors roughness={0.25} clearcoat={1} clearcoatRoughness={0.05} specularIntensity={0.6} />
        </mesh>
      ))}
    </>
  );
}
