// Migration 6 on a training file written under schema 5 that already holds attempts: only a finished practice
// or test attempt can be marked, and only under its own task; the marks are history (never rewritten or
// deleted); an attempt is an expert session while its latest row is a mark; the attempts are not touched.

import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { openMemoryDatabase } from '../../../electron/services/db/open';

const AT = '2026-11-30T08:00:00.000Z';

function schema5File() {
  const store = openMemoryDatabase(() => new Date('2026-12-01T00:00:00Z'), MIGRATIONS.slice(0, 5));
  store.run("INSERT INTO people (id, account_role, name, profession, created_at, updated_at) VALUES ('p-1', 'trainee', '王芳', 'nurse', ?, ?)", AT, AT);
  store.run("INSERT INTO people (id, account_role, name, profession, username, password_hash, created_at, updated_at) VALUES ('i-1', 'instructor', '张医生', 'physician', 'zhang', 'scrypt$x', ?, ?)", AT, AT);
  const attempt = (id: string, kind: string, status: string, presetId: string | null) => {
    store.run(
      `INSERT INTO attempts (id, person_id, kind, status, procedure, mode, preset_id, started_at, last_activity_at, score) VALUES (?, 'i-1', ?, ?, 'roller', 'learn', ?, ?, ?, ?)`,
      id,
      kind,
      status,
      presetId,
      AT,
      AT,
      status === 'finished' ? 92 : null,
    );
    store.run("INSERT INTO attempt_content (attempt_id, header, zones, report) VALUES (?, '{}', '[]', ?)", id, status === 'finished' ? '{"procedure":"roller"}' : null);
  };
  attempt('a-done', 'practice', 'finished', 'roller-forehead-pink');
  attempt('a-test', 'test', 'finished', 'exam:roller-nurse@1/practical');
  attempt('a-running', 'practice', 'running', 'roller-forehead-pink');
  attempt('a-gone', 'practice', 'abandoned', 'roller-forehead-pink');
  attempt('a-file', 'imported', 'finished', null);
  return store;
}

const mark = (store: ReturnType<typeof schema5File>, attemptId: string, presetId: string, action = 'marked', reason: string | null = null) =>
  store.run('INSERT INTO expert_benchmarks (attempt_id, preset_id, action, by_person_id, at, reason) VALUES (?, ?, ?, ?, ?, ?)', attemptId, presetId, action, 'i-1', AT, reason);

describe('migration 6', () => {
  it('marks only finished practice or test attempts under their own task', () => {
    const store = schema5File();
    const before = store.all('SELECT * FROM attempts ORDER BY id');
    store.db.exec(MIGRATIONS[5]!.sql);
    mark(store, 'a-done', 'roller-forehead-pink');
    mark(store, 'a-test', 'exam:roller-nurse@1/practical');
    expect(() => mark(store, 'a-running', 'roller-forehead-pink')).toThrow(/only a finished practice or test attempt/);
    expect(() => mark(store, 'a-gone', 'roller-forehead-pink')).toThrow(/only a finished practice or test attempt/);
    expect(() => mark(store, 'a-file', 'roller-forehead-pink')).toThrow(/only a finished practice or test attempt/);
    expect(() => mark(store, 'a-done', 'roller-cheeks-scars')).toThrow(/of its own task/);
    expect(() => mark(store, 'a-missing', 'roller-forehead-pink')).toThrow(/only a finished/);
    expect(store.all('SELECT attempt_id FROM expert_sessions ORDER BY attempt_id')).toEqual([{ attempt_id: 'a-done' }, { attempt_id: 'a-test' }]);
    // The marks never change the attempts.
    expect(store.all('SELECT * FROM attempts ORDER BY id')).toEqual(before);
    store.close();
  });

  it('keeps the history: unmarking is a new row with its reason, and rows are never rewritten or deleted', () => {
    const store = schema5File();
    store.db.exec(MIGRATIONS[5]!.sql);
    mark(store, 'a-done', 'roller-forehead-pink');
    expect(() => mark(store, 'a-done', 'roller-forehead-pink', 'unmarked', null)).toThrow(/CHECK/);
    expect(() => mark(store, 'a-done', 'roller-forehead-pink', 'unmarked', '  ')).toThrow(/CHECK/);
    expect(() => mark(store, 'a-done', 'roller-forehead-pink', 'marked', 'a reason on a mark')).toThrow(/CHECK/);
    expect(() => mark(store, 'a-done', 'roller-forehead-pink', 'starred')).toThrow(/CHECK/);
    mark(store, 'a-done', 'roller-forehead-pink', 'unmarked', 'needle too long for the forehead');
    expect(store.all('SELECT attempt_id FROM expert_sessions')).toEqual([]);
    mark(store, 'a-done', 'roller-forehead-pink');
    expect(store.all('SELECT attempt_id FROM expert_sessions')).toEqual([{ attempt_id: 'a-done' }]);
    expect(store.all('SELECT action FROM expert_benchmarks ORDER BY seq').map((r) => r.action)).toEqual(['marked', 'unmarked', 'marked']);
    expect(() => store.run("UPDATE expert_benchmarks SET reason = 'x'")).toThrow(/never rewritten/);
    expect(() => store.run('DELETE FROM expert_benchmarks')).toThrow(/never deleted/);
    expect(() => store.run("DELETE FROM attempts WHERE id = 'a-done'")).toThrow(/FOREIGN KEY|constraint/i);
    store.close();
  });
});
