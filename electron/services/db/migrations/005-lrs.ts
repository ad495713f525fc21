// Schema 5: the learning-record store (xAPI). Every statement ever made is listed once in
// lrs_statements_made (by its source: an exam attempt's start or submit, or a completion record), so a
// statement is made once even after it was sent and left the outbox. The outbox holds what the LRS has
// not yet acknowledged: a row leaves only after a 200 naming its id. lrs_settings holds the endpoint, the
// user and the password wrapped by the administrator's passphrase or the OS keyring (never in clear).
// meta gets the training file's own id, which names the institution's xAPI account home page.

import type { Migration } from './index';

export const migration005: Migration = {
  version: 5,
  name: 'lrs: xAPI statement outbox, statements made, LRS settings',
  sql: `
CREATE TABLE lrs_statements_made (
  statement_id TEXT PRIMARY KEY,
  -- 'exam-started:<id>', 'exam-submitted:<id>' or 'record:<number>'
  source TEXT NOT NULL,
  made_at TEXT NOT NULL
) STRICT;
CREATE INDEX lrs_statements_made_source ON lrs_statements_made (source);
CREATE TRIGGER lrs_statements_made_no_update BEFORE UPDATE ON lrs_statements_made BEGIN SELECT RAISE(ABORT, 'the list of statements made is append-only'); END;
CREATE TRIGGER lrs_statements_made_no_delete BEFORE DELETE ON lrs_statements_made BEGIN SELECT RAISE(ABORT, 'the list of statements made is append-only'); END;

CREATE TABLE lrs_outbox (
  statement_id TEXT PRIMARY KEY REFERENCES lrs_statements_made (statement_id),
  statement TEXT NOT NULL,
  enqueued_at TEXT NOT NULL,
  tries INTEGER NOT NULL DEFAULT 0,
  next_try_at TEXT NOT NULL,
  last_error TEXT,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'rejected'))
) STRICT;
CREATE INDEX lrs_outbox_due ON lrs_outbox (next_try_at, enqueued_at);
CREATE TRIGGER lrs_outbox_statement_fixed BEFORE UPDATE OF statement, statement_id ON lrs_outbox
  BEGIN SELECT RAISE(ABORT, 'a queued statement is never changed'); END;

CREATE TABLE lrs_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  endpoint TEXT NOT NULL,
  username TEXT NOT NULL,
  secret_wrapped BLOB NOT NULL,
  wrap_method TEXT NOT NULL CHECK (wrap_method IN ('passphrase-scrypt', 'os-safe-storage')),
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES people (id)
) STRICT;

INSERT OR IGNORE INTO meta (key, value) VALUES ('xapi.training-file-id', lower(hex(randomblob(16))));
`,
};
