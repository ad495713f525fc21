// What a step changes in the trainee's responses, applied locally while its save is on its way, so an
// answer shows at once and survives a failed save (it stays queued and is re-sent). Asking and examining
// wait for main's answer (the patient's reply, the findings), so they change nothing here.

import type { CaseState, ResponseState } from '../../../../core/api/contract';
import type { ExamStep, ItemResponse } from '../../../../core/exams/format/steps';

export const itemKey = (partId: string, itemId: string) => `${partId}/${itemId}`;

export const EMPTY_CASE: CaseState = { asked: [], examined: [], marked: [], decision: null, consent: null };

function withCase(state: ResponseState, partId: string, change: (c: CaseState) => CaseState): ResponseState {
  return { ...state, cases: { ...state.cases, [partId]: change(state.cases[partId] ?? EMPTY_CASE) } };
}

export function applyStep(state: ResponseState, step: ExamStep): ResponseState {
  switch (step.kind) {
    case 'answer':
      return { ...state, answers: { ...state.answers, [itemKey(step.partId, step.itemId)]: step.response } };
    case 'flag': {
      const key = itemKey(step.partId, step.itemId);
      const rest = state.flags.filter((f) => f !== key);
      return { ...state, flags: step.flagged ? [...rest, key] : rest };
    }
    case 'choose':
      return { ...state, choices: { ...state.choices, [itemKey(step.partId, step.itemId)]: step.optionIds } };
    case 'mark':
      return withCase(state, step.partId, (c) => {
        const rest = c.marked.filter((m) => m !== step.conditionId);
        return { ...c, marked: step.marked ? [...rest, step.conditionId] : rest };
      });
    case 'decide':
      return withCase(state, step.partId, (c) => ({ ...c, decision: step.decision }));
    case 'consent':
      return withCase(state, step.partId, (c) => ({ ...c, consent: step.consent }));
    default:
      return state;
  }
}

/** Whether a stored response counts as an answer (a multiple-choice question with every box cleared does not). */
export function isAnswered(response: ItemResponse | undefined): boolean {
  if (!response) return false;
  if (response.kind === 'choice') return response.optionIds.length > 0;
  if (response.kind === 'regions') return response.regions.length > 0;
  return true;
}

/** Questions and vignettes of the attempt, and how many are unanswered or flagged (for the submit dialog). */
export function countItems(parts: readonly { id: string; kind: string; questions?: { itemId: string }[]; vignettes?: { itemId: string }[] }[], state: ResponseState) {
  let total = 0;
  let unanswered = 0;
  for (const part of parts) {
    for (const q of part.questions ?? []) {
      total++;
      if (!isAnswered(state.answers[itemKey(part.id, q.itemId)])) unanswered++;
    }
    for (const v of part.vignettes ?? []) {
      total++;
      if (!(state.choices[itemKey(part.id, v.itemId)]?.length)) unanswered++;
    }
  }
  return { total, unanswered, flagged: state.flags.length };
}
