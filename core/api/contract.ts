// The typed API: every call the renderer may make, with the schema of its argument and of its result, and
// (in ./access.ts) who may make it. Main checks the caller's role, then validates each payload against
// `args` before a service sees it, and each value against `result` before it leaves; the preload and the
// web client expose exactly these calls as `window.api`.

import { z } from 'zod';
import type { ApiCallName } from './call-names';
import type { ApiResult } from './errors';
import {
  auditPageSchema,
  auditQuerySchema,
  auditVerificationSchema,
  authStatusSchema,
  backupSchema,
  changePasswordSchema,
  institutionChangesSchema,
  institutionSchema,
  restoreBackupSchema,
  settingsSchema,
  setupSchema,
  storageStatusSchema,
} from './schemas/admin';
import {
  abandonAttemptSchema,
  appendEventsSchema,
  attemptPageSchema,
  attemptQuerySchema,
  attemptSummarySchema,
  finishAttemptSchema,
  importRecordingSchema,
  scoredAttemptSchema,
  startAttemptSchema,
  startedAttemptSchema,
  storedAttemptSchema,
} from './schemas/attempts';
import {
  authoredKindSchema,
  authoredSummarySchema,
  draftSchema,
  mediaFileSchema,
  mediaGetSchema,
  moduleAnalysisSchema,
  packExportSchema,
  packFileSchema,
  packImportSchema,
  packReportSchema,
  previewSchema,
  publishedSchema,
  regradeArgsSchema,
  regradeCandidateSchema,
  saveDraftSchema,
  uploadedMediaSchema,
  uploadMediaSchema,
} from './schemas/authoring';
import {
  badgeFileSchema,
  badgeRequestSchema,
  certificatePdfRequestSchema,
  fileVerificationSchema,
  pdfFileSchema,
  traineeFilePdfRequestSchema,
  verifyFileRequestSchema,
  certificateSummarySchema,
  issueCertificateSchema,
  keyStateSchema,
  keyStatusSchema,
  lrsConfigureSchema,
  lrsStatusSchema,
  listCertificatesSchema,
  newPassphraseSchema,
  passphraseSchema,
  rotateKeySchema,
  publicKeySchema,
  recordVerificationSchema,
  renewalSchema,
  renewalsQuerySchema,
  revokeCertificateSchema,
  verifyCertificateSchema,
  exportStartSchema,
  exportJobIdSchema,
  exportStartedSchema,
  exportProgressSchema,
  exportFileSchema,
} from './schemas/certification';
import { noArgs, recordIdSchema } from './schemas/common';
import { benchmarkQuerySchema, expertBenchmarkSchema, expertMarkSchema, expertMarkStateSchema, markExpertSchema, unmarkExpertSchema } from './schemas/experts';
import { cohortQuerySchema, cohortStatsSchema, recurringFindingViewSchema, recurringFindingsQuerySchema } from '../records/schemas';
import {
  examAttemptSummarySchema,
  examCatalogSchema,
  examPageSchema,
  examQuerySchema,
  examSavedSchema,
  examSessionSchema,
  examStepArgsSchema,
  moduleSummarySchema,
  startExamSchema,
  startPracticalSchema,
  startedPracticalSchema,
  trackStatusSchema,
} from './schemas/exams';
import {
  accountRoleSchema,
  chooserEntrySchema,
  newPersonSchema,
  personChangesSchema,
  personSchema,
  pinSchema,
  passwordSchema,
  setRoleSchema,
  signedInSchema,
} from './schemas/people';

export * from './schemas/admin';
export * from './schemas/attempts';
export * from './schemas/authoring';
export * from './schemas/certification';
export * from './schemas/common';
export * from './schemas/exams';
export * from './schemas/experts';
export * from './schemas/people';

export const appInfoSchema = z.strictObject({
  productName: z.strictObject({ zh: z.string(), en: z.string() }),
  version: z.string(),
  /** 'desktop' under Electron, 'web' behind `npm run web`. */
  shell: z.enum(['desktop', 'web']),
  platform: z.string(),
  /** OS locale (app.getLocale() or the server's LANG), used when the language setting is 'system'. */
  locale: z.string(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

function call<A extends z.ZodType, R extends z.ZodType>(summary: string, args: A, result: R) {
  return { summary, args, result };
}

const byId = z.strictObject({ id: recordIdSchema });

export const apiContract = {
  'app.info': call('Product name, version, shell, OS locale and data directory.', noArgs, appInfoSchema),
  'settings.get': call('Station settings (the UI language).', noArgs, settingsSchema),
  'settings.update': call('Changes the station settings; returns all of them.', settingsSchema.partial(), settingsSchema),

  'storage.status': call('State of the training database: ok, or what is wrong with it and which backups exist.', noArgs, storageStatusSchema),
  'storage.restore': call('Only while the database is damaged: starts again from a backup (the damaged file is kept).', restoreBackupSchema, storageStatusSchema),

  'auth.status': call('Whether the institution is set up, and who is signed in on this window.', noArgs, authStatusSchema),
  'auth.setup': call('First start only: names the institution and creates the administrator, who is then signed in.', setupSchema, signedInSchema),
  'auth.chooser': call('Active trainees to choose from when signing in at this station.', noArgs, z.array(chooserEntrySchema)),
  'auth.signInTrainee': call('Signs a trainee in by profile (and PIN where the institution asks for one).', z.strictObject({ personId: recordIdSchema, pin: z.string().max(8).optional() }), signedInSchema),
  'auth.signInStaff': call('Signs an instructor or administrator in with user name and password.', z.strictObject({ username: z.string().max(64), password: z.string().max(128) }), signedInSchema),
  'auth.signOut': call('Signs this window out.', noArgs, z.strictObject({ signedOut: z.literal(true) })),
  'auth.changePassword': call('Staff change their own password.', changePasswordSchema, z.strictObject({ changed: z.literal(true) })),

  'institution.get': call('The institution (training base) this station belongs to.', noArgs, institutionSchema),
  'institution.update': call('Administrators rename the institution or turn trainee PINs on or off.', institutionChangesSchema, institutionSchema),

  'people.list': call(
    'People on the training file (instructors see trainees; administrators see everyone).',
    z.strictObject({ accountRole: accountRoleSchema.optional(), includeInactive: z.boolean().default(false) }),
    z.array(personSchema),
  ),
  'people.get': call('One person (trainees may ask only for themselves).', byId, personSchema),
  'people.create': call('Creates a person (instructors create trainees; administrators anyone).', newPersonSchema, personSchema),
  'people.update': call('Changes a person’s name, profession or certificate.', personChangesSchema, personSchema),
  'people.setActive': call('Deactivates or reactivates a person; people are never deleted while they have attempts.', z.strictObject({ id: recordIdSchema, active: z.boolean() }), personSchema),
  'people.setRole': call('Administrators grant or withdraw the instructor or administrator role.', setRoleSchema, personSchema),
  'people.resetPassword': call('Administrators set a new password for a staff member.', z.strictObject({ id: recordIdSchema, password: passwordSchema }), personSchema),
  'people.setPin': call('Sets or clears a trainee’s PIN.', z.strictObject({ id: recordIdSchema, pin: pinSchema.nullable() }), personSchema),

  'sessions.start': call('Starts an attempt: main mints its id and binds the signed-in trainee, the preset, the mode and the start time.', startAttemptSchema, startedAttemptSchema),
  'sessions.append': call('Stores the next batch of a running attempt’s events.', appendEventsSchema, z.strictObject({ attemptId: recordIdSchema, seq: z.number().int(), stored: z.number().int() })),
  'sessions.finish': call('Ends an attempt: main assembles, validates and scores the recording once and stores it with the report.', finishAttemptSchema, scoredAttemptSchema),
  'sessions.abandon': call('Ends an attempt without finishing it; what was recorded is kept, marked abandoned.', abandonAttemptSchema, attemptSummarySchema),
  'sessions.import': call('Checks, scores and stores a recording opened from a file, as an imported attempt (never a test).', importRecordingSchema, scoredAttemptSchema),
  'sessions.list': call('A page of attempts: the signed-in trainee’s own, or a chosen trainee’s for staff.', attemptQuerySchema, attemptPageSchema),
  'sessions.open': call('A stored attempt with its stored recording and stored report.', byId, storedAttemptSchema),

  'exams.catalog': call('Exam modules the caller may see (a trainee: those for their profession, with where they stand), and, for staff, the exam files that did not load.', noArgs, examCatalogSchema),
  'exams.module': call('One module as its syllabus page shows it.', z.strictObject({ moduleId: z.string().max(80), version: z.number().int().min(1).optional() }), moduleSummarySchema),
  'exams.start': call('Starts an exam attempt after checking the trainee’s identity, attempts left and retake wait; main draws the questions and the case and fixes them.', startExamSchema, examSessionSchema),
  'exams.open': call('An exam attempt: running (to resume, same questions, remaining time) or submitted (the result as its release allows).', byId, examSessionSchema),
  'exams.step': call('Saves one answer, flag, history question, examined region, mark, decision, consent or choice, as it is given.', examStepArgsSchema, examSavedSchema),
  'exams.startPractical': call('Starts the practical part of a running exam attempt in the studio, in test mode, on the task main holds.', startPracticalSchema, startedPracticalSchema),
  'exams.submit': call('Submits a running exam attempt; main grades every part from the stored steps and recording.', z.strictObject({ examAttemptId: recordIdSchema }), examSessionSchema),
  'exams.list': call('A page of exam attempts: the signed-in trainee’s own, or a chosen trainee’s for staff.', examQuerySchema, examPageSchema),
  'exams.release': call('Instructors release a result (and its solutions, where the module shows them on release) to the trainee.', z.strictObject({ examAttemptId: recordIdSchema }), examAttemptSummarySchema),
  'exams.tracks': call('Whether a trainee is examined for their profession: the modules their track requires and where each stands.', z.strictObject({ personId: recordIdSchema.optional() }), z.array(trackStatusSchema)),

  'authoring.list': call('Published questions, cases, vignettes and modules (shipped, authored and imported), newest version of each.', z.strictObject({ kind: authoredKindSchema, includeArchived: z.boolean().default(false) }), z.array(authoredSummarySchema)),
  'authoring.get': call('One published item, as a document (the newest version unless one is named).', z.strictObject({ kind: authoredKindSchema, id: z.string().max(80), version: z.number().int().min(1).optional() }), z.strictObject({ summary: authoredSummarySchema, document: z.unknown() })),
  'authoring.drafts': call('Drafts being written (every instructor’s).', z.strictObject({ kind: authoredKindSchema.optional() }), z.array(draftSchema)),
  'authoring.saveDraft': call('Saves a draft as it is typed, valid or not; answers with its problems at their fields.', saveDraftSchema, draftSchema),
  'authoring.openDraft': call('One draft with its problems.', z.strictObject({ draftId: recordIdSchema }), draftSchema),
  'authoring.discardDraft': call('Throws a draft away (what was published stays).', z.strictObject({ draftId: recordIdSchema }), z.strictObject({ discarded: z.literal(true) })),
  'authoring.publish': call('Publishes a valid draft as a new immutable version with its hash.', z.strictObject({ draftId: recordIdSchema }), publishedSchema),
  'authoring.archive': call('Archives an item (no new attempt draws it) or brings it back; nothing published is deleted.', z.strictObject({ kind: authoredKindSchema, id: z.string().max(80), archived: z.boolean() }), authoredSummarySchema),
  'authoring.preview': call('A module draft (or a published module) as a trainee would see it, drawn afresh; nothing is stored.', z.strictObject({ draftId: recordIdSchema.optional(), moduleId: z.string().max(80).optional() }), previewSchema),
  'authoring.analysis': call('Item analysis of a module from its submitted attempts: facility, discrimination, efficiency, distractors, alpha.', z.strictObject({ moduleId: z.string().max(80) }), moduleAnalysisSchema),
  'authoring.regradeCandidates': call('Submitted attempts that saw an older version of a question, with their result before and after regrading.', z.strictObject({ questionId: z.string().max(80) }), z.array(regradeCandidateSchema)),
  'authoring.regrade': call('Regrades attempts with the newest version of a question; every change goes into the audit trail with who and why.', regradeArgsSchema, z.array(regradeCandidateSchema)),
  'authoring.uploadMedia': call('Stores an image for a question (PNG, JPEG or WebP, at most 2 MB; main checks the bytes and computes the sha256).', uploadMediaSchema, uploadedMediaSchema),
  'media.get': call('A stored image by its sha256 (the image of a question in an exam, a preview or a form).', mediaGetSchema, mediaFileSchema),
  'packs.export': call('An exam pack, QTI 3.0 package, Moodle XML or XLSX question bank of what is published.', packExportSchema, packFileSchema),
  'packs.import': call('Checks a pack or question bank file and reports what would be added, replaced or rejected; with apply, writes all of it or nothing.', packImportSchema, packReportSchema),

  'certificates.setupKey': call('Administrators create the first signing key, wrapped by their passphrase (at least 12 characters, never stored) or, without one, by the OS keyring where it really protects keys; it is unlocked for this run.', newPassphraseSchema, keyStateSchema),
  'certificates.unlock': call('Administrators unlock the signing key for this run with its passphrase (never stored); issuing needs it unlocked.', passphraseSchema, keyStateSchema),
  'certificates.rotateKey': call('Administrators retire the signing key and make a new one (old public keys keep verifying what they signed); the current passphrase unlocks the old one, newPassphrase (or the same) wraps the new one.', rotateKeySchema, keyStateSchema),
  'certificates.issue': call('Instructors issue a signed completion record to a trainee examined for their profession whose modules all still stand passed.', issueCertificateSchema, certificateSummarySchema),
  'certificates.list': call('Completion records: the signed-in trainee’s own, or (staff) a chosen trainee’s or everyone’s.', listCertificatesSchema, z.array(certificateSummarySchema)),
  'certificates.revoke': call('Administrators revoke a completion record, with the reason.', revokeCertificateSchema, certificateSummarySchema),
  'certificates.renewals': call('Records (not revoked, not superseded) whose validity ends within the given number of days, or has ended.', renewalsQuerySchema, z.array(renewalSchema)),
  'certificates.verify': call('Checks a signed completion record (the file’s text): format, hash, signature, key, revocation, expiry.', verifyCertificateSchema, recordVerificationSchema),
  'certificates.keyStatus': call('Where the signing key stands in this run (none, locked, unlocked), how it is wrapped, and whether this system’s keyring can protect it.', noArgs, keyStatusSchema),
  'certificates.publicKeys': call('The public keys that sign completion records (PEM and fingerprint), retired ones included.', noArgs, z.array(publicKeySchema)),
  'records.exportStart': call('Administrators start an export of the certification log (completion records and submitted exam attempts, filtered) as CSV, XLSX or JSON with a signed manifest; the signing key must be unlocked.', exportStartSchema, exportStartedSchema),
  'records.exportProgress': call('How far the caller’s export job has come: rows done of the total, and whether it finished or failed.', exportJobIdSchema, exportProgressSchema),
  'records.exportFetch': call('The finished export’s file (base64) and its signed manifest (<file>.sig.json); the job is gone once fetched.', exportJobIdSchema, exportFileSchema),
  'certificates.badge': call('The Open Badges 3.0 credential of a completion record (VC 2.0, eddsa-rdfc-2022 proof by the unlocked key): a trainee only their own, staff any; none for a revoked record.', badgeRequestSchema, badgeFileSchema),
  'certificates.pdf': call('The printable certificate of a completion record (A4, Chinese and English, QR code, the signed record attached as <number>.json): a trainee only their own, staff any.', certificatePdfRequestSchema, pdfFileSchema),
  'people.filePdf': call('A trainee’s file as a PDF in Chinese or English: profession and certificate, completion records, scores over time, recurring findings, every attempt. A trainee only their own; instructors and administrators any trainee’s.', traineeFilePdfRequestSchema, pdfFileSchema),
  'certificates.verifyFile': call('Verifies a file: a signed record (.json), a certificate PDF (its attached record) or a QR payload text; says which kind it is and each problem.', verifyFileRequestSchema, fileVerificationSchema),

  'cohort.stats': call('Staff: pass rates per exam module and per role (15.2.1-15.2.3), the clauses most often missed, and records issued and due for renewal, over a date range (default the last 90 days) and optionally one profession.', cohortQuerySchema, cohortStatsSchema),
  'records.recurringFindings': call('The clauses found in two or more attempts of a trainee (a trainee: their own, with released exam results only), practice and exam together.', recurringFindingsQuerySchema, z.array(recurringFindingViewSchema)),

  'lrs.status': call('Staff: where the sync of xAPI statements to the institution’s LRS stands: configured, unlocked, queued, refused, the last push and error.', noArgs, lrsStatusSchema),
  'lrs.configure': call('Administrators set the LRS endpoint, user and password; the password is wrapped by their passphrase (the signing key’s) or the OS keyring and never returned.', lrsConfigureSchema, lrsStatusSchema),
  'lrs.unlock': call('Administrators unlock the LRS password for this run with their passphrase (unlocking the signing key with the same one does it too).', passphraseSchema, lrsStatusSchema),
  'lrs.pushNow': call('Administrators push every queued statement now, refused ones and back-off included.', noArgs, lrsStatusSchema),

  'experts.mark': call('Instructors mark a finished practice or test session of a task (practice preset or exam practical task) as an expert session; the attempt itself is not changed.', markExpertSchema, expertMarkStateSchema),
  'experts.unmark': call('Instructors unmark an expert session, with the reason (the mark stays in the history).', unmarkExpertSchema, expertMarkStateSchema),
  'experts.benchmark': call('The experts of a task in aggregate: per metric n, mean, sample SD, min and max (no spread under 3 sessions), and the simulator-default thresholds they suggest. Never whose sessions.', benchmarkQuerySchema, expertBenchmarkSchema),
  'experts.list': call('Staff: the expert sessions of a task, whose they are, who marked them and when.', benchmarkQuerySchema, z.array(expertMarkSchema)),

  'audit.list': call('A page of the audit trail.', auditQuerySchema, auditPageSchema),
  'audit.verify': call('Checks the audit trail’s hash chain end to end.', noArgs, auditVerificationSchema),
  'backups.list': call('Backups of the training database, newest first.', noArgs, z.array(backupSchema)),
  'backups.create': call('Makes a backup now.', noArgs, backupSchema),
} as const;

export type ApiContract = typeof apiContract;
export type ApiArgs<N extends ApiCallName> = z.input<ApiContract[N]['args']>;
export type ApiParsedArgs<N extends ApiCallName> = z.output<ApiContract[N]['args']>;
export type ApiValue<N extends ApiCallName> = z.output<ApiContract[N]['result']>;

// The contract and the zod-free name list must name the same calls.
type MissingFromContract = Exclude<ApiCallName, keyof ApiContract>;
type MissingFromNames = Exclude<keyof ApiContract, ApiCallName>;
const namesMatch: [MissingFromContract, MissingFromNames] extends [never, never] ? true : never = true;
void namesMatch;

/** One renderer-side function: empty-argument calls may be called with no argument. */
export type ApiFunction<N extends ApiCallName> = Record<string, never> extends ApiArgs<N>
  ? (args?: ApiArgs<N>) => Promise<ApiResult<ApiValue<N>>>
  : (args: ApiArgs<N>) => Promise<ApiResult<ApiValue<N>>>;

type GroupOf<N extends string> = N extends `${infer G}.${string}` ? G : never;
type MethodOf<N extends string, G extends string> = N extends `${G}.${infer M}` ? M : never;

/** `window.api`: `api.people.create({...})` returns `Promise<ApiResult<Person>>`. */
export type MicroneedleApi = {
  [G in GroupOf<ApiCallName>]: { [N in Extract<ApiCallName, `${G}.${string}`> as MethodOf<N, G>]: ApiFunction<N> };
};

/** Who is calling, as main knows it (never as the renderer says). */
export interface CallContext {
  /** The window (IPC webContents) or page load (web mode) the call came from. */
  clientKey: string;
  /** The signed-in person, read from the database on every call; null before sign-in. */
  caller: import('./schemas/people').SignedIn | null;
}

/** What a service implements for each call: parsed arguments and the caller in, a result value (or a promise of one) out. */
export type ApiHandlers = { [N in ApiCallName]: (args: ApiParsedArgs<N>, context: CallContext) => ApiValue<N> | Promise<ApiValue<N>> };
