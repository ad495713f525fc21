import { describe, expect, it } from 'vitest';
import { createSurfacePicker } from '../../../renderer/studio/head/picker';
import { createSessionInput, type PointerInput } from '../../../renderer/studio/input/session-input';
import { createCursorState } from '../../../renderer/studio/scene/cursor';
import { createStudioStore } from '../../../renderer/studio/store';
import { foreheadDir, rayToward, standIn } from './helpers';

function setup(procedure: 'roller' | 'rf' | 'nano') {
  let clock = 1000;
  const store = createStudioStore({ procedure, surface: standIn(), now: () => clock, newId: () => 'rec-1' });
  const picker = createSurfacePicker(standIn());
  const input = createSessionInput(store, picker, createCursorState());
  const at = (timeStamp: number, dir: [number, number, number], extra: Partial<PointerInput> = {}): PointerInput => ({
    timeStamp,
    ray: rayToward(dir),
    pointerType: 'mouse',
    pressure: 0.5,
    shiftKey: false,
    altKey: false,
    buttons: 1,
    ...extra,
  });
  return { store, input, at, tick: (ms: number) => (clock += ms) };
}

describe('pointer input into the recording', () => {
  it('records nothing before the session starts', () => {
    const { store, input, at } = setup('roller');
    input.down(at(1010, foreheadDir()));
    input.move([at(1020, foreheadDir(5))]);
    input.up(at(1030, foreheadDir(5), { buttons: 0 }));
    expect(store.getState().recorder).toBeNull();
  });

  it('records every coalesced sample of a roller stroke on the forehead, with region, normal, pressure and a lift', () => {
    const { store, input, at } = setup('roller');
    store.getState().startSession();
    input.down(at(1010, foreheadDir(-20)));
    // One pointermove carrying 8 coalesced events, as a fast stroke delivers them.
    input.move(Array.from({ length: 8 }, (_, i) => at(1012 + i * 2, foreheadDir(-20 + 5 * (i + 1)), { shiftKey: true })));
    input.up(at(1040, foreheadDir(20), { buttons: 0 }));
    const rec = store.getState().closeRecording()?.recording;
    expect(rec).not.toBeNull();
    const samples = rec!.samples;
    expect(samples).toHaveLength(10);
    expect(samples.every((s) => s.region === 'forehead')).toBe(true);
    expect(samples.slice(0, 9).every((s) => s.contact)).toBe(true);
    expect(samples[9]).toMatchObject({ contact: false, pressure: 0 });
    expect(samples[1].pressure).toBe(0.85); // Shift = firm
    expect(samples.map((s) => s.tMs)).toEqual([10, 12, 14, 16, 18, 20, 22, 24, 26, 40]);
    for (const s of samples) expect(Math.hypot(...s.n)).toBeCloseTo(1, 2);
    // Positions lie on the stand-in ellipsoid, in mm.
    const [x, y, z] = samples[3].p;
    expect((x / 75) ** 2 + (y / 105) ** 2 + (z / 95) ** 2).toBeCloseTo(1, 1);
  });

  it('records light pressure with the L key held or light chosen in the panel (no Alt needed)', () => {
    const { store, input, at } = setup('roller');
    store.getState().startSession();
    store.getState().setLightKey(true);
    input.down(at(1010, foreheadDir(-10)));
    input.move([at(1012, foreheadDir(-5))]);
    input.up(at(1014, foreheadDir(-5), { buttons: 0 }));
    store.getState().setLightKey(false);
    store.getState().setMousePressure('firm');
    input.down(at(1020, foreheadDir(0)));
    input.up(at(1024, foreheadDir(0), { buttons: 0 }));
    const samples = store.getState().closeRecording()!.recording.samples.filter((s) => s.contact);
    expect(samples.map((s) => s.pressure)).toEqual([0.25, 0.25, 0.85]);
  });

  it('lifts the roller when the pointer slides off the head', () => {
    const { store, input, at } = setup('roller');
    store.getState().startSession();
    input.down(at(1010, foreheadDir()));
    input.move([at(1020, foreheadDir(4))]);
    // A ray that misses the head entirely.
    input.move([{ ...at(1030, foreheadDir()), ray: rayToward([0, 0, 1]).set(rayToward([0, 0, 1]).origin.clone().setX(500), rayToward([0, 0, 1]).direction) }]);
    const s = store.getState().recorder!.build().samples;
    expect(s.map((x) => x.contact)).toEqual([true, true, false]);
  });

  it('records skin tension while the toggle is on', () => {
    const { store, input, at } = setup('roller');
    store.getState().startSession();
    store.getState().setSkinTensionToggle(true);
    input.down(at(1010, foreheadDir()));
    input.up(at(1020, foreheadDir(), { buttons: 0 }));
    expect(store.getState().recorder!.build().samples[0].skinTension).toBe(true);
  });

  it('fires one RF pulse per click with the settings in force, the handpiece axis into the skin and the active zone', () => {
    const { store, input, at } = setup('rf');
    store.getState().startSession();
    store.getState().updateSettings({ depthMm: 1.25 });
    const zoneId = store.getState().activeZoneId;
    input.down(at(1010, foreheadDir()));
    input.up(at(1020, foreheadDir(), { buttons: 0 }));
    const rec = store.getState().recorder!.build();
    expect(rec.pulses).toHaveLength(1);
    const p = rec.pulses[0];
    expect(p).toMatchObject({ region: 'forehead', depthMm: 1.25, zoneId, tipId: 'tip-1' });
    p.axis.forEach((a, i) => expect(a).toBeCloseTo(-p.n[i], 6));
    expect(rec.settings.at(-1)?.settings).toMatchObject({ device: 'rf', depthMm: 1.25 });
  });

  it('records a nano contact from press to release with its dwell and path', () => {
    const { store, input, at } = setup('nano');
    store.getState().startSession();
    input.down(at(1100, foreheadDir()));
    input.move([at(1500, foreheadDir(1)), at(2500, foreheadDir(2))]);
    input.up(at(4600, foreheadDir(2), { buttons: 0 }));
    const rec = store.getState().recorder!.build();
    expect(rec.contacts).toHaveLength(1);
    expect(rec.contacts[0]).toMatchObject({ tStartMs: 100, tEndMs: 3600, region: 'forehead', technique: 'point-lift' });
    expect(rec.contacts[0].path).toHaveLength(3);
    // Learn mode warns at once: more than 3 s (10.5).
    expect(store.getState().warnings.some((w) => w.clause === '10.5')).toBe(true);
  });

  it('in RF zone definition, clicks pick regions for the zone and record nothing', () => {
    const { store, input, at } = setup('rf');
    store.getState().startSession();
    const zoneId = store.getState().addZone([])!;
    store.getState().setZoneEdit(zoneId);
    input.down(at(1010, foreheadDir()));
    input.up(at(1020, foreheadDir(), { buttons: 0 }));
    expect(store.getState().zones.find((z) => z.id === zoneId)?.regions).toEqual(['forehead']);
    // The forehead left the zone it was in before.
    expect(store.getState().zones.filter((z) => z.regions.includes('forehead'))).toHaveLength(1);
    expect(store.getState().recorder!.build().pulses).toHaveLength(0);
  });
});
