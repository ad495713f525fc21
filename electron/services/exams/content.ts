// The exam content a new attempt draws from: the shipped exams folder and what instructors published or
// imported into the training file, the newest version of each id, less what is archived. Published
// versions are immutable rows; the shipped folder is read once. Drafts are checked here with the same
// rules the catalogue applies to the shipped files (core/exams/catalog.ts), so there is one set of rules.

import type { AuthoredKind } from '../../../core/api/schemas/authoring';
import { ApiFailure } from '../../../core/api/errors';
import { buildCatalog, contentHash, type CatalogProblem, type ExamCatalog } from '../../../core/exams/catalog';
import type { PatientCaseDoc } from '../../../core/exams/format/case';
import type { Complication } from '../../../core/exams/format/complication';
import type { ExamModule } from '../../../core/exams/format/module';
import type { Question } from '../../../core/exams/format/question';
import type { SignedIn } from '../../../core/api/contract';
import type { AuditTrail } from '../audit';
import type { TrainingStore } from '../db/store';
import type { Clock } from '../runtime';

export type ItemKind = Exclude<AuthoredKind, 'exam-module'>;
type Doc = Question | PatientCaseDoc | Complication;

export interface ItemRecord {
  kind: ItemKind;
  id: string;
  version: number;
  hash: string;
  document: Doc;
  source: 'shipped' | 'authored' | 'imported';
}

export interface ExamContent {
  /** What a new attempt draws from (newest versions, archived items left out). */
  current(): ExamCatalog;
  /** Every id of a kind at its newest version, archived or not. */
  newest(kind: ItemKind): ItemRecord[];
  version(kind: ItemKind, id: string, version?: number): ItemRecord | undefined;
  isArchived(kind: AuthoredKind, id: string): boolean;
  /** Publishes a new version of an item (newest + 1, or an imported item's own version where that is newer) and returns it. */
  publish(kind: ItemKind, doc: Doc, actor: SignedIn, source: 'authored' | 'imported', keepVersion?: number): ItemRecord;
  /** The catalogue's problems for a document as it would be published (pointers into the document). */
  check(kind: AuthoredKind, doc: unknown, modules: readonly ExamModule[]): CatalogProblem[];
}

const ROW_KIND: Record<ItemKind, string> = { question: 'question', 'patient-case': 'patient-case', complication: 'complication' };

export function createExamContent(store: TrainingStore, audit: AuditTrail, shipped: ExamCatalog, clock: Clock): ExamContent {
  const shippedRecords = new Map<string, ItemRecord>();
  const put = (r: ItemRecord) => shippedRecords.set(`${r.kind}:${r.id}`, r);
  for (const q of shipped.questions.values()) {
    const { bank: _bank, ...question } = q;
    void _bank;
    put({ kind: 'question', id: q.id, version: q.version, hash: contentHash(question), document: question as Question, source: 'shipped' });
  }
  for (const c of shipped.cases.values()) put({ kind: 'patient-case', id: c.id, version: c.version, hash: contentHash(c), document: c, source: 'shipped' });
  for (const v of shipped.complications.values()) put({ kind: 'complication', id: v.id, version: v.version, hash: contentHash(v), document: v, source: 'shipped' });

  const fingerprint = () => store.get<{ f: string }>("SELECT (SELECT count(*) FROM authored_items) || ':' || (SELECT count(*) FROM archived_items) || ':' || (SELECT coalesce(max(archived_at), '') FROM archived_items) AS f")!.f;
  let cached: { key: string; newest: Map<string, ItemRecord>; archived: Set<string>; catalog: ExamCatalog } | null = null;

  const load = () => {
    const key = fingerprint();
    if (cached && cached.key === key) return cached;
    const newest = new Map(shippedRecords);
    const rows = store.all<{ kind: ItemKind; id: string; version: number; hash: string; document: string; source: 'authored' | 'imported' }>(
      'SELECT kind, id, version, hash, document, source FROM authored_items a WHERE version = (SELECT max(version) FROM authored_items b WHERE b.kind = a.kind AND b.id = a.id)',
    );
    for (const r of rows) {
      const k = `${r.kind}:${r.id}`;
      const prior = newest.get(k);
      if (!prior || prior.version < r.version) newest.set(k, { kind: r.kind, id: r.id, version: r.version, hash: r.hash, document: JSON.parse(r.document) as Doc, source: r.source });
    }
    const archived = new Set(store.all<{ kind: string; id: string }>('SELECT kind, id FROM archived_items').map((r) => `${r.kind}:${r.id}`));
    const live = [...newest.values()].filter((r) => !archived.has(`${r.kind}:${r.id}`));
    const catalog: ExamCatalog = {
      questions: new Map(live.filter((r) => r.kind === 'question').map((r) => [r.id, { ...(r.document as Question), bank: r.source }])),
      cases: new Map(live.filter((r) => r.kind === 'patient-case').map((r) => [r.id, r.document as PatientCaseDoc])),
      complications: new Map(live.filter((r) => r.kind === 'complication').map((r) => [r.id, r.document as Complication])),
      modules: shipped.modules,
      tracks: shipped.tracks,
      problems: shipped.problems,
    };
    cached = { key, newest, archived, catalog };
    return cached;
  };

  /** The current content as catalogue files, leaving out one item (the one being checked). */
  const files = (leaveOut: { kind: AuthoredKind; id: string } | null, modules: readonly ExamModule[]) => {
    const { catalog } = load();
    const keep = <T extends { id: string }>(kind: AuthoredKind, list: Iterable<T>) => [...list].filter((x) => !(leaveOut && leaveOut.kind === kind && leaveOut.id === x.id));
    const questions = keep('question', catalog.questions.values()).map(({ bank: _b, ...q }) => (void _b, q));
    const out = [{ name: 'current/questions.json', text: JSON.stringify({ kind: 'question-bank', formatVersion: 1, id: 'current', title: { zh: '题库', en: 'Bank' }, questions }) }];
    for (const c of keep('patient-case', catalog.cases.values())) out.push({ name: `current/case-${c.id}.json`, text: JSON.stringify(c) });
    for (const v of keep('complication', catalog.complications.values())) out.push({ name: `current/vignette-${v.id}.json`, text: JSON.stringify(v) });
    for (const m of keep('exam-module', modules)) out.push({ name: `current/module-${m.id}.json`, text: JSON.stringify(m) });
    return out;
  };

  return {
    current: () => load().catalog,
    newest: (kind) => [...load().newest.values()].filter((r) => r.kind === kind).sort((a, b) => a.id.localeCompare(b.id)),
    version(kind, id, version) {
      const newest = load().newest.get(`${kind}:${id}`);
      if (version === undefined || newest?.version === version) return newest;
      const row = store.get<{ hash: string; document: string; source: 'authored' | 'imported' }>('SELECT hash, document, source FROM authored_items WHERE kind = ? AND id = ? AND version = ?', ROW_KIND[kind], id, version);
      if (row) return { kind, id, version, hash: row.hash, document: JSON.parse(row.document) as Doc, source: row.source };
      const s = shippedRecords.get(`${kind}:${id}`);
      return s?.version === version ? s : undefined;
    },
    isArchived: (kind, id) => load().archived.has(`${kind}:${id}`),
    publish(kind, doc, actor, source, keepVersion) {
      const prior = load().newest.get(`${kind}:${doc.id}`);
      const version = Math.max((prior?.version ?? 0) + 1, keepVersion ?? 0);
      const document = { ...doc, version } as Doc;
      const hash = contentHash(document);
      store.write(() => {
        store.run('INSERT INTO authored_items (kind, id, version, hash, document, source, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', kind, doc.id, version, hash, JSON.stringify(document), source, actor.personId, clock.now().toISOString());
        audit.append({ action: 'authoring.published', actor, subject: `${kind}:${doc.id}@${version}`, details: { kind, id: doc.id, version, hash, source, previousVersion: prior?.version ?? null } });
      });
      return { kind, id: doc.id, version, hash, document, source };
    },
    check(kind, doc, modules) {
      const id = typeof doc === 'object' && doc !== null && typeof (doc as { id?: unknown }).id === 'string' ? (doc as { id: string }).id : null;
      const draftFile =
        kind === 'question'
          ? { name: 'draft', text: JSON.stringify({ kind: 'question-bank', formatVersion: 1, id: 'draft', title: { zh: '草稿', en: 'Draft' }, questions: [doc] }) }
          : { name: 'draft', text: JSON.stringify(doc) };
      let catalogFiles;
      try {
        catalogFiles = [...files(id ? { kind, id } : null, modules), draftFile];
      } catch (error) {
        throw new ApiFailure('invalid-payload', `the document cannot be read: ${(error as Error).message}`, '/document');
      }
      const built = buildCatalog(catalogFiles);
      const mine = built.problems.filter((p) => p.file === 'draft').map((p) => ({ ...p, pointer: kind === 'question' ? p.pointer.replace(/^\/questions\/0/, '') : p.pointer }));
      // A module is checked against the content as it stands; content problems elsewhere are not the draft's.
      return mine;
    },
  };
}
