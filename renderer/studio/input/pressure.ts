// Device pressure and skin tension from pointer events. A pen reports real pressure; a mouse or touchpad
// does not (browsers report 0.5 while a button is down), so a modifier scheme stands in for it:
// Shift = firm, Alt = light, neither = moderate. The levels are simulator defaults.

export const MODIFIER_PRESSURE = { light: 0.25, moderate: 0.55, firm: 0.85 } as const;
export type PressureLevel = keyof typeof MODIFIER_PRESSURE;

export interface PointerLike {
  pointerType: string;
  pressure: number;
  shiftKey: boolean;
  altKey: boolean;
  buttons: number;
}

/** The pressure level chosen by modifiers (shown on screen for mouse users). */
export function modifierPressureLevel(e: Pick<PointerLike, 'shiftKey' | 'altKey'>): PressureLevel {
  if (e.shiftKey) return 'firm';
  if (e.altKey) return 'light';
  return 'moderate';
}

/** True when the event carries a real pressure reading (pen or force touch). */
export function hasRealPressure(e: Pick<PointerLike, 'pointerType' | 'pressure'>): boolean {
  return e.pointerType === 'pen' || (e.pointerType === 'touch' && e.pressure > 0 && e.pressure !== 0.5 && e.pressure !== 1);
}

/** Normalised 0..1 pressure for a recording sample; 0 when nothing is pressed. */
export function samplePressure(e: PointerLike): number {
  if (e.buttons === 0) return 0;
  if (hasRealPressure(e)) return Math.round(Math.min(1, Math.max(0, e.pressure)) * 1000) / 1000;
  return MODIFIER_PRESSURE[modifierPressureLevel(e)];
}

/** Coalesced events of a pointermove at full device rate (falls back to the event itself). */
export function coalescedEvents<E extends PointerEvent>(e: E): PointerEvent[] {
  const list = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
  return list.length > 0 ? list : [e];
}
