// Schema 2: exams. Published module versions (immutable), exam attempts with the content drawn when they
// started, their append-only steps, the studio attempts of their practical parts, and the professions a
// trainee has been examined for (15.2). Triggers keep published modules, steps and results from being
// rewritten.

import type { Migration } from './index';

export const migration002: Migration = {
  version: 2,
  name: 'exams: published modules, exam attempts and their steps, role examinations',
  sql: `
CREATE TABLE exam_modules (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  document TEXT NOT NULL,
  source TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;
CREATE TRIGGER exam_modules_no_update BEFORE UPDATE ON exam_modules BEGIN SELECT RAISE(ABORT, 'a published module version is never changed'); END;
CREATE TRIGGER exam_modules_no_delete BEFORE DELETE ON exam_modules BEGIN SELECT RAISE(ABORT, 'a published module version is never deleted'); END;

CREATE TABLE exam_attempts (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  module_id TEXT NOT NULL,
  module_version INTEGER NOT NULL,
  module_hash TEXT NOT NULL,
  attempt_no INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'submitted')),
  started_at TEXT NOT NULL,
  submitted_at TEXT,
  time_limit_ms REAL NOT NULL,
  -- Time counts only while the attempt is open: closed segments in elapsed_ms, the open one from segment_started_at.
  elapsed_ms REAL NOT NULL DEFAULT 0,
  segment_started_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  segment_client TEXT,
  next_seq INTEGER NOT NULL DEFAULT 0,
  content TEXT NOT NULL,
  score REAL,
  passed INTEGER,
  critical_failure INTEGER,
  result TEXT,
  released_at TEXT,
  released_by TEXT,
  FOREIGN KEY (module_id, module_version) REFERENCES exam_modules (id, version),
  UNIQUE (person_id, module_id, attempt_no)
) STRICT;
CREATE UNIQUE INDEX exam_attempts_one_running ON exam_attempts (person_id, module_id) WHERE status = 'running';
CREATE INDEX exam_attempts_person ON exam_attempts (person_id, started_at DESC);
CREATE TRIGGER exam_attempt_result_is_final BEFORE UPDATE OF content, score, passed, critical_failure, result, submitted_at ON exam_attempts
  WHEN OLD.status = 'submitted'
  BEGIN SELECT RAISE(ABORT, 'a submitted exam result is never rewritten'); END;

CREATE TABLE exam_steps (
  exam_attempt_id TEXT NOT NULL REFERENCES exam_attempts (id),
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  step TEXT NOT NULL,
  PRIMARY KEY (exam_attempt_id, seq)
) STRICT;
CREATE TRIGGER exam_steps_no_update BEFORE UPDATE ON exam_steps BEGIN SELECT RAISE(ABORT, 'exam steps are append-only'); END;
CREATE TRIGGER exam_steps_no_delete BEFORE DELETE ON exam_steps BEGIN SELECT RAISE(ABORT, 'exam steps are append-only'); END;

CREATE TABLE exam_practicals (
  exam_attempt_id TEXT NOT NULL REFERENCES exam_attempts (id),
  part_id TEXT NOT NULL,
  attempt_id TEXT NOT NULL UNIQUE REFERENCES attempts (id),
  started_at TEXT NOT NULL,
  PRIMARY KEY (exam_attempt_id, attempt_id)
) STRICT;

CREATE TABLE role_examinations (
  person_id TEXT NOT NULL REFERENCES people (id),
  profession TEXT NOT NULL CHECK (profession IN ('technician', 'nurse', 'physician')),
  examined_at TEXT NOT NULL,
  modules TEXT NOT NULL,
  PRIMARY KEY (person_id, profession)
) STRICT;
`,
};
