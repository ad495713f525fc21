// Schema 3: authoring. Questions, cases and vignettes published here (or imported) as immutable versions;
// which items are archived; drafts saved as they are typed; and regrades of submitted exam attempts after
// a corrected key (append-only: the attempt's own result is never rewritten, the newest regrade is its
// current result).

import type { Migration } from './index';

export const migration003: Migration = {
  version: 3,
  name: 'authoring: published items, archive flags, drafts, exam regrades, media',
  sql: `
CREATE TABLE authored_items (
  kind TEXT NOT NULL CHECK (kind IN ('question', 'patient-case', 'complication')),
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  document TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('authored', 'imported')),
  published_by TEXT REFERENCES people (id),
  published_at TEXT NOT NULL,
  PRIMARY KEY (kind, id, version)
) STRICT;
CREATE TRIGGER authored_items_no_update BEFORE UPDATE ON authored_items BEGIN SELECT RAISE(ABORT, 'a published version is never changed'); END;
CREATE TRIGGER authored_items_no_delete BEFORE DELETE ON authored_items BEGIN SELECT RAISE(ABORT, 'a published version is never deleted'); END;

CREATE TABLE archived_items (
  kind TEXT NOT NULL CHECK (kind IN ('question', 'patient-case', 'complication', 'exam-module')),
  id TEXT NOT NULL,
  archived_by TEXT REFERENCES people (id),
  archived_at TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) STRICT;

CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('question', 'patient-case', 'complication', 'exam-module')),
  target_id TEXT,
  base_version INTEGER,
  document TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES people (id),
  created_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES people (id),
  updated_at TEXT NOT NULL
) STRICT;

-- Which question, case and vignette versions each exam attempt drew: what an item is used by, and which
-- attempts a corrected question can regrade, without reading every attempt's content.
CREATE TABLE exam_attempt_items (
  exam_attempt_id TEXT NOT NULL REFERENCES exam_attempts (id),
  kind TEXT NOT NULL CHECK (kind IN ('question', 'patient-case', 'complication')),
  item_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (exam_attempt_id, kind, item_id)
) STRICT;
CREATE INDEX exam_attempt_items_item ON exam_attempt_items (kind, item_id, version);
INSERT OR IGNORE INTO exam_attempt_items (exam_attempt_id, kind, item_id, version)
  SELECT e.id, 'question', json_extract(i.value, '$.question.id'), json_extract(i.value, '$.question.version')
  FROM exam_attempts e, json_each(e.content, '$.parts') p, json_each(p.value, '$.items') i
  WHERE json_extract(p.value, '$.kind') = 'knowledge';
INSERT OR IGNORE INTO exam_attempt_items (exam_attempt_id, kind, item_id, version)
  SELECT e.id, 'patient-case', json_extract(p.value, '$.case.id'), json_extract(p.value, '$.case.version')
  FROM exam_attempts e, json_each(e.content, '$.parts') p
  WHERE json_extract(p.value, '$.kind') = 'case';
INSERT OR IGNORE INTO exam_attempt_items (exam_attempt_id, kind, item_id, version)
  SELECT e.id, 'complication', json_extract(i.value, '$.vignette.id'), json_extract(i.value, '$.vignette.version')
  FROM exam_attempts e, json_each(e.content, '$.parts') p, json_each(p.value, '$.items') i
  WHERE json_extract(p.value, '$.kind') = 'complication';

CREATE TABLE exam_regrades (
  exam_attempt_id TEXT NOT NULL REFERENCES exam_attempts (id),
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  by TEXT NOT NULL REFERENCES people (id),
  reason TEXT NOT NULL,
  question_id TEXT NOT NULL,
  from_version INTEGER NOT NULL,
  to_version INTEGER NOT NULL,
  score REAL NOT NULL,
  passed INTEGER NOT NULL,
  critical_failure INTEGER NOT NULL,
  result TEXT NOT NULL,
  PRIMARY KEY (exam_attempt_id, seq)
) STRICT;
CREATE TRIGGER exam_regrades_no_update BEFORE UPDATE ON exam_regrades BEGIN SELECT RAISE(ABORT, 'regrades are append-only'); END;
CREATE TRIGGER exam_regrades_no_delete BEFORE DELETE ON exam_regrades BEGIN SELECT RAISE(ABORT, 'regrades are append-only'); END;

-- Images of questions, by the sha256 of their bytes (computed by main): uploaded by instructors or carried
-- in by an exam pack. A published question names its image by hash, so a stored image is never changed.
CREATE TABLE media (
  sha256 TEXT PRIMARY KEY,
  media_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE TRIGGER media_no_update BEFORE UPDATE ON media BEGIN SELECT RAISE(ABORT, 'a stored image is never changed'); END;
`,
};
