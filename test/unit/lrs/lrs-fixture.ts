// For the LRS tests: a seeded institution on a data folder with a signing key, a loopback LRS, and the
// LRS configured with the administrator's passphrase; and reopening the same folder (a restart).

import { openDataFolderStorage } from '../../../electron/services';
import { startLrsServer, type LoopbackLrs } from '../../helpers/lrs-server';
import { quickCatalog } from '../../helpers/quick-exam';
import { ADMIN, makeTestServices, seededInstitution } from '../../helpers/training-services';
import { ok } from '../training-file/helpers';

export const PASS = 'a long admin passphrase';

export async function lrsInstitution(dir: string, options: { configure?: boolean; lrs?: LoopbackLrs } = {}) {
  const lrs = options.lrs ?? (await startLrsServer());
  const s = await seededInstitution({ exams: quickCatalog(), storage: await openDataFolderStorage(dir) });
  ok(await s.admin.certificates.setupKey({ passphrase: PASS }));
  if (options.configure !== false) ok(await s.admin.lrs.configure({ endpoint: lrs.endpoint, username: lrs.username, password: lrs.password, passphrase: PASS }));
  return { s, lrs, live: () => s.services.live()! };
}

/** The same data folder opened again, as the next start of the app: the administrator signed in again. */
export async function reopened(dir: string) {
  const t = await makeTestServices({ exams: quickCatalog(), storage: await openDataFolderStorage(dir), idPrefix: 'r' });
  const admin = t.client('window:admin');
  ok(await admin.auth.signInStaff({ username: ADMIN.username, password: ADMIN.password }));
  return { ...t, admin, live: () => t.services.live()! };
}

export const outboxSize = (store: { get<T>(sql: string): T | undefined }) => store.get<{ n: number }>('SELECT count(*) AS n FROM lrs_outbox')!.n;
