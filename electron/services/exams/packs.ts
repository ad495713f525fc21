// Exam packs and question banks in and out, in main. Export: our own pack (modules and everything they use,
// with its manifest and hashes), QTI 3.0 content packages, Moodle XML and the XLSX template Chinese
// training bases use. Import: the file is checked whole first (core's converters and the catalogue's rules)
// and the report says what would be added, replaced, unchanged or rejected and why; only `apply` writes —
// a pack all or nothing, a question bank every question that passed (a rejected one is never half
// imported). Imported items keep their version where it is new here, so hashes survive the round trip.

import type { z } from 'zod';
import type { SignedIn } from '../../../core/api/contract';
import type { packExportSchema, packImportSchema, packReportSchema } from '../../../core/api/schemas/authoring';
import { ApiFailure } from '../../../core/api/errors';
import { contentHash } from '../../../core/exams/catalog';
import type { ExamModule } from '../../../core/exams/format/module';
import { IMAGE_EXTENSIONS, QUESTION_IMAGE_TYPES, type Question, type QuestionImageType } from '../../../core/exams/format/question';
import { exportMoodleXml, importMoodleXml } from '../../../core/exams/interop/moodle';
import { exportQtiPackage, importQtiPackage } from '../../../core/exams/interop/qti';
import { buildPack, fromBase64, inspectPack, toBase64, type ExistingContent, type ExistingEntry } from '../../../core/exams/pack';
import type { AuditTrail } from '../audit';
import type { TrainingStore } from '../db/store';
import type { Clock, IdSource } from '../runtime';
import type { MediaService } from './media';
import type { ExamsService } from './service';
import { readBankXlsx, writeBankXlsx } from './xlsx-bank';

type Report = z.output<typeof packReportSchema>;

export function createPacksService(deps: { store: TrainingStore; audit: AuditTrail; exams: ExamsService; runtime: Clock & IdSource; media: MediaService; institution: () => string }) {
  const { audit, exams, runtime, media } = deps;
  const { content, registry } = exams;

  const currentQuestions = (): Question[] => [...content.current().questions.values()].map(({ bank: _b, ...q }) => (void _b, q as Question));

  const existing = (): ExistingContent => {
    const of = <T extends { id: string; version: number }>(docs: Iterable<T>) => new Map<string, ExistingEntry<T>>([...docs].map((d) => [d.id, { version: d.version, hash: contentHash(d), document: d }]));
    const c = content.current();
    return {
      questions: of(content.newest('question').map((r) => r.document as Question)),
      cases: of([...c.cases.values()]),
      complications: of([...c.complications.values()]),
      modules: new Map(registry.all().map((m) => [m.module.id, { version: m.module.version, hash: m.hash, document: m.module }])),
    };
  };

  /** Report lines for plain question banks, each question checked by the catalogue's rules. */
  const bankReport = (questions: readonly Question[], rejected: readonly { item: string; reason: string; pointer?: string | null }[]) => {
    const have = existing().questions;
    const items: Report['items'] = rejected.map((r) => ({ kind: 'question', id: r.item, version: null, action: 'reject' as const, reason: r.reason, pointer: r.pointer ?? null }));
    const accepted: Question[] = [];
    for (const q of questions) {
      const problems = content.check('question', q, registry.all().map((m) => m.module));
      if (problems.length > 0) {
        items.push({ kind: 'question', id: q.id, version: q.version, action: 'reject', reason: problems[0]!.message, pointer: problems[0]!.pointer });
        continue;
      }
      const prior = have.get(q.id);
      const action = !prior ? 'add' : prior.hash === contentHash(q) ? 'unchanged' : 'replace';
      items.push({ kind: 'question', id: q.id, version: q.version, action, reason: action === 'replace' ? `replaces version ${prior!.version} with a new version` : null, pointer: null });
      if (action !== 'unchanged') accepted.push(q);
    }
    return { items, accepted };
  };

  /** The images the questions show, as pack media ("media/<sha256>.<ext>"); an image not stored here is left out (the importer then refuses its question). */
  const mediaOf = (questions: readonly Question[]) => {
    const seen = new Set<string>();
    const out: { path: string; mediaType: string; bytes: Uint8Array }[] = [];
    for (const q of questions) {
      if (!q.image || seen.has(q.image.sha256)) continue;
      seen.add(q.image.sha256);
      const stored = media.bytesOf(q.image.sha256);
      if (stored) out.push({ path: `media/${q.image.sha256}.${IMAGE_EXTENSIONS[q.image.mediaType]}`, mediaType: stored.mediaType, bytes: stored.bytes });
    }
    return out;
  };

  const write = (caller: SignedIn, fileName: string, format: string, docs: { questions: Question[]; cases?: unknown[]; complications?: unknown[]; modules?: ExamModule[] }, images: readonly { mediaType: QuestionImageType; bytes: Uint8Array }[] = []) => {
    deps.store.write(() => {
      // Images first: a question is published only with its image stored.
      for (const img of images) media.put(img.mediaType, img.bytes);
      for (const q of docs.questions) content.publish('question', q, caller, 'imported', q.version);
      for (const c of (docs.cases ?? []) as Question[]) content.publish('patient-case', c, caller, 'imported', c.version);
      for (const v of (docs.complications ?? []) as Question[]) content.publish('complication', v, caller, 'imported', v.version);
      for (const m of docs.modules ?? []) registry.publish(m, caller, 'imported', m.version);
      audit.append({ action: 'packs.imported', actor: caller, subject: fileName, details: { format, questions: docs.questions.length, cases: docs.cases?.length ?? 0, complications: docs.complications?.length ?? 0, modules: (docs.modules ?? []).map((m) => `${m.id}@${m.version}`) } });
    });
  };

  return {
    async export(args: z.output<typeof packExportSchema>) {
      const stamp = runtime.now().toISOString();
      const day = stamp.slice(0, 10);
      // QTI, Moodle XML and the XLSX template carry no images: a question with an image is left out of them (docs/exam-interop.md), never exported without it.
      const pick = (qs: Question[]) => (args.questionIds ? qs.filter((q) => args.questionIds!.includes(q.id)) : qs).filter((q) => !q.image);
      switch (args.format) {
        case 'pack': {
          const modules = registry.current().map((m) => m.module).filter((m) => !args.moduleIds || args.moduleIds.includes(m.id));
          const c = content.current();
          const questions = currentQuestions();
          const pack = buildPack({ institution: deps.institution(), createdAt: stamp, questions, cases: [...c.cases.values()], complications: [...c.complications.values()], modules, media: mediaOf(questions) });
          return { fileName: `exam-pack-${day}.json`, mediaType: 'application/json', base64: toBase64(new TextEncoder().encode(JSON.stringify(pack, null, 2))) };
        }
        case 'qti':
          return { fileName: `qti-bank-${day}.zip`, mediaType: 'application/zip', base64: toBase64(exportQtiPackage(pick(currentQuestions()), { title: `${deps.institution()} 题库 / question bank` })) };
        case 'moodle':
          return { fileName: `moodle-bank-${day}.xml`, mediaType: 'application/xml', base64: toBase64(new TextEncoder().encode(exportMoodleXml(pick(currentQuestions())))) };
        case 'xlsx':
          return { fileName: `question-bank-${day}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: toBase64(await writeBankXlsx(pick(currentQuestions()))) };
      }
    },

    async import(caller: SignedIn, args: z.output<typeof packImportSchema>): Promise<Report> {
      const bytes = fromBase64(args.base64);
      if (!bytes) throw new ApiFailure('invalid-payload', `${args.fileName} did not arrive as base64`, '/base64');
      if (args.format === 'pack') {
        const { report, pack } = inspectPack(new TextDecoder().decode(bytes), existing());
        const out: Report = { ok: report.ok, applied: false, items: report.items.map((i) => ({ kind: i.kind, id: i.id, version: i.version, action: i.action, reason: i.reason, pointer: i.pointer })), problems: report.problems };
        // The pack's images (checked by magic number like an upload); each question's image must be one of them or stored here.
        const images = new Map<string, { mediaType: QuestionImageType; bytes: Uint8Array }>();
        if (pack) {
          pack.media.forEach((m, n) => {
            const b = fromBase64(m.base64);
            if (!b || !(QUESTION_IMAGE_TYPES as readonly string[]).includes(m.mediaType)) return;
            const problem = media.imageProblem(m.mediaType, b);
            if (problem) {
              out.problems.push({ pointer: `/media/${n}`, message: `media "${m.path}": ${problem}` });
              const line = out.items.find((i) => i.kind === 'media' && i.id === m.path);
              if (line) Object.assign(line, { action: 'reject', reason: problem, pointer: `/media/${n}` });
            } else images.set(m.sha256, { mediaType: m.mediaType as QuestionImageType, bytes: b });
          });
          pack.documents.questions.forEach((q, n) => {
            if (!q.image || images.has(q.image.sha256) || media.typeOf(q.image.sha256) !== undefined) return;
            const reason = `the image ${q.image.sha256} is neither in the pack's media nor stored here`;
            out.problems.push({ pointer: `/documents/questions/${n}/image/sha256`, message: `question ${q.id}: ${reason}` });
            const line = out.items.find((i) => i.kind === 'question' && i.id === q.id);
            if (line) Object.assign(line, { action: 'reject', reason, pointer: `/documents/questions/${n}/image/sha256` });
          });
          out.ok = out.problems.length === 0;
        }
        if (args.apply && out.ok && pack) {
          const todo = new Set(report.items.filter((i) => i.action === 'add' || i.action === 'replace').map((i) => `${i.kind}:${i.id}`));
          const keep = <T extends { id: string }>(kind: string, list: T[]) => list.filter((d) => todo.has(`${kind}:${d.id}`));
          const questions = keep('question', pack.documents.questions);
          const used = new Set(questions.flatMap((q) => (q.image ? [q.image.sha256] : [])));
          write(
            caller,
            args.fileName,
            'pack',
            {
              questions,
              cases: keep('patient-case', pack.documents.cases),
              complications: keep('complication', pack.documents.complications),
              modules: keep('exam-module', pack.documents.modules),
            },
            [...images].filter(([hash]) => used.has(hash)).map(([, img]) => img),
          );
          out.applied = true;
        }
        return out;
      }
      let parsed: { questions: Question[]; rejected: { item: string; reason: string; pointer?: string | null }[] };
      if (args.format === 'qti') parsed = importQtiPackage(bytes);
      else if (args.format === 'moodle') parsed = importMoodleXml(new TextDecoder().decode(bytes));
      else {
        const x = await readBankXlsx(bytes);
        parsed = { questions: x.questions, rejected: x.rejected.map((r) => ({ item: `row ${r.row}`, reason: r.reason, pointer: r.column ? `/rows/${r.row}/${r.column}` : `/rows/${r.row}` })) };
      }
      const { items, accepted } = bankReport(parsed.questions, parsed.rejected);
      const out: Report = { ok: items.every((i) => i.action !== 'reject'), applied: false, items, problems: items.filter((i) => i.action === 'reject').map((i) => ({ pointer: i.pointer ?? '', message: `${i.id}: ${i.reason}` })) };
      if (args.apply && accepted.length > 0) {
        write(caller, args.fileName, args.format, { questions: accepted });
        out.applied = true;
      }
      return out;
    },
  };
}
