// Migration 5 on a training file that already holds exam attempts and a completion record (written
// under schema 4): the outbox filler makes their statements once, even after the outbox was emptied; the
// made list and queued statements cannot be rewritten; statementsFor filters what an export takes.

import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/services/db/migrations';
import { openMemoryDatabase } from '../../../electron/services/db/open';
import { createOutbox } from '../../../electron/services/lrs/outbox';
import { institutionOf, statementsFor } from '../../../electron/services/lrs/statement-source';
import { VERBS } from '../../../core/xapi/statements';
import { testClock } from '../../helpers/training-services';

const AT = '2026-11-30T08:00:00.000Z';
const LATER = '2026-12-02T09:30:00.000Z';

function schema4File() {
  const store = openMemoryDatabase(() => new Date('2026-12-01T00:00:00Z'), MIGRATIONS.slice(0, 4));
  store.run("INSERT INTO settings (key, value) VALUES ('institution.name', ?)", JSON.stringify('华东微针培训中心'));
  for (const [id, name, profession] of [['p-1', '王芳', 'nurse'], ['p-2', '李明', 'technician']]) {
    store.run("INSERT INTO people (id, account_role, name, profession, created_at, updated_at) VALUES (?, 'trainee', ?, ?, ?, ?)", id!, name!, profession!, AT, AT);
  }
  store.run("INSERT INTO exam_modules (id, version, hash, document, source, published_at) VALUES ('m', 1, ?, ?, 'modules/m.json', ?)", 'h'.repeat(64), JSON.stringify({ title: { zh: '理论', en: 'Theory' } }), AT);
  const attempt = (id: string, person: string, status: string, passed: number | null, startedAt: string, no = 1) =>
    store.run(
      `INSERT INTO exam_attempts (id, person_id, module_id, module_version, module_hash, attempt_no, status, started_at, submitted_at, time_limit_ms, elapsed_ms, segment_started_at, last_seen_at, content, score, passed, critical_failure, result)
       VALUES (?, ?, 'm', 1, ?, ?, ?, ?, ?, 600000, 95000, ?, ?, '{}', ?, ?, 0, ?)`,
      id,
      person,
      'h'.repeat(64),
      no,
      status,
      startedAt,
      status === 'submitted' ? startedAt.replace('08:00', '08:10') : null,
      startedAt,
      startedAt,
      status === 'submitted' ? (passed ? 90 : 30) : null,
      passed,
      status === 'submitted' ? JSON.stringify({ parts: [{ findings: [{ clause: '8.5.1' }, { clause: '8.5.1' }] }] }) : null,
    );
  attempt('e-1', 'p-1', 'submitted', 1, AT);
  attempt('e-2', 'p-2', 'submitted', 0, AT.replace('30T', '29T'));
  attempt('e-3', 'p-2', 'running', null, LATER, 2);
  store.run("INSERT INTO signing_keys (fingerprint, public_key_pem, private_key_wrapped, wrap_method, created_at) VALUES ('f', 'pem', x'00', 'passphrase-scrypt', ?)", AT);
  const record = { trainee: { name: '王芳' }, modules: [{ id: 'm', version: 1 }], validUntil: '2029-12-01T08:00:00.000Z' };
  store.run("INSERT INTO completion_records (number, person_id, profession, record_json, signature_b64, key_fingerprint, issued_at, valid_until) VALUES ('MN-2026-000001', 'p-1', 'nurse', ?, 's', 'f', '2026-12-01T08:00:00.000Z', ?)", JSON.stringify(record), record.validUntil);
  return store;
}

describe('migration 5', () => {
  it('makes the statements of every earlier attempt and record once, even after they left the outbox', () => {
    const store = schema4File();
    store.db.exec(MIGRATIONS[4]!.sql);
    expect(institutionOf(store).homePage).toMatch(/^https:\/\/microneedle-trainer\.invalid\/xapi\/institutions\/[0-9a-f]{32}$/);
    const outbox = createOutbox(store, testClock());
    // e-1 and e-2: attempted, completed, passed/failed; e-3 (running): attempted; the record: satisfied.
    expect(outbox.enqueuePending()).toBe(8);
    expect(outbox.enqueuePending()).toBe(0);
    const queued = store.all<{ statement: string }>('SELECT statement FROM lrs_outbox').map((r) => JSON.parse(r.statement) as { verb: { id: string } });
    expect(queued.map((s) => s.verb.id).sort()).toEqual([VERBS.attempted.id, VERBS.attempted.id, VERBS.attempted.id, VERBS.completed.id, VERBS.completed.id, VERBS.failed.id, VERBS.passed.id, VERBS.satisfied.id].sort());
    // Acknowledged and removed: never made again.
    outbox.acknowledge(store.all<{ statement_id: string }>('SELECT statement_id FROM lrs_outbox').map((r) => r.statement_id));
    expect(outbox.enqueuePending()).toBe(0);
    expect(outbox.counts()).toEqual({ pending: 0, rejected: 0, nextTryAt: null });

    // The submit of the running attempt comes later: its completed and passed are made then.
    store.db.exec("UPDATE exam_attempts SET status = 'submitted', submitted_at = '2026-12-02T09:40:00.000Z', score = 75, passed = 1, result = '{\"parts\":[]}' WHERE id = 'e-3'");
    expect(outbox.enqueuePending()).toBe(2);

    expect(() => store.run('DELETE FROM lrs_statements_made')).toThrow(/append-only/);
    expect(() => store.run("UPDATE lrs_statements_made SET source = 'x'")).toThrow(/append-only/);
    expect(() => store.run("UPDATE lrs_outbox SET statement = '{}'")).toThrow(/never changed/);
    expect(() => store.run("INSERT INTO lrs_settings (id, endpoint, username, secret_wrapped, wrap_method, updated_at) VALUES (2, 'https://x', 'u', x'00', 'passphrase-scrypt', ?)", AT)).toThrow(/CHECK/);
    expect(() => store.run("INSERT INTO lrs_settings (id, endpoint, username, secret_wrapped, wrap_method, updated_at) VALUES (1, 'https://x', 'u', x'00', 'clear-text', ?)", AT)).toThrow(/CHECK/);
    store.close();
  });

  it('statementsFor filters by time, person, module, profession and result, and matches what the outbox made', () => {
    const store = schema4File();
    store.db.exec(MIGRATIONS[4]!.sql);
    const all = statementsFor(store);
    expect(all).toHaveLength(8);
    createOutbox(store, testClock()).enqueuePending();
    const queued = new Map(store.all<{ statement_id: string; statement: string }>('SELECT statement_id, statement FROM lrs_outbox').map((r) => [r.statement_id, r.statement]));
    for (const s of all) expect(JSON.stringify(s)).toBe(queued.get(s.id));
    const verbs = (f: Parameters<typeof statementsFor>[1]) => statementsFor(store, f).map((s) => s.verb.id.split('/').pop());
    expect(verbs({ personId: 'p-1' })).toEqual(['attempted', 'completed', 'passed', 'satisfied']);
    expect(verbs({ profession: 'technician' })).toEqual(['attempted', 'completed', 'failed', 'attempted']);
    expect(verbs({ result: 'fail' })).toEqual(['attempted', 'completed', 'failed']);
    expect(verbs({ result: 'pass' })).toEqual(['attempted', 'completed', 'passed', 'satisfied']);
    expect(verbs({ from: '2026-12-01' })).toEqual(['satisfied', 'attempted']);
    expect(verbs({ to: '2026-11-29' })).toEqual(['attempted', 'completed', 'failed']);
    expect(verbs({ from: '2026-11-30T08:05:00Z', to: '2026-11-30T08:15:00Z' })).toEqual(['completed', 'passed']);
    expect(verbs({ moduleId: 'other' })).toEqual([]);
    expect(() => statementsFor(store, { from: 'yesterday' })).toThrow(/YYYY-MM-DD/);
    store.close();
  });
});
