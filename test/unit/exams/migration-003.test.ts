// Migration 3 on a training file that already holds exam attempts (written under schema 2): it lists the
// question, case and vignette versions each attempt drew, so usage counts and regrades find them.

import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { openMemoryDatabase } from '../../../electron/services/db/open';

describe('migration 3', () => {
  it('backfills the items every earlier exam attempt drew', () => {
    const store = openMemoryDatabase(() => new Date('2026-12-01T00:00:00Z'), MIGRATIONS.slice(0, 2));
    const at = '2026-11-30T08:00:00.000Z';
    store.run("INSERT INTO people (id, account_role, name, profession, created_at, updated_at) VALUES ('p-1', 'trainee', '王芳', 'nurse', ?, ?)", at, at);
    store.run("INSERT INTO exam_modules (id, version, hash, document, source, published_at) VALUES ('m', 1, 'h', '{}', 'modules/m.json', ?)", at);
    const content = {
      contentVersion: 1,
      module: { id: 'm', version: 1, hash: 'h' },
      parts: [
        { kind: 'knowledge', partId: 'knowledge', items: [{ itemId: 'k1', question: { id: 'q-a', version: 2 }, hash: 'x' }, { itemId: 'k2', question: { id: 'q-b', version: 1 }, hash: 'y' }] },
        { kind: 'case', partId: 'case', case: { id: 'case-1', version: 3 }, caseHash: 'z' },
        { kind: 'practical', partId: 'practical', task: {} },
        { kind: 'complication', partId: 'complication', items: [{ itemId: 'c1', vignette: { id: 'v-1', version: 1 }, hash: 'w' }] },
      ],
    };
    store.run(
      "INSERT INTO exam_attempts (id, person_id, module_id, module_version, module_hash, attempt_no, status, started_at, time_limit_ms, segment_started_at, last_seen_at, content) VALUES ('e-1', 'p-1', 'm', 1, 'h', 1, 'running', ?, 60000, ?, ?, ?)",
      at,
      at,
      at,
      JSON.stringify(content),
    );
    store.db.exec(MIGRATIONS[2]!.sql);
    expect(store.all('SELECT kind, item_id AS id, version FROM exam_attempt_items ORDER BY kind, item_id')).toEqual([
      { kind: 'complication', id: 'v-1', version: 1 },
      { kind: 'patient-case', id: 'case-1', version: 3 },
      { kind: 'question', id: 'q-a', version: 2 },
      { kind: 'question', id: 'q-b', version: 1 },
    ]);
    store.close();
  });
});
