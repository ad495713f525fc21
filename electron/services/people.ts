// People on the training file: trainees, instructors and administrators. Main decides who may see and
// change whom: instructors work with trainees only; only administrators create staff and grant roles.
// People are deactivated, never deleted (a trigger keeps anyone with attempts); every change is audited.

import type { z } from 'zod';
import { CERTIFICATE_KINDS_BY_PROFESSION } from '../../core/api/contract';
import type { ChooserEntry, NewPerson, Person, SignedIn, newPersonSchema, personChangesSchema, setRoleSchema } from '../../core/api/contract';
import { ApiFailure } from '../../core/api/errors';
import type { AuditTrail } from './audit';
import type { TrainingStore } from './db/store';
import type { PasswordHasher } from './passwords';
import type { Clock, IdSource } from './runtime';

export interface PersonRow {
  id: string;
  account_role: Person['accountRole'];
  name: string;
  profession: Person['profession'];
  certificate_number: string | null;
  certificate_kind: Person['certificateKind'];
  username: string | null;
  password_hash: string | null;
  pin_hash: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export function toSignedIn(row: PersonRow): SignedIn {
  return { personId: row.id, name: row.name, accountRole: row.account_role, profession: row.profession };
}

export interface PeopleService {
  row(id: string): PersonRow | undefined;
  toPerson(row: PersonRow): Person;
  list(caller: SignedIn, query: { accountRole?: Person['accountRole']; includeInactive: boolean }): Person[];
  get(caller: SignedIn, id: string): Person;
  /** `guard` runs inside the insert's write transaction, before the insert (setup refuses a second administrator there). */
  create(caller: SignedIn | null, input: z.output<typeof newPersonSchema>, options?: { guard?: () => void }): Promise<Person>;
  update(caller: SignedIn, changes: z.output<typeof personChangesSchema>): Person;
  setActive(caller: SignedIn, id: string, active: boolean): Person;
  setRole(caller: SignedIn, change: z.output<typeof setRoleSchema>): Promise<Person>;
  resetPassword(caller: SignedIn, id: string, password: string): Promise<Person>;
  setPin(caller: SignedIn, id: string, pin: string | null): Promise<Person>;
  chooser(): ChooserEntry[];
  adminCount(): number;
}

export function createPeopleService(store: TrainingStore, audit: AuditTrail, hasher: PasswordHasher, runtime: Clock & IdSource): PeopleService {
  const row = (id: string) => store.get<PersonRow>('SELECT * FROM people WHERE id = ?', id);
  const toPerson = (r: PersonRow): Person => ({
    id: r.id,
    accountRole: r.account_role,
    name: r.name,
    profession: r.profession,
    certificateNumber: r.certificate_number,
    certificateKind: r.certificate_kind,
    username: r.username,
    active: r.active === 1,
    hasPin: r.pin_hash !== null,
    attemptCount: store.get<{ n: number }>('SELECT count(*) AS n FROM attempts WHERE person_id = ?', r.id)?.n ?? 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  const mustFind = (id: string) => {
    const r = row(id);
    if (!r) throw new ApiFailure('not-found', `no person with id ${id}`, '/id');
    return r;
  };
  /** Instructors may act on trainees only; administrators on anyone. */
  const mayManage = (caller: SignedIn, target: Pick<PersonRow, 'account_role'>, what: string) => {
    if (caller.accountRole === 'admin') return;
    if (caller.accountRole === 'instructor' && target.account_role === 'trainee') return;
    throw new ApiFailure('forbidden', `only an administrator may ${what} for a ${target.account_role}`);
  };
  const checkCertificateFree = (certificate: string | null | undefined, exceptId: string | null) => {
    if (!certificate) return;
    const clash = store.get<{ id: string }>('SELECT id FROM people WHERE upper(certificate_number) = upper(?) AND id IS NOT ?', certificate, exceptId);
    if (clash) throw new ApiFailure('conflict', `a person with certificate number ${certificate} is already on file`, '/certificateNumber');
  };
  const checkUsernameFree = (username: string | undefined, exceptId: string | null) => {
    if (!username) return;
    if (store.get('SELECT id FROM people WHERE username = ? AND id IS NOT ?', username, exceptId)) {
      throw new ApiFailure('conflict', `the user name ${username} is taken`, '/username');
    }
  };
  const activeAdmins = () => store.get<{ n: number }>("SELECT count(*) AS n FROM people WHERE account_role = 'admin' AND active = 1")?.n ?? 0;
  const touch = (id: string, sets: string, ...params: (string | number | null)[]) =>
    store.run(`UPDATE people SET ${sets}, updated_at = ? WHERE id = ?`, ...params, runtime.now().toISOString(), id);

  return {
    row,
    toPerson,
    adminCount: activeAdmins,
    list(caller, { accountRole, includeInactive }) {
      if (caller.accountRole === 'instructor' && accountRole !== undefined && accountRole !== 'trainee') {
        throw new ApiFailure('forbidden', 'instructors see trainees only', '/accountRole');
      }
      const role = caller.accountRole === 'instructor' ? 'trainee' : accountRole;
      const rows = store.all<PersonRow>(
        `SELECT * FROM people WHERE (? IS NULL OR account_role = ?) AND (? = 1 OR active = 1) ORDER BY name COLLATE NOCASE, created_at`,
        role ?? null,
        role ?? null,
        includeInactive ? 1 : 0,
      );
      return rows.map(toPerson);
    },
    get(caller, id) {
      // Before the lookup, so a trainee cannot probe which ids exist.
      if (caller.accountRole === 'trainee' && caller.personId !== id) throw new ApiFailure('forbidden', 'trainees may see only their own file');
      const r = mustFind(id);
      if (caller.personId !== id) mayManage(caller, r, 'open the file');
      return toPerson(r);
    },
    async create(caller, input, options = {}) {
      if (caller) mayManage(caller, { account_role: input.accountRole }, 'create an account');
      const passwordHash = input.password !== undefined ? await hasher.hash(input.password) : null;
      const pinHash = input.pin !== undefined ? await hasher.hash(input.pin) : null;
      return store.write(() => {
        options.guard?.();
        checkCertificateFree(input.certificateNumber, null);
        checkUsernameFree(input.username, null);
        const id = runtime.newId(input.accountRole === 'trainee' ? 't' : 'u');
        const at = runtime.now().toISOString();
        store.run(
          `INSERT INTO people (id, account_role, name, profession, certificate_number, certificate_kind, username, password_hash, pin_hash, active, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
          id,
          input.accountRole,
          input.name,
          input.profession ?? null,
          input.certificateNumber ?? null,
          input.certificateKind ?? null,
          input.username ?? null,
          passwordHash,
          pinHash,
          at,
          at,
        );
        audit.append({
          action: 'person.created',
          actor: caller,
          subject: id,
          details: { accountRole: input.accountRole, name: input.name, profession: input.profession ?? null, certificateNumber: input.certificateNumber ?? null, username: input.username ?? null },
        });
        return toPerson(mustFind(id));
      });
    },
    update(caller, { id, ...changes }) {
      return store.write(() => {
        const r = mustFind(id);
        mayManage(caller, r, 'change the details');
        const next = {
          name: changes.name ?? r.name,
          profession: changes.profession !== undefined ? changes.profession : r.profession,
          certificateNumber: changes.certificateNumber !== undefined ? changes.certificateNumber : r.certificate_number,
          certificateKind: changes.certificateKind !== undefined ? changes.certificateKind : r.certificate_kind,
        };
        if (r.account_role === 'trainee' && (!next.profession || !next.certificateNumber || !next.certificateKind)) {
          throw new ApiFailure('invalid-payload', 'a trainee keeps a profession and its certificate (15.2)', '/certificateNumber');
        }
        // Checked after the merge: a change of profession alone must not leave a certificate that proves another one.
        if (next.profession && next.certificateKind && !CERTIFICATE_KINDS_BY_PROFESSION[next.profession].includes(next.certificateKind)) {
          throw new ApiFailure(
            'invalid-payload',
            `a ${next.profession} proves the profession with ${CERTIFICATE_KINDS_BY_PROFESSION[next.profession].join(' or ')} (15.2)`,
            '/certificateKind',
          );
        }
        checkCertificateFree(next.certificateNumber, id);
        touch(id, 'name = ?, profession = ?, certificate_number = ?, certificate_kind = ?', next.name, next.profession, next.certificateNumber, next.certificateKind);
        audit.append({ action: 'person.updated', actor: caller, subject: id, details: { before: { name: r.name, profession: r.profession, certificateNumber: r.certificate_number, certificateKind: r.certificate_kind }, after: next } });
        return toPerson(mustFind(id));
      });
    },
    setActive(caller, id, active) {
      return store.write(() => {
        const r = mustFind(id);
        if (!active && r.account_role === 'admin' && r.active === 1 && activeAdmins() <= 1) {
          throw new ApiFailure('conflict', 'the last active administrator cannot be deactivated', '/id');
        }
        if ((r.active === 1) !== active) {
          touch(id, 'active = ?', active ? 1 : 0);
          audit.append({ action: active ? 'person.reactivated' : 'person.deactivated', actor: caller, subject: id, details: { name: r.name } });
        }
        return toPerson(mustFind(id));
      });
    },
    async setRole(caller, { id, accountRole, username, password }) {
      const current = mustFind(id);
      const needsCredentials = accountRole !== 'trainee' && current.password_hash === null;
      if (needsCredentials && (username === undefined || password === undefined)) {
        throw new ApiFailure('invalid-payload', 'a new instructor or administrator needs a user name and a password', username === undefined ? '/username' : '/password');
      }
      const passwordHash = password !== undefined ? await hasher.hash(password) : null;
      return store.write(() => {
        const r = mustFind(id);
        if (r.account_role === 'admin' && accountRole !== 'admin' && r.active === 1 && activeAdmins() <= 1) {
          throw new ApiFailure('conflict', 'the last active administrator keeps the role', '/accountRole');
        }
        if (accountRole === 'trainee' && (!r.profession || !r.certificate_number || !r.certificate_kind)) {
          throw new ApiFailure('invalid-payload', 'record the profession and certificate (15.2) before making this person a trainee', '/accountRole');
        }
        checkUsernameFree(username, id);
        if (accountRole === 'trainee') touch(id, 'account_role = ?, username = NULL, password_hash = NULL', accountRole);
        else touch(id, 'account_role = ?, username = coalesce(?, username), password_hash = coalesce(?, password_hash), pin_hash = NULL', accountRole, username ?? null, passwordHash);
        audit.append({ action: 'person.role-granted', actor: caller, subject: id, details: { from: r.account_role, to: accountRole, username: username ?? r.username } });
        return toPerson(mustFind(id));
      });
    },
    async resetPassword(caller, id, password) {
      const r = mustFind(id);
      if (r.account_role === 'trainee') throw new ApiFailure('invalid-payload', 'trainees have no password', '/id');
      const hash = await hasher.hash(password);
      return store.write(() => {
        touch(id, 'password_hash = ?', hash);
        store.run('DELETE FROM sign_in_failures WHERE account_key = ?', `user:${r.username}`);
        audit.append({ action: 'person.password-reset', actor: caller, subject: id, details: { username: r.username } });
        return toPerson(mustFind(id));
      });
    },
    async setPin(caller, id, pin) {
      const r = mustFind(id);
      if (r.account_role !== 'trainee') throw new ApiFailure('invalid-payload', 'only trainees sign in with a PIN', '/id');
      mayManage(caller, r, 'set the PIN');
      const hash = pin === null ? null : await hasher.hash(pin);
      return store.write(() => {
        touch(id, 'pin_hash = ?', hash);
        store.run('DELETE FROM sign_in_failures WHERE account_key = ?', `pin:${id}`);
        audit.append({ action: 'person.pin-changed', actor: caller, subject: id, details: { cleared: pin === null } });
        return toPerson(mustFind(id));
      });
    },
    chooser() {
      return store
        .all<PersonRow>("SELECT * FROM people WHERE account_role = 'trainee' AND active = 1 ORDER BY name COLLATE NOCASE, created_at")
        .map((r) => ({ id: r.id, name: r.name, profession: r.profession }));
    },
  };
}

export type { NewPerson };
