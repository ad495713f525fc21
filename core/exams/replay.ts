// Replaying an attempt's stored steps into the trainee's responses: the last answer to each item counts,
// a history question once asked stays asked, examining a region shows its findings. checkStep refuses a
// step that does not fit the attempt's content (a part or item that is not there, a step of the wrong
// kind for the part), with a pointer into the step.

import type { CaseState, ResponseState } from '../api/schemas/exams';
import { CONDITION_IDS } from '../rules/conditions';
import type { ExamAttemptContent, PartInstance } from './attempt';
import type { ExamStep } from './format/steps';

export function emptyState(): ResponseState {
  return { answers: {}, flags: [], cases: {}, choices: {}, practicals: {} };
}

const emptyCase = (): CaseState => ({ asked: [], examined: [], marked: [], decision: null, consent: null });

export type StepProblem = { pointer: string; message: string } | null;

export function checkStep(content: ExamAttemptContent, step: ExamStep): StepProblem {
  const part = content.parts.find((p) => p.partId === step.partId);
  if (!part) return { pointer: '/step/partId', message: `this attempt has no part "${step.partId}"` };
  const wrongKind = (expected: PartInstance['kind']) => (part.kind === expected ? null : { pointer: '/step/kind', message: `a "${step.kind}" step does not belong to a ${part.kind} part` });
  switch (step.kind) {
    case 'answer':
    case 'flag': {
      if (part.kind !== 'knowledge') return wrongKind('knowledge');
      const item = part.items.find((i) => i.itemId === step.itemId);
      if (!item) return { pointer: '/step/itemId', message: `part "${step.partId}" has no question "${step.itemId}"` };
      if (step.kind === 'flag') return null;
      const q = item.question;
      const r = step.response;
      if ((q.type === 'single' || q.type === 'multiple') && r.kind !== 'choice') return { pointer: '/step/response/kind', message: 'this question is answered by choosing options' };
      if (q.type === 'true-false' && r.kind !== 'true-false') return { pointer: '/step/response/kind', message: 'this question is answered true or false' };
      if (q.type === 'region' && r.kind !== 'regions') return { pointer: '/step/response/kind', message: 'this question is answered by picking regions on the head' };
      if (r.kind === 'choice' && (q.type === 'single' || q.type === 'multiple')) {
        const ids = q.options.map((o) => o.id);
        const bad = r.optionIds.findIndex((o) => !ids.includes(o));
        if (bad >= 0) return { pointer: `/step/response/optionIds/${bad}`, message: `option "${r.optionIds[bad]}" is not one of ${ids.join(', ')}` };
        if (q.type === 'single' && r.optionIds.length > 1) return { pointer: '/step/response/optionIds', message: 'a single-choice question takes one option' };
      }
      return null;
    }
    case 'choose': {
      if (part.kind !== 'complication') return wrongKind('complication');
      const item = part.items.find((i) => i.itemId === step.itemId);
      if (!item) return { pointer: '/step/itemId', message: `part "${step.partId}" has no vignette "${step.itemId}"` };
      const ids = item.vignette.options.map((o) => o.id);
      const bad = step.optionIds.findIndex((o) => !ids.includes(o));
      return bad >= 0 ? { pointer: `/step/optionIds/${bad}`, message: `option "${step.optionIds[bad]}" is not one of ${ids.join(', ')}` } : null;
    }
    case 'mark':
      if (part.kind !== 'case') return wrongKind('case');
      return CONDITION_IDS.has(step.conditionId) ? null : { pointer: '/step/conditionId', message: `"${step.conditionId}" is not a condition of the list` };
    case 'ask':
    case 'examine':
    case 'decide':
    case 'consent':
      return wrongKind('case');
  }
}

/** The responses after `steps`, in order. Practical parts' linked attempts are added by the caller. */
export function replaySteps(content: ExamAttemptContent, steps: readonly ExamStep[]): ResponseState {
  const state = emptyState();
  const flags = new Set<string>();
  for (const step of steps) {
    const key = 'itemId' in step ? `${step.partId}/${step.itemId}` : step.partId;
    switch (step.kind) {
      case 'answer':
        state.answers[key] = step.response;
        break;
      case 'flag':
        if (step.flagged) flags.add(key);
        else flags.delete(key);
        break;
      case 'choose':
        state.choices[key] = [...step.optionIds].sort();
        break;
      default: {
        const part = content.parts.find((p) => p.partId === step.partId);
        if (part?.kind !== 'case') break;
        const cs = (state.cases[step.partId] ??= emptyCase());
        if (step.kind === 'ask') {
          if (!cs.asked.some((a) => a.topic === step.topic)) cs.asked.push({ topic: step.topic, answer: part.case.history[step.topic as keyof typeof part.case.history].answer });
        } else if (step.kind === 'examine') {
          if (!cs.examined.some((e) => e.region === step.region)) {
            const findings = part.case.findings.map((f, i) => ({ f, id: `f${i + 1}` })).filter(({ f }) => f.regions.includes(step.region));
            cs.examined.push({ region: step.region, findings: findings.map(({ f, id }) => ({ id, description: f.description })) });
          }
        } else if (step.kind === 'mark') {
          const set = new Set(cs.marked);
          if (step.marked) set.add(step.conditionId);
          else set.delete(step.conditionId);
          cs.marked = [...set].sort();
        } else if (step.kind === 'decide') cs.decision = step.decision;
        else if (step.kind === 'consent') cs.consent = step.consent;
      }
    }
  }
  state.flags = [...flags];
  for (const p of content.parts) if (p.kind === 'case') state.cases[p.partId] ??= emptyCase();
  return state;
}
