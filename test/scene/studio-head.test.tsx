// The studio's scene graph under @react-three/test-renderer: the head mesh takes its colours from live
// feedback when (and only when) its version changes, and the device marker follows the pointer state.

import ReactThreeTestRenderer from '@react-three/test-renderer';
import { describe, expect, it } from 'vitest';
import { BufferAttribute, Mesh } from 'three';
import { createStandInSurface } from '../../core/surface/stand-in';
import type { LiveFeedbackState } from '../../core/scoring/live-contract';
import { SKIN_RGB, srgbToLinear, type HeadView } from '../../renderer/studio/feedback/colors';
import { createHeadGeometry } from '../../renderer/studio/head/picker';
import { DeviceMarker, type MarkerPose } from '../../renderer/studio/scene/DeviceMarker';
import { HeadMesh, type ColorSource } from '../../renderer/studio/scene/HeadMesh';

const surface = createStandInSurface({ rings: 40, segments: 80 });
const n = surface.positions.length / 3;

function feedbackState(): LiveFeedbackState & { version: number } {
  return { passCount: new Uint16Array(n), directionMask: new Uint8Array(n), rfHitCount: new Uint16Array(n), nanoContactCount: new Uint16Array(n), rollerDosePassMm: new Float32Array(n), bleedingDosePassMm: new Float32Array(n), version: 0 };
}

describe('studio scene', () => {
  it('the head shows skin first, then the heat map after feedback changes, and never in test mode', async () => {
    const geometry = createHeadGeometry(surface);
    const state = feedbackState();
    let feedbackOn = true;
    const view: HeadView = 'passes';
    let computed = 0;
    const source = (): ColorSource => {
      computed++;
      return {
        inputs: { view, feedback: feedbackOn, state, targetRegions: new Set(), showRegions: false },
        key: `${feedbackOn}|${state.version}|${view}`,
      };
    };
    const r = await ReactThreeTestRenderer.create(<HeadMesh surface={surface} geometry={geometry} colorSource={source} />);
    await r.advanceFrames(1, 16);
    const mesh = r.scene.children[0].instance as Mesh;
    const colors = mesh.geometry.getAttribute('color') as BufferAttribute;
    expect(colors.count).toBe(n);
    const v = 1 + 9 * 80; // ring 10, segment 0: the forehead, facing +Z
    expect(colors.getX(v)).toBeCloseTo(srgbToLinear(SKIN_RGB[0]), 5);

    state.passCount[v] = 3;
    state.version++;
    await r.advanceFrames(1, 16);
    expect(colors.getY(v)).toBeGreaterThan(colors.getX(v)); // 3 passes: green in the heat ramp

    // Same version: no recomputation is needed, the colours stay.
    const before = colors.getY(v);
    await r.advanceFrames(2, 16);
    expect(colors.getY(v)).toBe(before);

    feedbackOn = false; // test mode
    await r.advanceFrames(1, 16);
    expect(colors.getX(v)).toBeCloseTo(srgbToLinear(SKIN_RGB[0]), 5);
    expect(computed).toBeGreaterThan(3);
    await r.unmount();
    expect(geometry.getAttribute('color')).toBeUndefined();
  });

  it('the device marker is hidden off the head and sits on the skin point with its axis along the normal', async () => {
    const pose: MarkerPose = { p: null, n: null, moveDir: null, down: false, flash: 0 };
    const r = await ReactThreeTestRenderer.create(<DeviceMarker settings={{ device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 }} pose={() => pose} />);
    await r.advanceFrames(1, 16);
    const group = r.scene.children[0].instance;
    expect(group.visible).toBe(false);
    pose.p = [10, 60, 80];
    pose.n = [0, 0, 1];
    pose.moveDir = [1, 0, 0];
    await r.advanceFrames(1, 16);
    expect(group.visible).toBe(true);
    expect(group.position.toArray()).toEqual([10, 60, 80]);
    // Local y (the marker's up) is the surface normal.
    const up = group.up.clone().applyQuaternion(group.quaternion);
    expect(up.z).toBeCloseTo(1, 5);
    // The drum's axis (local x) lies across the travel: perpendicular to +X movement.
    const axis = group.children[0].up.clone().set(1, 0, 0).applyQuaternion(group.quaternion);
    expect(Math.abs(axis.x)).toBeLessThan(1e-6);
    await r.unmount();
  });
});
