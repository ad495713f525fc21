import { describe, expect, it } from 'vitest';
import { CALL_ACCESS } from '../../core/api/access';
import { API_CALL_NAMES, buildApiObject } from '../../core/api/call-names';
import { apiContract, newPersonSchema, type ApiHandlers, type SignedIn } from '../../core/api/contract';
import { createDispatcher } from '../../core/api/dispatch';
import { ApiFailure, jsonPointer } from '../../core/api/errors';

const person = {
  id: 't-1',
  accountRole: 'trainee' as const,
  name: '王芳',
  profession: 'nurse' as const,
  certificateNumber: 'N-0001',
  certificateKind: 'nurse-qualification' as const,
  username: null,
  active: true,
  hasPin: false,
  attemptCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const ADMIN: SignedIn = { personId: 'u-1', name: 'Admin', accountRole: 'admin', profession: null };
const TRAINEE: SignedIn = { personId: 't-1', name: '王芳', accountRole: 'trainee', profession: 'nurse' };

function handlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  const all = Object.fromEntries(API_CALL_NAMES.map((n) => [n, unused])) as unknown as ApiHandlers;
  return { ...all, 'people.list': () => [person], 'auth.chooser': () => [], ...overrides };
}
const as = (who: SignedIn | null) => ({ resolveCaller: () => who });

describe('API contract', () => {
  it('has a schema pair and an access rule for every call name, and only those', () => {
    expect(Object.keys(apiContract).sort()).toEqual([...API_CALL_NAMES].sort());
    expect(Object.keys(CALL_ACCESS).sort()).toEqual([...API_CALL_NAMES].sort());
  });

  it('builds the nested window.api shape from the names', () => {
    const calls: unknown[] = [];
    const api = buildApiObject<Record<string, Record<string, (a?: unknown) => Promise<unknown>>>>(async (name, args) => calls.push([name, args]));
    void api.people.create({ name: 'x' });
    void api.app.info();
    expect(calls).toEqual([
      ['people.create', { name: 'x' }],
      ['app.info', {}],
    ]);
    expect(Object.keys(api).sort()).toEqual(['app', 'audit', 'auth', 'authoring', 'backups', 'certificates', 'cohort', 'exams', 'experts', 'institution', 'lrs', 'media', 'packs', 'people', 'records', 'sessions', 'settings', 'storage']);
  });

  it('checks a new trainee against 15.2: profession, certificate and a kind that proves that profession', () => {
    const base = { accountRole: 'trainee', name: ' 李华 ', profession: 'technician', certificateNumber: 'AB-1234', certificateKind: 'technician-qualification' };
    expect(newPersonSchema.parse(base)).toMatchObject({ name: '李华', certificateNumber: 'AB-1234' });
    const issue = (input: object) => {
      const r = newPersonSchema.safeParse(input);
      return r.success ? null : jsonPointer(r.error.issues[0].path);
    };
    expect(issue({ ...base, certificateKind: 'nurse-qualification' })).toBe('/certificateKind');
    expect(issue({ ...base, certificateNumber: undefined })).toBe('/certificateNumber');
    expect(issue({ ...base, certificateNumber: 'AB 12/34' })).toBe('/certificateNumber');
    expect(issue({ ...base, name: '  ' })).toBe('/name');
    expect(issue({ ...base, password: 'a long password' })).toBe('/password');
    expect(issue({ ...base, isInstructor: true })).toBe('');
    expect(issue({ accountRole: 'instructor', name: 'Li' })).toBe('/username');
  });

  it('writes JSON pointers with RFC 6901 escapes', () => {
    expect(jsonPointer(['people', 0, 'a/b', 'c~d'])).toBe('/people/0/a~1b/c~0d');
    expect(jsonPointer([])).toBe('');
  });
});

describe('dispatcher', () => {
  it('returns the value of a valid call open to the caller', async () => {
    await expect(createDispatcher(handlers(), as(ADMIN))('people.list', {})).resolves.toEqual({ ok: true, value: [person] });
  });

  it('checks the role before the payload: nobody gets unauthenticated, a trainee forbidden, whatever they send', async () => {
    await expect(createDispatcher(handlers())('people.list', { junk: true })).resolves.toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    await expect(createDispatcher(handlers(), as(TRAINEE))('people.list', 42)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('treats a missing payload as no arguments', async () => {
    await expect(createDispatcher(handlers())('auth.chooser', undefined)).resolves.toEqual({ ok: true, value: [] });
  });

  it('names the field of an invalid payload', async () => {
    const result = await createDispatcher(handlers(), as(ADMIN))('people.get', { id: '../../etc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/id' } });
    expect(!result.ok && result.error.message).toMatch(/arguments of people\.get at \/id/);
  });

  it('rejects unknown calls, including prototype names', async () => {
    const dispatch = createDispatcher(handlers(), as(ADMIN));
    for (const name of ['people.delete', 'profiles.create', '__proto__', 'constructor', 'toString']) {
      await expect(dispatch(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
  });

  it('passes typed failures through and turns crashes into internal errors', async () => {
    const seen: string[] = [];
    const dispatch = createDispatcher(
      handlers({
        'people.get': () => {
          throw new ApiFailure('not-found', 'no person with id t-9', '/id');
        },
        'people.list': () => {
          throw new TypeError('boom');
        },
      }),
      { ...as(ADMIN), onInternalError: (name) => seen.push(name) },
    );
    await expect(dispatch('people.get', { id: 't-9' })).resolves.toEqual({ ok: false, error: { code: 'not-found', message: 'no person with id t-9', path: '/id' } });
    await expect(dispatch('people.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(seen).toEqual(['people.list']);
  });

  it('never lets a result that breaks the contract out', async () => {
    const dispatch = createDispatcher(handlers({ 'people.list': () => [{ ...person, accountRole: 'surgeon' }] as never }), as(ADMIN));
    await expect(dispatch('people.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
