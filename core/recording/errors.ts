// The error shape every recording check reports: a JSON pointer (RFC 6901) into the input and what was
// expected there. Separate from validate.ts so the checks it calls can share it without an import cycle.

export interface RecordingError {
  pointer: string;
  message: string;
}

/** At most this many errors are reported, so a corrupt file does not produce megabytes of messages. */
export const MAX_REPORTED_ERRORS = 50;
