// The migration chain of exam documents (banks, cases, vignettes, modules, tracks), as tldraw's store
// keeps one per record kind: each step lifts a document one format version. Version 1 is the first, so
// the chain is empty today; a document from a newer app is refused, never guessed at.

import { EXAM_FORMAT_VERSION } from './common';

type Step = { from: number; up: (doc: Record<string, unknown>) => Record<string, unknown> };
const STEPS: readonly Step[] = [];

export type MigrateResult = { ok: true; doc: Record<string, unknown> } | { ok: false; pointer: string; message: string };

export function migrateExamDocument(input: unknown): MigrateResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, pointer: '', message: 'expected a JSON object' };
  let doc = input as Record<string, unknown>;
  const v = doc.formatVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) return { ok: false, pointer: '/formatVersion', message: 'expected "formatVersion": a whole number >= 1' };
  if (v > EXAM_FORMAT_VERSION) return { ok: false, pointer: '/formatVersion', message: `format version ${v} is newer than this app reads (${EXAM_FORMAT_VERSION}): update the app` };
  for (let at = v; at < EXAM_FORMAT_VERSION; at++) {
    const step = STEPS.find((s) => s.from === at);
    if (!step) return { ok: false, pointer: '/formatVersion', message: `no migration from format version ${at}` };
    doc = { ...step.up(doc), formatVersion: at + 1 };
  }
  return { ok: true, doc };
}
