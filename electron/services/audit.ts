// The audit trail: an append-only table (triggers refuse UPDATE and DELETE) in which each entry carries
// the SHA-256 of the previous entry, over canonical JSON. Appends happen inside the caller's write
// transaction, so an entry exists exactly when the change it records does.

import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json';
import type { AuditEntry, AuditVerification, ListedAuditEntry, SignedIn } from '../../core/api/contract';
import type { TrainingStore } from './db/store';

export const GENESIS_HASH = '0'.repeat(64);

/** What the trail records. */
export type AuditAction =
  | 'institution.setup'
  | 'institution.updated'
  | 'person.created'
  | 'person.updated'
  | 'person.deactivated'
  | 'person.reactivated'
  | 'person.role-granted'
  | 'person.password-reset'
  | 'person.pin-changed'
  | 'auth.signed-in'
  | 'auth.sign-in-failed'
  | 'auth.locked-out'
  | 'auth.password-changed'
  | 'attempt.started'
  | 'attempt.stored'
  | 'attempt.abandoned'
  | 'attempt.imported'
  | 'import.json-data'
  | 'backup.created'
  | 'storage.restored';

interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  subject: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The hashed content of an entry: every column but the hash itself. */
export function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actorId, actorName, action, subject, details, prevHash } = entry;
  return createHash('sha256').update(canonicalJson({ seq, at, actorId, actorName, action, subject, details, prevHash }), 'utf8').digest('hex');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    subject: row.subject,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface AuditTrail {
  append(entry: { action: AuditAction; actor: SignedIn | null; subject?: string | null; details?: Record<string, unknown> }): AuditEntry;
  list(query: { action?: string; order: 'asc' | 'desc'; offset: number; limit: number }): { entries: ListedAuditEntry[]; total: number };
  verify(): AuditVerification;
}

export function createAuditTrail(store: TrainingStore, now: () => Date): AuditTrail {
  return {
    append({ action, actor, subject = null, details = {} }) {
      return store.write(() => {
        const last = store.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1');
        const body = {
          seq: (last?.seq ?? 0) + 1,
          at: now().toISOString(),
          actorId: actor?.personId ?? null,
          actorName: actor?.name ?? null,
          action,
          subject,
          // Round-tripped so the stored text and the hashed value are the same JSON.
          details: JSON.parse(canonicalJson(details)) as Record<string, unknown>,
          prevHash: last?.hash ?? GENESIS_HASH,
        };
        const hash = auditEntryHash(body);
        store.run(
          'INSERT INTO audit (seq, at, actor_id, actor_name, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          body.seq,
          body.at,
          body.actorId,
          body.actorName,
          body.action,
          body.subject,
          canonicalJson(body.details),
          body.prevHash,
          hash,
        );
        return { ...body, hash };
      });
    },
    list({ action, order, offset, limit }) {
      const where = action ? 'WHERE action = ?' : '';
      const params = action ? [action] : [];
      // The subject's name for the reader: the person, or the person whose attempt it is.
      const rows = store.all<AuditRow & { subject_name: string | null }>(
        `SELECT audit.*, coalesce((SELECT name FROM people WHERE id = audit.subject),
           (SELECT p.name FROM attempts a JOIN people p ON p.id = a.person_id WHERE a.id = audit.subject)) AS subject_name
         FROM audit ${where} ORDER BY seq ${order === 'asc' ? 'ASC' : 'DESC'} LIMIT ? OFFSET ?`,
        ...params,
        limit,
        offset,
      );
      const total = store.get<{ n: number }>(`SELECT count(*) AS n FROM audit ${where}`, ...params)?.n ?? 0;
      return { entries: rows.map((r) => ({ ...toEntry(r), subjectName: r.subject_name })), total };
    },
    verify() {
      return verifyAuditRows(store.stmt('SELECT * FROM audit ORDER BY seq ASC').iterate() as Iterable<AuditRow>);
    },
  };
}

/** Walks the chain in order and names the first entry whose sequence, link or hash does not match. */
export function verifyAuditRows(rows: Iterable<AuditRow>): AuditVerification {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of rows) {
    const fail = (reason: string): AuditVerification => ({ ok: false, checked, firstBad: { seq: row.seq, reason } });
    if (row.seq !== expectedSeq) return fail(`expected entry ${expectedSeq} here, found ${row.seq} (an entry is missing)`);
    if (row.prev_hash !== prev) return fail(`its link to entry ${row.seq - 1} does not match (that entry was changed or removed)`);
    let entry: AuditEntry;
    try {
      entry = toEntry(row);
    } catch {
      return fail('its details are not valid JSON');
    }
    if (canonicalJson(entry.details) !== row.details) return fail('its details are not in canonical form (changed by hand)');
    if (auditEntryHash(entry) !== row.hash) return fail('its content does not match its hash (changed after it was written)');
    prev = row.hash;
    expectedSeq++;
    checked++;
  }
  return { ok: true, checked, firstBad: null };
}
