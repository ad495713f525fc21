// "Reset view" puts the camera back where the studio starts, whatever the trainee did with orbit or pan.

import { useThree } from '@react-three/fiber';
import ReactThreeTestRenderer from '@react-three/test-renderer';
import { act, createRef } from 'react';
import type { Camera } from 'three';
import { describe, expect, it } from 'vitest';
import { CAMERA_START } from '../../renderer/studio/scene/camera';
import { CameraReset } from '../../renderer/studio/scene/StudioCanvas';

function CameraProbe({ onCamera }: { onCamera: (camera: Camera) => void }) {
  onCamera(useThree((s) => s.camera));
  return null;
}

describe('studio camera', () => {
  it('reset view restores the starting position and looks at the starting target', async () => {
    const resetRef = createRef<(() => void) | null>() as { current: (() => void) | null };
    let camera: Camera | undefined;
    const renderer = await ReactThreeTestRenderer.create(
      <>
        <CameraProbe onCamera={(c) => (camera = c)} />
        <CameraReset resetRef={resetRef} />
      </>,
    );
    if (!camera) throw new Error('no camera');
    camera.position.set(300, -200, 50);
    camera.lookAt(0, 0, 0);
    expect(resetRef.current).toBeTypeOf('function');
    await act(async () => resetRef.current!());
    expect(camera.position.toArray()).toEqual(CAMERA_START.position);
    // Looking at the target: the camera's forward axis points from the camera to the target.
    const forward = camera.getWorldDirection(camera.position.clone());
    const [tx, ty, tz] = CAMERA_START.target;
    const toTarget = camera.position.clone().set(tx, ty, tz).sub(camera.position).normalize();
    expect(forward.dot(toTarget)).toBeGreaterThan(0.9999);
    await renderer.unmount();
    expect(resetRef.current).toBeNull();
  });
});
