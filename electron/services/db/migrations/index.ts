// The numbered schema migrations, oldest first; each lives in its own file and is applied once, in a
// transaction, when the database opens (PRAGMA user_version records the last one applied).

import { migration001 } from './001-training-file';
import { migration002 } from './002-exams';
import { migration003 } from './003-authoring';
import { migration004 } from './004-certification';
import { migration005 } from './005-lrs';
import { migration006 } from './006-expert-benchmarks';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
