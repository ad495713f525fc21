// Studio colours: one recolouring of the shipped head (writeVertexColors), which the head mesh runs in a frame
// whenever the live feedback changes (each roller chunk laid), after a 10-minute roller session's feedback.
import { loadShippedHeadModel } from '../core/node/head-model-file';
import { recordingEvents } from '../core/recording/event-order';
import { createLiveScorer } from '../core/scoring/live';
import { writeVertexColors, type HeadView } from '../renderer/studio/feedback/colors';
import { syntheticRollerSession } from './scoring.bench';
import { percentile, type BenchRow } from './table';

export async function run(): Promise<BenchRow[]> {
  // The shipped head the studio shows and the scorer scores on (one model: appearance, regions, positions).
  const head = loadShippedHeadModel();
  const recording = syntheticRollerSession(head, 72_000);
  const live = createLiveScorer(head, recording);
  for (const e of recordingEvents(recording)) live.push(e);
  const out = new Float32Array(head.positions.length);
  const targetRegions = new Set(recording.goal.targetRegions);
  const rows: BenchRow[] = [];
  for (const view of ['skin', 'passes'] as HeadView[]) {
    const paint = () => writeVertexColors(out, { view, feedback: true, state: live.state, vertexRegion: head.vertexRegion, regionIds: head.regionIds, targetRegions, showRegions: true, appearance: head.appearance });
    for (let i = 0; i < 5; i++) paint(); // warm the JIT
    const times: number[] = [];
    for (let i = 0; i < 41; i++) {
      const t = performance.now();
      paint();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 0.5);
    rows.push({
      group: 'studio colours',
      name: `recolour the head once, ${view === 'skin' ? 'skin reaction' : 'passes heat map'} view (${head.positions.length / 3} vertices)`,
      figures: { 'median ms': median, 'max ms': times[times.length - 1] },
      // A frame at 60 Hz is 16.7 ms; the recolouring is one part of a frame in which a chunk was laid.
      target: 'median < 8 ms',
      met: median < 8,
    });
  }
  return rows;
}
