// Scores every hand-built fixture and compares with the findings written by hand in scripts/fixture-specs.ts
// (copied into each .expected.json by `npm run build:fixtures`). Also runs the CLI on them.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoringSurfaceFor } from '../../../core/node/surface';
import { runScoreCli } from '../../../core/node/score-cli';
import { parseRecording } from '../../../core/recording/validate';
import type { Scenario } from '../../../core/scoring/scenario';
import { score } from '../../../core/scoring/score';

const dir = new URL('../../fixtures/recordings/', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .sort();

interface Expected {
  passed: boolean;
  scenario?: Scenario;
  findings: { id: string; clause: string; severity: string }[];
}

const key = (f: { id: string; clause: string; severity: string }) => `${f.id} ${f.clause} ${f.severity}`;

describe('fixtures', () => {
  it('there are at least 20, covering roller, RF and nano', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const p of ['roller-', 'rf-', 'nano-']) expect(names.filter((n) => n.startsWith(p)).length).toBeGreaterThanOrEqual(4);
  });

  for (const name of names) {
    it(`${name} gives exactly its expected findings`, () => {
      const expected: Expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8'));
      const parsed = parseRecording(readFileSync(new URL(`${name}.json`, dir), 'utf8'), name);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      // Scored on the head the fixture's case is treated on, as main scores an attempt.
      const report = score(parsed.recording, { surface: scoringSurfaceFor(parsed.recording).surface, scenario: expected.scenario });
      expect(report.findings.map(key).sort()).toEqual(expected.findings.map(key).sort());
      expect(report.passed).toBe(expected.passed);
      expect(report.criticalFailure).toBe(expected.findings.some((f) => f.severity === 'critical'));
      for (const f of report.findings) {
        expect(f.message.zh.length).toBeGreaterThan(0);
        expect(f.message.en.length).toBeGreaterThan(0);
        expect(f.evidence.text.en.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('score CLI', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), readFile: (p: string) => readFileSync(p, 'utf8') } };
  };
  const file = (n: string) => new URL(`${n}.json`, dir).pathname;

  it('prints the text report grouped by clause and exits 0', () => {
    const t = io();
    expect(runScoreCli([file('rf-periocular-monopolar-deep'), '--lang', 'en'], t.io)).toBe(0);
    const text = t.out.join('');
    // Two parameter findings put that criterion under its floor (criterionFloor), so the attempt fails.
    expect(text).toMatch(/Score \d+(\.\d)? \/ 100, pass mark 80: FAIL/);
    expect(text.indexOf('Clause 9.6.4')).toBeLessThan(text.indexOf('Clause 9.6.5'));
    expect(text).toContain('depth 2.0 mm; recommended for periocular skin: 0.5-1.5 mm');
  });

  it('prints a criterion with no evidence as not assessed, with why, never as a score', () => {
    const t = io();
    expect(runScoreCli([file('roller-forehead-almost-nothing'), '--lang', 'en'], t.io)).toBe(0);
    const text = t.out.join('');
    expect(text).toMatch(/technique not assessed \| coverage 0 \| parameters not assessed/);
    expect(text).toContain('technique not assessed: the target regions were left (almost) untreated');
    const z = io();
    runScoreCli([file('roller-forehead-almost-nothing')], z.io);
    expect(z.out.join('')).toMatch(/手法 未评/);
  });

  it('prints JSON with --format json and Chinese text by default', () => {
    const t = io();
    expect(runScoreCli([file('roller-no-consent'), '--format', 'json'], t.io)).toBe(0);
    const report = JSON.parse(t.out.join(''));
    expect(report).toMatchObject({ passed: false, criticalFailure: true });
    const z = io();
    runScoreCli([file('roller-no-consent')], z.io);
    expect(z.out.join('')).toMatch(/未通过/);
    expect(z.out.join('')).toMatch(/第 7\.3 条/);
  });

  it('applies a scenario file and rejects an invalid one with its pointer', () => {
    const scenarioPath = '/tmp/score-cli-scenario-test.json';
    const t = io();
    const files: Record<string, string> = { [scenarioPath]: JSON.stringify({ id: 's', passMark: 99 }) };
    const withScenario = { ...t.io, readFile: (p: string) => files[p] ?? readFileSync(p, 'utf8') };
    expect(runScoreCli([file('roller-cheek-absorption-1-round'), '--scenario', scenarioPath, '--format', 'json'], withScenario)).toBe(0);
    expect(JSON.parse(t.out.join(''))).toMatchObject({ passMark: 99, passed: false });
    files[scenarioPath] = JSON.stringify({ id: 's', defaults: { strokeChunkMm: 'two' } });
    const bad = io();
    expect(runScoreCli([file('roller-forehead-good'), '--scenario', scenarioPath], { ...bad.io, readFile: withScenario.readFile })).toBe(2);
    expect(bad.err.join('')).toMatch(/invalid scenario\n {2}\/defaults\/strokeChunkMm:/);
  });

  it('exits 2 naming the file and the pointer when the recording is invalid', () => {
    const t = io();
    const recording = JSON.parse(readFileSync(file('nano-forehead-good'), 'utf8'));
    recording.contacts[3].n = [0, 0, 0];
    const code = runScoreCli(['bad.json'], { ...t.io, readFile: () => JSON.stringify(recording) });
    expect(code).toBe(2);
    expect(t.err.join('')).toMatch(/^bad\.json: invalid recording\n {2}\/contacts\/3\/n: expected a unit normal/);
  });

  it('exits 2 on unreadable files, bad JSON and bad arguments', () => {
    const t = io();
    expect(runScoreCli(['/nonexistent/x.json'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/\/nonexistent\/x\.json: cannot read/);
    expect(runScoreCli(['x.json'], { ...t.io, readFile: () => '{oops' })).toBe(2);
    expect(t.err.join('')).toMatch(/x\.json: not valid JSON/);
    expect(runScoreCli([], t.io)).toBe(2);
    expect(runScoreCli(['a.json', '--lang', 'fr'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/--lang: expected zh or en, received "fr"/);
  });
});
