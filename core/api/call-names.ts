// The names of every call the renderer may make, and the one way an API object is built from them.
// Kept free of zod so that the sandboxed preload bundle stays tiny; ./contract.ts gives each name its
// argument and result schemas, ./access.ts who may call it, and compile-time checks keep the lists identical.

export const API_CALL_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'storage.status',
  'storage.restore',
  'auth.status',
  'auth.setup',
  'auth.chooser',
  'auth.signInTrainee',
  'auth.signInStaff',
  'auth.signOut',
  'auth.changePassword',
  'institution.get',
  'institution.update',
  'people.list',
  'people.get',
  'people.create',
  'people.update',
  'people.setActive',
  'people.setRole',
  'people.resetPassword',
  'people.setPin',
  'sessions.start',
  'sessions.append',
  'sessions.finish',
  'sessions.abandon',
  'sessions.import',
  'sessions.list',
  'sessions.open',
  'exams.catalog',
  'exams.module',
  'exams.start',
  'exams.open',
  'exams.step',
  'exams.startPractical',
  'exams.submit',
  'exams.list',
  'exams.release',
  'exams.tracks',
  'authoring.list',
  'authoring.get',
  'authoring.drafts',
  'authoring.saveDraft',
  'authoring.openDraft',
  'authoring.discardDraft',
  'authoring.publish',
  'authoring.archive',
  'authoring.preview',
  'authoring.analysis',
  'authoring.regradeCandidates',
  'authoring.regrade',
  'authoring.uploadMedia',
  'media.get',
  'packs.export',
  'packs.import',
  'certificates.setupKey',
  'certificates.unlock',
  'certificates.rotateKey',
  'certificates.issue',
  'certificates.list',
  'certificates.revoke',
  'certificates.renewals',
  'certificates.verify',
  'certificates.publicKeys',
  'records.exportStart',
  'records.exportProgress',
  'records.exportFetch',
  'certificates.badge',
  'certificates.pdf',
  'people.filePdf',
  'certificates.verifyFile',
  'certificates.keyStatus',
  'cohort.stats',
  'records.recurringFindings',
  'lrs.status',
  'lrs.configure',
  'lrs.unlock',
  'lrs.pushNow',
  'experts.mark',
  'experts.unmark',
  'experts.benchmark',
  'experts.list',
  'audit.list',
  'audit.verify',
  'backups.list',
  'backups.create',
] as const;

export type ApiCallName = (typeof API_CALL_NAMES)[number];

/** IPC channel that carries one call; main registers exactly one handler per channel. */
export function apiChannel(name: ApiCallName): string {
  return `api:${name}`;
}

export function isApiCallName(value: unknown): value is ApiCallName {
  return typeof value === 'string' && (API_CALL_NAMES as readonly string[]).includes(value);
}

/**
 * Builds the nested `{ people: { create() } }` object from a transport. The preload (IPC) and the
 * web client (loopback fetch) both use it, so the renderer sees the same shape whichever runs it.
 */
export function buildApiObject<T>(invoke: (name: ApiCallName, args: unknown) => Promise<unknown>): T {
  const api: Record<string, Record<string, (args?: unknown) => Promise<unknown>>> = {};
  for (const name of API_CALL_NAMES) {
    const [group, method] = name.split('.') as [string, string];
    api[group] ??= {};
    api[group][method] = (args?: unknown) => invoke(name, args ?? {});
  }
  return api as T;
}
