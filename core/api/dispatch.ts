// One dispatcher for every transport (Electron IPC and the web server's loopback POST): it checks the
// caller's role against ./access.ts, validates the payload against the contract, runs the handler,
// validates the result and always answers with an ApiResult. Nothing a caller sends can make it throw.

import type { z } from 'zod';
import { CALL_ACCESS, mayCall } from './access';
import { isApiCallName, type ApiCallName } from './call-names';
import { apiContract, type ApiHandlers, type CallContext } from './contract';
import { ApiFailure, jsonPointer, type ApiError, type ApiResult } from './errors';
import type { SignedIn } from './schemas/people';

/** `client` names the window or page load the call came from; main maps it to the signed-in person. */
export type ApiDispatcher = (name: string, payload: unknown, client?: { clientKey: string }) => Promise<ApiResult<unknown>>;

export interface DispatcherOptions {
  /** Receives unexpected faults (not ApiFailure), so the process can log them; callers get 'internal'. */
  onInternalError?: (name: string, error: unknown) => void;
  /** Who is signed in on a client, read fresh from the store; absent = nobody (public calls only). */
  resolveCaller?: (clientKey: string) => SignedIn | null;
}

/** Client key of callers that name none (in-process tests and tools). */
export const LOCAL_CLIENT_KEY = 'local';

/** The first issue of a failed parse, as a message naming the field and a JSON pointer. */
export function describeZodError(error: z.ZodError, what: string): ApiError {
  const issue = error.issues[0];
  const path = issue ? jsonPointer(issue.path) : '';
  const where = path === '' ? what : `${what} at ${path}`;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return { code: 'invalid-payload', message: `${where}: ${issue?.message ?? 'invalid'}${more}`, path };
}

export function createDispatcher(handlers: ApiHandlers, options: DispatcherOptions = {}): ApiDispatcher {
  return async (name, payload, client) => {
    if (!isApiCallName(name)) {
      return { ok: false, error: { code: 'unknown-call', message: `"${String(name).slice(0, 80)}" is not a call in the API contract` } };
    }
    const clientKey = client?.clientKey ?? LOCAL_CLIENT_KEY;
    let caller: SignedIn | null;
    try {
      caller = options.resolveCaller?.(clientKey) ?? null;
    } catch (error) {
      if (error instanceof ApiFailure) return { ok: false, error: error.toApiError() };
      options.onInternalError?.(name, error);
      return { ok: false, error: { code: 'internal', message: `${name} failed unexpectedly while checking the caller` } };
    }
    const access = CALL_ACCESS[name];
    if (!mayCall(access, caller?.accountRole ?? null)) {
      return caller === null
        ? { ok: false, error: { code: 'unauthenticated', message: `${name} needs a signed-in person` } }
        : { ok: false, error: { code: 'forbidden', message: `${name} is not open to the ${caller.accountRole} role` } };
    }
    const spec = apiContract[name as ApiCallName];
    let parsed: ReturnType<typeof spec.args.safeParse>;
    try {
      parsed = spec.args.safeParse(payload ?? {});
    } catch (error) {
      // zod itself can fail on a pathological payload (e.g. a stack overflow gathering 100,000s of issues
      // from one array): the payload is at fault, and the caller still gets an answer.
      return { ok: false, error: { code: 'invalid-payload', message: `arguments of ${name} could not be checked: ${error instanceof Error ? error.message : String(error)}`, path: '' } };
    }
    if (!parsed.success) return { ok: false, error: describeZodError(parsed.error, `arguments of ${name}`) };
    const context: CallContext = { clientKey, caller };
    try {
      const handler = handlers[name] as (args: unknown, context: CallContext) => unknown;
      const value = await handler(parsed.data, context);
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        // A service broke the contract: a bug on our side, never the caller's.
        options.onInternalError?.(name, checked.error);
        return { ok: false, error: { code: 'internal', message: `the result of ${name} did not match the API contract` } };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof ApiFailure) return { ok: false, error: error.toApiError() };
      options.onInternalError?.(name, error);
      return { ok: false, error: { code: 'internal', message: `${name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` } };
    }
  };
}

export type { ApiCallName };
