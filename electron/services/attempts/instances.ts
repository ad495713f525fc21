// Which app or web-server process is receiving which running attempt. Each process registers itself and
// beats every few seconds; attempts whose process is gone (killed, crashed, closed) are abandoned, with
// everything they had received kept. Two processes on one data folder never abandon each other's.

import os from 'node:os';
import type { TrainingStore } from '../db/store';
import type { Clock, IdSource } from '../runtime';

export const HEARTBEAT_MS = 5_000;
/** A process silent for this long is gone, even where its pid cannot be checked (another host). */
export const INSTANCE_STALE_MS = 60_000;
/** A running attempt that has received nothing for this long was left behind (a closed tab, a sign-out). */
export const ATTEMPT_IDLE_MS = 30 * 60_000;

export interface InstanceRegistry {
  readonly id: string;
  beat(): void;
  /** Ids of the running attempts whose process is gone, or that have been idle past ATTEMPT_IDLE_MS. */
  orphanedAttempts(): string[];
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function registerInstance(store: TrainingStore, runtime: Clock & IdSource): InstanceRegistry {
  const id = runtime.newId('i');
  const host = os.hostname();
  const at = runtime.now().toISOString();
  store.write(() => store.run('INSERT INTO instances (id, pid, host, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)', id, process.pid, host, at, at));
  return {
    id,
    beat() {
      store.write(() => store.run('UPDATE instances SET heartbeat_at = ? WHERE id = ?', runtime.now().toISOString(), id));
    },
    orphanedAttempts() {
      const staleBefore = new Date(runtime.now().getTime() - INSTANCE_STALE_MS).toISOString();
      const idleBefore = new Date(runtime.now().getTime() - ATTEMPT_IDLE_MS).toISOString();
      const rows = store.all<{ id: string; instance_id: string | null; pid: number | null; host: string | null; heartbeat_at: string | null; last_activity_at: string }>(
        `SELECT a.id, a.instance_id, a.last_activity_at, i.pid, i.host, i.heartbeat_at FROM attempts a LEFT JOIN instances i ON i.id = a.instance_id WHERE a.status = 'running'`,
      );
      return rows
        .filter((r) => {
          if (r.last_activity_at < idleBefore) return true;
          if (r.instance_id === id) return false;
          if (r.pid === null || r.heartbeat_at === null) return true;
          if (r.heartbeat_at < staleBefore) return true;
          return r.host === host && r.pid !== process.pid && !pidAlive(r.pid);
        })
        .map((r) => r.id);
    },
  };
}
