// A page that shows one shipped head from one standard view, with the studio's own head mesh, eyeballs and
// lights: ?variant=female|male&view=front|side|three-quarter|top. test/e2e/head-views.test.ts photographs it.

import { Canvas, useThree } from '@react-three/fiber';
import { Vector3 } from 'three';
import { createRoot } from 'react-dom/client';
import { useEffect, useMemo, useState } from 'react';
import type { HeadVariantId } from '../../../core/head-model/variants';
import type { HeadModel } from '../../../core/surface/surface';
import { loadHead } from '../../../renderer/studio/head/loadHead';
import { createHeadGeometry } from '../../../renderer/studio/head/picker';
import { Eyeballs } from '../../../renderer/studio/scene/Eyeballs';
import { HeadMesh, type ColorSource } from '../../../renderer/studio/scene/HeadMesh';
import { Lights } from '../../../renderer/studio/scene/Lights';

const params = new URLSearchParams(location.search);
const variant = (params.get('variant') ?? 'female') as HeadVariantId;
const view = params.get('view') ?? 'front';
const distance = 560;
const target = (params.get('target') ?? '0,-20,20').split(',').map(Number) as [number, number, number];
const directions: Record<string, [number, number, number]> = {
  front: [0, 0.05, 1],
  side: [1, 0.05, 0],
  'three-quarter': [0.72, 0.12, 0.68],
  top: [0, 1, 0.12],
};

function Scene({ head }: { head: HeadModel }) {
  const geometry = useMemo(() => createHeadGeometry(head), [head]);
  const n = head.vertexRegion.length;
  const source = (): ColorSource => ({
    inputs: {
      view: 'skin',
      feedback: false,
      state: { passCount: new Uint16Array(n), directionMask: new Uint8Array(n), rfHitCount: new Uint16Array(n), nanoContactCount: new Uint16Array(n), rollerDosePassMm: new Float32Array(n), bleedingDosePassMm: new Float32Array(n), version: 0 },
      targetRegions: new Set(),
      showRegions: false,
      regionHints: params.get('hints') === '1',
    },
    key: 'static',
  });
  return (
    <>
      <HeadMesh surface={head} geometry={geometry} colorSource={source} />
      <Eyeballs eyes={head.eyes} />
    </>
  );
}

function App() {
  const [head, setHead] = useState<HeadModel | null>(null);
  const [error, setError] = useState('');
  useEffect(() => void loadHead(variant).then(setHead, (e: Error) => setError(e.message)), []);
  if (error) return <p id="error">{error}</p>;
  if (!head) return null;
  const d = directions[view];
  const len = Math.hypot(...d);
  const zoom = Number(params.get('zoom') ?? '1');
  const position: [number, number, number] = [0, 1, 2].map((i) => target[i] + (d[i] / len) * distance / zoom) as [number, number, number];
  return (
    <Canvas camera={{ position, fov: 40, near: 10, far: 3000 }} gl={{ antialias: true, preserveDrawingBuffer: true }} onCreated={({ camera }) => camera.lookAt(...target)}>
      <color attach="background" args={['#e9eff0']} />
      <Lights />
      <Scene head={head} />
      <ReadyMark head={head} />
    </Canvas>
  );
}

/** Marks the page ready after two frames, with where the corneas and the vertex land on screen (CSS px). */
function ReadyMark({ head }: { head: HeadModel }) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  useEffect(() => {
    camera.updateMatrixWorld();
    const onScreen = (p: readonly number[]) => {
      const v = new Vector3(p[0], p[1], p[2]).project(camera);
      return `${Math.round(((v.x + 1) / 2) * size.width)},${Math.round(((1 - v.y) / 2) * size.height)}`;
    };
    for (const eye of head.eyes) document.body.setAttribute(`data-cornea-${eye.side}`, onScreen([eye.centre[0], eye.centre[1], eye.centre[2] + eye.radiusMm]));
    document.body.setAttribute('data-vertex', onScreen(head.landmarks.find((l) => l.id === 'vertex')!.p));
    requestAnimationFrame(() => requestAnimationFrame(() => document.body.setAttribute('data-ready', '1')));
  }, [camera, size, head]);
  return null;
}

createRoot(document.getElementById('root')!).render(<App />);
