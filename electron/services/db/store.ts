// The storage port every service takes: one SQLite connection (node:sqlite, synchronous) with short
// write transactions. The app and web mode give it a file in the data folder; unit tests give it an
// in-memory database. Write transactions start with BEGIN IMMEDIATE so two processes on one data folder
// queue on SQLite's lock instead of failing half-way.

import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';

export type SqlValue = SQLInputValue;
export type Row = Record<string, SqlValue>;

export interface TrainingStore {
  readonly db: DatabaseSync;
  /** The database file, or ':memory:'. */
  readonly location: string;
  /** A cached prepared statement. */
  stmt(sql: string): StatementSync;
  get<T = Row>(sql: string, ...params: SqlValue[]): T | undefined;
  all<T = Row>(sql: string, ...params: SqlValue[]): T[];
  run(sql: string, ...params: SqlValue[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  /**
   * Runs `work` in one write transaction. `durable` makes this commit wait for the disk
   * (synchronous=FULL), as the writes that finish an attempt need.
   */
  write<T>(work: () => T, options?: { durable?: boolean }): T;
  close(): void;
}

export function createTrainingStore(db: DatabaseSync, location: string): TrainingStore {
  const cache = new Map<string, StatementSync>();
  let depth = 0;
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  return {
    db,
    location,
    stmt,
    get: <T>(sql: string, ...params: SqlValue[]) => stmt(sql).get(...params) as T | undefined,
    all: <T>(sql: string, ...params: SqlValue[]) => stmt(sql).all(...params) as T[],
    run: (sql, ...params) => stmt(sql).run(...params),
    write(work, options = {}) {
      if (depth > 0) return work(); // already inside this connection's transaction
      if (options.durable) db.exec('PRAGMA synchronous = FULL');
      db.exec('BEGIN IMMEDIATE');
      depth++;
      try {
        const result = work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      } finally {
        depth--;
        if (options.durable) db.exec('PRAGMA synchronous = NORMAL');
      }
    },
    close() {
      cache.clear();
      if (db.isOpen) db.close();
    },
  };
}
