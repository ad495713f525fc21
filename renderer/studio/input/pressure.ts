// Device pressure and skin tension from pointer events. A pen reports real pressure; a mouse or touchpad
// does not (browsers report 0.5 while a button is down), so a level stands in for it: the level chosen in
// the device panel (light, moderate, firm), held L = light, held Shift = firm. Alt = light works too where
// the desktop leaves Alt-drag to the window (many Linux desktops take it to move windows, so it is not
// the documented way). The levels are simulator defaults.

export const MODIFIER_PRESSURE = { light: 0.25, moderate: 0.55, firm: 0.85 } as const;
export type PressureLevel = keyof typeof MODIFIER_PRESSURE;
export const PRESSURE_LEVELS: readonly PressureLevel[] = ['light', 'moderate', 'firm'];

export interface PointerLike {
  pointerType: string;
  pressure: number;
  shiftKey: boolean;
  altKey: boolean;
  buttons: number;
}

/**
 * The pressure level for a mouse: Shift = firm, else L held (or Alt) = light, else the level chosen in
 * the panel (moderate unless changed).
 */
export function modifierPressureLevel(e: Pick<PointerLike, 'shiftKey' | 'altKey'>, chosen: PressureLevel = 'moderate', lightKey = false): PressureLevel {
  if (e.shiftKey) return 'firm';
  if (lightKey || e.altKey) return 'light';
  return chosen;
}

/** True when the event carries a real pressure reading (pen or force touch). */
export function hasRealPressure(e: Pick<PointerLike, 'pointerType' | 'pressure'>): boolean {
  return e.pointerType === 'pen' || (e.pointerType === 'touch' && e.pressure > 0 && e.pressure !== 0.5 && e.pressure !== 1);
}

/** Normalised 0..1 pressure for a recording sample; 0 when nothing is pressed. */
export function samplePressure(e: PointerLike, chosen: PressureLevel = 'moderate', lightKey = false): number {
  if (e.buttons === 0) return 0;
  if (hasRealPressure(e)) return Math.round(Math.min(1, Math.max(0, e.pressure)) * 1000) / 1000;
  return MODIFIER_PRESSURE[modifierPressureLevel(e, chosen, lightKey)];
}

/** Coalesced events of a pointermove at full device rate (falls back to the event itself). */
export function coalescedEvents<E extends PointerEvent>(e: E): PointerEvent[] {
  const list = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [];
  return list.length > 0 ? list : [e];
}
