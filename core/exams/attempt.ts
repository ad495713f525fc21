// An exam attempt's content: what was drawn when it started (the questions with their versions, the case,
// the vignettes, the task), fixed and stored with the attempt so a resumed attempt shows the same set and
// a regrade knows exactly which version of each question was seen. And the trainee's view of it, with
// keys, case truths and ids left out.

import { CONDITIONS } from '../rules/conditions';
import { STEP_NAMES } from '../rules/procedure';
import { CLAUSES } from '../standard/clauses';
import type { PartView } from '../api/schemas/exams';
import type { ExamCatalog } from './catalog';
import { contentHash } from './catalog';
import { drawQuestions, seededRandom, shuffled } from './draw';
import type { PatientCaseDoc } from './format/case';
import type { Complication } from './format/complication';
import { HISTORY_TOPICS } from './format/history-topics';
import type { ExamModule, ModulePart, PracticalTask } from './format/module';
import type { Question } from './format/question';
import { PRETREATMENT_STEPS } from './format/steps';

export const ATTEMPT_CONTENT_VERSION = 1;

export type PartInstance =
  | { kind: 'knowledge'; partId: string; items: { itemId: string; question: Question; hash: string }[] }
  | { kind: 'case'; partId: string; case: PatientCaseDoc; caseHash: string }
  | { kind: 'practical'; partId: string; task: PracticalTask }
  | { kind: 'complication'; partId: string; items: { itemId: string; vignette: Complication; hash: string }[] };

export interface ExamAttemptContent {
  contentVersion: typeof ATTEMPT_CONTENT_VERSION;
  module: { id: string; version: number; hash: string };
  parts: PartInstance[];
}

/** What the trainee met in earlier attempts of the module: retakes prefer what they have not seen. */
export interface SeenBefore {
  questionIds: ReadonlySet<string>;
  caseIds: readonly string[];
  vignetteIds: ReadonlySet<string>;
}

/**
 * Draws an attempt. Questions and vignettes are drawn at random (seeded by the attempt id) from what the
 * trainee has not seen where the pool allows; cases rotate through the part's list in order, so the first
 * attempt meets the first case and a retake the next one not yet met.
 */
export function instantiateAttempt(module: ExamModule, moduleHash: string, catalog: Pick<ExamCatalog, 'questions' | 'cases' | 'complications'>, seed: string, seen: SeenBefore): ExamAttemptContent {
  const random = seededRandom(seed);
  const parts = module.parts.map((part): PartInstance => {
    switch (part.kind) {
      case 'knowledge': {
        const drawn = drawQuestions(part.draws, [...catalog.questions.values()], random, seen.questionIds);
        return { kind: 'knowledge', partId: part.id, items: drawn.map((q, i) => ({ itemId: `k${i + 1}`, question: withoutBank(q), hash: contentHash(withoutBank(q)) })) };
      }
      case 'case': {
        const unseen = part.caseIds.find((id) => !seen.caseIds.includes(id));
        // All met already: the one met longest ago comes round again.
        const id = unseen ?? part.caseIds.map((c) => ({ c, last: seen.caseIds.lastIndexOf(c) })).sort((a, b) => a.last - b.last)[0]!.c;
        const doc = catalog.cases.get(id);
        if (!doc) throw new Error(`case ${id} of module ${module.id} did not load`);
        return { kind: 'case', partId: part.id, case: doc, caseHash: contentHash(doc) };
      }
      case 'practical':
        return { kind: 'practical', partId: part.id, task: part.task };
      case 'complication': {
        const fresh = shuffled(part.vignetteIds.filter((v) => !seen.vignetteIds.has(v)), random);
        const again = shuffled(part.vignetteIds.filter((v) => seen.vignetteIds.has(v)), random);
        const ids = [...fresh, ...again].slice(0, part.count);
        return {
          kind: 'complication',
          partId: part.id,
          items: ids.map((id, i) => {
            const v = catalog.complications.get(id);
            if (!v) throw new Error(`vignette ${id} of module ${module.id} did not load`);
            return { itemId: `c${i + 1}`, vignette: v, hash: contentHash(v) };
          }),
        };
      }
    }
  });
  return { contentVersion: ATTEMPT_CONTENT_VERSION, module: { id: module.id, version: module.version, hash: moduleHash }, parts };
}

function withoutBank(q: Question & { bank?: string }): Question {
  const { bank: _bank, ...rest } = q;
  void _bank;
  return rest as Question;
}

export function partDef(module: ExamModule, partId: string): ModulePart {
  const p = module.parts.find((x) => x.id === partId);
  if (!p) throw new Error(`module ${module.id} has no part ${partId}`);
  return p;
}

const CONTRAINDICATION_OPTIONS = CONDITIONS.filter((c) => c.kind === 'contraindication').map((c) => ({ conditionId: c.id, name: c.name }));
const RISK_OPTIONS = CLAUSES.filter((c) => c.section === 13).map((c) => ({ clause: c.id, name: c.heading }));
const PRETREATMENT_OPTIONS = PRETREATMENT_STEPS.map((s) => ({ step: s, name: STEP_NAMES[s] }));

/** The parts as the trainee sees them: no keys, no case truths, no question, case or vignette ids. */
export function partViews(module: ExamModule, content: ExamAttemptContent): PartView[] {
  return content.parts.map((inst): PartView => {
    const def = partDef(module, inst.partId);
    const head = { id: def.id, title: def.title, minScore: def.minScore, weight: def.weight, timeLimitMin: def.timeLimitMin };
    switch (inst.kind) {
      case 'knowledge':
        return {
          ...head,
          kind: 'knowledge',
          questions: inst.items.map(({ itemId, question: q }) => ({
            itemId,
            type: q.type,
            stem: q.stem,
            options: q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => ({ id: o.id, text: o.text })) : [],
            answerMode: q.type === 'region' ? q.answerMode : null,
            outsideStandard: q.outsideStandard?.source ?? null,
            image: q.image ? { sha256: q.image.sha256, mediaType: q.image.mediaType, alt: q.image.alt } : null,
          })),
        };
      case 'case': {
        const c = inst.case;
        return {
          ...head,
          kind: 'case',
          procedure: c.procedure,
          patient: { age: c.patient.age, sex: c.patient.sex, fitzpatrick: c.patient.fitzpatrick, presenting: c.patient.presenting },
          plannedRegions: [...c.plannedRegions],
          paintedFindings: c.findings.map((f, i) => ({ id: `f${i + 1}`, regions: [...f.regions], appearance: f.appearance })),
          historyTopics: HISTORY_TOPICS.map((t) => ({ id: t.id, question: t.question })),
          contraindicationOptions: CONTRAINDICATION_OPTIONS,
          riskOptions: RISK_OPTIONS,
          pretreatmentOptions: PRETREATMENT_OPTIONS,
        };
      }
      case 'practical':
        return { ...head, kind: 'practical', procedure: inst.task.procedure, brief: inst.task.brief };
      case 'complication':
        return {
          ...head,
          kind: 'complication',
          vignettes: inst.items.map(({ itemId, vignette: v }) => ({ itemId, title: v.title, presentation: v.presentation, options: v.options.map((o) => ({ id: o.id, text: o.text })) })),
        };
    }
  });
}

/** The module's total time: the sum of its parts' limits. */
export function moduleTimeLimitMs(module: ExamModule): number {
  return module.parts.reduce((ms, p) => ms + p.timeLimitMin * 60_000, 0);
}
