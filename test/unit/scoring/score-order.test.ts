// score() feeds its engine in exactly recordingEvents() order: the engine is wrapped to log every push.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { recordingEvents } from '../../../core/recording/event-order';
import type { Recording } from '../../../core/recording/types';
import type { RecordingEvent } from '../../../core/scoring/live-contract';
import { score } from '../../../core/scoring/score';
import { createStandInSurface } from '../../../core/surface/stand-in';

const pushed: [string, unknown][] = [];
const payload = (e: RecordingEvent) => (e.kind === 'sample' ? e.sample : e.kind === 'pulse' ? e.pulse : e.kind === 'contact' ? e.contact : e.kind === 'settings' ? e.change : e.kind === 'step' ? e.step : e.declaration);

vi.mock('../../../core/scoring/live', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../core/scoring/live')>();
  return {
    ...real,
    createScoringEngine: (...args: Parameters<typeof real.createScoringEngine>) => {
      const engine = real.createScoringEngine(...args);
      return {
        ...engine,
        push: (e: RecordingEvent) => {
          pushed.push([e.kind, payload(e)]);
          return engine.push(e);
        },
      };
    },
  };
});

const dir = new URL('../../fixtures/recordings/', import.meta.url);
const fixture = (name: string): Recording => JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));

describe('score()', () => {
  const surface = createStandInSurface({ rings: 40, segments: 80 });
  for (const name of ['roller-forehead-good', 'rf-cheeks-good', 'nano-dwell-and-circling']) {
    it(`pushes ${name}'s events in recordingEvents() order`, () => {
      const r = fixture(name);
      // Ties across every kind, so the order at equal times is exercised too.
      const t = r.samples[0]?.tMs ?? r.pulses[0]?.tMs ?? r.contacts[0].tStartMs;
      r.steps = [...r.steps, { step: 'photograph' as const, tMs: t }].sort((a, b) => a.tMs - b.tMs);
      r.settings = [...r.settings, { tMs: t, settings: r.settings[0].settings }];
      pushed.length = 0;
      score(r, { surface });
      const expected = recordingEvents(r).map((e) => [e.kind, payload(e)]);
      expect(pushed.length).toBe(expected.length);
      pushed.forEach(([kind, p], i) => {
        expect(kind).toBe(expected[i][0]);
        expect(p).toBe(expected[i][1]);
      });
    });
  }
});
