// The typed error every call may return instead of a value. Services throw ApiFailure; the dispatcher
// turns it (and any unexpected error) into `{ ok: false, error }`, so no call can crash its caller.

export const API_ERROR_CODES = [
  'invalid-payload', // arguments did not match the call's schema (path names the field)
  'unknown-call', // no such call in the contract
  'unauthenticated', // the call needs a signed-in person and nobody is signed in on this window
  'forbidden', // the caller may not make this call (wrong role, wrong frame, origin or token)
  'sign-in-failed', // wrong user name, password or PIN, or the account is paused after failures (one message for all)
  'not-found', // the person or attempt named does not exist
  'conflict', // the request clashes with stored data (e.g. a duplicate certificate number)
  'invalid-recording', // a session recording failed validation (path names the field)
  'storage-corrupt', // a data file on disk is unreadable or invalid; it is left untouched
  'storage-failed', // reading or writing the data directory failed
  'unavailable', // the capability is not part of this build yet
  'internal', // an unexpected fault; details are in the main-process log
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** JSON pointer (RFC 6901) to the offending field, or a file path for storage errors. */
  path?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly path?: string;
  constructor(code: ApiErrorCode, message: string, path?: string) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    if (path !== undefined) this.path = path;
  }
  toApiError(): ApiError {
    return this.path === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, path: this.path };
  }
}

/** RFC 6901 pointer from a zod issue path, e.g. ['profiles', 0, 'name'] -> '/profiles/0/name'. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => '/' + String(key).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
