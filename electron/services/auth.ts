// Signing in and who is signed in where. Main keeps, per window (IPC) or page load (web mode), the id of
// the person signed in there, and reads their role from the database on every call: a deactivated
// person or a withdrawn role takes effect at once. Failed sign-ins are counted in the database, with
// back-off and lock-out that survive a restart, and every failure answers with the same message.

import type { z } from 'zod';
import type { AuthStatus, SignedIn, setupSchema } from '../../core/api/contract';
import { ApiFailure } from '../../core/api/errors';
import type { AuditTrail } from './audit';
import type { TrainingStore } from './db/store';
import { decoyHash, type PasswordHasher } from './passwords';
import { toSignedIn, type PeopleService, type PersonRow } from './people';
import type { Clock } from './runtime';
import type { SettingsService } from './settings';

/** Sign-in back-off: free tries, then a pause that doubles with each further failure, up to the cap. */
export const SIGN_IN_POLICY = { freeFailures: 4, firstLockMs: 60_000, maxLockMs: 60 * 60_000 } as const;

export const SIGN_IN_FAILED_MESSAGE =
  'sign-in failed: the user name, password or PIN is wrong, or sign-in is paused after repeated failures; try again later or ask an administrator';

export interface AuthService {
  resolveCaller(clientKey: string): SignedIn | null;
  status(clientKey: string, jsonImport: AuthStatus['jsonImport']): AuthStatus;
  setup(clientKey: string, input: z.output<typeof setupSchema>): Promise<SignedIn>;
  signInTrainee(clientKey: string, personId: string, pin: string | undefined): Promise<SignedIn>;
  signInStaff(clientKey: string, username: string, password: string): Promise<SignedIn>;
  signOut(clientKey: string): void;
  changePassword(caller: SignedIn, current: string, next: string): Promise<void>;
}

interface FailureRow {
  failures: number;
  locked_until: string | null;
}

export function createAuthService(deps: {
  store: TrainingStore;
  audit: AuditTrail;
  people: PeopleService;
  settings: SettingsService;
  hasher: PasswordHasher;
  clock: Clock;
}): AuthService {
  const { store, audit, people, settings, hasher, clock } = deps;
  const signedIn = new Map<string, string>();
  let decoy: Promise<string> | null = null;

  const isLocked = (key: string) => {
    const row = store.get<FailureRow>('SELECT failures, locked_until FROM sign_in_failures WHERE account_key = ?', key);
    return row?.locked_until != null && row.locked_until > clock.now().toISOString();
  };
  const recordFailure = (key: string, subject: string | null, reason: string) =>
    store.write(() => {
      const now = clock.now();
      const row = store.get<FailureRow>('SELECT failures, locked_until FROM sign_in_failures WHERE account_key = ?', key);
      const failures = (row?.failures ?? 0) + 1;
      const over = failures - SIGN_IN_POLICY.freeFailures;
      const lockMs = over > 0 ? Math.min(SIGN_IN_POLICY.maxLockMs, SIGN_IN_POLICY.firstLockMs * 2 ** (over - 1)) : 0;
      const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs).toISOString() : null;
      store.run(
        `INSERT INTO sign_in_failures (account_key, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at`,
        key,
        failures,
        lockedUntil,
        now.toISOString(),
      );
      audit.append({ action: 'auth.sign-in-failed', actor: null, subject, details: { account: key, failures, reason } });
      if (lockedUntil) audit.append({ action: 'auth.locked-out', actor: null, subject, details: { account: key, failures, lockedUntil } });
    });
  const succeed = (clientKey: string, row: PersonRow, key: string | null): SignedIn =>
    store.write(() => {
      if (key) store.run('DELETE FROM sign_in_failures WHERE account_key = ?', key);
      const who = toSignedIn(row);
      audit.append({ action: 'auth.signed-in', actor: who, subject: row.id, details: { accountRole: row.account_role } });
      signedIn.set(clientKey, row.id);
      return who;
    });
  const fail = () => new ApiFailure('sign-in-failed', SIGN_IN_FAILED_MESSAGE);

  return {
    resolveCaller(clientKey) {
      const id = signedIn.get(clientKey);
      if (id === undefined) return null;
      const row = people.row(id);
      if (!row || row.active !== 1) {
        signedIn.delete(clientKey);
        return null;
      }
      return toSignedIn(row);
    },
    status(clientKey, jsonImport) {
      return { setupNeeded: people.adminCount() === 0, institution: settings.institution(), signedIn: this.resolveCaller(clientKey), jsonImport };
    },
    async setup(clientKey, input) {
      if (people.adminCount() > 0) throw new ApiFailure('conflict', 'this institution is already set up; an administrator signs in instead');
      // Two windows (or processes) may race through setup while the password hashes: the check is repeated
      // inside the insert's transaction, so the second administrator is never written.
      const admin = await people.create(
        null,
        { accountRole: 'admin', name: input.admin.name, username: input.admin.username, password: input.admin.password },
        {
          guard: () => {
            if (people.adminCount() > 0) throw new ApiFailure('conflict', 'this institution is already set up');
          },
        },
      );
      store.write(() => {
        settings.updateInstitution(null, { name: input.institutionName });
        audit.append({ action: 'institution.setup', actor: { personId: admin.id, name: admin.name, accountRole: 'admin', profession: null }, details: { institutionName: input.institutionName } });
      });
      return succeed(clientKey, people.row(admin.id)!, null);
    },
    async signInTrainee(clientKey, personId, pin) {
      const row = people.row(personId);
      if (!row || row.account_role !== 'trainee' || row.active !== 1) throw fail();
      if (!settings.institution().traineePinRequired) return succeed(clientKey, row, null);
      const key = `pin:${row.id}`;
      if (row.pin_hash === null) throw new ApiFailure('forbidden', 'no PIN has been set for this profile yet; an instructor or administrator sets one');
      if (isLocked(key)) {
        recordFailure(key, row.id, 'locked');
        throw fail();
      }
      if (pin === undefined || !(await hasher.verify(pin, row.pin_hash))) {
        recordFailure(key, row.id, 'wrong PIN');
        throw fail();
      }
      return succeed(clientKey, row, key);
    },
    async signInStaff(clientKey, username, password) {
      const name = username.trim().toLowerCase();
      const key = `user:${name}`;
      const row = store.get<PersonRow>("SELECT * FROM people WHERE username = ? AND account_role IN ('instructor', 'admin')", name);
      if (isLocked(key)) {
        recordFailure(key, row?.id ?? null, 'locked');
        throw fail();
      }
      // Unknown and inactive accounts cost the same time as a wrong password.
      decoy ??= decoyHash(hasher);
      const ok = await hasher.verify(password, row?.password_hash ?? (await decoy));
      if (!row || row.active !== 1 || !ok) {
        recordFailure(key, row?.id ?? null, !row ? 'unknown user' : row.active !== 1 ? 'inactive account' : 'wrong password');
        throw fail();
      }
      return succeed(clientKey, row, key);
    },
    signOut(clientKey) {
      signedIn.delete(clientKey);
    },
    async changePassword(caller, current, next) {
      const row = people.row(caller.personId);
      if (!row || row.password_hash === null) throw new ApiFailure('forbidden', 'this account has no password');
      const key = `user:${row.username}`;
      if (isLocked(key) || !(await hasher.verify(current, row.password_hash))) {
        recordFailure(key, row.id, 'wrong current password');
        throw fail();
      }
      const hash = await hasher.hash(next);
      store.write(() => {
        store.run('UPDATE people SET password_hash = ?, updated_at = ? WHERE id = ?', hash, clock.now().toISOString(), row.id);
        audit.append({ action: 'auth.password-changed', actor: caller, subject: row.id });
      });
    },
  };
}
