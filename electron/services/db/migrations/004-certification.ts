// Schema 4: certification (first slice). The Ed25519 keys that sign completion records (the private half
// only ever wrapped: by the administrator's passphrase or the OS's safe storage), and the signed records.
// A record's canonical JSON and signature are never changed and no record is deleted; revoking one sets
// its revoked_* columns once. A key is never deleted and is only ever retired (its public half keeps
// verifying what it signed).

import type { Migration } from './index';

export const migration004: Migration = {
  version: 4,
  name: 'certification: signing keys, signed completion records',
  sql: `
CREATE TABLE signing_keys (
  fingerprint TEXT PRIMARY KEY,
  public_key_pem TEXT NOT NULL,
  private_key_wrapped BLOB NOT NULL,
  wrap_method TEXT NOT NULL CHECK (wrap_method IN ('passphrase-scrypt', 'os-safe-storage')),
  created_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;
CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys BEGIN SELECT RAISE(ABORT, 'a signing key is never deleted (retire it)'); END;
CREATE TRIGGER signing_keys_retire_only BEFORE UPDATE ON signing_keys
  WHEN NEW.fingerprint IS NOT OLD.fingerprint OR NEW.public_key_pem IS NOT OLD.public_key_pem OR NEW.private_key_wrapped IS NOT OLD.private_key_wrapped
    OR NEW.wrap_method IS NOT OLD.wrap_method OR NEW.created_at IS NOT OLD.created_at OR OLD.retired_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a signing key is only ever retired, once'); END;

CREATE TABLE completion_records (
  number TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people (id),
  profession TEXT NOT NULL CHECK (profession IN ('technician', 'nurse', 'physician')),
  record_json TEXT NOT NULL,
  signature_b64 TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL REFERENCES signing_keys (fingerprint),
  issued_at TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by TEXT REFERENCES people (id),
  revoke_reason TEXT
) STRICT;
CREATE INDEX completion_records_person ON completion_records (person_id, issued_at);
CREATE INDEX completion_records_valid_until ON completion_records (valid_until);
CREATE TRIGGER completion_records_no_delete BEFORE DELETE ON completion_records BEGIN SELECT RAISE(ABORT, 'a completion record is never deleted (revoke it)'); END;
CREATE TRIGGER completion_records_signed_fixed BEFORE UPDATE ON completion_records
  WHEN NEW.record_json IS NOT OLD.record_json OR NEW.signature_b64 IS NOT OLD.signature_b64 OR NEW.key_fingerprint IS NOT OLD.key_fingerprint
    OR NEW.number IS NOT OLD.number OR NEW.person_id IS NOT OLD.person_id OR NEW.profession IS NOT OLD.profession
    OR NEW.issued_at IS NOT OLD.issued_at OR NEW.valid_until IS NOT OLD.valid_until
  BEGIN SELECT RAISE(ABORT, 'a signed completion record is never changed'); END;
CREATE TRIGGER completion_records_revoke_once BEFORE UPDATE ON completion_records
  WHEN OLD.revoked_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a completion record is revoked only once'); END;
`,
};
