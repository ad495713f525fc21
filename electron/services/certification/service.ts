// Completion records (certification, first slice). An instructor issues one to a trainee who is examined
// for their profession (role_examinations, 15.2) while every module of their track still stands passed; main
// builds it from the stored attempts (never from what the renderer says), signs its canonical bytes with the
// unlocked Ed25519 key and stores it. Administrators set up, unlock and rotate the key with their
// passphrase (never stored) and revoke records; staff list the records due for renewal; anyone signed in
// verifies a signed record and reads the public keys.

import type { CertificateSummary, PublicKeyInfo, Renewal, SignedIn } from '../../../core/api/contract';
import type { KeyStatus } from '../../../core/api/schemas/certification';
import { ApiFailure } from '../../../core/api/errors';
import { canonicalJson } from '../../../core/canonical-json';
import {
  completionRecordSchema,
  parseSignedRecordText,
  recordBytes,
  RECORD_FORMAT,
  ROLE_CLAUSES,
  SIGNED_RECORD_FORMAT,
  SIMULATOR_VALIDITY_DEFAULTS,
  validityOf,
  verifyRecord,
  type CompletionRecord,
  type RecordVerification,
  type SignedRecord,
  type ValidityPolicy,
} from '../../../core/certification/record';
import type { Profession } from '../../../core/api/schemas/people';
import type { AuditTrail } from '../audit';
import type { TrainingStore } from '../db/store';
import type { ExamsService } from '../exams/service';
import { attemptsOf } from '../exams/rows';
import type { PeopleService } from '../people';
import type { Clock } from '../runtime';
import { createKeyRing, MIN_PASSPHRASE_LENGTH, nodeVerifyCrypto, passphraseProtector, type KeyProtector, type KeyRing, type SigningKeyInfo } from './keys';

interface RecordRow {
  number: string;
  person_id: string;
  profession: Profession;
  record_json: string;
  signature_b64: string;
  key_fingerprint: string;
  issued_at: string;
  valid_until: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  person_name: string;
}

const RECORD_SELECT = 'SELECT c.*, p.name AS person_name FROM completion_records c JOIN people p ON p.id = c.person_id';
const DAY = 86_400_000;

export function signedOf(row: Pick<RecordRow, 'record_json' | 'signature_b64' | 'key_fingerprint'>): SignedRecord {
  const record = completionRecordSchema.parse(JSON.parse(row.record_json));
  return {
    format: SIGNED_RECORD_FORMAT,
    version: 1,
    record,
    recordSha256: nodeVerifyCrypto.sha256Hex(new TextEncoder().encode(row.record_json)),
    signature: { algorithm: 'Ed25519', keyFingerprint: row.key_fingerprint, value: row.signature_b64 },
  };
}

function toSummary(row: RecordRow): CertificateSummary {
  const signed = signedOf(row);
  return {
    number: row.number,
    personId: row.person_id,
    personName: row.person_name,
    profession: row.profession,
    issuedAt: row.issued_at,
    validUntil: row.valid_until,
    recertifyBy: signed.record.recertifyBy,
    issuedByName: signed.record.issuedBy.name,
    keyFingerprint: row.key_fingerprint,
    revoked: row.revoked_at ? { at: row.revoked_at, byId: row.revoked_by, reason: row.revoke_reason ?? '' } : null,
    signed,
  };
}

const publicInfo = (k: SigningKeyInfo): PublicKeyInfo => ({ fingerprint: k.fingerprint, publicKeyPem: k.publicKeyPem, wrapMethod: k.wrapMethod, createdAt: k.createdAt, retiredAt: k.retiredAt });

export interface CertificationService {
  keys: KeyRing;
  /** Absent passphrase: the OS keyring wraps the key (only where it really protects it). */
  setupKey(admin: SignedIn, passphrase?: string): Promise<{ fingerprint: string; createdAt: string; unlocked: true; retired: null }>;
  unlock(admin: SignedIn, passphrase: string): Promise<{ fingerprint: string; createdAt: string; unlocked: true; retired: null }>;
  rotate(admin: SignedIn, passphrase?: string, newPassphrase?: string): Promise<{ fingerprint: string; createdAt: string; unlocked: true; retired: string }>;
  /** Where the key stands in this run (staff). */
  keyStatus(staff: SignedIn): KeyStatus;
  /** At start: opens an OS-wrapped key by itself (a passphrase-wrapped one waits for an administrator). */
  openWithOs(): Promise<boolean>;
  issue(instructor: SignedIn, personId: string): CertificateSummary;
  list(caller: SignedIn, personId?: string): CertificateSummary[];
  revoke(admin: SignedIn, number: string, reason: string): CertificateSummary;
  renewals(staff: SignedIn, withinDays: number): Renewal[];
  verify(signedRecordJson: string): RecordVerification;
  publicKeys(): PublicKeyInfo[];
}

export function createCertificationService(deps: {
  store: TrainingStore;
  audit: AuditTrail;
  people: PeopleService;
  exams: ExamsService;
  clock: Clock;
  institution: () => string;
  /** How long a record is valid: the institution's choice; absent, the simulator's default (3 years). */
  validity?: () => ValidityPolicy;
  /** The OS keyring's protector where it really protects keys (Electron's safeStorage); null or absent: passphrases only. */
  osProtector?: KeyProtector | null;
}): CertificationService {
  const { store, audit, people, exams, clock } = deps;
  const keys = createKeyRing(store, clock);
  const policy = () => deps.validity?.() ?? SIMULATOR_VALIDITY_DEFAULTS;
  const must = (caller: SignedIn, roles: SignedIn['accountRole'][], what: string) => {
    if (!roles.includes(caller.accountRole)) throw new ApiFailure('forbidden', `only ${roles.join(' or ')} accounts ${what}`);
  };
  const revokedNumbers = () => new Set(store.all<{ number: string }>('SELECT number FROM completion_records WHERE revoked_at IS NOT NULL').map((r) => r.number));
  const rowOf = (number: string) => store.get<RecordRow>(`${RECORD_SELECT} WHERE c.number = ?`, number);
  const os = deps.osProtector ?? null;
  const newPassphrase = (passphrase: string, pointer: string) => {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new ApiFailure('invalid-payload', `the passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`, pointer);
    return passphraseProtector(passphrase);
  };
  const osOnly = (pointer: string): KeyProtector => {
    if (!os) throw new ApiFailure('invalid-payload', 'this system has no keyring that protects keys (on Linux, basic_text is not protection): give a passphrase of at least 12 characters', pointer);
    return os;
  };
  /** The protector that opens the active key: its own kind (an OS-wrapped key takes no passphrase). */
  const currentProtector = (passphrase: string | undefined): KeyProtector => {
    const active = keys.active();
    if (active?.wrapMethod === 'os-safe-storage') {
      if (!os) throw new ApiFailure('conflict', 'the signing key is wrapped by the OS keyring of the machine that made it, which is not available here', '/passphrase');
      return os;
    }
    if (passphrase === undefined) throw new ApiFailure('invalid-payload', 'give the passphrase of the signing key', '/passphrase');
    return passphraseProtector(passphrase);
  };

  return {
    keys,

    async setupKey(admin, passphrase) {
      must(admin, ['admin'], 'set up the signing key');
      const k = await keys.setup(passphrase === undefined ? osOnly('/passphrase') : newPassphrase(passphrase, '/passphrase'));
      audit.append({ action: 'certificate.key-created', actor: admin, details: { fingerprint: k.fingerprint, wrapMethod: k.wrapMethod } });
      return { fingerprint: k.fingerprint, createdAt: k.createdAt, unlocked: true, retired: null };
    },

    async unlock(admin, passphrase) {
      must(admin, ['admin'], 'unlock the signing key');
      const k = await keys.unlock(currentProtector(passphrase));
      audit.append({ action: 'certificate.key-unlocked', actor: admin, details: { fingerprint: k.fingerprint } });
      return { fingerprint: k.fingerprint, createdAt: k.createdAt, unlocked: true, retired: null };
    },

    async rotate(admin, passphrase, newPass) {
      must(admin, ['admin'], 'rotate the signing key');
      const current = currentProtector(passphrase);
      // The new key keeps the old one's protection unless a new passphrase is given.
      const next = newPass !== undefined ? newPassphrase(newPass, '/newPassphrase') : current.method === 'os-safe-storage' ? current : newPassphrase(passphrase ?? '', '/passphrase');
      const { retired, active } = await keys.rotate(current, next);
      audit.append({ action: 'certificate.key-rotated', actor: admin, details: { retired: retired.fingerprint, active: active.fingerprint } });
      return { fingerprint: active.fingerprint, createdAt: active.createdAt, unlocked: true, retired: retired.fingerprint };
    },

    issue(instructor, personId) {
      must(instructor, ['instructor'], 'issue completion records');
      const person = people.get(instructor, personId);
      if (person.accountRole !== 'trainee') throw new ApiFailure('conflict', 'completion records are issued to trainees', '/personId');
      if (!person.profession || !person.certificateNumber || !person.certificateKind) throw new ApiFailure('conflict', 'the trainee has no profession and certificate on file', '/personId');
      const profession = person.profession;
      const [track] = exams.tracks(instructor, personId);
      if (!track || !track.examined) throw new ApiFailure('conflict', `${person.name} is not yet examined for their profession (${profession}, ${ROLE_CLAUSES[profession]})`, '/personId');
      const modules: CompletionRecord['modules'] = [];
      for (const m of track.modules) {
        const passed = attemptsOf(store, personId, m.moduleId).filter((r) => r.status === 'submitted' && r.passed === 1 && r.submitted_at !== null);
        const last = passed[passed.length - 1];
        if (!m.loaded || !m.proficient || !last) throw new ApiFailure('conflict', `the current result of module ${m.moduleId} is no longer a pass`, '/personId');
        modules.push({ id: last.module_id, version: last.module_version, hash: last.module_hash, score: last.score ?? 0, passedAt: new Date(last.submitted_at!).toISOString(), examAttemptId: last.id });
      }
      const now = clock.now();
      const current = store.all<RecordRow>(`${RECORD_SELECT} WHERE c.person_id = ? AND c.profession = ? AND c.revoked_at IS NULL`, personId, profession).find((r) => Date.parse(signedOf(r).record.recertifyBy) > now.getTime());
      if (current) throw new ApiFailure('conflict', `record ${current.number} is still current (recertify by ${signedOf(current).record.recertifyBy})`, '/personId');
      const issuedAt = now.toISOString();
      const year = now.getUTCFullYear();
      return store.write(() => {
        const n = store.get<{ n: number }>('SELECT count(*) AS n FROM completion_records WHERE number LIKE ?', `MN-${year}-%`)!.n;
        const record: CompletionRecord = completionRecordSchema.parse({
          format: RECORD_FORMAT,
          version: 1,
          number: `MN-${year}-${String(n + 1).padStart(6, '0')}`,
          trainee: { id: person.id, name: person.name, profession, certificateNumber: person.certificateNumber, certificateKind: person.certificateKind },
          role: { profession, clause: ROLE_CLAUSES[profession] },
          modules,
          institution: { name: deps.institution() },
          issuedBy: { id: instructor.personId, name: instructor.name },
          issuedAt,
          ...validityOf(now, policy()),
          validityBasis: 'institution-policy',
        });
        const bytes = recordBytes(record);
        const { signatureB64, fingerprint } = keys.sign(bytes);
        store.run(
          'INSERT INTO completion_records (number, person_id, profession, record_json, signature_b64, key_fingerprint, issued_at, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          record.number,
          personId,
          profession,
          canonicalJson(record),
          signatureB64,
          fingerprint,
          issuedAt,
          record.validUntil,
        );
        audit.append({ action: 'certificate.issued', actor: instructor, subject: personId, details: { number: record.number, profession, keyFingerprint: fingerprint, recordSha256: nodeVerifyCrypto.sha256Hex(bytes), validUntil: record.validUntil } });
        return toSummary(rowOf(record.number)!);
      }, { durable: true });
    },

    list(caller, personId) {
      const id = caller.accountRole === 'trainee' ? caller.personId : personId;
      if (caller.accountRole === 'trainee' && personId && personId !== caller.personId) throw new ApiFailure('forbidden', 'trainees see only their own records', '/personId');
      if (id && caller.accountRole !== 'trainee') people.get(caller, id);
      const rows = id ? store.all<RecordRow>(`${RECORD_SELECT} WHERE c.person_id = ? ORDER BY c.issued_at DESC, c.number DESC`, id) : store.all<RecordRow>(`${RECORD_SELECT} ORDER BY c.issued_at DESC, c.number DESC LIMIT 1000`);
      return rows.map(toSummary);
    },

    revoke(admin, number, reason) {
      must(admin, ['admin'], 'revoke completion records');
      const row = rowOf(number);
      if (!row) throw new ApiFailure('not-found', `no completion record ${number}`, '/number');
      if (row.revoked_at) throw new ApiFailure('conflict', `record ${number} was revoked on ${row.revoked_at}`, '/number');
      store.write(() => {
        store.run('UPDATE completion_records SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE number = ? AND revoked_at IS NULL', clock.now().toISOString(), admin.personId, reason, number);
        audit.append({ action: 'certificate.revoked', actor: admin, subject: row.person_id, details: { number, reason } });
      });
      return toSummary(rowOf(number)!);
    },

    renewals(staff, withinDays) {
      must(staff, ['instructor', 'admin'], 'list renewals');
      const now = clock.now().getTime();
      const horizon = new Date(now + withinDays * DAY).toISOString();
      const rows = store.all<RecordRow>(
        `${RECORD_SELECT} WHERE c.revoked_at IS NULL AND c.valid_until <= ?
           AND NOT EXISTS (SELECT 1 FROM completion_records n WHERE n.person_id = c.person_id AND n.profession = c.profession AND n.revoked_at IS NULL AND n.issued_at > c.issued_at)
         ORDER BY c.valid_until, c.number`,
        horizon,
      );
      return rows.map((r) => {
        const left = Date.parse(r.valid_until) - now;
        return { ...toSummary(r), expired: left < 0, daysLeft: Math.floor(left / DAY) };
      });
    },

    verify(signedRecordJson) {
      return verifyRecord(parseSignedRecordText(signedRecordJson), keys.all(), clock.now(), revokedNumbers(), nodeVerifyCrypto);
    },

    publicKeys: () => keys.all().map(publicInfo),

    keyStatus(staff) {
      must(staff, ['instructor', 'admin'], 'see the signing key');
      const active = keys.active();
      return {
        state: !active ? 'none' : keys.unlocked() ? 'unlocked' : 'locked',
        fingerprint: active?.fingerprint ?? null,
        createdAt: active?.createdAt ?? null,
        wrapMethod: active?.wrapMethod ?? null,
        osProtection: os !== null,
      };
    },

    async openWithOs() {
      const active = keys.active();
      if (!os || active?.wrapMethod !== 'os-safe-storage' || keys.unlocked()) return false;
      const k = await keys.unlock(os);
      audit.append({ action: 'certificate.key-unlocked', actor: null, details: { fingerprint: k.fingerprint, wrapMethod: k.wrapMethod } });
      return true;
    },
  };
}
