// One dispatcher for every transport (Electron IPC and the web server's loopback POST): it validates the
// payload against the contract, runs the handler, validates the result and always answers with an
// ApiResult. Nothing a caller sends can make it throw.

import type { z } from 'zod';
import { isApiCallName, type ApiCallName } from './call-names';
import { apiContract, type ApiHandlers } from './contract';
import { ApiFailure, jsonPointer, type ApiError, type ApiResult } from './errors';

export type ApiDispatcher = (name: string, payload: unknown) => Promise<ApiResult<unknown>>;

export interface DispatcherOptions {
  /** Receives unexpected faults (not ApiFailure), so the process can log them; callers get 'internal'. */
  onInternalError?: (name: string, error: unknown) => void;
}

/** The first issue of a failed parse, as a message naming the field and a JSON pointer. */
export function describeZodError(error: z.ZodError, what: string): ApiError {
  const issue = error.issues[0];
  const path = issue ? jsonPointer(issue.path) : '';
  const where = path === '' ? what : `${what} at ${path}`;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return { code: 'invalid-payload', message: `${where}: ${issue?.message ?? 'invalid'}${more}`, path };
}

export function createDispatcher(handlers: ApiHandlers, options: DispatcherOptions = {}): ApiDispatcher {
  return async (name, payload) => {
    if (!isApiCallName(name)) {
      return { ok: false, error: { code: 'unknown-call', message: `"${String(name).slice(0, 80)}" is not a call in the API contract` } };
    }
    const spec = apiContract[name];
    const parsed = spec.args.safeParse(payload ?? {});
    if (!parsed.success) return { ok: false, error: describeZodError(parsed.error, `arguments of ${name}`) };
    try {
      const handler = handlers[name] as (args: unknown) => unknown;
      const value = await handler(parsed.data);
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
