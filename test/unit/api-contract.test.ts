import { describe, expect, it } from 'vitest';
import { API_CALL_NAMES, buildApiObject } from '../../core/api/call-names';
import { apiContract, newProfileSchema, type ApiHandlers } from '../../core/api/contract';
import { createDispatcher } from '../../core/api/dispatch';
import { ApiFailure, jsonPointer } from '../../core/api/errors';

const profile = { id: 'p-1', name: '王芳', role: 'nurse' as const, certificateNumber: 'N-0001', isInstructor: false, createdAt: '2026-01-01T00:00:00.000Z' };

function handlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  return {
    'app.info': unused,
    'profiles.list': () => [profile],
    'profiles.create': unused,
    'profiles.select': unused,
    'profiles.current': () => null,
    'settings.get': unused,
    'settings.update': unused,
    'sessions.save': unused,
    'sessions.list': unused,
    'sessions.open': unused,
    'sessions.score': unused,
    ...overrides,
  };
}

describe('API contract', () => {
  it('has a schema pair for every call name, and only those', () => {
    expect(Object.keys(apiContract).sort()).toEqual([...API_CALL_NAMES].sort());
  });

  it('builds the nested window.api shape from the names', () => {
    const calls: unknown[] = [];
    const api = buildApiObject<Record<string, Record<string, (a?: unknown) => Promise<unknown>>>>(async (name, args) => calls.push([name, args]));
    void api.profiles.create({ name: 'x' });
    void api.app.info();
    expect(calls).toEqual([
      ['profiles.create', { name: 'x' }],
      ['app.info', {}],
    ]);
    expect(Object.keys(api).sort()).toEqual(['app', 'profiles', 'sessions', 'settings']);
  });

  it('checks a new profile: trims, requires a name, limits certificate characters, defaults isInstructor', () => {
    expect(newProfileSchema.parse({ name: ' 李华 ', role: 'technician', certificateNumber: 'AB-1234' })).toEqual({
      name: '李华',
      role: 'technician',
      certificateNumber: 'AB-1234',
      isInstructor: false,
    });
    expect(newProfileSchema.safeParse({ name: '  ', role: 'nurse', certificateNumber: 'AB-1234' }).success).toBe(false);
    expect(newProfileSchema.safeParse({ name: 'A', role: 'nurse', certificateNumber: 'AB 12/34' }).success).toBe(false);
    expect(newProfileSchema.safeParse({ name: 'A', role: 'surgeon', certificateNumber: 'AB-1234' }).success).toBe(false);
    expect(newProfileSchema.safeParse({ name: 'A', role: 'nurse', certificateNumber: 'AB-1234', admin: true }).success).toBe(false);
  });

  it('writes JSON pointers with RFC 6901 escapes', () => {
    expect(jsonPointer(['profiles', 0, 'a/b', 'c~d'])).toBe('/profiles/0/a~1b/c~0d');
    expect(jsonPointer([])).toBe('');
  });
});

describe('dispatcher', () => {
  it('returns the value of a valid call', async () => {
    await expect(createDispatcher(handlers())('profiles.list', {})).resolves.toEqual({ ok: true, value: [profile] });
  });

  it('treats a missing payload as no arguments', async () => {
    await expect(createDispatcher(handlers())('profiles.current', undefined)).resolves.toEqual({ ok: true, value: null });
  });

  it('names the field of an invalid payload', async () => {
    const result = await createDispatcher(handlers())('profiles.select', { id: '../../etc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', path: '/id' } });
    expect(!result.ok && result.error.message).toMatch(/arguments of profiles\.select at \/id/);
  });

  it('rejects unknown calls, including prototype names', async () => {
    const dispatch = createDispatcher(handlers());
    for (const name of ['profiles.delete', '__proto__', 'constructor', 'toString']) {
      await expect(dispatch(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
  });

  it('passes typed failures through and turns crashes into internal errors', async () => {
    const seen: string[] = [];
    const dispatch = createDispatcher(
      handlers({
        'profiles.select': () => {
          throw new ApiFailure('not-found', 'no profile with id p-9', '/id');
        },
        'profiles.list': () => {
          throw new TypeError('boom');
        },
      }),
      { onInternalError: (name) => seen.push(name) },
    );
    await expect(dispatch('profiles.select', { id: 'p-9' })).resolves.toEqual({ ok: false, error: { code: 'not-found', message: 'no profile with id p-9', path: '/id' } });
    await expect(dispatch('profiles.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(seen).toEqual(['profiles.list']);
  });

  it('never lets a result that breaks the contract out', async () => {
    const dispatch = createDispatcher(handlers({ 'profiles.list': () => [{ ...profile, role: 'surgeon' }] as never }));
    await expect(dispatch('profiles.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
