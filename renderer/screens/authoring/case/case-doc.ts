// The patient case document as the form edits it: a new case's complete skeleton (every history topic
// present with an empty answer, so the author fills fields rather than building structure), and the
// places the form shows problems at (the rest go at the top).

import type { PatientCaseDoc } from '../../../../core/exams/format/case';
import { HISTORY_TOPIC_IDS } from '../../../../core/exams/format/history-topics';
import { getAt, list, pointerOf, type Placed } from './doc-edit';

const empty = () => ({ zh: '', en: '' });

export function newPatientCase(id = 'new-case'): PatientCaseDoc {
  return {
    kind: 'patient-case',
    formatVersion: 1,
    id,
    version: 1,
    title: empty(),
    clauses: ['7.1', '7.2'],
    procedure: 'roller',
    patient: { age: 30, sex: 'female', fitzpatrick: 3, skinType: 'normal', presenting: empty() },
    plannedRegions: [],
    history: Object.fromEntries(HISTORY_TOPIC_IDS.map((topic) => [topic, { answer: empty() }])) as PatientCaseDoc['history'],
    findings: [],
    conditions: [],
    expected: { decision: 'treat', rationale: empty() },
  };
}

/** Where the case form shows problems: a pointer, or a pointer and everything below it. */
export function casePlaces(doc: unknown): Placed[] {
  const exact = (...pointers: string[]): Placed[] => pointers.map((pointer) => ({ pointer }));
  const deep = (...pointers: string[]): Placed[] => pointers.map((pointer) => ({ pointer, deep: true }));
  const places: Placed[] = [
    ...exact('/id', '/version', '/procedure', '/patient/age', '/patient/sex', '/patient/fitzpatrick', '/patient/skinType', '/expected/decision'),
    ...deep('/title', '/clauses', '/patient/presenting', '/plannedRegions', '/conditions', '/nasalImplant', '/hairBearingScalp', '/newProducts', '/expected/rationale'),
  ];
  for (const topic of HISTORY_TOPIC_IDS) places.push({ pointer: pointerOf(['history', topic]) }, { pointer: pointerOf(['history', topic, 'answer']), deep: true }, { pointer: pointerOf(['history', topic, 'reveals']), deep: true });
  list(getAt(doc, ['findings'])).forEach((_, i) => {
    places.push(...exact(`/findings/${i}`, `/findings/${i}/id`, `/findings/${i}/appearance`), ...deep(`/findings/${i}/regions`, `/findings/${i}/description`, `/findings/${i}/reveals`));
  });
  places.push({ pointer: '/findings' });
  return places;
}
