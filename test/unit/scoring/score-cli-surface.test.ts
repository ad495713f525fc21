import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScoreCli } from '../../../core/node/score-cli';

const FIXTURE = new URL('../../fixtures/recordings/roller-forehead-good.json', import.meta.url).pathname;

function io(loadSurface?: () => never) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), readFile: (p: string) => readFileSync(p, 'utf8'), loadSurface } };
}

describe('npm run score without a head model', () => {
  it('refuses with exit 1 and the loader’s message, never scoring on a stand-in', () => {
    const t = io(() => {
      throw new Error('the head model /x/head-model.json is missing; the scorer refuses to score without it');
    });
    expect(runScoreCli([FIXTURE], t.io)).toBe(1);
    expect(t.out).toEqual([]);
    expect(t.err.join('')).toBe('the head model /x/head-model.json is missing; the scorer refuses to score without it\n');
  });

  it('scores on the shipped head by default, checking positions against its bounds', () => {
    const t = io();
    expect(runScoreCli([FIXTURE, '--format', 'json'], t.io)).toBe(0);
    expect(JSON.parse(t.out.join('')).recordingId).toBeTruthy();
    const offHead = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    offHead.samples[3].p = [0, 400, 0];
    const bad = io();
    expect(runScoreCli(['off.json'], { ...bad.io, readFile: () => JSON.stringify(offHead) })).toBe(2);
    expect(bad.err.join('')).toMatch(/^off\.json: invalid recording\n {2}\/samples\/3\/p: position \[0, 400, 0\] mm is off the head/);
  });
});
