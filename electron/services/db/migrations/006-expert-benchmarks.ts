// Schema 6: expert benchmarks. expert_benchmarks is the history of marks: one row each time an instructor
// marks a finished session of a task (practice preset or exam practical task) as an expert session, and one
// each time one is unmarked (with the reason), never rewritten or deleted. An attempt is an expert session
// of its task while its latest row is a mark (the expert_sessions view). A mark never changes the attempt:
// nothing here writes to attempts or attempt_content.

import type { Migration } from './index';

export const migration006: Migration = {
  version: 6,
  name: 'expert benchmarks: marks of expert sessions per task, with their history',
  sql: `
CREATE TABLE expert_benchmarks (
  seq INTEGER PRIMARY KEY,
  attempt_id TEXT NOT NULL REFERENCES attempts (id) ON DELETE RESTRICT,
  -- the task: the attempt's own preset id, copied so that a benchmark reads one index
  preset_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('marked', 'unmarked')),
  by_person_id TEXT NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
  at TEXT NOT NULL,
  reason TEXT,
  CHECK ((action = 'unmarked') = (reason IS NOT NULL AND length(trim(reason)) > 0))
) STRICT;
CREATE INDEX expert_benchmarks_attempt ON expert_benchmarks (attempt_id, seq);
CREATE INDEX expert_benchmarks_preset ON expert_benchmarks (preset_id, seq);
CREATE TRIGGER expert_benchmarks_no_update BEFORE UPDATE ON expert_benchmarks BEGIN SELECT RAISE(ABORT, 'expert marks are history: never rewritten'); END;
CREATE TRIGGER expert_benchmarks_no_delete BEFORE DELETE ON expert_benchmarks BEGIN SELECT RAISE(ABORT, 'expert marks are history: never deleted'); END;
-- Only a finished practice or test attempt of this very task can be marked.
CREATE TRIGGER expert_benchmarks_finished_task BEFORE INSERT ON expert_benchmarks
  WHEN NOT EXISTS (SELECT 1 FROM attempts a WHERE a.id = NEW.attempt_id AND a.status = 'finished' AND a.kind IN ('practice', 'test') AND a.preset_id = NEW.preset_id)
  BEGIN SELECT RAISE(ABORT, 'only a finished practice or test attempt of its own task can be marked'); END;

CREATE VIEW expert_sessions AS
  SELECT e.attempt_id, e.preset_id, e.by_person_id, e.at FROM expert_benchmarks e
  WHERE e.action = 'marked' AND e.seq = (SELECT max(x.seq) FROM expert_benchmarks x WHERE x.attempt_id = e.attempt_id);
`,
};
