// Transient pointer state shared by the input handlers (writers) and the device marker (reads it per
// frame). A plain mutable object: per-sample updates never go through React or the store.

import type { Vec3 } from '../../../core/recording/types';

export interface CursorState {
  /** Last point on the skin under the pointer, head frame. */
  p: Vec3 | null;
  n: Vec3 | null;
  /** Unit direction of the latest movement on the skin (orients the roller drum). */
  moveDir: Vec3 | null;
  down: boolean;
  /** performance.now() of the last RF pulse, for the flash. */
  pulseAtMs: number;
}

export function createCursorState(): CursorState {
  return { p: null, n: null, moveDir: null, down: false, pulseAtMs: -1e9 };
}
