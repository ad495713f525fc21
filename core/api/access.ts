// Who may make each call: the one table main checks before a payload is even parsed. 'public' calls work
// before sign-in (the station must show its language, its state and the sign-in screen); the others name
// the account roles allowed. Finer rules (an instructor may create trainees only, a trainee may open only
// their own attempts) live in the services, which get the caller from main, never from the renderer.

import type { ApiCallName } from './call-names';
import type { AccountRole } from './schemas/people';

export type CallAccess = 'public' | readonly AccountRole[];

const anyone: readonly AccountRole[] = ['trainee', 'instructor', 'admin'];
const staff: readonly AccountRole[] = ['instructor', 'admin'];
const admin: readonly AccountRole[] = ['admin'];
/** Who works the studio: trainees, and instructors recording their own sessions. */
/** Who writes exams, exchanges packs and regrades: instructors (issue 9). */
const authors: readonly AccountRole[] = ['instructor'];
/** Who sits exams: trainees only (15.2); staff review and release. */
const trainees: readonly AccountRole[] = ['trainee'];
const operators: readonly AccountRole[] = ['trainee', 'instructor'];

export const CALL_ACCESS: { readonly [N in ApiCallName]: CallAccess } = {
  'app.info': 'public',
  'settings.get': 'public',
  'settings.update': 'public',
  'storage.status': 'public',
  'storage.restore': 'public', // refused by the service unless the database is damaged
  'auth.status': 'public',
  'auth.setup': 'public', // refused by the service once an administrator exists
  'auth.chooser': 'public',
  'auth.signInTrainee': 'public',
  'auth.signInStaff': 'public',
  'auth.signOut': anyone,
  'auth.changePassword': staff,
  'institution.get': anyone,
  'institution.update': admin,
  'people.list': staff,
  'people.get': anyone,
  'people.create': staff,
  'people.update': staff,
  'people.setActive': admin,
  'people.setRole': admin,
  'people.resetPassword': admin,
  'people.setPin': staff,
  'sessions.start': operators,
  'sessions.append': operators,
  'sessions.finish': operators,
  'sessions.abandon': operators,
  'sessions.import': anyone,
  'sessions.list': anyone,
  'sessions.open': anyone,
  'exams.catalog': anyone,
  'exams.module': anyone,
  'exams.start': trainees,
  'exams.open': anyone, // a trainee opens only their own (checked in the service)
  'exams.step': trainees,
  'exams.startPractical': trainees,
  'exams.submit': trainees,
  'exams.list': anyone,
  'exams.release': staff,
  'exams.tracks': anyone,
  'authoring.list': authors,
  'authoring.get': authors,
  'authoring.drafts': authors,
  'authoring.saveDraft': authors,
  'authoring.openDraft': authors,
  'authoring.discardDraft': authors,
  'authoring.publish': authors,
  'authoring.archive': authors,
  'authoring.preview': authors,
  'authoring.analysis': authors,
  'authoring.regradeCandidates': authors,
  'authoring.regrade': authors,
  'authoring.uploadMedia': authors,
  'media.get': anyone, // trainees see the images of the questions in their exams
  'packs.export': authors,
  'packs.import': authors,
  'certificates.setupKey': admin,
  'certificates.unlock': admin,
  'certificates.rotateKey': admin,
  'certificates.issue': authors, // instructors issue (the instructor named on the record)
  'certificates.list': anyone, // a trainee sees only their own (checked in the service)
  'certificates.revoke': admin,
  'certificates.renewals': staff,
  'certificates.verify': anyone,
  'certificates.publicKeys': anyone,
  'records.exportStart': admin, // the institution's signed certification log (every trainee): administrators
  'records.exportProgress': admin, // a job belongs to its caller (checked in the service)
  'records.exportFetch': admin,
  'certificates.badge': anyone, // a trainee gets only their own (checked in the service)
  'certificates.pdf': anyone, // a trainee gets only their own (checked in the service)
  'people.filePdf': anyone, // a trainee only their own file; staff any trainee's (checked in the service)
  'certificates.verifyFile': anyone,
  'certificates.keyStatus': staff,
  'cohort.stats': staff, // the cohort view: instructors and administrators
  'records.recurringFindings': anyone, // a trainee sees only their own (checked in the service)
  'lrs.status': staff,
  'lrs.configure': admin,
  'lrs.unlock': admin,
  'lrs.pushNow': admin,
  'experts.mark': authors, // instructors mark expert sessions (the service checks the attempt is finished and of a task)
  'experts.unmark': authors,
  'experts.benchmark': anyone, // the aggregate only: a trainee never learns whose sessions they are
  'experts.list': staff, // which attempts are marked, by whom, when
  'audit.list': admin,
  'audit.verify': admin,
  'backups.list': admin,
  'backups.create': admin,
};

export function mayCall(access: CallAccess, role: AccountRole | null): boolean {
  if (access === 'public') return true;
  return role !== null && access.includes(role);
}
