// Published module versions. The catalogue (the shipped exams/ folder) offers modules; each version is
// published into the training file once, with its hash, and never changed: a file that redefines a
// published version with other content is refused (listed as a problem) and the stored version stays.

import { contentHash, type ExamCatalog, type CatalogProblem } from '../../../core/exams/catalog';
import type { SignedIn } from '../../../core/api/contract';
import type { ExamModule } from '../../../core/exams/format/module';
import type { AuditTrail } from '../audit';
import type { TrainingStore } from '../db/store';
import type { Clock } from '../runtime';

export interface StoredModule {
  module: ExamModule;
  hash: string;
}

export interface ModuleRegistry {
  /** The newest published version of each module id that the current catalogue still offers. */
  current(): StoredModule[];
  byId(id: string): StoredModule | undefined;
  version(id: string, version: number): StoredModule | undefined;
  problems(): CatalogProblem[];
  /** Every module id offered (shipped, authored or imported), archived ones too, newest version each. */
  all(): StoredModule[];
  /** Publishes a new version (newest + 1) of an authored or imported module. */
  publish(module: ExamModule, actor: SignedIn, source: 'authored' | 'imported', keepVersion?: number): StoredModule;
}

export function createModuleRegistry(store: TrainingStore, audit: AuditTrail, catalog: ExamCatalog, clock: Clock, isArchived: (id: string) => boolean = () => false): ModuleRegistry {
  const problems: CatalogProblem[] = [...catalog.problems];
  const cache = new Map<string, StoredModule>();
  const load = (id: string, version: number): StoredModule | undefined => {
    const key = `${id}@${version}`;
    if (cache.has(key)) return cache.get(key);
    const row = store.get<{ document: string; hash: string }>('SELECT document, hash FROM exam_modules WHERE id = ? AND version = ?', id, version);
    if (!row) return undefined;
    const stored = { module: JSON.parse(row.document) as ExamModule, hash: row.hash };
    cache.set(key, stored);
    return stored;
  };

  store.write(() => {
    for (const p of catalog.modules.values()) {
      const existing = store.get<{ hash: string }>('SELECT hash FROM exam_modules WHERE id = ? AND version = ?', p.module.id, p.module.version);
      if (!existing) {
        store.run('INSERT INTO exam_modules (id, version, hash, document, source, published_at) VALUES (?, ?, ?, ?, ?, ?)', p.module.id, p.module.version, p.hash, JSON.stringify(p.module), p.file, clock.now().toISOString());
        audit.append({ action: 'exam.module-published', actor: null, subject: `${p.module.id}@${p.module.version}`, details: { hash: p.hash, source: p.file } });
      } else if (existing.hash !== p.hash) {
        problems.push({ file: p.file, pointer: '/version', message: `module ${p.module.id} version ${p.module.version} is already published with other content (hash ${existing.hash.slice(0, 12)}…): a published version is never changed, so this file needs a new version number; the published one stays in use` });
        const already = store.get<{ n: number }>("SELECT count(*) AS n FROM audit WHERE action = 'exam.module-refused' AND subject = ? AND details LIKE ?", `${p.module.id}@${p.module.version}`, `%${p.hash}%`);
        if (!already?.n) audit.append({ action: 'exam.module-refused', actor: null, subject: `${p.module.id}@${p.module.version}`, details: { hash: p.hash, publishedHash: existing.hash, source: p.file } });
      }
    }
  });

  const shippedIds = [...new Set([...catalog.modules.values()].map((p) => p.module.id))];
  const offered = () => [...new Set([...shippedIds, ...store.all<{ id: string }>("SELECT DISTINCT id FROM exam_modules WHERE source IN ('authored', 'imported')").map((r) => r.id)])].sort();
  const newest = (id: string) => {
    const row = store.get<{ version: number }>('SELECT max(version) AS version FROM exam_modules WHERE id = ?', id);
    return row?.version ? load(id, row.version) : undefined;
  };
  return {
    current: () => offered().filter((id) => !isArchived(id)).map(newest).filter((m): m is StoredModule => m !== undefined),
    all: () => offered().map(newest).filter((m): m is StoredModule => m !== undefined),
    publish(module, actor, source, keepVersion) {
      const prior = newest(module.id);
      const doc: ExamModule = { ...module, version: Math.max((prior?.module.version ?? 0) + 1, keepVersion ?? 0) };
      const hash = contentHash(doc);
      store.write(() => {
        store.run('INSERT INTO exam_modules (id, version, hash, document, source, published_at) VALUES (?, ?, ?, ?, ?, ?)', doc.id, doc.version, hash, JSON.stringify(doc), source, clock.now().toISOString());
        audit.append({ action: 'authoring.published', actor, subject: `exam-module:${doc.id}@${doc.version}`, details: { kind: 'exam-module', id: doc.id, version: doc.version, hash, source, previousVersion: prior?.module.version ?? null } });
      });
      return { module: doc, hash };
    },
    byId: newest,
    version: load,
    problems: () => problems,
  };
}
