// Completion records and submitted exam attempts written straight into a training database, signed with
// the institution's unlocked key as the certification service signs them: the export tests' small
// fixture (two professions, a pass and a fail, two months) and the benchmark's 100,000 records, all in one
// transaction.

import { canonicalJson } from '../../../core/canonical-json';
import { completionRecordSchema, recordBytes, RECORD_FORMAT, ROLE_CLAUSES, validityOf, type CompletionRecord } from '../../../core/certification/record';
import type { Profession } from '../../../core/api/schemas/people';
import type { TrainingStore } from '../../../electron/services/db/store';
import type { KeyRing } from '../../../electron/services/certification/keys';

const MODULE_HASH = 'a'.repeat(64);
const KIND: Record<Profession, string> = { nurse: 'nurse-qualification', technician: 'technician-qualification', physician: 'physician-qualification' };

export interface SeedPerson {
  id: string;
  name: string;
  profession: Profession;
  certificateNumber: string;
}

export interface SeedRecord {
  number: string;
  person: SeedPerson;
  moduleId: string;
  issuedAt: string;
  revoked?: { at: string; reason: string; by: string };
}

export interface SeedAttempt {
  id: string;
  person: SeedPerson;
  moduleId: string;
  attemptNo: number;
  submittedAt: string;
  score: number;
  passed: boolean;
}

/** A published module row for each id, so that attempts may name it (foreign key). */
export function seedModules(store: TrainingStore, ids: readonly string[]): void {
  for (const id of ids) store.run("INSERT OR IGNORE INTO exam_modules (id, version, hash, document, source, published_at) VALUES (?, 1, ?, ?, 'test', '2026-01-01T00:00:00.000Z')", id, MODULE_HASH, JSON.stringify({ id, version: 1, title: { zh: `模块 ${id}`, en: `Module ${id}` } }));
}

export function seedPeople(store: TrainingStore, people: readonly SeedPerson[]): void {
  const stmt = store.stmt("INSERT INTO people (id, account_role, name, profession, certificate_number, certificate_kind, active, created_at, updated_at) VALUES (?, 'trainee', ?, ?, ?, ?, 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
  store.write(() => {
    for (const p of people) stmt.run(p.id, p.name, p.profession, p.certificateNumber, KIND[p.profession]);
  });
}

export function recordOf(r: SeedRecord, issuer: { id: string; name: string }, institution: string): CompletionRecord {
  const issued = new Date(r.issuedAt);
  return completionRecordSchema.parse({
    format: RECORD_FORMAT,
    version: 1,
    number: r.number,
    trainee: { id: r.person.id, name: r.person.name, profession: r.person.profession, certificateNumber: r.person.certificateNumber, certificateKind: KIND[r.person.profession] },
    role: { profession: r.person.profession, clause: ROLE_CLAUSES[r.person.profession] },
    modules: [{ id: r.moduleId, version: 1, hash: MODULE_HASH, score: 90, passedAt: r.issuedAt, examAttemptId: `ea-${r.number}` }],
    institution: { name: institution },
    issuedBy: issuer,
    issuedAt: issued.toISOString(),
    ...validityOf(issued),
    validityBasis: 'institution-policy',
  });
}

/** Signs and inserts the records in one transaction (as the service would, minus its checks). */
export function seedRecords(store: TrainingStore, keys: Pick<KeyRing, 'sign'>, records: Iterable<SeedRecord>, issuer: { id: string; name: string }, institution = '华东微针培训中心'): number {
  const insert = store.stmt('INSERT INTO completion_records (number, person_id, profession, record_json, signature_b64, key_fingerprint, issued_at, valid_until, revoked_at, revoked_by, revoke_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  let n = 0;
  store.write(() => {
    for (const r of records) {
      const record = recordOf(r, issuer, institution);
      const { signatureB64, fingerprint } = keys.sign(recordBytes(record));
      insert.run(record.number, r.person.id, r.person.profession, canonicalJson(record), signatureB64, fingerprint, record.issuedAt, record.validUntil, r.revoked?.at ?? null, r.revoked?.by ?? null, r.revoked?.reason ?? null);
      n++;
    }
  });
  return n;
}

export function seedAttempts(store: TrainingStore, attempts: readonly SeedAttempt[]): void {
  const insert = store.stmt(
    "INSERT INTO exam_attempts (id, person_id, module_id, module_version, module_hash, attempt_no, status, started_at, submitted_at, time_limit_ms, segment_started_at, last_seen_at, content, score, passed, critical_failure, result) VALUES (?, ?, ?, 1, ?, ?, 'submitted', ?, ?, 600000, ?, ?, '{}', ?, ?, 0, '{}')",
  );
  store.write(() => {
    for (const a of attempts) insert.run(a.id, a.person.id, a.moduleId, MODULE_HASH, a.attemptNo, a.submittedAt, a.submittedAt, a.submittedAt, a.submittedAt, a.score, a.passed ? 1 : 0);
  });
}

/** The export tests' fixture: a nurse and two technicians (one with a name that tries formula injection), October and November 2026. */
export const FIXTURE_PEOPLE = {
  nurse: { id: 'p-nurse-1', name: '王芳', profession: 'nurse', certificateNumber: 'N-2024-0101' },
  tech: { id: 'p-tech-1', name: '李明', profession: 'technician', certificateNumber: 'T-2023-0202' },
  tricky: { id: 'p-tech-2', name: '=HYPERLINK("http://x","点我"), 赵', profession: 'technician', certificateNumber: '+T-0303' },
} satisfies Record<string, SeedPerson>;

export function seedFixture(store: TrainingStore, keys: Pick<KeyRing, 'sign'>, issuer: { id: string; name: string }, adminId: string): void {
  const { nurse, tech, tricky } = FIXTURE_PEOPLE;
  seedPeople(store, Object.values(FIXTURE_PEOPLE));
  seedModules(store, ['nurse-core', 'tech-core']);
  seedRecords(
    store,
    keys,
    [
      { number: 'MN-2026-100001', person: nurse, moduleId: 'nurse-core', issuedAt: '2026-10-05T02:00:00.000Z' },
      { number: 'MN-2026-100002', person: tech, moduleId: 'tech-core', issuedAt: '2026-11-02T03:00:00.000Z' },
      { number: 'MN-2026-100003', person: tricky, moduleId: 'tech-core', issuedAt: '2026-11-20T03:00:00.000Z', revoked: { at: '2026-11-25T00:00:00.000Z', reason: '证书信息有误', by: adminId } },
    ],
    issuer,
  );
  seedAttempts(store, [
    { id: 'ea-f-1', person: nurse, moduleId: 'nurse-core', attemptNo: 1, submittedAt: '2026-10-04T02:00:00.000Z', score: 88, passed: true },
    { id: 'ea-f-2', person: tech, moduleId: 'tech-core', attemptNo: 1, submittedAt: '2026-10-30T02:00:00.000Z', score: 41, passed: false },
    { id: 'ea-f-3', person: tech, moduleId: 'tech-core', attemptNo: 2, submittedAt: '2026-11-01T02:00:00.000Z', score: 79, passed: true },
    { id: 'ea-f-4', person: tricky, moduleId: 'tech-core', attemptNo: 1, submittedAt: '2026-11-19T02:00:00.000Z', score: 92, passed: true },
  ]);
}
