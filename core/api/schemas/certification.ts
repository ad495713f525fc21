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

// Exports of the institution's certification log (records.export*): the filter, the formats, the jobs.
/** A calendar date (YYYY-MM-DD, UTC): from is the day's start, to includes the whole day. */
const exportDateSchema = z.iso.date('expected a date like 2026-11-01');
export const recordsFilterSchema = z
  .strictObject({
    from: exportDateSchema.optional(),
    to: exportDateSchema.optional(),
    /** The profession examined (15.2.1 physician, 15.2.2 technician, 15.2.3 nurse). */
    role: professionSchema.optional(),
    moduleId: z.string().min(1).max(80).optional(),
    result: z.enum(['pass', 'fail']).optional(),
    traineeId: recordIdSchema.optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, { message: 'the date range ends before it starts', path: ['to'] });
export type RecordsFilter = z.infer<typeof recordsFilterSchema>;
/** Every format id; xapi and ob3 are refused until their writers are wired (see exports/formats.ts). */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'xapi', 'ob3'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;
export const exportLangSchema = z.enum(['zh', 'en']);
export const exportStartSchema = z.strictObject({ format: exportFormatSchema, filter: recordsFilterSchema.default({}), lang: exportLangSchema.default('zh') });
export const exportJobIdSchema = z.strictObject({ jobId: recordIdSchema });
export const exportStartedSchema = z.strictObject({ jobId: z.string(), total: z.number().int().min(0) });
export const exportProgressSchema = z.strictObject({
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  state: z.enum(['running', 'finished', 'failed']),
  error: z.string().nullable(),
});
export const exportFileSchema = z.strictObject({
  fileName: z.string(),
  mediaType: z.string(),
  base64: z.string(),
  manifest: z.strictObject({ fileName: z.string(), text: z.string() }),
});

// Open Badges 3.0 (certificates.badge): one record's credential, signed in main with the unlocked key.
export const badgeRequestSchema = z.strictObject({ number: recordNumberSchema });
/** `<number>.ob3.json`: the OB 3.0 AchievementCredential (VC 2.0, eddsa-rdfc-2022 proof) as UTF-8 JSON, base64. */
export const badgeFileSchema = z.strictObject({ fileName: z.string(), mediaType: z.literal('application/ld+json'), base64: z.string() });

// Certificates as PDF and verifying any file (certificates.pdf, people.filePdf, certificates.verifyFile).
export const certificatePdfRequestSchema = z.strictObject({ number: recordNumberSchema });
export const traineeFilePdfRequestSchema = z.strictObject({ personId: recordIdSchema, lang: z.enum(['zh', 'en']) });
/** A PDF made in main, base64 (the shape of packFileSchema, with its media type fixed). */
export const pdfFileSchema = z.strictObject({ fileName: z.string(), mediaType: z.literal('application/pdf'), base64: z.string() });
/** The kinds of file certificates.verifyFile recognises (electron/services/certification/verify-file.ts FILE_KINDS). */
export const VERIFY_FILE_KINDS = ['record', 'pdf', 'qr', 'badge', 'export-log'] as const;
/** A record's problems, and what can be wrong with the file that carries it. */
export const VERIFY_FILE_PROBLEMS = [...RECORD_PROBLEMS, 'unrecognized', 'pdf-no-record', 'pdf-damaged', 'qr-damaged', 'manifest-only'] as const;
export type VerifyFileProblem = (typeof VERIFY_FILE_PROBLEMS)[number];
/**
 * A file to verify: its name and bytes, base64 (at most 20 MB of file); for an exported log, also its
 * signed manifest (<file>.sig.json, as text).
 */
export const verifyFileRequestSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  base64: z.string().max(28_000_000),
  manifest: z.strictObject({ fileName: z.string().trim().min(1).max(255), text: z.string().max(200_000) }).optional(),
});
export const fileVerificationSchema = z.strictObject({
  /** null: not a kind of file this app signs. */
  kind: z.enum(VERIFY_FILE_KINDS).nullable(),
  ok: z.boolean(),
  problems: z.array(z.enum(VERIFY_FILE_PROBLEMS)),
  number: z.string().nullable(),
  /** What exactly is wrong with the file, in English (for the log and the CLI), or null. */
  detail: z.string().nullable(),
});
export type FileVerification = z.infer<typeof fileVerificationSchema>;

// The institution's learning-record store (lrs.*): every xAPI statement is queued and pushed to it
// (docs/xapi-lrs.md). The password is write-only: no call returns it.
const lrsWrapMethodSchema = z.enum(['passphrase-scrypt', 'os-safe-storage']);
export const lrsStatusSchema = z.strictObject({
  configured: z.boolean(),
  endpoint: z.string().nullable(),
  username: z.string().nullable(),
  wrapMethod: lrsWrapMethodSchema.nullable(),
  /** The password is unwrapped in this run; locked, statements accumulate until an administrator unlocks it. */
  unlocked: z.boolean(),
  pending: z.number().int().min(0),
  rejected: z.number().int().min(0),
  lastPushAt: isoTimeSchema.nullable(),
  lastError: z.string().nullable(),
  nextTryAt: isoTimeSchema.nullable(),
  /** The first 20 statements the LRS refused (kept, retried slowly), with its answer. */
  rejectedStatements: z.array(z.strictObject({ statementId: z.string(), tries: z.number().int(), lastError: z.string(), nextTryAt: isoTimeSchema })),
});
export type LrsStatus = z.infer<typeof lrsStatusSchema>;
export const lrsConfigureSchema = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/, error: 'expected the LRS endpoint as an http or https URL' }).max(500),
  username: z.string().trim().min(1, 'give the LRS user name (its key)').max(200),
  password: z.string().min(1, 'give the LRS password (its secret)').max(500),
  /** The administrator's passphrase (the signing key's), which wraps the password; absent: the OS keyring, where main has one. */
  passphrase: z.string().min(12, 'the passphrase needs at least 12 characters').max(256).optional(),
});
