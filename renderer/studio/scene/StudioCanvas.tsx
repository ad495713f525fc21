// The 3D view: head, lights, orbit controls (right button rotates, middle pans, wheel zooms; the left
// button is the device), the device marker, region labels and the input controller.

import { OrbitControls } from '@react-three/drei';
import { Canvas, useThree } from '@react-three/fiber';
import { useEffect, useRef, type MutableRefObject, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MOUSE, TOUCH, type Vector3 } from 'three';
import { CAMERA_START } from './camera';
import { Lights } from './Lights';


export function StudioCanvas({ children, label }: { children: ReactNode; label: string }) {
  const { t } = useTranslation('studio');
  const resetView = useRef<(() => void) | null>(null);
  return (
    <>
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
      <CameraReset resetRef={resetView} />
      {children}
    </Canvas>
    {/* Outside the canvas so it is a plain, focusable DOM button; the canvas' parent positions both. */}
    <button type="button" className="studio-reset-view" onClick={() => resetView.current?.()}>
      {t('resetView')}
    </button>
    </>
  );
}

/** Hands the DOM button a way to put the camera back where the studio starts. */
export function CameraReset({ resetRef }: { resetRef: MutableRefObject<(() => void) | null> }) {
  const camera = useThree((s) => s.camera);
  // The orbit controls registered with makeDefault, seen through the two members used here.
  const controls = useThree((s) => s.controls) as unknown as { target: Vector3; update(): void } | null;
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    resetRef.current = () => {
      camera.position.set(...CAMERA_START.position);
      if (controls) {
        controls.target.set(...CAMERA_START.target);
        controls.update();
      } else camera.lookAt(...CAMERA_START.target);
      invalidate();
    };
    return () => {
      resetRef.current = null;
    };
  }, [camera, controls, invalidate, resetRef]);
  return null;
}
