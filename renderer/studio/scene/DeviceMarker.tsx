// The device on the skin: a roller drum across the direction of travel, an RF tip (square footprint that
// flashes on each pulse) or a nano pen. Positioned per frame from the transient cursor state.

import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { Matrix4, Quaternion, Vector3, type Group, type Mesh, type MeshStandardMaterial } from 'three';
import type { DeviceSettings, Vec3 } from '../../../core/recording/types';
import { skinFrame } from '../../../core/geometry/skin-frame';

export interface MarkerPose {
  p: Vec3 | null;
  n: Vec3 | null;
  moveDir: Vec3 | null;
  down: boolean;
  /** 0..1 flash strength (RF pulse). */
  flash: number;
}

const up = new Vector3();
const side = new Vector3();
const fwd = new Vector3();
const q = new Quaternion();
const m4 = new Matrix4();
const basis = { x: new Vector3(), y: new Vector3(), z: new Vector3() };
const frame = new Float64Array(6);

/** The skin frame's vertical at n (the drum rolls up and down when nothing says otherwise). */
function verticalAt(n: Vec3): Vec3 {
  skinFrame(n[0], n[1], n[2], frame);
  return [frame[3], frame[4], frame[5]];
}

export function DeviceMarker({ settings, pose }: { settings: DeviceSettings; pose: () => MarkerPose }) {
  const group = useRef<Group>(null);
  const flashMesh = useRef<Mesh>(null);

  useFrame(() => {
    const g = group.current;
    if (!g) return;
    const m = pose();
    if (!m.p || !m.n) {
      g.visible = false;
      return;
    }
    g.visible = true;
    g.position.set(m.p[0], m.p[1], m.p[2]);
    // Local frame: y along the normal, x across the travel (the drum axis), z along the travel.
    up.set(m.n[0], m.n[1], m.n[2]).normalize();
    const dir = m.moveDir ?? verticalAt(m.n);
    fwd.set(dir[0], dir[1], dir[2]);
    fwd.addScaledVector(up, -fwd.dot(up));
    if (fwd.lengthSq() < 1e-6) fwd.set(...verticalAt(m.n));
    fwd.normalize();
    side.crossVectors(up, fwd).normalize();
    basis.x.copy(side);
    basis.y.copy(up);
    basis.z.crossVectors(side, up);
    q.setFromRotationMatrix(m4.makeBasis(basis.x, basis.y, basis.z));
    g.quaternion.copy(q);
    if (flashMesh.current) {
      const mat = flashMesh.current.material as MeshStandardMaterial;
      mat.opacity = 0.25 + 0.6 * m.flash;
      mat.emissiveIntensity = 0.2 + 2 * m.flash;
    }
    g.scale.setScalar(m.down ? 1 : 1.04);
  });

  return (
    <group ref={group} visible={false} name="device">
      {settings.device === 'roller' && (
        <>
          {/* Drum: axis along local x, lying on the skin. */}
          <mesh position={[0, 4, 0]} rotation={[0, 0, Math.PI / 2]}>
            <cylinderGeometry args={[4, 4, settings.drumWidthMm, 24]} />
            <meshStandardMaterial color="#c9d3da" metalness={0.7} roughness={0.3} transparent opacity={0.85} />
          </mesh>
          <mesh position={[0, 20, -14]} rotation={[Math.PI / 4, 0, 0]}>
            <cylinderGeometry args={[2.2, 2.2, 40, 12]} />
            <meshStandardMaterial color="#2f7f7a" roughness={0.5} />
          </mesh>
        </>
      )}
      {settings.device === 'rf' && (
        <>
          <mesh ref={flashMesh} position={[0, 0.6, 0]}>
            <boxGeometry args={[settings.tipSizeMm, 1, settings.tipSizeMm]} />
            <meshStandardMaterial color="#4fb3ff" emissive="#4fb3ff" transparent opacity={0.3} />
          </mesh>
          <mesh position={[0, 22, 0]}>
            <cylinderGeometry args={[settings.tipSizeMm * 0.45, settings.tipSizeMm * 0.6, 40, 20]} />
            <meshStandardMaterial color="#e8eef2" roughness={0.4} transparent opacity={0.75} />
          </mesh>
        </>
      )}
      {settings.device === 'nano' && (
        <mesh position={[0, 18, 0]}>
          <cylinderGeometry args={[4, 1.5, 36, 16]} />
          <meshStandardMaterial color="#8a7bd1" roughness={0.4} transparent opacity={0.85} />
        </mesh>
      )}
    </group>
  );
}
