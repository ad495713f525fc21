// Clock and id source, injected so services are deterministic under test.

import { randomBytes } from 'node:crypto';

export interface Clock {
  now(): Date;
}
export interface IdSource {
  /** A new id safe for file names: prefix, time and randomness, e.g. `s-lq2x9c-3f9a1b2c`. */
  newId(prefix: string): string;
}

export const systemRuntime: Clock & IdSource = {
  now: () => new Date(),
  newId: (prefix) => `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`,
};
