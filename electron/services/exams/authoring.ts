// Authoring, for instructors (the access table refuses everyone else): drafts saved as typed with their
// problems at their fields, publishing as a new immutable version with its hash, archiving, a preview drawn
// as a trainee would meet it (nothing stored), item analysis of a module from its submitted attempts, and
// regrading the attempts that saw an older version of a corrected question (append-only, audited with who
// and why). The rules a draft is checked against are the catalogue's (./content.ts).

import type { AuthoredKind, AuthoredSummary, Draft, SignedIn } from '../../../core/api/contract';
import { ApiFailure } from '../../../core/api/errors';
import { ANALYSIS_THRESHOLDS, analyseModule, type AnalysedAttempt } from '../../../core/exams/analysis';
import { instantiateAttempt, partViews, type ExamAttemptContent } from '../../../core/exams/attempt';
import { gradeAttempt, type PracticalOutcome } from '../../../core/exams/grade';
import { isCorrect } from '../../../core/exams/grade-items';
import type { ExamModule } from '../../../core/exams/format/module';
import type { Question } from '../../../core/exams/format/question';
import { replaySteps } from '../../../core/exams/replay';
import type { ExamStep } from '../../../core/exams/format/steps';
import type { AttemptsService } from '../attempts/service';
import type { AuditTrail } from '../audit';
import type { TrainingStore } from '../db/store';
import type { Clock, IdSource } from '../runtime';
import type { ItemKind, ItemRecord } from './content';
import type { MediaService } from './media';
import { EXAM_SELECT, type ExamRow } from './rows';
import type { ExamsService } from './service';

interface DraftRow {
  id: string;
  kind: AuthoredKind;
  target_id: string | null;
  base_version: number | null;
  document: string;
  updated_at: string;
  updated_name: string;
}

const titleOf = (kind: AuthoredKind, doc: Record<string, unknown>): { zh: string; en: string } => {
  const t = (kind === 'question' ? doc.stem : doc.title) as { zh?: string; en?: string } | undefined;
  return { zh: t?.zh ?? '', en: t?.en ?? '' };
};

export function createAuthoringService(deps: { store: TrainingStore; audit: AuditTrail; exams: ExamsService; attempts: AttemptsService; runtime: Clock & IdSource; media: MediaService }) {
  const { store, audit, exams, attempts, runtime, media } = deps;
  const { content, registry } = exams;
  const now = () => runtime.now().toISOString();

  const submittedOf = (moduleId?: string): ExamRow[] => store.all<ExamRow>(`${EXAM_SELECT} WHERE e.status = 'submitted'${moduleId ? ' AND e.module_id = ?' : ''} ORDER BY e.submitted_at`, ...(moduleId ? [moduleId] : []));
  const usedCount = (kind: AuthoredKind, id: string): number =>
    kind === 'exam-module'
      ? store.get<{ n: number }>('SELECT count(*) AS n FROM exam_attempts WHERE module_id = ?', id)!.n
      : store.get<{ n: number }>('SELECT count(*) AS n FROM exam_attempt_items WHERE kind = ? AND item_id = ?', kind, id)!.n;

  const summaryOf = (r: ItemRecord): AuthoredSummary => ({
    kind: r.kind,
    id: r.id,
    version: r.version,
    hash: r.hash,
    title: titleOf(r.kind, r.document as unknown as Record<string, unknown>),
    source: r.source,
    archived: content.isArchived(r.kind, r.id),
    clauses: [...((r.document as { clauses?: string[] }).clauses ?? [])],
    usedBy: usedCount(r.kind, r.id),
  });
  const moduleSummary = (m: { module: ExamModule; hash: string }): AuthoredSummary => {
    const source = store.get<{ source: string }>('SELECT source FROM exam_modules WHERE id = ? AND version = ?', m.module.id, m.module.version)?.source;
    return {
      kind: 'exam-module',
      id: m.module.id,
      version: m.module.version,
      hash: m.hash,
      title: m.module.title,
      source: source === 'authored' ? 'authored' : source === 'imported' ? 'imported' : 'shipped',
      archived: content.isArchived('exam-module', m.module.id),
      clauses: m.module.syllabus.map((s) => s.clause),
      usedBy: usedCount('exam-module', m.module.id),
    };
  };

  const modulesExcept = (id: string | null) => registry.all().map((m) => m.module).filter((m) => m.id !== id);

  /** The draft's document as it would be published: its version is the next one, whatever the form says. */
  const asPublished = (kind: AuthoredKind, doc: unknown, targetId: string | null): unknown => {
    if (typeof doc !== 'object' || doc === null) return doc;
    const id = (doc as { id?: unknown }).id;
    const newest = typeof id === 'string' ? (kind === 'exam-module' ? registry.byId(id)?.module.version : content.version(kind, id)?.version) : undefined;
    void targetId;
    return { ...(doc as object), version: (newest ?? 0) + 1 };
  };

  const problemsOf = (kind: AuthoredKind, doc: unknown, targetId: string | null) => {
    const problems = content.check(kind, asPublished(kind, doc, targetId), modulesExcept(kind === 'exam-module' && typeof (doc as { id?: unknown })?.id === 'string' ? (doc as { id: string }).id : null));
    const id = typeof doc === 'object' && doc !== null ? (doc as { id?: unknown }).id : undefined;
    if (typeof id === 'string') {
      const exists = kind === 'exam-module' ? registry.byId(id) !== undefined : content.version(kind, id) !== undefined;
      if (targetId === null && exists) problems.unshift({ file: 'draft', pointer: '/id', message: `the id "${id}" is already used by a published ${kind}; choose another id, or edit that item` });
      if (targetId !== null && id !== targetId) problems.unshift({ file: 'draft', pointer: '/id', message: `a new version keeps its item's id "${targetId}"` });
    }
    // A question's image must be stored here (uploaded, or carried in by a pack), of the type it names.
    const image = kind === 'question' && typeof doc === 'object' && doc !== null ? (doc as { image?: unknown }).image : undefined;
    if (typeof image === 'object' && image !== null) {
      const { sha256, mediaType } = image as { sha256?: unknown; mediaType?: unknown };
      if (typeof sha256 === 'string' && /^[0-9a-f]{64}$/.test(sha256)) {
        const stored = media.typeOf(sha256);
        if (stored === undefined) problems.push({ file: 'draft', pointer: '/image/sha256', message: 'this image is not stored here: upload it again' });
        else if (typeof mediaType === 'string' && mediaType !== stored) problems.push({ file: 'draft', pointer: '/image/mediaType', message: `the stored image is ${stored}, not ${mediaType}` });
      }
    }
    return problems.map(({ pointer, message }) => ({ pointer, message }));
  };

  const draftOf = (r: DraftRow): Draft => {
    const document = JSON.parse(r.document) as unknown;
    return { draftId: r.id, kind: r.kind, targetId: r.target_id, baseVersion: r.base_version, document, problems: problemsOf(r.kind, document, r.target_id), updatedAt: r.updated_at, updatedBy: r.updated_name };
  };
  const DRAFT_SELECT = 'SELECT d.id, d.kind, d.target_id, d.base_version, d.document, d.updated_at, p.name AS updated_name FROM drafts d JOIN people p ON p.id = d.updated_by';
  const draftRow = (id: string) => {
    const r = store.get<DraftRow>(`${DRAFT_SELECT} WHERE d.id = ?`, id);
    if (!r) throw new ApiFailure('not-found', `no draft ${id}`, '/draftId');
    return r;
  };

  /** Submitted attempts' marks per question version, for the item analysis. */
  const analysedAttempts = (rows: ExamRow[]): AnalysedAttempt[] =>
    rows.map((row) => {
      const c = JSON.parse(row.content) as ExamAttemptContent;
      const steps = store.all<{ step: string }>('SELECT step FROM exam_steps WHERE exam_attempt_id = ? ORDER BY seq', row.id).map((s) => JSON.parse(s.step) as ExamStep);
      const state = replaySteps(c, steps);
      const responses = c.parts.flatMap((p) =>
        p.kind !== 'knowledge'
          ? []
          : p.items
              .filter((i) => !i.question.outsideStandard)
              .map(({ itemId, question }) => {
                const r = state.answers[`${p.partId}/${itemId}`];
                return { questionId: question.id, version: question.version, mark: isCorrect(question, r) ? 1 : 0, maxMark: 1, ...(r?.kind === 'choice' ? { chosen: [...r.optionIds] } : {}) };
              }),
      );
      return { attemptId: row.id, responses };
    });

  /** The question versions an attempt saw, by id. */
  const seenVersions = (c: ExamAttemptContent) => {
    const out = new Map<string, Question>();
    for (const p of c.parts) if (p.kind === 'knowledge') for (const i of p.items) out.set(i.question.id, i.question);
    return out;
  };

  /** An attempt graded again with the newest version of one question (its other items as they were). */
  const regraded = (row: ExamRow, newest: Question) => {
    const m = exams.moduleOf(row);
    const c = JSON.parse(row.content) as ExamAttemptContent;
    const patched: ExamAttemptContent = { ...c, parts: c.parts.map((p) => (p.kind === 'knowledge' ? { ...p, items: p.items.map((i) => (i.question.id === newest.id ? { ...i, question: newest } : i)) } : p)) };
    const state = exams.stateOf(row, c);
    const outcomes: Record<string, PracticalOutcome> = {};
    for (const link of store.all<{ part_id: string; attempt_id: string }>('SELECT part_id, attempt_id FROM exam_practicals WHERE exam_attempt_id = ? ORDER BY started_at, rowid', row.id)) {
      const stored = attempts.storedReport(link.attempt_id);
      if (stored?.status === 'finished') outcomes[link.part_id] = { attemptId: link.attempt_id, report: stored.report };
    }
    return gradeAttempt(m.module, patched, state, outcomes, now());
  };

  const candidates = (questionId: string) => {
    const newest = content.version('question', questionId);
    if (!newest) throw new ApiFailure('not-found', `no question ${questionId}`, '/questionId');
    const question = newest.document as Question;
    const saw = store.all<{ id: string }>('SELECT exam_attempt_id AS id FROM exam_attempt_items WHERE kind = ? AND item_id = ? AND version < ?', 'question', questionId, question.version).map((r) => r.id);
    return saw
      .map((id) => store.get<ExamRow>(`${EXAM_SELECT} WHERE e.id = ? AND e.status = 'submitted'`, id))
      .filter((row): row is ExamRow => row !== undefined)
      .map((row) => ({ row, seen: seenVersions(JSON.parse(row.content) as ExamAttemptContent).get(questionId) }))
      .filter((x) => x.seen !== undefined && x.seen.version < question.version)
      // Already regraded with this version (or a newer one): nothing left to do for it.
      .filter(({ row }) => !store.get('SELECT 1 FROM exam_regrades WHERE exam_attempt_id = ? AND question_id = ? AND to_version >= ?', row.id, questionId, question.version))
      .map(({ row, seen }) => {
        const after = regraded(row, question);
        return {
          row,
          after,
          view: {
            examAttemptId: row.id,
            personId: row.person_id,
            personName: row.person_name,
            module: { id: row.module_id, version: row.module_version },
            seenVersion: seen!.version,
            before: { score: row.score ?? 0, passed: row.passed === 1 },
            after: { score: after.score, passed: after.passed },
          },
        };
      });
  };

  return {
    list(kind: AuthoredKind, includeArchived: boolean): AuthoredSummary[] {
      const all = kind === 'exam-module' ? registry.all().map(moduleSummary) : content.newest(kind).map(summaryOf);
      return all.filter((s) => includeArchived || !s.archived);
    },

    get(kind: AuthoredKind, id: string, version?: number) {
      if (kind === 'exam-module') {
        const m = version ? registry.version(id, version) : registry.byId(id);
        if (!m) throw new ApiFailure('not-found', `no exam module ${id}`, '/id');
        return { summary: moduleSummary(m), document: m.module };
      }
      const r = content.version(kind, id, version);
      if (!r) throw new ApiFailure('not-found', `no ${kind} ${id}${version ? ` version ${version}` : ''}`, '/id');
      return { summary: summaryOf(r), document: r.document };
    },

    drafts: (kind?: AuthoredKind): Draft[] => store.all<DraftRow>(`${DRAFT_SELECT}${kind ? ' WHERE d.kind = ?' : ''} ORDER BY d.updated_at DESC`, ...(kind ? [kind] : [])).map(draftOf),

    saveDraft(caller: SignedIn, args: { draftId?: string; kind: AuthoredKind; targetId: string | null; baseVersion: number | null; document: unknown }): Draft {
      const at = now();
      const text = JSON.stringify(args.document);
      const id = args.draftId ?? runtime.newId('d');
      store.write(() => {
        if (args.draftId) {
          const existing = draftRow(args.draftId);
          if (existing.kind !== args.kind) throw new ApiFailure('invalid-payload', `draft ${args.draftId} is a ${existing.kind} draft`, '/kind');
          store.run('UPDATE drafts SET document = ?, updated_by = ?, updated_at = ? WHERE id = ?', text, caller.personId, at, id);
        } else {
          if (args.targetId) {
            const exists = args.kind === 'exam-module' ? registry.byId(args.targetId) : content.version(args.kind as ItemKind, args.targetId);
            if (!exists) throw new ApiFailure('not-found', `no published ${args.kind} ${args.targetId} to edit`, '/targetId');
          }
          store.run('INSERT INTO drafts (id, kind, target_id, base_version, document, created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', id, args.kind, args.targetId, args.baseVersion, text, caller.personId, at, caller.personId, at);
        }
      });
      return draftOf(draftRow(id));
    },

    openDraft: (draftId: string): Draft => draftOf(draftRow(draftId)),

    discardDraft(draftId: string) {
      draftRow(draftId);
      store.write(() => store.run('DELETE FROM drafts WHERE id = ?', draftId));
      return { discarded: true as const };
    },

    publish(caller: SignedIn, draftId: string) {
      const draft = draftOf(draftRow(draftId));
      const first = draft.problems[0];
      if (first) throw new ApiFailure('invalid-payload', `the draft cannot be published: ${first.message}${draft.problems.length > 1 ? ` (and ${draft.problems.length - 1} more)` : ''}`, first.pointer);
      const doc = draft.document as { id: string };
      const published =
        draft.kind === 'exam-module'
          ? (() => {
              const m = registry.publish(doc as unknown as ExamModule, caller, 'authored');
              return { kind: draft.kind, id: m.module.id, version: m.module.version, hash: m.hash };
            })()
          : (() => {
              const r = content.publish(draft.kind as ItemKind, doc as unknown as Question, caller, 'authored');
              return { kind: draft.kind, id: r.id, version: r.version, hash: r.hash };
            })();
      store.write(() => store.run('DELETE FROM drafts WHERE id = ?', draftId));
      return published;
    },

    archive(caller: SignedIn, kind: AuthoredKind, id: string, archived: boolean): AuthoredSummary {
      const current = this.get(kind, id);
      if (archived && kind !== 'exam-module') {
        // Archiving must not leave a published module unable to draw its attempts.
        const before = content.isArchived(kind, id);
        if (!before) {
          store.write(() => {
            store.run('INSERT INTO archived_items (kind, id, archived_by, archived_at) VALUES (?, ?, ?, ?)', kind, id, caller.personId, now());
            const broken = registry
              .current()
              .map((m) => ({ m, problems: content.check('exam-module', m.module, modulesExcept(m.module.id)) }))
              .find((x) => x.problems.length > 0);
            if (broken) throw new ApiFailure('conflict', `archiving ${id} would leave module ${broken.m.module.id} unable to start: ${broken.problems[0]!.message}`, '/id');
            audit.append({ action: 'authoring.archived', actor: caller, subject: `${kind}:${id}`, details: { kind, id } });
          });
        }
      } else if (archived) {
        if (!content.isArchived(kind, id)) {
          store.write(() => {
            store.run('INSERT INTO archived_items (kind, id, archived_by, archived_at) VALUES (?, ?, ?, ?)', kind, id, caller.personId, now());
            audit.append({ action: 'authoring.archived', actor: caller, subject: `${kind}:${id}`, details: { kind, id } });
          });
        }
      } else if (content.isArchived(kind, id)) {
        store.write(() => {
          store.run('DELETE FROM archived_items WHERE kind = ? AND id = ?', kind, id);
          audit.append({ action: 'authoring.restored', actor: caller, subject: `${kind}:${id}`, details: { kind, id } });
        });
      }
      void current;
      return this.get(kind, id).summary;
    },

    preview(args: { draftId?: string; moduleId?: string }) {
      let module: ExamModule;
      if (args.draftId) {
        const draft = draftOf(draftRow(args.draftId));
        if (draft.kind !== 'exam-module') throw new ApiFailure('invalid-payload', 'only a module draft can be previewed', '/draftId');
        const first = draft.problems[0];
        if (first) throw new ApiFailure('invalid-payload', `the module cannot be previewed yet: ${first.message}`, first.pointer);
        module = draft.document as ExamModule;
      } else if (args.moduleId) {
        const m = registry.byId(args.moduleId);
        if (!m) throw new ApiFailure('not-found', `no exam module ${args.moduleId}`, '/moduleId');
        module = m.module;
      } else throw new ApiFailure('invalid-payload', 'name a module draft or a module', '/draftId');
      const drawn = instantiateAttempt(module, 'preview', content.current(), runtime.newId('preview'), { questionIds: new Set(), caseIds: [], vignetteIds: new Set() });
      const summary = exams.summarize(module, 'preview');
      return { summary, parts: partViews(module, drawn) };
    },

    analysis(moduleId: string) {
      if (!registry.byId(moduleId)) throw new ApiFailure('not-found', `no exam module ${moduleId}`, '/moduleId');
      const rows = submittedOf(moduleId);
      const seen = new Map<string, Question>();
      for (const row of rows) for (const [, q] of seenVersions(JSON.parse(row.content) as ExamAttemptContent)) seen.set(`${q.id}@${q.version}`, q);
      const result = analyseModule(analysedAttempts(rows), {
        optionsOf: (id, version) => {
          const q = seen.get(`${id}@${version}`);
          return q && (q.type === 'single' || q.type === 'multiple') ? { ids: q.options.map((o) => o.id), key: [...q.key] } : undefined;
        },
      });
      return {
        moduleId,
        attempts: result.attempts,
        questions: result.questions.map((s) => {
          const newest = content.version('question', s.questionId)?.version ?? s.version;
          return { ...s, stem: seen.get(`${s.questionId}@${s.version}`)!.stem, flags: [...s.flags], newerVersion: newest > s.version ? newest : null };
        }),
        alpha: result.alpha,
        thresholds: { ...ANALYSIS_THRESHOLDS },
      };
    },

    regradeCandidates: (questionId: string) => candidates(questionId).map((c) => c.view),

    regrade(caller: SignedIn, args: { questionId: string; reason: string; examAttemptIds?: string[] }) {
      const list = candidates(args.questionId).filter((c) => !args.examAttemptIds || args.examAttemptIds.includes(c.row.id));
      const toVersion = content.version('question', args.questionId)!.version;
      store.write(
        () => {
          for (const { row, after, view } of list) {
            const seq = store.get<{ n: number }>('SELECT count(*) AS n FROM exam_regrades WHERE exam_attempt_id = ?', row.id)!.n;
            store.run(
              'INSERT INTO exam_regrades (exam_attempt_id, seq, at, by, reason, question_id, from_version, to_version, score, passed, critical_failure, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
              row.id,
              seq,
              now(),
              caller.personId,
              args.reason,
              args.questionId,
              view.seenVersion,
              toVersion,
              after.score,
              after.passed ? 1 : 0,
              after.criticalFailure ? 1 : 0,
              JSON.stringify(after),
            );
            audit.append({
              action: 'exam.regraded',
              actor: caller,
              subject: row.id,
              details: { personId: row.person_id, questionId: args.questionId, fromVersion: view.seenVersion, toVersion, reason: args.reason, before: view.before, after: view.after },
            });
            if (after.passed) exams.markRoleExamined(row.person_id);
          }
        },
        { durable: true },
      );
      return list.map((c) => c.view);
    },
  };
}

export type AuthoringService = ReturnType<typeof createAuthoringService>;
