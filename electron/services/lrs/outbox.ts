// The persisted outbox of xAPI statements. The filler makes each source's statements once (listed in
// lrs_statements_made, which is never emptied) and queues them; a row leaves the outbox only once the LRS
// acknowledged its id. A failed push backs the row off exponentially (capped); a row the LRS refused is
// kept as 'rejected', retried slowly and never dropped.

import type { TrainingStore } from '../db/store';
import type { Clock } from '../runtime';
import { unmadeSources } from './statement-source';

/** Back-off of a statement whose push failed: 30 s doubling per try, at most 30 minutes. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 30 * 60_000;
/** A statement the LRS refused is tried again this often (the LRS may have been fixed), and never dropped. */
export const REJECTED_RETRY_MS = 6 * 60 * 60_000;

export const backoffMs = (tries: number) => Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, tries - 1));

export interface OutboxRow {
  statement_id: string;
  statement: string;
  enqueued_at: string;
  tries: number;
  next_try_at: string;
  last_error: string | null;
  state: 'pending' | 'rejected';
}

export interface OutboxCounts {
  pending: number;
  rejected: number;
  nextTryAt: string | null;
}

export interface Outbox {
  /** Makes and queues the statements of every source not yet made; returns how many statements were queued. */
  enqueuePending(): number;
  /** The rows due at `now` (all rows when `all`), oldest first. */
  due(limit: number, options?: { all?: boolean }): OutboxRow[];
  /** Removes the rows the LRS acknowledged. */
  acknowledge(ids: readonly string[]): void;
  /** The push failed (offline, timeout, 5xx): try again after the back-off. A rejected row keeps its slow pace. */
  retryLater(ids: readonly string[], error: string): void;
  /** The LRS refused these (4xx): kept, shown, retried slowly. */
  reject(ids: readonly string[], error: string): void;
  counts(): OutboxCounts;
  rejectedRows(limit: number): Pick<OutboxRow, 'statement_id' | 'tries' | 'last_error' | 'next_try_at'>[];
}

export function createOutbox(store: TrainingStore, clock: Clock): Outbox {
  const at = (offsetMs = 0) => new Date(clock.now().getTime() + offsetMs).toISOString();
  const each = (ids: readonly string[], work: (id: string) => void) => store.write(() => ids.forEach(work));
  return {
    enqueuePending() {
      const sources = unmadeSources(store);
      if (!sources.length) return 0;
      const now = at();
      return store.write(
        () => {
          let queued = 0;
          for (const { source, statements } of sources) {
            for (const statement of statements) {
              // Another process may have made it since the scan: the list of made ids decides, once.
              const made = store.run('INSERT OR IGNORE INTO lrs_statements_made (statement_id, source, made_at) VALUES (?, ?, ?)', statement.id, source, now);
              if (Number(made.changes) === 0) continue;
              store.run("INSERT INTO lrs_outbox (statement_id, statement, enqueued_at, tries, next_try_at, state) VALUES (?, ?, ?, 0, ?, 'pending')", statement.id, JSON.stringify(statement), now, now);
              queued++;
            }
          }
          return queued;
        },
        { durable: true },
      );
    },
    due(limit, options = {}) {
      return options.all
        ? store.all<OutboxRow>('SELECT * FROM lrs_outbox ORDER BY enqueued_at, statement_id LIMIT ?', limit)
        : store.all<OutboxRow>('SELECT * FROM lrs_outbox WHERE next_try_at <= ? ORDER BY enqueued_at, statement_id LIMIT ?', at(), limit);
    },
    acknowledge(ids) {
      each(ids, (id) => store.run('DELETE FROM lrs_outbox WHERE statement_id = ?', id));
    },
    retryLater(ids, error) {
      each(ids, (id) => {
        const row = store.get<Pick<OutboxRow, 'tries' | 'state'>>('SELECT tries, state FROM lrs_outbox WHERE statement_id = ?', id);
        if (!row) return;
        const wait = row.state === 'rejected' ? REJECTED_RETRY_MS : backoffMs(row.tries + 1);
        store.run('UPDATE lrs_outbox SET tries = tries + 1, next_try_at = ?, last_error = ? WHERE statement_id = ?', at(wait), error, id);
      });
    },
    reject(ids, error) {
      each(ids, (id) => store.run("UPDATE lrs_outbox SET tries = tries + 1, state = 'rejected', next_try_at = ?, last_error = ? WHERE statement_id = ?", at(REJECTED_RETRY_MS), error, id));
    },
    counts() {
      const c = store.get<{ pending: number; rejected: number; next: string | null }>(
        "SELECT count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'rejected') AS rejected, min(next_try_at) AS next FROM lrs_outbox",
      )!;
      return { pending: c.pending, rejected: c.rejected, nextTryAt: c.next };
    },
    rejectedRows(limit) {
      return store.all("SELECT statement_id, tries, last_error, next_try_at FROM lrs_outbox WHERE state = 'rejected' ORDER BY enqueued_at, statement_id LIMIT ?", limit);
    },
  };
}
