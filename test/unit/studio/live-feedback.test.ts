// The studio's live feedback is the scoring engine's LiveScorer, fed by the recorder as samples arrive:
// heat maps fill in, and warnings reach the store the moment a rule is broken.
import { describe, expect, it } from 'vitest';
import { createSurfacePicker } from '../../../renderer/studio/head/picker';
import { createSessionInput, type PointerInput } from '../../../renderer/studio/input/session-input';
import { createCursorState } from '../../../renderer/studio/scene/cursor';
import { createStudioStore } from '../../../renderer/studio/store';
import { foreheadDir, rayToward, standIn } from './helpers';

function session(presetId?: string) {
  const store = createStudioStore({ procedure: 'roller', surface: standIn(), now: () => 0, newId: () => 'rec-live' });
  if (presetId) store.getState().choosePreset(presetId);
  store.getState().startSession();
  const input = createSessionInput(store, createSurfacePicker(standIn()), createCursorState());
  const ev = (t: number, dir: [number, number, number], buttons = 1): PointerInput => ({ timeStamp: t, ray: rayToward(dir), pointerType: 'mouse', pressure: 0.5, shiftKey: false, altKey: false, buttons });
  const stroke = (t0: number, from: (s: number) => [number, number, number], n = 30) => {
    input.down(ev(t0, from(0)));
    input.move(Array.from({ length: n }, (_, i) => ev(t0 + (i + 1) * 4, from((i + 1) / n))));
    input.up(ev(t0 + (n + 1) * 4, from(1), 0));
  };
  return { store, stroke };
}

describe('live feedback in the studio', () => {
  it('fills the pass heat map and the 米 direction bits as strokes are recorded', () => {
    const { store, stroke } = session();
    const state = store.getState().feedback!.state;
    const v0 = state.version;
    stroke(100, (s) => foreheadDir(-25 + 50 * s, 0));
    stroke(400, (s) => foreheadDir(0, -15 + 30 * s));
    expect(state.version).toBeGreaterThan(v0);
    let covered = 0;
    let withTwoDirections = 0;
    for (let v = 0; v < state.passCount.length; v++) {
      if (state.passCount[v] > 0) covered++;
      const m = state.directionMask[v];
      if ((m & 1) + ((m >> 1) & 1) + ((m >> 2) & 1) + ((m >> 3) & 1) >= 2) withTwoDirections++;
    }
    expect(covered).toBeGreaterThan(20);
    expect(withTwoDirections).toBeGreaterThan(0);
  });

  it('puts a warning in the store at once when the scalp is rolled front-to-back (8.5.7)', () => {
    const { store, stroke } = session('roller-scalp-alopecia');
    expect(store.getState().warnings).toEqual([]);
    // Over the crown from front to back: "vertical" in the skin frame there.
    stroke(100, (s) => [0, 0.9, 0.25 - 0.6 * s], 40);
    const clauses = store.getState().warnings.map((w) => w.clause);
    expect(clauses).toContain('8.5.7');
  });
});
