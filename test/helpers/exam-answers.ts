// For tests: the right (or a chosen wrong) answer to everything an exam attempt drew, read from the
// attempt's content as main stored it. Unit tests read it from the store; end-to-end tests from the
// data folder's database after the server wrote it.

import type { ExamAttemptContent } from '../../core/exams/attempt';
import { expectedCaseDecision } from '../../core/exams/case-screening';
import type { ExamStep } from '../../core/exams/format/steps';
import { HISTORY_TOPIC_IDS } from '../../core/exams/format/history-topics';

/** The steps that answer every knowledge question and vignette right and screen every case as expected. */
export function rightSteps(content: ExamAttemptContent, options: { caseDecision?: 'expected' | 'treat-everything' } = {}): ExamStep[] {
  const steps: ExamStep[] = [];
  for (const part of content.parts) {
    if (part.kind === 'knowledge') {
      for (const { itemId, question: q } of part.items) {
        const response =
          q.type === 'true-false'
            ? { kind: 'true-false' as const, value: q.key }
            : q.type === 'region'
              ? { kind: 'regions' as const, regions: q.answerMode === 'all' ? [...q.key] : [q.key[0]!] }
              : { kind: 'choice' as const, optionIds: [...q.key] };
        steps.push({ kind: 'answer', partId: part.partId, itemId, response });
      }
    } else if (part.kind === 'complication') {
      for (const { itemId, vignette } of part.items) steps.push({ kind: 'choose', partId: part.partId, itemId, optionIds: vignette.options.filter((o) => o.correct).map((o) => o.id) });
    } else if (part.kind === 'case') {
      const doc = part.case;
      const expected = expectedCaseDecision(doc);
      for (const topic of HISTORY_TOPIC_IDS) steps.push({ kind: 'ask', partId: part.partId, topic });
      const regions = new Set([...doc.plannedRegions, ...doc.findings.flatMap((f) => f.regions)]);
      for (const region of regions) steps.push({ kind: 'examine', partId: part.partId, region });
      if (options.caseDecision === 'treat-everything') {
        steps.push({ kind: 'decide', partId: part.partId, decision: { kind: 'treat', excludeRegions: [], needleLimits: [], pretreatments: [] } });
      } else {
        for (const c of expected.contraindications) steps.push({ kind: 'mark', partId: part.partId, conditionId: c.conditionId, marked: true });
        steps.push({
          kind: 'decide',
          partId: part.partId,
          decision: {
            kind: expected.decision,
            excludeRegions: expected.decision === 'limit' ? [...expected.excludedRegions] : [],
            needleLimits: expected.decision === 'limit' && expected.nasalImplant ? [{ region: 'nose', maxNeedleMm: 0.25 }] : [],
            pretreatments: expected.decision === 'limit' ? expected.pretreatments.map((p) => p.step as 'antiviral-prophylaxis' | 'skin-trial') : [],
          },
        });
      }
      steps.push({ kind: 'consent', partId: part.partId, consent: { goalsDiscussed: true, risksExplained: [...expected.risksToExplain], signed: true } });
    }
  }
  return steps;
}
