// Reports never carry null, NaN or infinite numbers (issue 11 §1): every metric and every evidence value of
// every finding is a finite number, for every fixture session and for a session where nothing happened.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScoringSurface } from '../../../core/node/surface';
import type { Recording } from '../../../core/recording/types';
import type { ScoreReport } from '../../../core/scoring/report';
import { score } from '../../../core/scoring/score';

const { surface } = loadScoringSurface();
const dir = new URL('../../fixtures/recordings/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));
const load = (f: string) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Recording;

function notFinite(report: ScoreReport): string[] {
  const bad: string[] = [];
  for (const [k, v] of Object.entries(report.metrics)) if (typeof v !== 'number' || !Number.isFinite(v)) bad.push(`metrics.${k} = ${String(v)}`);
  for (const f of report.findings) {
    for (const [k, v] of Object.entries(f.evidence.values)) {
      const values = Array.isArray(v) ? v : [v];
      for (const x of values) if (x === null || (typeof x === 'number' && !Number.isFinite(x))) bad.push(`${f.ruleId}.evidence.${k} = ${String(x)}`);
    }
  }
  if (!Number.isFinite(report.score)) bad.push(`score = ${report.score}`);
  return bad;
}

describe('finite reports', () => {
  it.each(names)('%s', (name) => {
    expect(notFinite(score(load(name), { surface }))).toEqual([]);
  });

  it('a session where nothing was done, of every procedure', () => {
    for (const name of ['roller-forehead-good', 'rf-cheeks-good', 'nano-forehead-good']) {
      const r = load(`${name}.json`);
      const empty: Recording = { ...r, steps: [], samples: [], pulses: [], contacts: [], end: { tMs: 1000, reason: 'completed' } };
      expect(notFinite(score(empty, { surface })), name).toEqual([]);
    }
  });
});
