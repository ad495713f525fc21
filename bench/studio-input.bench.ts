// Studio input: what one pointer sample costs on the shipped head (BVH raycast + region lookup + recording
// + live feedback update, through the same code the studio's pointer handlers run), and how long the head
// takes to decode and become pickable (geometry + BVH).
import { readFileSync } from 'node:fs';
import { PerspectiveCamera, Raycaster, Vector2, Vector3 } from 'three';
import { decodeHeadModel, parseHeadModelMeta } from '../core/head-model/format';
import { HEAD_BIN_PATH, HEAD_META_PATH } from '../core/node/head-model-file';
import { createHeadGeometry, createSurfacePicker } from '../renderer/studio/head/picker';
import { createSessionInput, type PointerInput } from '../renderer/studio/input/session-input';
import { CAMERA_START } from '../renderer/studio/scene/camera';
import { createCursorState } from '../renderer/studio/scene/cursor';
import { createStudioStore } from '../renderer/studio/store';
import { percentile, type BenchRow } from './table';

export async function run(): Promise<BenchRow[]> {
  const t0 = performance.now();
  const bin = new Uint8Array(readFileSync(HEAD_BIN_PATH));
  const meta = parseHeadModelMeta(JSON.parse(readFileSync(HEAD_META_PATH, 'utf8')), HEAD_META_PATH);
  const head = decodeHeadModel(bin, meta);
  const t1 = performance.now();
  const picker = createSurfacePicker(head, createHeadGeometry(head));
  const t2 = performance.now();

  // The studio's starting camera, and rays through screen points that sweep the forehead in the four
  // 米 directions (about 1 mm per sample, as a fast stroke's coalesced events are).
  const camera = new PerspectiveCamera(CAMERA_START.fov, 660 / 740, CAMERA_START.near, CAMERA_START.far);
  camera.position.set(...CAMERA_START.position);
  camera.lookAt(new Vector3(...CAMERA_START.target));
  camera.updateMatrixWorld();
  const forehead = meta.regions.find((r) => r.id === 'forehead')!.centroid;
  const centre = new Vector3(...forehead).project(camera);
  const raycaster = new Raycaster();
  const ndc = new Vector2();
  const dirs = [
    [1, 0],
    [0, 1],
    [0.7, 0.7],
    [0.7, -0.7],
  ];
  const makeInput = (i: number): PointerInput => {
    const [dx, dy] = dirs[Math.floor(i / 200) % 4];
    const s = ((i % 200) - 100) / 100; // -1..1 along the stroke
    ndc.set(centre.x + dx * s * 0.12, centre.y + dy * s * 0.1);
    raycaster.setFromCamera(ndc, camera);
    return { timeStamp: 1000 + i * 4, ray: raycaster.ray.clone(), pointerType: 'mouse', pressure: 0.5, shiftKey: false, altKey: false, buttons: 1 };
  };

  const samples = 4000;
  const inputs = Array.from({ length: samples }, (_, i) => makeInput(i));
  /** One session of `samples` strokes' samples through the studio's input path; the time of each move. */
  const session = () => {
    const store = createStudioStore({ procedure: 'roller', surface: head, now: () => 1000, newId: () => 'bench' });
    store.getState().startSession();
    const input = createSessionInput(store, picker, createCursorState());
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      if (i % 200 === 0) input.down(inputs[i]);
      const a = performance.now();
      input.move([inputs[i]]);
      times.push(performance.now() - a);
      if (i % 200 === 199) input.up({ ...inputs[i], buttons: 0 });
    }
    return { times, recorded: store.getState().recorder!.counts().samples };
  };
  // A first session warms the JIT, as the scoring bench does: a trainee's session runs for minutes, and the
  // first few hundred samples of the app's life, while the code compiles, would otherwise be a percent of these.
  session();
  const { times: perSample, recorded: hits } = session();
  perSample.sort((x, y) => x - y);
  const rawPick: number[] = [];
  for (let i = 0; i < samples; i++) {
    const a = performance.now();
    picker.pick(inputs[i].ray);
    rawPick.push(performance.now() - a);
  }
  rawPick.sort((x, y) => x - y);
  const p99 = percentile(perSample, 0.99);
  return [
    {
      group: 'studio input',
      name: 'per sample: raycast + region + record + live feedback (shipped head)',
      figures: { 'median us': percentile(perSample, 0.5) * 1000, 'p99 us': p99 * 1000, samples, recorded: hits },
      target: 'p99 < 50 us',
      met: p99 < 0.05,
    },
    {
      group: 'studio input',
      name: 'per sample: BVH raycast + region lookup only',
      figures: { 'median us': percentile(rawPick, 0.5) * 1000, 'p99 us': percentile(rawPick, 0.99) * 1000 },
    },
    {
      group: 'studio input',
      name: 'head ready to pick: read + decode, then geometry + BVH',
      figures: { 'decode ms': t1 - t0, 'BVH ms': t2 - t1, 'total ms': t2 - t0, triangles: head.indices.length / 3 },
      target: 'total < 1000 ms',
      met: t2 - t0 < 1000,
    },
  ];
}
