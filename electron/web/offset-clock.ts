// A clock that runs ahead of the system clock by the number of milliseconds written in a file, for
// rehearsing what takes days (a retake waiting period, a result released later) in end-to-end tests and
// instructor demonstrations: `npm run web -- --clock-offset-file PATH`. Only the web server offers it; the
// desktop app always runs on the system clock. A missing or unreadable file means no offset.

import { readFileSync, statSync } from 'node:fs';
import { systemRuntime, type Clock, type IdSource } from '../services/runtime';

export function offsetClock(file: string): Clock & IdSource {
  let mtimeMs = -1;
  let offsetMs = 0;
  const offset = () => {
    try {
      const st = statSync(file);
      if (st.mtimeMs !== mtimeMs) {
        mtimeMs = st.mtimeMs;
        const n = Number(readFileSync(file, 'utf8').trim());
        offsetMs = Number.isFinite(n) ? n : 0;
      }
    } catch {
      offsetMs = 0;
    }
    return offsetMs;
  };
  return { now: () => new Date(Date.now() + offset()), newId: systemRuntime.newId };
}
