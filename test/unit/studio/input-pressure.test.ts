import { describe, expect, it } from 'vitest';
import { coalescedEvents, hasRealPressure, MODIFIER_PRESSURE, modifierPressureLevel, samplePressure } from '../../../renderer/studio/input/pressure';

const ev = (o: Partial<{ pointerType: string; pressure: number; shiftKey: boolean; altKey: boolean; buttons: number }>) => ({
  pointerType: 'mouse',
  pressure: 0.5,
  shiftKey: false,
  altKey: false,
  buttons: 1,
  ...o,
});

describe('pressure from pointer events', () => {
  it('uses the modifier scheme for a mouse: Shift firm, Alt light, neither moderate', () => {
    expect(modifierPressureLevel(ev({ shiftKey: true }))).toBe('firm');
    expect(modifierPressureLevel(ev({ altKey: true }))).toBe('light');
    expect(samplePressure(ev({}))).toBe(MODIFIER_PRESSURE.moderate);
    expect(samplePressure(ev({ shiftKey: true }))).toBe(MODIFIER_PRESSURE.firm);
    expect(samplePressure(ev({ altKey: true }))).toBe(MODIFIER_PRESSURE.light);
  });

  it('offers light pressure without Alt: the level chosen in the panel, or L held; Shift stays firm', () => {
    expect(samplePressure(ev({}), 'light')).toBe(MODIFIER_PRESSURE.light);
    expect(samplePressure(ev({}), 'firm')).toBe(MODIFIER_PRESSURE.firm);
    expect(samplePressure(ev({}), 'moderate', true)).toBe(MODIFIER_PRESSURE.light);
    expect(samplePressure(ev({ shiftKey: true }), 'light', true)).toBe(MODIFIER_PRESSURE.firm);
    // A pen keeps its own pressure whatever is chosen.
    expect(samplePressure(ev({ pointerType: 'pen', pressure: 0.4 }), 'firm', true)).toBe(0.4);
  });

  it('uses real pen pressure, clamped to 0..1', () => {
    expect(hasRealPressure(ev({ pointerType: 'pen', pressure: 0.31 }))).toBe(true);
    expect(samplePressure(ev({ pointerType: 'pen', pressure: 0.31, shiftKey: true }))).toBe(0.31);
    expect(samplePressure(ev({ pointerType: 'pen', pressure: 1.4 }))).toBe(1);
  });

  it('is zero when no button is pressed', () => {
    expect(samplePressure(ev({ buttons: 0, shiftKey: true }))).toBe(0);
    expect(samplePressure(ev({ pointerType: 'pen', buttons: 0, pressure: 0.7 }))).toBe(0);
  });

  it('expands coalesced events and falls back to the event itself', () => {
    const a = { id: 'a' } as unknown as PointerEvent;
    const b = { id: 'b' } as unknown as PointerEvent;
    const withList = { getCoalescedEvents: () => [a, b] } as unknown as PointerEvent;
    const empty = { getCoalescedEvents: () => [] } as unknown as PointerEvent;
    const none = {} as PointerEvent;
    expect(coalescedEvents(withList)).toEqual([a, b]);
    expect(coalescedEvents(empty)).toEqual([empty]);
    expect(coalescedEvents(none)).toEqual([none]);
  });
});
