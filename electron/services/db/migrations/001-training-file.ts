// Schema 1: people and their sign-in counters, station settings, attempts with their streamed batches,
// and the append-only audit trail. STRICT tables; triggers keep the audit trail and stored recordings
// from being rewritten, and people with attempts from being deleted.

import type { Migration } from './index';

export const migration001: Migration = {
  version: 1,
  name: 'training file: people, settings, attempts, audit trail',
  sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

CREATE TABLE people (
  id TEXT PRIMARY KEY,
  account_role TEXT NOT NULL CHECK (account_role IN ('trainee', 'instructor', 'admin')),
  name TEXT NOT NULL,
  profession TEXT CHECK (profession IN ('technician', 'nurse', 'physician')),
  certificate_number TEXT,
  certificate_kind TEXT,
  username TEXT UNIQUE,
  password_hash TEXT,
  pin_hash TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (account_role = 'trainee' OR (username IS NOT NULL AND password_hash IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX people_certificate_number ON people (upper(certificate_number)) WHERE certificate_number IS NOT NULL;

-- Failed sign-ins per account key ('user:<name>' or 'pin:<person id>'), so back-off survives a restart
-- and unknown user names are slowed like known ones.
CREATE TABLE sign_in_failures (
  account_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until TEXT,
  last_failure_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

-- Each running app or web server: attempts it was receiving are abandoned once it is gone.
CREATE TABLE instances (
  id TEXT PRIMARY KEY,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  started_at TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL
) STRICT;

-- One row per attempt with what lists filter and sort on; the bulky parts (header, recording, report)
-- live in attempt_content so that scanning and counting attempts stays fast.
CREATE TABLE attempts (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  kind TEXT NOT NULL CHECK (kind IN ('practice', 'test', 'imported')),
  status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'abandoned')),
  procedure TEXT NOT NULL CHECK (procedure IN ('roller', 'rf', 'nano')),
  mode TEXT NOT NULL CHECK (mode IN ('learn', 'test')),
  preset_id TEXT,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  last_activity_at TEXT NOT NULL,
  duration_ms REAL,
  next_seq INTEGER NOT NULL DEFAULT 0,
  event_count INTEGER NOT NULL DEFAULT 0,
  score REAL,
  passed INTEGER,
  critical_failure INTEGER,
  engine_version TEXT,
  rules_hash TEXT,
  scenario_hash TEXT,
  head_model_sha256 TEXT,
  source_name TEXT,
  note TEXT,
  instance_id TEXT REFERENCES instances (id)
) STRICT;
CREATE INDEX attempts_person_started ON attempts (person_id, started_at DESC);
CREATE INDEX attempts_started ON attempts (started_at DESC);
CREATE INDEX attempts_score ON attempts (score);
CREATE INDEX attempts_kind_started ON attempts (kind, started_at DESC);
CREATE INDEX attempts_procedure_started ON attempts (procedure, started_at DESC);
CREATE INDEX attempts_running ON attempts (last_activity_at) WHERE status = 'running';

CREATE TABLE attempt_content (
  attempt_id TEXT PRIMARY KEY REFERENCES attempts (id),
  header TEXT NOT NULL,
  zones TEXT NOT NULL DEFAULT '[]',
  recording BLOB,
  recording_sha256 TEXT,
  report TEXT
) STRICT;

CREATE TABLE attempt_batches (
  attempt_id TEXT NOT NULL REFERENCES attempts (id),
  seq INTEGER NOT NULL,
  events TEXT NOT NULL,
  event_count INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (attempt_id, seq)
) STRICT;

CREATE TRIGGER attempt_recording_is_final BEFORE UPDATE OF recording, recording_sha256, report ON attempt_content
  WHEN OLD.recording IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a stored recording and its report are never rewritten'); END;
CREATE TRIGGER attempt_result_is_final BEFORE UPDATE OF score, passed, critical_failure ON attempts
  WHEN OLD.status != 'running'
  BEGIN SELECT RAISE(ABORT, 'a stored result is never rewritten'); END;
CREATE TRIGGER people_with_attempts_are_kept BEFORE DELETE ON people
  WHEN EXISTS (SELECT 1 FROM attempts WHERE person_id = OLD.id)
  BEGIN SELECT RAISE(ABORT, 'a person with attempts is never deleted'); END;

CREATE TABLE audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT,
  action TEXT NOT NULL,
  subject TEXT,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_action ON audit (action);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
`,
};
