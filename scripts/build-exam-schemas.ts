// npm run build:exam-schemas: writes docs/exam-schemas/<kind>.schema.json from core's zod schemas.
// test/unit/exams/format.test.ts fails when a committed schema is stale.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { examJsonSchemas } from '../core/exams/format/json-schema';

const dir = join(fileURLToPath(new URL('..', import.meta.url)), 'docs', 'exam-schemas');
mkdirSync(dir, { recursive: true });
for (const [kind, schema] of Object.entries(examJsonSchemas())) {
  writeFileSync(join(dir, `${kind}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
  console.log(`docs/exam-schemas/${kind}.schema.json`);
}
