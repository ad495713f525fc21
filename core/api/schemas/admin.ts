// The institution, station settings, the audit trail, backups and the storage state.

import { z } from 'zod';
import { isoTimeSchema, pageSchema } from './common';
import { passwordSchema, personNameSchema, signedInSchema, usernameSchema } from './people';

export const LANGUAGE_SETTINGS = ['system', 'zh', 'en'] as const;
/** Station settings anyone at the station may change (the UI language). */
export const settingsSchema = z.strictObject({ language: z.enum(LANGUAGE_SETTINGS) });
export type AppSettings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: AppSettings = { language: 'system' };

export const institutionNameSchema = z.string().trim().min(1, 'institution name is required').max(120, 'institution name is longer than 120 characters');
export const institutionSchema = z.strictObject({
  name: z.string(),
  /** Trainees confirm their profile with a PIN. */
  traineePinRequired: z.boolean(),
});
export type Institution = z.infer<typeof institutionSchema>;
export const institutionChangesSchema = z.strictObject({ name: institutionNameSchema.optional(), traineePinRequired: z.boolean().optional() });

export const setupSchema = z.strictObject({
  institutionName: institutionNameSchema,
  admin: z.strictObject({ name: personNameSchema, username: usernameSchema, password: passwordSchema }),
});

export const authStatusSchema = z.strictObject({
  /** No administrator yet: the first start sets up the institution. */
  setupNeeded: z.boolean(),
  institution: institutionSchema,
  signedIn: signedInSchema.nullable(),
  /** What the one-time import of the earlier JSON data folder brought in, when it ran. */
  jsonImport: z
    .strictObject({ at: isoTimeSchema, profiles: z.number().int(), sessions: z.number().int(), rejected: z.number().int(), instructorFlagsDropped: z.number().int() })
    .nullable(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

/** Every action the audit trail records (docs/training-file.md lists what each covers). */
export const AUDIT_ACTIONS = [
  'institution.setup',
  'institution.updated',
  'person.created',
  'person.updated',
  'person.deactivated',
  'person.reactivated',
  'person.role-granted',
  'person.password-reset',
  'person.pin-changed',
  'auth.signed-in',
  'auth.sign-in-failed',
  'auth.locked-out',
  'auth.password-changed',
  'attempt.started',
  'attempt.stored',
  'attempt.abandoned',
  'attempt.imported',
  'import.json-data',
  'exam.module-published',
  'exam.module-refused',
  'exam.started',
  'exam.practical-started',
  'exam.submitted',
  'exam.released',
  'exam.role-examined',
  'exam.regraded',
  'authoring.published',
  'authoring.archived',
  'authoring.restored',
  'packs.imported',
  'media.uploaded',
  'certificate.key-created',
  'certificate.key-unlocked',
  'certificate.key-rotated',
  'certificate.issued',
  'certificate.revoked',
  'records.exported',
  'lrs.configured',
  'lrs.unlocked',
  'expert.marked',
  'expert.unmarked',
  'backup.created',
  'storage.restored',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  at: isoTimeSchema,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
/** An entry as listed: with the name of the person its subject is (or whose attempt it is), looked up now, not hashed. */
export const listedAuditEntrySchema = auditEntrySchema.extend({ subjectName: z.string().nullable() });
export type ListedAuditEntry = z.infer<typeof listedAuditEntrySchema>;
export const auditQuerySchema = z.strictObject({ action: z.string().max(60).optional(), order: z.enum(['asc', 'desc']).default('desc'), ...pageSchema });
export const auditPageSchema = z.strictObject({ entries: z.array(listedAuditEntrySchema), total: z.number().int().min(0) });
export const auditVerificationSchema = z.strictObject({
  ok: z.boolean(),
  checked: z.number().int().min(0),
  firstBad: z.strictObject({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const backupSchema = z.strictObject({ file: z.string(), createdAt: isoTimeSchema, bytes: z.number().int().min(0) });
export type BackupInfo = z.infer<typeof backupSchema>;

export const STORAGE_STATES = ['ok', 'corrupt', 'newer-version', 'unreadable'] as const;
export const storageStatusSchema = z.strictObject({
  state: z.enum(STORAGE_STATES),
  /** The database file. */
  file: z.string(),
  /** What integrity_check (or opening the file) reported, when the state is not ok. */
  problem: z.string().nullable(),
  /** Where the damaged file was copied before anything else happened. */
  keptCopy: z.string().nullable(),
  backups: z.array(backupSchema),
});
export type StorageStatus = z.infer<typeof storageStatusSchema>;
export const restoreBackupSchema = z.strictObject({ file: z.string().min(1).max(400) });

export const changePasswordSchema = z.strictObject({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema });
