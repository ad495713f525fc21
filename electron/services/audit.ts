// The audit trail: an append-only table (triggers refuse UPDATE and DELETE) in which each entry carries
// the SHA-256 of the previous entry, over canonical JSON. Appends happen inside the caller's write
// transaction, so an entry exists exactly when the change it records does.

import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json';
import type { AuditAction, AuditEntry, AuditVerification, ListedAuditEntry, SignedIn } from '../../core/api/contract';

export type { AuditAction };
import type { TrainingStore } from './db/store';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
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

export interface AuditProblem {
  seq: number;
  reason: string;
}

/**
 * Every entry that does not match, in order: a gap in the sequence, a broken link to the entry before, details
 * not in canonical form, content that does not match its hash. After a problem the walk resynchronises on the
 * entry as stored and goes on, so each later problem is named too.
 */
export function* auditProblems(rows: Iterable<AuditRow>): Generator<AuditProblem & { checkedBefore: number }> {
  let prev = GENESIS_HASH;
  let expected = 1;
  let checked = 0;
  for (const row of rows) {
    const problem = (reason: string) => ({ seq: row.seq, reason, checkedBefore: checked });
    if (row.seq !== expected) {
      const missing = row.seq - expected;
      yield problem(
        missing > 0
          ? `expected entry ${expected} here, found ${row.seq}: ${missing === 1 ? `entry ${expected} is` : `entries ${expected} to ${row.seq - 1} are`} missing (removed from the trail)`
          : `it comes after entry ${expected - 1} out of sequence`,
      );
    } else if (row.prev_hash !== prev) {
      yield problem(`its link to entry ${row.seq - 1} does not match (that entry was changed or removed)`);
    }
    let entry: AuditEntry | null = null;
    try {
      entry = toEntry(row);
    } catch {
      yield problem('its details are not valid JSON');
    }
    if (entry) {
      if (canonicalJson(entry.details) !== row.details) yield problem('its details are not in canonical form (changed by hand)');
      else if (auditEntryHash(entry) !== row.hash) yield problem('its content does not match its hash (changed after it was written)');
    }
    prev = row.hash;
    expected = row.seq + 1;
    checked++;
  }
}

/** Walks the chain in order and names the first entry whose sequence, link or hash does not match. */
export function verifyAuditRows(rows: Iterable<AuditRow>): AuditVerification {
  let total = 0;
  const counted = (function* () {
    for (const row of rows) {
      total++;
      yield row;
    }
  })();
  for (const problem of auditProblems(counted)) return { ok: false, checked: problem.checkedBefore, firstBad: { seq: problem.seq, reason: problem.reason } };
  return { ok: true, checked: total, firstBad: null };
}
