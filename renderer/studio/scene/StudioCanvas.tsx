// The 3D view: head, lights, orbit controls (right button rotates, middle pans, wheel zooms; the left
// button is the device), the device marker, region labels and the input controller.

import { OrbitControls } from '@react-three/drei';
import { Canvas } from '@react-three/fiber';
import type { ReactNode } from 'react';
import { MOUSE, TOUCH } from 'three';
import { CAMERA_START } from './camera';
import { Lights } from './Lights';


export function StudioCanvas({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Canvas
      className="studio-canvas"
      aria-label={label}
      role="img"
      camera={{ position: CAMERA_START.position, fov: CAMERA_START.fov, near: CAMERA_START.near, far: CAMERA_START.far }}
      gl={{ antialias: true }}
      dpr={[1, 2]}
      // Frames only when something changed (input, feedback, camera): software WebGL stays responsive.
      frameloop="demand"
    >
      <color attach="background" args={['#e9eff0']} />
      <Lights />
      <OrbitControls
        makeDefault
        target={CAMERA_START.target}
        enableDamping={false}
        minDistance={150}
        maxDistance={1400}
        // The left button is the device; rotate with the right button, pan with the middle one.
        mouseButtons={{ LEFT: -1 as MOUSE, MIDDLE: MOUSE.PAN, RIGHT: MOUSE.ROTATE }}
        // On a touch screen one finger is the device; two fingers turn and zoom the head.
        touches={{ ONE: -1 as TOUCH, TWO: TOUCH.DOLLY_ROTATE }}
      />
      {children}
    </Canvas>
  );
}
