// What the trainee's file PDF shows, read from the store: the person (profession and certificate, 15.2),
// every practice attempt (attempts, migration 001) and exam attempt (exam_attempts with the newest regrade,
// migration 002), the clauses whose findings recur (core/records/recurring-findings.ts over
// electron/services/records/findings-of.ts), and their completion records with status. A trainee reading
// their own file sees exam results only once released, as in the app; staff see everything.

import type { Person, SignedIn } from '../../../core/api/contract';
import type { Profession } from '../../../core/api/schemas/people';
import { recordStanding } from '../../../core/records/renewal';
import { recurringFindings, type RecurringFinding } from '../../../core/records/recurring-findings';
import type { TrainingStore } from '../db/store';
import { EXAM_SELECT, resultVisibleTo, type ExamRow } from '../exams/rows';
import { findingsOf } from '../records/findings-of';
import { signedOf } from './service';

export interface PracticeEntry {
  id: string;
  kind: 'practice' | 'test' | 'imported';
  status: 'running' | 'finished' | 'abandoned';
  procedure: string;
  startedAt: string;
  score: number | null;
  passed: boolean | null;
  criticalFailure: boolean;
}

export interface ExamEntry {
  id: string;
  moduleId: string;
  moduleVersion: number;
  attemptNo: number;
  status: 'running' | 'submitted';
  startedAt: string;
  submittedAt: string | null;
  /** null while running, or while the result is not released to the trainee reading their own file. */
  score: number | null;
  passed: boolean | null;
  regraded: boolean;
}

export type CertificateStatus = 'valid' | 'due' | 'expired' | 'revoked';

export interface CertificateEntry {
  number: string;
  profession: Profession;
  issuedAt: string;
  validUntil: string;
  recertifyBy: string;
  status: CertificateStatus;
  revokeReason: string | null;
}

export interface TraineeFileData {
  institution: string;
  /** When the PDF was made (main's clock). */
  madeAt: string;
  person: Pick<Person, 'id' | 'name' | 'profession' | 'certificateNumber' | 'certificateKind'>;
  practice: PracticeEntry[];
  exams: ExamEntry[];
  recurring: RecurringFinding[];
  certificates: CertificateEntry[];
}

interface PracticeRow {
  id: string;
  kind: PracticeEntry['kind'];
  status: PracticeEntry['status'];
  procedure: string;
  started_at: string;
  score: number | null;
  passed: number | null;
  critical_failure: number | null;
}

interface RecordRow {
  number: string;
  profession: Profession;
  record_json: string;
  signature_b64: string;
  key_fingerprint: string;
  issued_at: string;
  valid_until: string;
  revoked_at: string | null;
  revoke_reason: string | null;
}

export function certificateStatus(row: { revoked_at: string | null; valid_until: string }, recertifyBy: string, now: Date): CertificateStatus {
  return recordStanding({ revoked: row.revoked_at !== null, validUntil: row.valid_until, recertifyBy }, now);
}

/** The file of `person` (already checked: the caller may open it) as `caller` may see it. */
export function traineeFileData(store: TrainingStore, caller: SignedIn, person: Person, institution: string, now: Date): TraineeFileData {
  const practice = store
    .all<PracticeRow>('SELECT id, kind, status, procedure, started_at, score, passed, critical_failure FROM attempts WHERE person_id = ? ORDER BY started_at, id', person.id)
    .map((r): PracticeEntry => ({ id: r.id, kind: r.kind, status: r.status, procedure: r.procedure, startedAt: new Date(r.started_at).toISOString(), score: r.score, passed: r.passed === null ? null : r.passed === 1, criticalFailure: r.critical_failure === 1 }));
  const exams = store.all<ExamRow>(`${EXAM_SELECT} WHERE e.person_id = ? ORDER BY e.started_at, e.id`, person.id).map((r): ExamEntry => {
    const visible = resultVisibleTo(caller, r);
    return {
      id: r.id,
      moduleId: r.module_id,
      moduleVersion: r.module_version,
      attemptNo: r.attempt_no,
      status: r.status,
      startedAt: new Date(r.started_at).toISOString(),
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      score: visible ? r.score : null,
      passed: visible && r.passed !== null ? r.passed === 1 : null,
      regraded: visible && r.regraded === 1,
    };
  });
  const recurring = recurringFindings(findingsOf(store, person.id, { releasedOnly: caller.accountRole === 'trainee' }));
  const certificates = store
    .all<RecordRow>('SELECT number, profession, record_json, signature_b64, key_fingerprint, issued_at, valid_until, revoked_at, revoke_reason FROM completion_records WHERE person_id = ? ORDER BY issued_at DESC, number DESC', person.id)
    .map((row): CertificateEntry => {
      const { recertifyBy } = signedOf(row).record;
      return { number: row.number, profession: row.profession, issuedAt: row.issued_at, validUntil: row.valid_until, recertifyBy, status: certificateStatus(row, recertifyBy, now), revokeReason: row.revoke_reason };
    });
  return {
    institution,
    madeAt: now.toISOString(),
    person: { id: person.id, name: person.name, profession: person.profession, certificateNumber: person.certificateNumber, certificateKind: person.certificateKind },
    practice,
    exams,
    recurring,
    certificates,
  };
}
