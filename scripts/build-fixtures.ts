// `npm run build:fixtures`: regenerates the hand-built session recordings in test/fixtures/recordings
// (and docs/recording.schema.json). Each fixture is a small realistic session traced on the scoring
// surface, with the findings it must produce written here by hand: test/unit/scoring/fixtures.test.ts
// scores every fixture and compares. Deterministic: same surface, same files.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_SPECS } from './fixture-specs';
import { EXTENT_FIXTURE_SPECS } from './fixture-specs-extent';
import { ENDPOINT_FIXTURE_SPECS } from './fixture-specs-endpoint';
import { loadScoringSurface, scoringSurfaceFor } from '../core/node/surface';
import { recordingJsonSchema } from '../core/recording/schema';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'test', 'fixtures', 'recordings');

/** Positions to 0.01 mm, other numbers to three decimals, to keep files small; normals stay unit within the validator's tolerance. */
const round3 = (k: string, v: unknown) => {
  if (k === 'p' && Array.isArray(v)) return v.map((x: number) => Math.round(x * 100) / 100);
  return typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v;
};

function main() {
  const { surface, kind } = loadScoringSurface();
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (f.endsWith('.json')) rmSync(join(outDir, f));
  for (const spec of [...FIXTURE_SPECS, ...EXTENT_FIXTURE_SPECS, ...ENDPOINT_FIXTURE_SPECS]) {
    // Traced on the head the fixture's case is treated on (the man's for a male case), as the studio would.
    const first = spec.build(surface);
    const own = scoringSurfaceFor(first).surface;
    const recording = own === surface ? first : spec.build(own);
    writeFileSync(join(outDir, `${spec.name}.json`), JSON.stringify(recording, round3) + '\n');
    const expected = {
      name: spec.name,
      description: spec.description,
      surface: kind,
      ...(spec.scenario ? { scenario: spec.scenario } : {}),
      passed: spec.passed,
      findings: spec.expected,
    };
    writeFileSync(join(outDir, `${spec.name}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
    process.stdout.write(`${spec.name}: ${recording.samples.length} samples, ${recording.pulses.length} pulses, ${recording.contacts.length} contacts\n`);
  }
  writeFileSync(join(root, 'docs', 'recording.schema.json'), JSON.stringify(recordingJsonSchema(), null, 2) + '\n');
}

main();
