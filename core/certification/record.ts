// The completion record (certification, first slice): the document a trainee receives once they are
// examined for their profession (15.2), its canonical bytes (what is hashed and signed), and the check a
// verifier runs on a signed copy. Pure: the signature check and the hash are injected, so core stays free of
// node:crypto (main passes Ed25519 and SHA-256 from node:crypto; a browser verifier could pass WebCrypto's).

import { z } from 'zod';
import { canonicalJson } from '../canonical-json';
import { certificateKindSchema, professionSchema, type Profession } from '../api/schemas/people';

export const RECORD_FORMAT = 'microneedle-completion-record';
export const SIGNED_RECORD_FORMAT = 'microneedle-signed-completion-record';

/** 15.2.1 physicians, 15.2.2 technicians, 15.2.3 nurses. */
export const ROLE_CLAUSES: Record<Profession, '15.2.1' | '15.2.2' | '15.2.3'> = { physician: '15.2.1', technician: '15.2.2', nurse: '15.2.3' };

/**
 * How long a record is valid and when to recertify. Neither number is in the standard: both are the
 * institution's choice, and these are the simulator's defaults until an institution sets its own.
 */
export const SIMULATOR_VALIDITY_DEFAULTS = { validityMonths: 36, recertifyLeadDays: 90 } as const;
export interface ValidityPolicy {
  validityMonths: number;
  recertifyLeadDays: number;
}

const iso = z.iso.datetime();
const text = z.string().max(400);
export const recordNumberSchema = z.string().regex(/^MN-\d{4}-\d{6}$/, 'expected a record number like MN-2026-000001');

export const completionRecordSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  version: z.literal(1),
  number: recordNumberSchema,
  trainee: z.strictObject({ id: text, name: text, profession: professionSchema, certificateNumber: text, certificateKind: certificateKindSchema }),
  role: z.strictObject({ profession: professionSchema, clause: z.enum(['15.2.1', '15.2.2', '15.2.3']) }),
  modules: z
    .array(z.strictObject({ id: text, version: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/), score: z.number().min(0).max(100), passedAt: iso, examAttemptId: text }))
    .min(1)
    .max(100),
  institution: z.strictObject({ name: text }),
  issuedBy: z.strictObject({ id: text, name: text }),
  issuedAt: iso,
  validUntil: iso,
  recertifyBy: iso,
  /** validUntil and recertifyBy are the institution's policy (or the simulator's default), not the standard's. */
  validityBasis: z.literal('institution-policy'),
});
export type CompletionRecord = z.infer<typeof completionRecordSchema>;

export const signedRecordSchema = z.strictObject({
  format: z.literal(SIGNED_RECORD_FORMAT),
  version: z.literal(1),
  record: completionRecordSchema,
  /** SHA-256 (hex) of the record's canonical bytes. */
  recordSha256: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.strictObject({
    algorithm: z.literal('Ed25519'),
    /** SHA-256 (hex) of the signing key's SPKI DER. */
    keyFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    /** Base64 of the Ed25519 signature over the record's canonical bytes. */
    value: z.string().max(200),
  }),
});
export type SignedRecord = z.infer<typeof signedRecordSchema>;

/** The bytes that are hashed and signed: the record's canonical JSON (core/canonical-json.ts) in UTF-8. */
export function recordBytes(record: CompletionRecord): Uint8Array {
  return new TextEncoder().encode(canonicalJson(record));
}

/** Adds months in UTC, clamping to the month's last day (29 Feb + 12 months = 28 Feb). */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export function validityOf(issuedAt: Date, policy: ValidityPolicy = SIMULATOR_VALIDITY_DEFAULTS): { validUntil: string; recertifyBy: string } {
  const until = addMonths(issuedAt, policy.validityMonths);
  return { validUntil: until.toISOString(), recertifyBy: new Date(until.getTime() - policy.recertifyLeadDays * 86_400_000).toISOString() };
}

export const RECORD_PROBLEMS = ['format', 'hash', 'signature', 'unknown-key', 'revoked', 'expired'] as const;
export type RecordProblem = (typeof RECORD_PROBLEMS)[number];

export interface PublicKeyEntry {
  fingerprint: string;
  publicKeyPem: string;
}

export interface VerifyCrypto {
  /** Whether `signatureB64` is a valid Ed25519 signature of `bytes` under the PEM public key. */
  verify(bytes: Uint8Array, signatureB64: string, publicKeyPem: string): boolean;
  sha256Hex(bytes: Uint8Array): string;
}

export interface RecordVerification {
  ok: boolean;
  problems: RecordProblem[];
  /** The record's number when the document could be read. */
  number: string | null;
}

/**
 * Checks a signed record (as parsed JSON): its format, that recordSha256 is the hash of its canonical
 * bytes, that the signature is by a known key and holds, that it is not revoked (`revoked`: the numbers an
 * issuer has revoked, where the verifier knows them) and not past validUntil at `now`.
 */
export function verifyRecord(signed: unknown, publicKeys: readonly PublicKeyEntry[], now: Date, revoked: ReadonlySet<string> | undefined, crypto: VerifyCrypto): RecordVerification {
  const parsed = signedRecordSchema.safeParse(signed);
  if (!parsed.success) return { ok: false, problems: ['format'], number: null };
  const { record, recordSha256, signature } = parsed.data;
  const problems: RecordProblem[] = [];
  const bytes = recordBytes(record);
  if (crypto.sha256Hex(bytes) !== recordSha256) problems.push('hash');
  const key = publicKeys.find((k) => k.fingerprint === signature.keyFingerprint);
  if (!key) problems.push('unknown-key');
  else {
    let good = false;
    try {
      good = crypto.verify(bytes, signature.value, key.publicKeyPem);
    } catch {
      good = false;
    }
    if (!good) problems.push('signature');
  }
  if (revoked?.has(record.number)) problems.push('revoked');
  if (now.getTime() > Date.parse(record.validUntil)) problems.push('expired');
  return { ok: problems.length === 0, problems, number: record.number };
}

/** Reads a signed record from its JSON text; anything that is not JSON is a 'format' problem for verifyRecord. */
export function parseSignedRecordText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
