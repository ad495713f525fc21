// The published JSON Schemas of the exam documents (docs/exam-schemas/*.schema.json), generated from the
// zod schemas the catalogue validates with. Cross-document rules (a case's decision agrees with the
// screening rules, a module's references resolve, draws fit the bank) are checked by the catalogue only.

import { z } from 'zod';
import { complicationSchema } from './complication';
import { patientCaseDocSchema } from './case';
import { examModuleSchema, roleTracksSchema } from './module';
import { questionBankSchema } from './question';

export const EXAM_DOCUMENT_SCHEMAS = {
  'question-bank': questionBankSchema,
  'patient-case': patientCaseDocSchema,
  complication: complicationSchema,
  'exam-module': examModuleSchema,
  'role-tracks': roleTracksSchema,
} as const;

export function examJsonSchemas(): Record<keyof typeof EXAM_DOCUMENT_SCHEMAS, Record<string, unknown>> {
  const out = {} as Record<keyof typeof EXAM_DOCUMENT_SCHEMAS, Record<string, unknown>>;
  for (const [kind, schema] of Object.entries(EXAM_DOCUMENT_SCHEMAS) as [keyof typeof EXAM_DOCUMENT_SCHEMAS, z.ZodType][]) {
    out[kind] = {
      $id: `https://microneedle-trainer.invalid/schemas/${kind}.schema.json`,
      title: `Microneedling Trainer ${kind} (format version 1)`,
      ...(z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>),
    };
  }
  return out;
}
