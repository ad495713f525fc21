// The 3D view: head, lights, orbit controls (right button rotates, middle pans, wheel zooms; the left
// button is the device), the device marker, region labels and the input controller.

import { OrbitControls } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import type { ReactNode } from 'react';
import { MOUSE, type BufferGeometry } from 'three';
import type { HeadModel } from '../../../core/surface/surface';

export const CAMERA_START = { position: [0, 40, 560] as [number, number, number], target: [0, 10, 40] as [number, number, number], fov: 30 };

export function StudioCanvas({ children, label }: { head?: HeadModel; geometry?: BufferGeometry; children: ReactNode; label: string }) {
  return (
    <Canvas
      className="studio-canvas"
      aria-label={label}
      role="img"
      camera={{ position: CAMERA_START.position, fov: CAMERA_START.fov, near: 5, far: 5000 }}
      gl={{ antialias: true, preserveDrawingBuffer: true }}
      dpr={[1, 2]}
    >
      <color attach="background" args={['#e9eff0']} />
      <OrbitControls
        makeDefault
        target={CAMERA_START.target}
        enableDamping={false}
        minDistance={150}
        maxDistance={1400}
        // The left button is the device; rotate with the right button, pan with the middle one.
        mouseButtons={{ LEFT: -1 as MOUSE, MIDDLE: MOUSE.PAN, RIGHT: MOUSE.ROTATE }}
      />
      {children}
    </Canvas>
  );
}
