// `npm run build:model`: bakes both SDF heads (the woman's and the man's) into assets/head: head-model.bin /
// head-model.json (female) and head-model-male.bin / head-model-male.json. Deterministic: running it twice
// writes the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildHeadModel } from '../core/head-model/build';
import { HEAD_VARIANT_IDS } from '../core/head-model/variants';
import { HEAD_ASSET_DIR, HEAD_META_PATHS } from '../core/node/head-model-file';

mkdirSync(HEAD_ASSET_DIR, { recursive: true });
for (const variant of HEAD_VARIANT_IDS) {
  const t0 = performance.now();
  const metaPath = HEAD_META_PATHS[variant];
  const binaryFile = metaPath.replace(/^.*[\\/]/, '').replace(/\.json$/, '.bin');
  const { meta, bin } = buildHeadModel({ variant, binaryFile });
  writeFileSync(metaPath.replace(/\.json$/, '.bin'), bin);
  writeFileSync(metaPath, JSON.stringify(meta, null, 2) + '\n');
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${variant} head: ${meta.counts.vertices} vertices, ${meta.counts.triangles} triangles, ${bin.length} bytes, sha256 ${meta.binary.sha256} (${seconds} s)`);
  for (const m of meta.measurements) {
    console.log(`  ${m.id.padEnd(15)} ${m.measured.toFixed(m.measured < 2 ? 3 : 1).padStart(7)}  ref ${m.referenceMean} ± ${m.referenceSd.toFixed(m.referenceSd < 1 ? 3 : 1)}  (${m.withinSd.toFixed(2)} SD)`);
  }
}
