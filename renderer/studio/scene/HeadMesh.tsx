// The head: the shipped surface with a skin material and per-vertex colours (skin reaction, heat maps,
// region overlay). Colours are recomputed in useFrame only when their inputs change (feedback version,
// view, overlay), read through a getter so that nothing re-renders React per sample.

import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, type BufferGeometry } from 'three';
import type { TreatmentSurface } from '../../../core/surface/surface';
import { writeVertexColors, type ColorInputs } from '../feedback/colors';

export interface ColorSource {
  inputs: Omit<ColorInputs, 'vertexRegion' | 'regionIds' | 'appearance'>;
  /** Changes whenever the colours must be recomputed. */
  key: string;
}

export function HeadMesh({ surface, geometry, colorSource }: { surface: TreatmentSurface & { appearance?: Uint8Array }; geometry: BufferGeometry; colorSource: () => ColorSource }) {
  const colors = useMemo(() => new BufferAttribute(new Float32Array(surface.positions.length), 3), [surface]);
  const lastKey = useRef('');

  // Attached in an effect (and detached on unmount) so that a remount, as StrictMode does, re-attaches it.
  useEffect(() => {
    geometry.setAttribute('color', colors);
    lastKey.current = '';
    return () => void geometry.deleteAttribute('color');
  }, [geometry, colors]);

  useFrame(() => {
    const source = colorSource();
    if (source.key === lastKey.current && geometry.getAttribute('color') === colors) return;
    lastKey.current = source.key;
    writeVertexColors(colors.array as Float32Array, { ...source.inputs, vertexRegion: surface.vertexRegion, regionIds: surface.regionIds, appearance: surface.appearance });
    colors.needsUpdate = true;
  });

  return (
    <mesh geometry={geometry} name="head" castShadow={false} receiveShadow={false}>
      <meshPhysicalMaterial
        vertexColors
        roughness={0.58}
        metalness={0}
        sheen={0.5}
        sheenRoughness={0.45}
        sheenColor="#ffc9b5"
        clearcoat={0.06}
        clearcoatRoughness={0.7}
        specularIntensity={0.35}
        specularColor="#ffe8dc"
      />
    </mesh>
  );
}
