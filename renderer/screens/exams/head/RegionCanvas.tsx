// The 3D part of the exam head (its own chunk): the shipped head model, an orbit camera (drag turns it),
// regions coloured from a map, the hovered region lightened, and a click (a press without a drag) on the
// head picks the region under the pointer through the studio's BVH picker.

import { OrbitControls } from '@react-three/drei';
import { Canvas, useThree } from '@react-three/fiber';
import { useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BufferAttribute, Color, Raycaster, Vector2 } from 'three';
import type { RegionId } from '../../../../core/anatomy/regions';
import type { HeadVariantId } from '../../../../core/head-model/variants';
import type { HeadModel } from '../../../../core/surface/surface';
import { loadHead } from '../../../studio/head/loadHead';
import { createHeadGeometry, createSurfacePicker, type SurfacePicker } from '../../../studio/head/picker';
import { CAMERA_START } from '../../../studio/scene/camera';
import { Lights } from '../../../studio/scene/Lights';
import { HeadFailure, HeadLoaderContext, type RegionCanvasProps } from './RegionHead';

type Loaded = { status: 'loading' } | { status: 'ready'; head: HeadModel; picker: SurfacePicker } | { status: 'error'; message: string };

function useHead(variant: HeadVariantId): Loaded {
  const load = useContext(HeadLoaderContext) ?? loadHead;
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load(variant).then(
      (head) => live && setState({ status: 'ready', head, picker: createSurfacePicker(head, createHeadGeometry(head)) }),
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [load, variant]);
  return state;
}

/** Whether this browser can give a WebGL context at all (a machine without one must say so, not show a blank). */
function webglProblem(): string | null {
  try {
    const canvas = document.createElement('canvas');
    if (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) return null;
    return 'WebGL is not available in this browser (no webgl2 or webgl context)';
  } catch (error) {
    return `WebGL cannot be started (${error instanceof Error ? error.message : String(error)})`;
  }
}

export default function RegionCanvas({ colors, onPick, disabled, variant = 'female' }: RegionCanvasProps) {
  const { t } = useTranslation('exam');
  const loaded = useHead(variant);
  const [hover, setHover] = useState<RegionId | null>(null);
  const [noGl] = useState(webglProblem);
  if (loaded.status === 'loading')
    return (
      <p className="loading" role="status">
        {t('head.loading')}
      </p>
    );
  if (loaded.status === 'error') return <HeadFailure title={t('head.loadFailed')} message={loaded.message} />;
  if (noGl) return <HeadFailure title={t('head.glFailed')} message={noGl} />;
  return (
    <Canvas
      className="region-canvas"
      data-head={variant}
      role="img"
      aria-label={t('head.label')}
      camera={{ position: CAMERA_START.position, fov: CAMERA_START.fov, near: CAMERA_START.near, far: CAMERA_START.far }}
      gl={{ antialias: true }}
      dpr={[1, 2]}
      frameloop="demand"
    >
      <color attach="background" args={['#eef3f3']} />
      <Lights />
      <OrbitControls makeDefault target={CAMERA_START.target} enableDamping={false} minDistance={150} maxDistance={1400} />
      <RegionMesh head={loaded.head} picker={loaded.picker} colors={colors} hover={disabled ? null : hover} />
      <PickController picker={loaded.picker} onHover={setHover} onPick={disabled ? null : onPick} />
    </Canvas>
  );
}

const SKIN = new Color('#e8c4ad');
const HOVER_MIX = 0.35;

function RegionMesh({ head, picker, colors, hover }: { head: HeadModel; picker: SurfacePicker; colors: ReadonlyMap<RegionId, string>; hover: RegionId | null }) {
  const invalidate = useThree((s) => s.invalidate);
  const attribute = useMemo(() => new BufferAttribute(new Float32Array(head.positions.length), 3), [head]);
  const key = [...colors].map(([r, c]) => `${r}:${c}`).join('|');
  useEffect(() => {
    const byCode = head.regionIds.map((region) => {
      const color = colors.has(region) ? new Color(colors.get(region)) : SKIN.clone();
      if (region === hover) color.lerp(new Color('#ffffff'), HOVER_MIX);
      return color;
    });
    const out = attribute.array as Float32Array;
    for (let v = 0; v < head.vertexRegion.length; v++) {
      const c = byCode[head.vertexRegion[v]];
      out[v * 3] = c.r;
      out[v * 3 + 1] = c.g;
      out[v * 3 + 2] = c.b;
    }
    attribute.needsUpdate = true;
    picker.geometry.setAttribute('color', attribute);
    invalidate();
    // `key` stands for the colours' content (a new Map each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [head, picker, attribute, key, hover, invalidate]);
  return (
    <mesh geometry={picker.geometry} name="head">
      <meshStandardMaterial vertexColors roughness={0.6} metalness={0} />
    </mesh>
  );
}

/** A press and release within a few pixels is a click (a pick); anything longer is the orbit camera's drag. */
function PickController({ picker, onHover, onPick }: { picker: SurfacePicker; onHover: (r: RegionId | null) => void; onPick: ((r: RegionId) => void) | null }) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    const el = gl.domElement;
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    let down: { x: number; y: number } | null = null;
    let last: RegionId | null = null;
    const regionAt = (e: PointerEvent): RegionId | null => {
      const rect = el.getBoundingClientRect();
      ndc.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      return picker.pick(raycaster.ray)?.region ?? null;
    };
    const onDown = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY };
    };
    const onUp = (e: PointerEvent) => {
      if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) < 5 && e.button === 0) {
        const region = regionAt(e);
        if (region && onPick) onPick(region);
      }
      down = null;
    };
    const onMove = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      const region = regionAt(e);
      if (region !== last) {
        last = region;
        onHover(region);
      }
    };
    const onLeave = () => {
      last = null;
      onHover(null);
    };
    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerleave', onLeave);
    el.style.cursor = onPick ? 'pointer' : 'default';
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerleave', onLeave);
    };
  }, [gl, camera, picker, onHover, onPick]);
  return null;
}
