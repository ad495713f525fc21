// The main-process services behind the API, shared by Electron (IPC) and `npm run web` (loopback HTTP).
// They take ports, not folders: the storage (the training database, or an in-memory one in tests), the
// scoring ports, a clock and id source, and a password hasher.

import { createDispatcher, type ApiDispatcher } from '../../core/api/dispatch';
import type { AppInfo, ApiHandlers, SignedIn } from '../../core/api/contract';
import { ApiFailure } from '../../core/api/errors';
import { HEARTBEAT_MS, registerInstance } from './attempts/instances';
import { createAttemptsService, type AttemptsService, type ScoringPorts } from './attempts/service';
import { createAuditTrail, type AuditTrail } from './audit';
import { createAuthService } from './auth';
import { createCertificationService, type CertificationService } from './certification/service';
import { createLrsService, LRS_TICK_MS, type LrsService } from './lrs/service';
import { createRecordInsightsService, type RecordInsightsService } from './records/cohort';
import { createExportJobs, type ExportJobs } from './certification/exports/jobs';
import { createBadgeFiles } from './certification/badges/badge-file';
import { createCertificatePdfFiles } from './certification/pdf/pdf-files';
import type { KeyProtector } from './certification/keys';
import { createExamsService, type ExamsService } from './exams/service';
import { createExpertsService, type ExpertsService } from './experts/service';
import { createAuthoringService, type AuthoringService } from './exams/authoring';
import { createMediaService, type MediaService } from './exams/media';
import { createPacksService } from './exams/packs';
import { loadExamsDir } from '../../core/node/exams-dir';
import type { ExamCatalog } from '../../core/exams/catalog';
import { BACKUP_INTERVAL_MS, createBackup, listBackups } from './db/backups';
import type { TrainingStore } from './db/store';
import { importJsonDataOnce, jsonImportDone } from './json-import';
import { createScryptHasher, type PasswordHasher } from './passwords';
import { createPeopleService, type PeopleService } from './people';
import { systemRuntime, type Clock, type IdSource } from './runtime';
import { createSettingsService } from './settings';
import type { Storage } from './storage';

export interface ServicesConfig {
  storage: Storage;
  appInfo: AppInfo;
  scoring: ScoringPorts;
  runtime?: Clock & IdSource;
  hasher?: PasswordHasher;
  /** The exam catalogue (modules, questions, cases); absent: the shipped exams/ folder. */
  exams?: ExamCatalog;
  /** Where the earlier JSON version kept its files; imported once on the first start. Absent: no import. */
  legacyDataDir?: string;
  /** The OS keyring's protector for the signing key where it really protects keys (Electron's safeStorage); absent: passphrases only. */
  osKeyProtector?: KeyProtector | null;
  /** Timers for heartbeats, orphan sweeps and scheduled backups (off in unit tests). */
  timers?: boolean;
  onInternalError?: (name: string, error: unknown) => void;
}

export interface AppServices {
  dispatch: ApiDispatcher;
  handlers: ApiHandlers;
  /** The live services while the database is usable (tests and tools reach the store through it). */
  live(): LiveServices | null;
  /** Stops the timers; resolves once a backup under way has finished and the database is closed. */
  dispose(): Promise<void>;
}

export interface LiveServices {
  store: TrainingStore;
  audit: AuditTrail;
  people: PeopleService;
  attempts: AttemptsService;
  exams: ExamsService;
  authoring: AuthoringService;
  media: MediaService;
  certificates: CertificationService;
  /** The xAPI outbox and its push to the institution's LRS. */
  lrs: LrsService;
  exports: ExportJobs;
  insights: RecordInsightsService;
  /** Expert sessions per task and their benchmark. */
  experts: ExpertsService;
}

const SWEEP_MS = 30_000;

export async function createServices(config: ServicesConfig): Promise<AppServices> {
  const runtime = config.runtime ?? systemRuntime;
  const hasher = config.hasher ?? createScryptHasher();
  const { storage } = config;
  const timers: NodeJS.Timeout[] = [];
  let live: (LiveServices & { auth: ReturnType<typeof createAuthService>; settings: ReturnType<typeof createSettingsService>; packs: ReturnType<typeof createPacksService> }) | null = null;

  let examCatalog: ExamCatalog | undefined;
  let disposed = false;
  let backupInFlight: Promise<unknown> = Promise.resolve();
  const backupNow = async (reason: 'scheduled' | 'manual', actor: SignedIn | null) => {
    if (disposed) throw new ApiFailure('unavailable', 'the app is closing');
    if (!live || !storage.backupsDir) throw new ApiFailure('unavailable', 'this database has no backups folder');
    const { store, audit } = live;
    const made = createBackup(store.db, storage.backupsDir, reason, runtime.now());
    backupInFlight = made.catch(() => undefined);
    const info = await made;
    audit.append({ action: 'backup.created', actor, details: { file: info.file, bytes: info.bytes, reason } });
    return info;
  };

  const boot = async () => {
    const store = storage.store;
    if (!store) return;
    const audit = createAuditTrail(store, () => runtime.now());
    const people = createPeopleService(store, audit, hasher, runtime);
    const settings = createSettingsService(store, audit);
    const auth = createAuthService({ store, audit, people, settings, hasher, clock: runtime });
    const instance = registerInstance(store, runtime);
    const attempts = createAttemptsService({ store, audit, people, ports: config.scoring, runtime, instance, app: { name: 'microneedle-trainer', version: config.appInfo.version } });
    const exams = createExamsService({ store, audit, people, attempts, catalog: (examCatalog ??= config.exams ?? loadExamsDir()), runtime });
    const media = createMediaService({ store, audit, clock: runtime });
    const authoring = createAuthoringService({ store, audit, exams, attempts, runtime, media });
    const packs = createPacksService({ store, audit, exams, runtime, media, institution: () => settings.institution().name });
    const certificates = createCertificationService({ store, audit, people, exams, clock: runtime, institution: () => settings.institution().name, osProtector: config.osKeyProtector ?? null });
    const exports = createExportJobs({ store, keys: certificates.keys, audit, clock: runtime, institution: () => settings.institution().name });
    const insights = createRecordInsightsService({ store, people, clock: runtime });
    const lrs = createLrsService({ store, audit, clock: runtime, osProtector: config.osKeyProtector ?? null });
    const experts = createExpertsService({ store, audit, clock: runtime });
    live = { store, audit, people, settings, auth, attempts, exams, authoring, media, packs, certificates, exports, insights, lrs, experts };
    if (config.legacyDataDir) await importJsonDataOnce({ store, audit, dataDir: config.legacyDataDir, ports: config.scoring, runtime });
    attempts.abandonOrphans();
    await certificates.openWithOs().catch((error: unknown) => config.onInternalError?.('signing key', error));
    await lrs.openWithOs().catch((error: unknown) => config.onInternalError?.('lrs password', error));
    // At start: statements of attempts submitted (or records issued) before a crash are made now.
    try {
      lrs.enqueuePending();
    } catch (error) {
      config.onInternalError?.('lrs outbox', error);
    }
    exams.submitExpired();
    if (config.timers) {
      const every = (ms: number, work: () => unknown) => {
        const t = setInterval(() => {
          try {
            void Promise.resolve(work()).catch((error: unknown) => config.onInternalError?.('timer', error));
          } catch (error) {
            config.onInternalError?.('timer', error);
          }
        }, ms);
        t.unref();
        timers.push(t);
      };
      every(HEARTBEAT_MS, () => instance.beat());
      every(SWEEP_MS, () => attempts.abandonOrphans());
      every(SWEEP_MS, () => exams.submitExpired());
      every(LRS_TICK_MS, () => lrs.tick());
      const scheduled = async () => {
        if (disposed) return;
        const newest = storage.backupsDir ? (await listBackups(storage.backupsDir)).find((b) => b.file.includes('-scheduled')) : undefined;
        if (!disposed && (!newest || runtime.now().getTime() - Date.parse(newest.createdAt) >= BACKUP_INTERVAL_MS)) await backupNow('scheduled', null);
      };
      void scheduled().catch((error: unknown) => config.onInternalError?.('backup', error));
      every(60 * 60_000, scheduled);
    }
  };
  await boot();

  /** The live services, or the storage problem as a typed error naming the file. */
  const need = () => {
    if (live) return live;
    const s = storage.status;
    throw new ApiFailure('storage-corrupt', `the training database cannot be used: ${s.problem ?? s.state}`, s.file);
  };
  /**
   * A submitted exam or an issued record: its xAPI statements go into the outbox now (the start-up scan and
   * the timer would find them too, later). A failure to queue never fails the call: the scan retries it.
   */
  const afterSigned = async <T,>(work: T | Promise<T>): Promise<T> => {
    const done = await work;
    try {
      need().lrs.enqueuePending();
    } catch (error) {
      config.onInternalError?.('lrs outbox', error);
    }
    return done;
  };
  const pdfFiles = () => {
    const { store, people, certificates, settings } = need();
    return createCertificatePdfFiles({ store, people, keys: certificates.keys, clock: runtime, institution: () => settings.institution().name });
  };
  const signedIn = (caller: SignedIn | null): SignedIn => {
    if (!caller) throw new ApiFailure('unauthenticated', 'this call needs a signed-in person');
    return caller;
  };

  const handlers: ApiHandlers = {
    'app.info': () => config.appInfo,
    'settings.get': () => (live ? live.settings.get() : { language: 'system' }),
    'settings.update': (changes) => need().settings.update(changes),
    'storage.status': async () => ({ ...storage.status, backups: storage.backupsDir ? await listBackups(storage.backupsDir) : [] }),
    'storage.restore': async ({ file }) => {
      // The copy of the damaged file kept on open: recorded before the restore replaces the status that names it.
      const damagedCopy = storage.status.keptCopy;
      await storage.restore(file);
      await boot();
      need().audit.append({ action: 'storage.restored', actor: null, details: { from: file, damagedCopy } });
      return { ...storage.status, backups: storage.backupsDir ? await listBackups(storage.backupsDir) : [] };
    },
    'auth.status': (_args, { clientKey }) => {
      const s = need();
      const imported = jsonImportDone(s.store);
      return s.auth.status(
        clientKey,
        imported ? { at: imported.at, profiles: imported.profiles, sessions: imported.sessions, rejected: imported.rejected, instructorFlagsDropped: imported.instructorFlagsDropped } : null,
      );
    },
    'auth.setup': (args, { clientKey }) => need().auth.setup(clientKey, args),
    'auth.chooser': () => need().people.chooser(),
    'auth.signInTrainee': ({ personId, pin }, { clientKey }) => need().auth.signInTrainee(clientKey, personId, pin),
    'auth.signInStaff': ({ username, password }, { clientKey }) => need().auth.signInStaff(clientKey, username, password),
    'auth.signOut': (_args, { clientKey }) => {
      need().auth.signOut(clientKey);
      return { signedOut: true as const };
    },
    'auth.changePassword': async ({ currentPassword, newPassword }, { caller }) => {
      await need().auth.changePassword(signedIn(caller), currentPassword, newPassword);
      return { changed: true as const };
    },
    'institution.get': () => need().settings.institution(),
    'institution.update': (changes, { caller }) => need().settings.updateInstitution(signedIn(caller), changes),
    'people.list': (query, { caller }) => need().people.list(signedIn(caller), query),
    'people.get': ({ id }, { caller }) => need().people.get(signedIn(caller), id),
    'people.create': (input, { caller }) => need().people.create(signedIn(caller), input),
    'people.update': (changes, { caller }) => need().people.update(signedIn(caller), changes),
    'people.setActive': ({ id, active }, { caller }) => need().people.setActive(signedIn(caller), id, active),
    'people.setRole': (change, { caller }) => need().people.setRole(signedIn(caller), change),
    'people.resetPassword': ({ id, password }, { caller }) => need().people.resetPassword(signedIn(caller), id, password),
    'people.setPin': ({ id, pin }, { caller }) => need().people.setPin(signedIn(caller), id, pin),
    'sessions.start': (args, { caller }) => need().attempts.start(signedIn(caller), args),
    'sessions.append': (args, { caller }) => need().attempts.append(signedIn(caller), args),
    'sessions.finish': (args, { caller }) => need().attempts.finish(signedIn(caller), args),
    'sessions.abandon': ({ attemptId }, { caller }) => need().attempts.abandon(signedIn(caller), attemptId),
    'sessions.import': ({ recording, fileName }, { caller }) => need().attempts.importRecording(signedIn(caller), recording, fileName),
    'sessions.list': (query, { caller }) => need().attempts.list(signedIn(caller), query),
    'sessions.open': ({ id }, { caller }) => need().attempts.open(signedIn(caller), id),
    'exams.catalog': (_args, { caller }) => need().exams.catalog(signedIn(caller)),
    'exams.module': ({ moduleId, version }, { caller }) => need().exams.module(signedIn(caller), moduleId, version),
    'exams.start': (args, { caller, clientKey }) => need().exams.start(signedIn(caller), clientKey, args),
    'exams.open': ({ id }, { caller, clientKey }) => need().exams.open(signedIn(caller), clientKey, id),
    'exams.step': ({ examAttemptId, step }, { caller, clientKey }) => need().exams.step(signedIn(caller), clientKey, examAttemptId, step),
    'exams.startPractical': ({ examAttemptId, partId }, { caller, clientKey }) => need().exams.startPractical(signedIn(caller), clientKey, examAttemptId, partId),
    'exams.submit': ({ examAttemptId }, { caller, clientKey }) => afterSigned(need().exams.submit(signedIn(caller), clientKey, examAttemptId)),
    'exams.list': (query, { caller }) => need().exams.list(signedIn(caller), query),
    'exams.release': ({ examAttemptId }, { caller }) => need().exams.release(signedIn(caller), examAttemptId),
    'exams.tracks': ({ personId }, { caller }) => need().exams.tracks(signedIn(caller), personId),
    'authoring.list': ({ kind, includeArchived }) => need().authoring.list(kind, includeArchived),
    'authoring.get': ({ kind, id, version }) => need().authoring.get(kind, id, version),
    'authoring.drafts': ({ kind }) => need().authoring.drafts(kind),
    'authoring.saveDraft': (args, { caller }) => need().authoring.saveDraft(signedIn(caller), args),
    'authoring.openDraft': ({ draftId }) => need().authoring.openDraft(draftId),
    'authoring.discardDraft': ({ draftId }) => need().authoring.discardDraft(draftId),
    'authoring.publish': ({ draftId }, { caller }) => need().authoring.publish(signedIn(caller), draftId),
    'authoring.archive': ({ kind, id, archived }, { caller }) => need().authoring.archive(signedIn(caller), kind, id, archived),
    'authoring.preview': (args) => need().authoring.preview(args),
    'authoring.analysis': ({ moduleId }) => need().authoring.analysis(moduleId),
    'authoring.regradeCandidates': ({ questionId }) => need().authoring.regradeCandidates(questionId),
    'authoring.regrade': (args, { caller }) => need().authoring.regrade(signedIn(caller), args),
    'authoring.uploadMedia': (args, { caller }) => need().media.upload(signedIn(caller), args),
    'media.get': ({ sha256 }) => need().media.get(sha256),
    'packs.export': (args) => need().packs.export(args),
    'packs.import': (args, { caller }) => need().packs.import(signedIn(caller), args),
    'certificates.setupKey': ({ passphrase }, { caller }) => need().certificates.setupKey(signedIn(caller), passphrase),
    'certificates.unlock': async ({ passphrase }, { caller }) => {
      const unlocked = await need().certificates.unlock(signedIn(caller), passphrase);
      await need().lrs.unlockAlong(passphrase); // the same passphrase wraps the LRS password
      return unlocked;
    },
    'certificates.rotateKey': ({ passphrase, newPassphrase }, { caller }) => need().certificates.rotate(signedIn(caller), passphrase, newPassphrase),
    'certificates.issue': ({ personId }, { caller }) => afterSigned(need().certificates.issue(signedIn(caller), personId)),
    'certificates.list': ({ personId }, { caller }) => need().certificates.list(signedIn(caller), personId),
    'certificates.revoke': ({ number, reason }, { caller }) => need().certificates.revoke(signedIn(caller), number, reason),
    'certificates.renewals': ({ withinDays }, { caller }) => need().certificates.renewals(signedIn(caller), withinDays),
    'certificates.verify': ({ signed }) => need().certificates.verify(signed),
    'certificates.publicKeys': () => need().certificates.publicKeys(),
    'records.exportStart': ({ format, filter, lang }, { caller }) => need().exports.start(signedIn(caller), { format, filter, lang }),
    'records.exportProgress': ({ jobId }, { caller }) => need().exports.progress(signedIn(caller), jobId),
    'records.exportFetch': ({ jobId }, { caller }) => need().exports.fetch(signedIn(caller), jobId),
    'certificates.badge': ({ number }, { caller }) => {
      const { store, certificates, settings } = need();
      return createBadgeFiles({ store, keys: certificates.keys, institution: () => settings.institution().name, clock: runtime }).badge(signedIn(caller), number);
    },
    'certificates.keyStatus': (_args, { caller }) => need().certificates.keyStatus(signedIn(caller)),
    'certificates.pdf': ({ number }, { caller }) => pdfFiles().certificate(signedIn(caller), number),
    'people.filePdf': ({ personId, lang }, { caller }) => pdfFiles().traineeFile(signedIn(caller), personId, lang),
    'certificates.verifyFile': ({ fileName, base64, manifest }) => pdfFiles().verifyFile(fileName, base64, manifest),
    'cohort.stats': (query, { caller }) => need().insights.cohortStats(signedIn(caller), query),
    'records.recurringFindings': ({ personId }, { caller }) => need().insights.recurringFindings(signedIn(caller), personId),
    'lrs.status': (_args, { caller }) => need().lrs.status(signedIn(caller)),
    'lrs.configure': (input, { caller }) => need().lrs.configure(signedIn(caller), input),
    'lrs.unlock': ({ passphrase }, { caller }) => need().lrs.unlock(signedIn(caller), passphrase),
    'lrs.pushNow': (_args, { caller }) => need().lrs.pushNow(signedIn(caller)),
    'experts.mark': ({ attemptId }, { caller }) => need().experts.mark(signedIn(caller), attemptId),
    'experts.unmark': ({ attemptId, reason }, { caller }) => need().experts.unmark(signedIn(caller), attemptId, reason),
    'experts.benchmark': ({ presetId }, { caller }) => need().experts.benchmark(signedIn(caller), presetId),
    'experts.list': ({ presetId }, { caller }) => need().experts.list(signedIn(caller), presetId),
    'audit.list': (query) => need().audit.list(query),
    'audit.verify': () => need().audit.verify(),
    'backups.list': async () => (storage.backupsDir ? listBackups(storage.backupsDir) : []),
    'backups.create': (_args, { caller }) => backupNow('manual', signedIn(caller)),
  };

  const dispatch = createDispatcher(handlers, {
    onInternalError: config.onInternalError,
    resolveCaller: (clientKey) => (live ? live.auth.resolveCaller(clientKey) : null),
  });

  return {
    dispatch,
    handlers,
    live: () => live,
    dispose() {
      disposed = true;
      for (const t of timers) clearInterval(t);
      timers.length = 0;
      // A backup, an LRS push or an export under way finishes before the database closes.
      return Promise.all([backupInFlight, live?.lrs.stop(), live?.exports.idle()]).then(() => storage.close());
    },
  };
}

export { loadScoringPorts, scoringPortsOn } from './recording-ports';
export { memoryStorage, openDataFolderStorage, type Storage } from './storage';
export type { ScoringPorts } from './attempts/service';
