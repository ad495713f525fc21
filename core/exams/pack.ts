// Exam packs: one JSON file that carries questions, patient cases, complication vignettes and exam modules
// (with any media they use) from one installation to another. Each document is listed in a manifest with
// its id, version and the sha256 of its canonical JSON (contentHash, as the catalogue names a published
// module). inspectPack checks everything before anything is written and says, item by item, what an import
// would do; a pack with any problem is refused as a whole, so nothing half imports. The document rules are
// the catalogue's (buildCatalog is fed synthetic files), so they stay in one place. No Node built-ins here.

import { z } from 'zod';
import { sha256Hex } from '../head-model/sha256';
import { jsonPointer } from '../recording/validate';
import { buildCatalog, contentHash, type ExamCatalog } from './catalog';
import type { PatientCaseDoc } from './format/case';
import type { Complication } from './format/complication';
import { examModuleSchema, type ExamModule } from './format/module';
import type { Question } from './format/question';

export const PACK_FORMAT_VERSION = 1;
/** The largest media file a pack may carry (decoded), and the most media files. */
export const MAX_MEDIA_BYTES = 32 * 1024 * 1024;
export const MAX_MEDIA_FILES = 500;

export type PackItemKind = 'question' | 'patient-case' | 'complication' | 'exam-module';

export interface PackManifestEntry {
  kind: PackItemKind;
  id: string;
  version: number;
  /** contentHash(document): sha256 of the document's canonical JSON, lower-case hex. */
  sha256: string;
}

export interface PackMedia {
  /** Relative path with "/" separators, e.g. "cases/rosacea-cheeks.png". */
  path: string;
  mediaType: string;
  /** sha256 of the decoded bytes, lower-case hex. */
  sha256: string;
  base64: string;
}

export interface ExamPack {
  kind: 'exam-pack';
  formatVersion: 1;
  createdAt: string;
  institution: string;
  manifest: PackManifestEntry[];
  documents: { questions: Question[]; cases: PatientCaseDoc[]; complications: Complication[]; modules: ExamModule[] };
  media: PackMedia[];
}

export interface PackInput {
  institution: string;
  /** ISO 8601 date-time with offset, e.g. "2026-12-01T08:00:00Z". */
  createdAt: string;
  questions: readonly Question[];
  cases: readonly PatientCaseDoc[];
  complications: readonly Complication[];
  modules: readonly ExamModule[];
  media?: readonly { path: string; mediaType: string; bytes: Uint8Array }[];
}

export type PackItemAction = 'add' | 'replace' | 'unchanged' | 'reject';

export interface PackReportItem {
  /** 'media' for a media file (version null). */
  kind: PackItemKind | 'media';
  id: string;
  version: number | null;
  action: PackItemAction;
  /** Why the item is rejected (the first reason), or what a replace replaces; null otherwise. */
  reason: string | null;
  /** JSON pointer into the pack of the field at fault (rejections), else of the item. */
  pointer: string | null;
}

export interface PackReport {
  /** True only when every item can be imported: then and only then is `pack` returned. */
  ok: boolean;
  items: PackReportItem[];
  /** Every problem found, pack-level and per item, each with its JSON pointer into the pack. */
  problems: { pointer: string; message: string }[];
}

export interface ExistingEntry<T> {
  version: number;
  hash: string;
  /** The installed document; when given, a module in the pack may draw from it and use it for its references. */
  document?: T;
}

export interface ExistingContent {
  questions: ReadonlyMap<string, ExistingEntry<Question>>;
  cases: ReadonlyMap<string, ExistingEntry<PatientCaseDoc>>;
  complications: ReadonlyMap<string, ExistingEntry<Complication>>;
  modules: ReadonlyMap<string, ExistingEntry<ExamModule>>;
}

export const NOTHING_INSTALLED: ExistingContent = { questions: new Map(), cases: new Map(), complications: new Map(), modules: new Map() };

// ---------------------------------------------------------------------------------------------------------
// base64 (RFC 4648, with padding), pure.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? B64[n & 63]! : '=');
  }
  return out;
}

/** Decodes padded base64; null when the text is not canonical base64 (whitespace is not allowed). */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3);
  for (let i = 0, o = 0; i < text.length; i += 4) {
    const n = [0, 1, 2, 3].reduce((acc, k) => (acc << 6) | (B64_INDEX.get(text[i + k]!) ?? 0), 0);
    out[o++] = (n >> 16) & 255;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const bytes = out.subarray(0, out.length - pad);
  // Canonical only: the unused bits of the last group must be zero, which re-encoding checks.
  return toBase64(bytes) === text ? bytes : null;
}

// ---------------------------------------------------------------------------------------------------------
// Building.

export function buildPack(input: PackInput): ExamPack {
  const questions = input.questions.map((q) => ({ ...q }));
  const cases = input.cases.map((c) => ({ ...c }));
  const complications = input.complications.map((c) => ({ ...c }));
  const modules = input.modules.map((m) => ({ ...m }));
  const entry = (kind: PackItemKind, d: { id: string; version: number }): PackManifestEntry => ({ kind, id: d.id, version: d.version, sha256: contentHash(d) });
  return {
    kind: 'exam-pack',
    formatVersion: 1,
    createdAt: input.createdAt,
    institution: input.institution,
    manifest: [...questions.map((d) => entry('question', d)), ...cases.map((d) => entry('patient-case', d)), ...complications.map((d) => entry('complication', d)), ...modules.map((d) => entry('exam-module', d))],
    documents: { questions, cases, complications, modules },
    media: (input.media ?? []).map((m) => ({ path: m.path, mediaType: m.mediaType, sha256: sha256Hex(m.bytes), base64: toBase64(m.bytes) })),
  };
}

const stripBank = (q: Question & { bank?: string }): Question => {
  const { bank: _bank, ...rest } = q;
  return rest as Question;
};

/** A pack of everything in a catalogue (every module version it holds). */
export function packFromCatalog(catalog: ExamCatalog, head: { institution: string; createdAt: string; media?: PackInput['media'] }): ExamPack {
  return buildPack({
    ...head,
    questions: [...catalog.questions.values()].map(stripBank),
    cases: [...catalog.cases.values()],
    complications: [...catalog.complications.values()],
    modules: [...catalog.modules.values()].map((p) => p.module),
  });
}

/** What is installed, from the installed catalogue (for modules, the highest version of each id). */
export function existingFromCatalog(catalog: ExamCatalog): ExistingContent {
  const of = <T extends { id: string; version: number }>(docs: Iterable<T>): Map<string, ExistingEntry<T>> => {
    const out = new Map<string, ExistingEntry<T>>();
    for (const d of docs) if ((out.get(d.id)?.version ?? 0) < d.version) out.set(d.id, { version: d.version, hash: contentHash(d), document: d });
    return out;
  };
  return {
    questions: of([...catalog.questions.values()].map(stripBank)),
    cases: of(catalog.cases.values()),
    complications: of(catalog.complications.values()),
    modules: of([...catalog.modules.values()].map((p) => p.module)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Inspecting.

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a sha256 in lower-case hex (64 digits)' });

const packSchema = z.strictObject({
  kind: z.literal('exam-pack', { error: 'expected "kind": "exam-pack"' }),
  formatVersion: z.literal(1, { error: 'expected "formatVersion": 1' }),
  createdAt: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time such as "2026-12-01T08:00:00Z"' }),
  institution: z.string().trim().min(1, { error: 'expected the institution that made the pack' }).max(200),
  manifest: z.array(
    z.strictObject({
      kind: z.enum(['question', 'patient-case', 'complication', 'exam-module'], { error: 'expected kind "question", "patient-case", "complication" or "exam-module"' }),
      id: z.string({ error: 'expected an id' }),
      version: z.number({ error: 'expected a version number' }).int().min(1),
      sha256: hex64,
    }),
  ),
  documents: z.strictObject({
    questions: z.array(z.unknown(), { error: 'expected an array of questions' }),
    cases: z.array(z.unknown(), { error: 'expected an array of patient cases' }),
    complications: z.array(z.unknown(), { error: 'expected an array of complication vignettes' }),
    modules: z.array(z.unknown(), { error: 'expected an array of exam modules' }),
  }),
  media: z
    .array(
      z.strictObject({
        path: z.string().regex(/^(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, { error: 'expected a relative path of letters, digits, ".", "_" and "-" separated by "/" (no "..")' }),
        mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, { error: 'expected a media type such as "image/png"' }),
        sha256: hex64,
        base64: z.string(),
      }),
    )
    .max(MAX_MEDIA_FILES),
});

type Collection = keyof ExamPack['documents'];
const COLLECTIONS: readonly { coll: Collection; kind: PackItemKind; docKind: string | null }[] = [
  { coll: 'questions', kind: 'question', docKind: null },
  { coll: 'cases', kind: 'patient-case', docKind: 'patient-case' },
  { coll: 'complications', kind: 'complication', docKind: 'complication' },
  { coll: 'modules', kind: 'exam-module', docKind: 'exam-module' },
];
const EXISTING_KEY: Record<Collection, keyof ExistingContent> = { questions: 'questions', cases: 'cases', complications: 'complications', modules: 'modules' };
const BANK_CHUNK = 2000;

interface Slot {
  coll: Collection;
  kind: PackItemKind;
  index: number;
  raw: unknown;
  id: string;
  version: number | null;
  problems: { pointer: string; message: string }[];
}

export function inspectPack(text: string, existing: ExistingContent = NOTHING_INSTALLED): { report: PackReport; pack: ExamPack | null } {
  const refuse = (pointer: string, message: string) => ({ report: { ok: false, items: [], problems: [{ pointer, message }] }, pack: null });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return refuse('', `not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refuse('', 'expected a JSON object (an exam pack)');
  const head = json as Record<string, unknown>;
  if (head.kind !== 'exam-pack') return refuse('/kind', 'expected "kind": "exam-pack": this file is not an exam pack');
  const fv = head.formatVersion;
  if (typeof fv !== 'number' || !Number.isInteger(fv) || fv < 1) return refuse('/formatVersion', 'expected "formatVersion": a whole number >= 1');
  if (fv > PACK_FORMAT_VERSION) return refuse('/formatVersion', `pack format version ${fv} is newer than this app reads (${PACK_FORMAT_VERSION}): update the app`);
  const parsed = packSchema.safeParse(json);
  if (!parsed.success) return { report: { ok: false, items: [], problems: parsed.error.issues.slice(0, 50).map((i) => ({ pointer: jsonPointer(i.path), message: i.message })) }, pack: null };
  const env = parsed.data;

  const problems: { pointer: string; message: string }[] = [];
  const slots: Slot[] = [];
  for (const { coll, kind } of COLLECTIONS) {
    env.documents[coll].forEach((raw, index) => {
      const r = (typeof raw === 'object' && raw !== null ? raw : {}) as { id?: unknown; version?: unknown };
      slots.push({ coll, kind, index, raw, id: typeof r.id === 'string' ? r.id : `#${index}`, version: typeof r.version === 'number' ? r.version : null, problems: [] });
    });
  }
  const slotAt = (coll: Collection, index: number) => slots.find((s) => s.coll === coll && s.index === index)!;

  // Each collection holds its own kind of document, and ids are unique within it.
  for (const { coll, docKind } of COLLECTIONS) {
    const seen = new Map<string, number>();
    for (const s of slots.filter((x) => x.coll === coll)) {
      const k = (s.raw as { kind?: unknown } | null)?.kind;
      if (docKind !== null && typeof s.raw === 'object' && s.raw !== null && k !== docKind) s.problems.push({ pointer: `/documents/${coll}/${s.index}/kind`, message: `expected "kind": "${docKind}" in documents.${coll}` });
      if (!s.id.startsWith('#')) {
        if (seen.has(s.id)) s.problems.push({ pointer: `/documents/${coll}/${s.index}/id`, message: `id "${s.id}" is used twice in documents.${coll} (also at /documents/${coll}/${seen.get(s.id)})` });
        else seen.set(s.id, s.index);
      }
    }
  }

  // The documents, through the catalogue's own rules: schema, case consistency, module references.
  const files: { name: string; text: string }[] = [];
  const qs = env.documents.questions;
  for (let at = 0; at < qs.length; at += BANK_CHUNK) {
    files.push({ name: `pack:questions:${at}`, text: JSON.stringify({ kind: 'question-bank', formatVersion: 1, id: 'exam-pack', title: { zh: '考试包', en: 'Exam pack' }, questions: qs.slice(at, at + BANK_CHUNK) }) });
  }
  for (const s of slots) if (s.coll !== 'questions' && s.problems.length === 0) files.push({ name: `pack:${s.coll}:${s.index}`, text: JSON.stringify(s.raw) });
  // Installed documents a module may use, unless the pack carries its own (new) version of them.
  const inPack = (coll: Collection) => new Set(slots.filter((s) => s.coll === coll).map((s) => s.id));
  const installedQuestions = [...existing.questions.entries()].filter(([id, e]) => e.document && !inPack('questions').has(id)).map(([, e]) => e.document!);
  if (installedQuestions.length > 0) files.push({ name: 'installed:questions', text: JSON.stringify({ kind: 'question-bank', formatVersion: 1, id: 'installed', title: { zh: '已安装', en: 'Installed' }, questions: installedQuestions }) });
  for (const coll of ['cases', 'complications'] as const) {
    const ids = inPack(coll);
    for (const [id, e] of existing[coll].entries()) if (e.document && !ids.has(id)) files.push({ name: `installed:${coll}:${id}`, text: JSON.stringify(e.document) });
  }
  const catalog = buildCatalog(files);
  const resolvedById = new Set<Slot>();

  for (const p of catalog.problems) {
    if (p.file.startsWith('installed:')) continue;
    const [, coll, at] = p.file.split(':') as [string, Collection, string];
    if (coll === 'questions') {
      const m = /^\/questions\/(\d+)(.*)$/.exec(p.pointer);
      if (!m) {
        problems.push({ pointer: '/documents/questions', message: p.message });
        continue;
      }
      const index = Number(at) + Number(m[1]);
      slotAt('questions', index).problems.push({ pointer: `/documents/questions/${index}${m[2]}`, message: p.message.replace(/ in pack:questions:\d+$/, ' earlier in documents.questions') });
      continue;
    }
    const slot = slotAt(coll, Number(at));
    // A reference to an installed case or vignette whose document was not handed in still resolves by id.
    const ref = /^(case|vignette) "([^"]+)" did not load$/.exec(p.message);
    if (ref && (ref[1] === 'case' ? existing.cases : existing.complications).has(ref[2]!)) {
      resolvedById.add(slot);
      continue;
    }
    slot.problems.push({ pointer: `/documents/${coll}/${at}${p.pointer}`, message: p.message.replace(/ in (pack|installed):[a-z]+:[^ ]+$/, ' elsewhere in the pack') });
  }

  // The manifest: one entry per document, naming its id, version and hash.
  const manifestFor = new Map<string, number>();
  env.manifest.forEach((m, n) => {
    const key = `${m.kind}\u0000${m.id}`;
    const slot = slots.find((s) => s.kind === m.kind && s.id === m.id);
    if (manifestFor.has(key)) {
      (slot?.problems ?? problems).push({ pointer: `/manifest/${n}`, message: `${m.kind} "${m.id}" is listed twice in the manifest (also /manifest/${manifestFor.get(key)})` });
      return;
    }
    manifestFor.set(key, n);
    if (!slot) {
      problems.push({ pointer: `/manifest/${n}`, message: `the manifest lists ${m.kind} "${m.id}" but the pack carries no such document` });
      return;
    }
    if (slot.version !== m.version) slot.problems.push({ pointer: `/manifest/${n}/version`, message: `the manifest says version ${m.version}, the document is version ${slot.version ?? '(none)'}` });
    let hash: string | null = null;
    try {
      hash = contentHash(slot.raw);
    } catch {
      hash = null;
    }
    if (hash !== m.sha256) slot.problems.push({ pointer: `/manifest/${n}/sha256`, message: `the manifest's sha256 does not match the document's content (${hash ?? 'unhashable'}): the document was changed after the pack was made` });
  });
  for (const s of slots) if (!manifestFor.has(`${s.kind}\u0000${s.id}`)) s.problems.push({ pointer: `/documents/${s.coll}/${s.index}`, message: `${s.kind} "${s.id}" is not listed in the manifest` });

  // Against what is installed.
  const items: PackReportItem[] = [];
  const validated: { [K in Collection]: ExamPack['documents'][K][number][] } = { questions: [], cases: [], complications: [], modules: [] };
  for (const s of slots) {
    // A module left out by the catalogue only for references that resolve by id to installed documents.
    const doc = documentOf(catalog, s) ?? (resolvedById.has(s) && s.problems.length === 0 ? examModuleSchema.parse(s.raw) : null);
    if (!doc && s.problems.length === 0) s.problems.push({ pointer: `/documents/${s.coll}/${s.index}`, message: `${s.kind} "${s.id}" did not load` });
    let action: PackItemAction = 'reject';
    let reason: string | null = null;
    if (doc && s.problems.length === 0) {
      const installed = existing[EXISTING_KEY[s.coll]].get(doc.id);
      const hash = contentHash(doc);
      if (!installed) action = 'add';
      else if (installed.version === doc.version) {
        if (installed.hash === hash) action = 'unchanged';
        else s.problems.push({ pointer: `/documents/${s.coll}/${s.index}/version`, message: `${s.kind} "${doc.id}" version ${doc.version} is installed with other content: a published version is never changed, give the new content a new version` });
      } else if (installed.version > doc.version) {
        s.problems.push({ pointer: `/documents/${s.coll}/${s.index}/version`, message: `${s.kind} "${doc.id}" version ${doc.version} is older than the installed version ${installed.version}` });
      } else {
        action = 'replace';
        reason = `replaces version ${installed.version}`;
      }
    }
    if (s.problems.length > 0) {
      action = 'reject';
      reason = s.problems[0]!.message;
      problems.push(...s.problems.map((p) => ({ pointer: p.pointer, message: `${s.kind} "${s.id}": ${p.message}` })));
    } else (validated[s.coll] as unknown[]).push(doc);
    items.push({ kind: s.kind, id: s.id, version: s.version, action, reason, pointer: s.problems[0]?.pointer ?? `/documents/${s.coll}/${s.index}` });
  }

  // Media: each file's hash is checked against its bytes.
  const mediaPaths = new Set<string>();
  env.media.forEach((m, n) => {
    const bytes = fromBase64(m.base64);
    let problem: { pointer: string; message: string } | null = null;
    if (mediaPaths.has(m.path)) problem = { pointer: `/media/${n}/path`, message: `media path "${m.path}" is used twice` };
    else if (!bytes) problem = { pointer: `/media/${n}/base64`, message: 'not valid base64 (RFC 4648, padded, no whitespace)' };
    else if (bytes.length > MAX_MEDIA_BYTES) problem = { pointer: `/media/${n}/base64`, message: `the file is ${bytes.length} bytes, more than the ${MAX_MEDIA_BYTES} a pack may carry` };
    else if (sha256Hex(bytes) !== m.sha256) problem = { pointer: `/media/${n}/sha256`, message: 'the sha256 does not match the file: the file was changed after the pack was made' };
    mediaPaths.add(m.path);
    if (problem) problems.push({ pointer: problem.pointer, message: `media "${m.path}": ${problem.message}` });
    items.push({ kind: 'media', id: m.path, version: null, action: problem ? 'reject' : 'add', reason: problem?.message ?? null, pointer: problem?.pointer ?? `/media/${n}` });
  });

  const ok = problems.length === 0 && items.every((i) => i.action !== 'reject');
  const pack: ExamPack | null = ok ? { kind: 'exam-pack', formatVersion: 1, createdAt: env.createdAt, institution: env.institution, manifest: env.manifest, documents: validated, media: env.media } : null;
  return { report: { ok, items, problems }, pack };
}

function documentOf(catalog: ExamCatalog, s: Slot): Question | PatientCaseDoc | Complication | ExamModule | null {
  switch (s.coll) {
    case 'questions': {
      const q = catalog.questions.get(s.id);
      return q && q.bank.startsWith('pack:') ? stripBank(q) : null;
    }
    case 'cases':
      return catalog.cases.get(s.id) ?? null;
    case 'complications':
      return catalog.complications.get(s.id) ?? null;
    case 'modules': {
      const p = [...catalog.modules.values()].find((x) => x.file === `pack:modules:${s.index}`);
      return p?.module ?? null;
    }
  }
}
