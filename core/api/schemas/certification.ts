// Certification (first slice): signed completion records, their keys, revocation, renewals, verification.

import { z } from 'zod';
import { RECORD_PROBLEMS, recordNumberSchema, signedRecordSchema } from '../../certification/record';
import { isoTimeSchema, recordIdSchema } from './common';
import { professionSchema } from './people';

export { recordNumberSchema, signedRecordSchema };

export const certificateSummarySchema = z.strictObject({
  number: recordNumberSchema,
  personId: z.string(),
  personName: z.string(),
  profession: professionSchema,
  issuedAt: isoTimeSchema,
  validUntil: isoTimeSchema,
  recertifyBy: isoTimeSchema,
  issuedByName: z.string(),
  keyFingerprint: z.string(),
  revoked: z.strictObject({ at: isoTimeSchema, byId: z.string().nullable(), reason: z.string() }).nullable(),
  /** The signed document, as a verifier receives it. */
  signed: signedRecordSchema,
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;

export const renewalSchema = certificateSummarySchema.extend({ expired: z.boolean(), daysLeft: z.number().int() });
export type Renewal = z.infer<typeof renewalSchema>;

export const recordVerificationSchema = z.strictObject({ ok: z.boolean(), problems: z.array(z.enum(RECORD_PROBLEMS)), number: z.string().nullable() });

export const publicKeySchema = z.strictObject({
  fingerprint: z.string(),
  publicKeyPem: z.string(),
  wrapMethod: z.enum(['passphrase-scrypt', 'os-safe-storage']),
  createdAt: isoTimeSchema,
  retiredAt: isoTimeSchema.nullable(),
});
export type PublicKeyInfo = z.infer<typeof publicKeySchema>;

export const keyStateSchema = z.strictObject({ fingerprint: z.string(), createdAt: isoTimeSchema, unlocked: z.literal(true), retired: z.string().nullable() });

/**
 * Where the signing key stands in this run. `osProtection`: this system's keyring really protects keys
 * (Electron's safeStorage, not Linux's basic_text), so a key can be wrapped by it and opens by itself at
 * start; otherwise the administrator's passphrase wraps it and unlocks it each run.
 */
export const keyStatusSchema = z.strictObject({
  state: z.enum(['none', 'locked', 'unlocked']),
  fingerprint: z.string().nullable(),
  createdAt: isoTimeSchema.nullable(),
  wrapMethod: z.enum(['passphrase-scrypt', 'os-safe-storage']).nullable(),
  osProtection: z.boolean(),
});
export type KeyStatus = z.infer<typeof keyStatusSchema>;

export const issueCertificateSchema = z.strictObject({ personId: recordIdSchema });
export const listCertificatesSchema = z.strictObject({ personId: recordIdSchema.optional() });
export const revokeCertificateSchema = z.strictObject({ number: recordNumberSchema, reason: z.string().trim().min(1, 'give the reason for revoking').max(500) });
export const renewalsQuerySchema = z.strictObject({ withinDays: z.number().int().min(0).max(3650).default(90) });
/** The signed record file's text, as read from the file (at most 200 000 characters). */
export const verifyCertificateSchema = z.strictObject({ signed: z.string().max(200_000) });
/** The administrator's passphrase for the signing key (never stored; at least 12 characters when a key is made). */
/**
 * Setting up the key: the administrator's passphrase (at least 12 characters) wraps it; absent, the OS's
 * keyring does, which main allows only where that keyring really protects keys.
 */
export const newPassphraseSchema = z.strictObject({ passphrase: z.string().min(12, 'the passphrase needs at least 12 characters').max(256).optional() });
/** Rotation: the current passphrase unwraps the retiring key (none for an OS-wrapped key); the new key is wrapped by newPassphrase (absent: the same protection). */
export const rotateKeySchema = z.strictObject({ passphrase: z.string().min(1).max(256).optional(), newPassphrase: z.string().min(12, 'the passphrase needs at least 12 characters').max(256).optional() });
export const passphraseSchema = z.strictObject({ passphrase: z.string().min(1).max(256) });
