// The exam catalogue: every question, case, vignette, module and role track read from a set of files
// (the shipped exams/ folder, later an imported pack), each checked against its schema and against the
// others. A file or document that fails is listed with its file, JSON pointer and message and left out;
// everything else is usable. Nothing here reads the disk: core/node/exams-dir.ts hands the files in.

import type { z } from 'zod';
import { canonicalJson } from '../canonical-json';
import { sha256Hex } from '../head-model/sha256';
import { jsonPointer } from '../recording/validate';
import { complicationSchema, type Complication } from './format/complication';
import { patientCaseDocSchema, type PatientCaseDoc } from './format/case';
import { migrateExamDocument } from './format/migrate';
import { examModuleSchema, roleTracksSchema, type ExamModule, type RoleTracks } from './format/module';
import { questionBankSchema, type Question } from './format/question';
import { expectedCaseDecision } from './case-screening';
import { poolFor } from './draw';

export interface CatalogProblem {
  file: string;
  pointer: string;
  message: string;
}

export interface PublishedModule {
  module: ExamModule;
  /** sha256 of the module's canonical JSON: with id and version, names exactly what was examined. */
  hash: string;
  file: string;
}

export interface ExamCatalog {
  questions: ReadonlyMap<string, Question & { bank: string }>;
  cases: ReadonlyMap<string, PatientCaseDoc>;
  complications: ReadonlyMap<string, Complication>;
  modules: ReadonlyMap<string, PublishedModule>;
  tracks: RoleTracks['tracks'];
  problems: CatalogProblem[];
}

export function contentHash(value: unknown): string {
  return sha256Hex(new TextEncoder().encode(canonicalJson(value)));
}

const issues = (file: string, error: z.ZodError, prefix = ''): CatalogProblem[] =>
  error.issues.slice(0, 20).map((i) => ({
    file,
    pointer: prefix + jsonPointer(i.path),
    message: i.code === 'unrecognized_keys' && /^Unrecognized key/.test(i.message) ? `unexpected field(s) ${i.keys.map((k) => JSON.stringify(k)).join(', ')}` : i.message,
  }));

export function buildCatalog(files: readonly { name: string; text: string }[]): ExamCatalog {
  const problems: CatalogProblem[] = [];
  const questions = new Map<string, Question & { bank: string }>();
  const cases = new Map<string, PatientCaseDoc>();
  const caseFiles = new Map<string, string>();
  const complications = new Map<string, Complication>();
  const modules: { module: ExamModule; file: string }[] = [];
  let tracks: RoleTracks | null = null;
  let tracksFile = '';

  for (const f of files) {
    let json: unknown;
    try {
      json = JSON.parse(f.text);
    } catch (error) {
      problems.push({ file: f.name, pointer: '', message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const migrated = migrateExamDocument(json);
    if (!migrated.ok) {
      problems.push({ file: f.name, pointer: migrated.pointer, message: migrated.message });
      continue;
    }
    const doc = migrated.doc;
    switch (doc.kind) {
      case 'question-bank': {
        // A bank is checked question by question: one bad question is left out, the rest stay usable.
        const { questions: list, ...head } = doc as { questions?: unknown };
        const headCheck = questionBankSchema.safeParse({ ...head, questions: [{}] });
        const headIssues = headCheck.success ? [] : headCheck.error.issues.filter((i) => i.path[0] !== 'questions');
        if (headIssues.length > 0 || !Array.isArray(list)) {
          problems.push(...(headIssues.length > 0 ? issues(f.name, { issues: headIssues } as z.ZodError) : [{ file: f.name, pointer: '/questions', message: 'expected an array of questions' }]));
          break;
        }
        list.forEach((raw, i) => {
          const r = questionBankSchema.shape.questions.element.safeParse(raw);
          if (!r.success) return problems.push(...issues(f.name, r.error, `/questions/${i}`));
          if (questions.has(r.data.id)) return problems.push({ file: f.name, pointer: `/questions/${i}/id`, message: `question id "${r.data.id}" is already used in ${questions.get(r.data.id)!.bank}` });
          questions.set(r.data.id, { ...r.data, bank: f.name });
        });
        break;
      }
      case 'patient-case': {
        const r = patientCaseDocSchema.safeParse(doc);
        if (!r.success) {
          problems.push(...issues(f.name, r.error));
          break;
        }
        const mismatch = caseConsistency(r.data);
        if (mismatch.length > 0) {
          problems.push(...mismatch.map((m) => ({ file: f.name, ...m })));
          break;
        }
        if (cases.has(r.data.id)) problems.push({ file: f.name, pointer: '/id', message: `case id "${r.data.id}" is already used in ${caseFiles.get(r.data.id)}` });
        else {
          cases.set(r.data.id, r.data);
          caseFiles.set(r.data.id, f.name);
        }
        break;
      }
      case 'complication': {
        const r = complicationSchema.safeParse(doc);
        if (!r.success) problems.push(...issues(f.name, r.error));
        else if (complications.has(r.data.id)) problems.push({ file: f.name, pointer: '/id', message: `vignette id "${r.data.id}" is already used` });
        else complications.set(r.data.id, r.data);
        break;
      }
      case 'exam-module': {
        const r = examModuleSchema.safeParse(doc);
        if (!r.success) problems.push(...issues(f.name, r.error));
        else modules.push({ module: r.data, file: f.name });
        break;
      }
      case 'role-tracks': {
        const r = roleTracksSchema.safeParse(doc);
        if (!r.success) problems.push(...issues(f.name, r.error));
        else if (tracks) problems.push({ file: f.name, pointer: '', message: `role tracks are already defined in ${tracksFile}` });
        else {
          tracks = r.data;
          tracksFile = f.name;
        }
        break;
      }
      default:
        problems.push({ file: f.name, pointer: '/kind', message: 'expected "kind" to be one of "question-bank", "patient-case", "complication", "exam-module", "role-tracks"' });
    }
  }

  // Modules last: their references must resolve in what loaded.
  const published = new Map<string, PublishedModule>();
  for (const { module, file } of modules) {
    const refProblems = moduleReferences(module, { questions, cases, complications }).map((p) => ({ file, ...p }));
    if (refProblems.length > 0) {
      problems.push(...refProblems);
      continue;
    }
    const key = `${module.id}@${module.version}`;
    if (published.has(key)) {
      problems.push({ file, pointer: '/version', message: `module ${module.id} version ${module.version} is already defined in ${published.get(key)!.file}: a published version is never changed, give this one a new version` });
      continue;
    }
    published.set(key, { module, hash: contentHash(module), file });
  }

  const trackList = (tracks as RoleTracks | null)?.tracks ?? [];
  const moduleIds = new Set([...published.values()].map((p) => p.module.id));
  trackList.forEach((t, i) =>
    t.modules.forEach((m, j) => {
      if (!moduleIds.has(m)) problems.push({ file: tracksFile, pointer: `/tracks/${i}/modules/${j}`, message: `module "${m}" did not load` });
    }),
  );
  return { questions, cases, complications, modules: published, tracks: trackList, problems };
}

/** A case's stated decision must be the one core/rules/screening.ts derives, and what is true must be discoverable. */
function caseConsistency(doc: PatientCaseDoc): { pointer: string; message: string }[] {
  const out: { pointer: string; message: string }[] = [];
  const expected = expectedCaseDecision(doc);
  if (doc.expected.decision !== expected.decision) out.push({ pointer: '/expected/decision', message: `the case's conditions call for "${expected.decision}" (${expected.why.en}), not "${doc.expected.decision}"` });
  const revealed = new Set<string>();
  for (const a of Object.values(doc.history)) for (const r of a.reveals ?? []) revealed.add(r);
  for (const f of doc.findings) for (const r of f.reveals ?? []) revealed.add(r);
  doc.conditions.forEach((c, i) => {
    if (!revealed.has(c.id)) out.push({ pointer: `/conditions/${i}/id`, message: `condition "${c.id}" is revealed by no history answer and no finding, so no trainee could find it` });
  });
  const flags: [boolean, string][] = [[doc.nasalImplant === true, 'nasal-implant'], [(doc.newProducts?.length ?? 0) > 0, 'new-products']];
  for (const [present, flag] of flags) if (present && !revealed.has(flag)) out.push({ pointer: '/history', message: `"${flag}" is true of the patient but no answer reveals it` });
  for (const r of revealed) {
    const known = doc.conditions.some((c) => c.id === r) || (r === 'nasal-implant' && doc.nasalImplant) || (r === 'new-products' && (doc.newProducts?.length ?? 0) > 0) || (r === 'hair-bearing-scalp' && doc.hairBearingScalp);
    if (!known) out.push({ pointer: '/conditions', message: `an answer or finding reveals "${r}", which is not listed as true of the patient` });
  }
  return out;
}

function moduleReferences(
  m: ExamModule,
  bank: { questions: ReadonlyMap<string, Question>; cases: ReadonlyMap<string, PatientCaseDoc>; complications: ReadonlyMap<string, Complication> },
): { pointer: string; message: string }[] {
  const out: { pointer: string; message: string }[] = [];
  m.parts.forEach((p, i) => {
    if (p.kind === 'knowledge') {
      // Draws run in order, each from what earlier draws left: a draw is safe when its pool still holds its
      // count after every earlier draw that shares questions with it has taken its own count from them.
      const pools = p.draws.map((d) => new Set(poolFor(d, bank.questions.values()).map((q) => q.id)));
      p.draws.forEach((d, j) => {
        const pool = pools[j]!;
        const takenBefore = p.draws.slice(0, j).reduce((n, e, k) => n + ([...pools[k]!].some((id) => pool.has(id)) ? e.count : 0), 0);
        if (pool.size < d.count + takenBefore) {
          out.push({ pointer: `/parts/${i}/draws/${j}/count`, message: `the draw asks for ${d.count} questions; the bank has ${pool.size} matching ones${takenBefore > 0 ? `, of which earlier draws may take ${takenBefore}` : ''}` });
        }
      });
    } else if (p.kind === 'case') {
      p.caseIds.forEach((id, j) => {
        const c = bank.cases.get(id);
        if (!c) out.push({ pointer: `/parts/${i}/caseIds/${j}`, message: `case "${id}" did not load` });
        else if (m.procedure !== null && c.procedure !== m.procedure) out.push({ pointer: `/parts/${i}/caseIds/${j}`, message: `case "${id}" plans ${c.procedure}, the module examines ${m.procedure}` });
      });
    } else if (p.kind === 'complication') {
      p.vignetteIds.forEach((id, j) => {
        if (!bank.complications.has(id)) out.push({ pointer: `/parts/${i}/vignetteIds/${j}`, message: `vignette "${id}" did not load` });
      });
    }
  });
  return out;
}
