// Head model: decode time of the shipped asset, full build time, and its size.
import { readFileSync } from 'node:fs';
import { buildHeadModel } from '../core/head-model/build';
import { decodeHeadModel, parseHeadModelMeta } from '../core/head-model/format';
import { HEAD_BIN_PATH, HEAD_META_PATH } from '../core/node/head-model-file';
import { percentile, timeRuns, type BenchRow } from './table';

export async function run(): Promise<BenchRow[]> {
  const bin = new Uint8Array(readFileSync(HEAD_BIN_PATH));
  const meta = parseHeadModelMeta(JSON.parse(readFileSync(HEAD_META_PATH, 'utf8')), HEAD_META_PATH);
  const decode = timeRuns(() => void decodeHeadModel(bin, meta), 20, 3);
  const t0 = performance.now();
  const built = buildHeadModel();
  const buildMs = performance.now() - t0;
  return [
    {
      group: 'head model',
      name: 'decode shipped asset (bin + json)',
      figures: { 'median ms': percentile(decode, 0.5), 'p99 ms': percentile(decode, 0.99), 'bin MB': bin.length / 1e6 },
      target: 'median < 100 ms',
      met: percentile(decode, 0.5) < 100,
    },
    {
      group: 'head model',
      name: 'full build (npm run build:model)',
      figures: { 's': buildMs / 1000, triangles: built.meta.counts.triangles, vertices: built.meta.counts.vertices },
      target: 'build < 60 s, same bytes as shipped',
      met: buildMs < 60_000 && built.meta.binary.sha256 === meta.binary.sha256,
    },
  ];
}
