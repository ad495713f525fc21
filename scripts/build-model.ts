// `npm run build:model`: bakes the SDF head into assets/head/head-model.bin and head-model.json.
// Deterministic: running it twice writes the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildHeadModel } from '../core/head-model/build';
import { HEAD_ASSET_DIR, HEAD_BIN_PATH, HEAD_META_PATH } from '../core/node/head-model-file';

const t0 = performance.now();
const { meta, bin } = buildHeadModel();
mkdirSync(HEAD_ASSET_DIR, { recursive: true });
writeFileSync(HEAD_BIN_PATH, bin);
writeFileSync(HEAD_META_PATH, JSON.stringify(meta, null, 2) + '\n');
const seconds = ((performance.now() - t0) / 1000).toFixed(1);
console.log(`head model: ${meta.counts.vertices} vertices, ${meta.counts.triangles} triangles, ${bin.length} bytes, sha256 ${meta.binary.sha256} (${seconds} s)`);
for (const m of meta.measurements) {
  console.log(`  ${m.id.padEnd(15)} ${m.measured.toFixed(m.measured < 2 ? 3 : 1).padStart(7)}  ref ${m.referenceMean} ± ${m.referenceSd.toFixed(m.referenceSd < 1 ? 3 : 1)}  (${m.withinSd.toFixed(2)} SD)`);
}
