// New documents for each kind (blank where the author must write; main lists what is missing), what a
// draft is called in lists, and a duplicate's document.

import { newPatientCase } from './case/case-doc';
import type { AuthoredKind } from '../../../core/api/contract';
import { asLocalized, EMPTY_TEXT, type Localized } from './fields';

const blankOption = (id: string) => ({ id, text: { ...EMPTY_TEXT } });

export function blankDocument(kind: AuthoredKind): Record<string, unknown> {
  switch (kind) {
    case 'question':
      return { id: '', version: 1, type: 'single', clauses: [], difficulty: 1, stem: { ...EMPTY_TEXT }, options: ['a', 'b', 'c', 'd'].map(blankOption), key: [], explanation: { ...EMPTY_TEXT } };
    case 'complication':
      return {
        kind: 'complication',
        formatVersion: 1,
        id: '',
        version: 1,
        clauses: [],
        title: { ...EMPTY_TEXT },
        presentation: { ...EMPTY_TEXT },
        options: ['a', 'b', 'c'].map((id) => ({ ...blankOption(id), correct: false, why: { ...EMPTY_TEXT } })),
      };
    case 'exam-module':
      return {
        kind: 'exam-module',
        formatVersion: 1,
        id: '',
        version: 1,
        title: { ...EMPTY_TEXT },
        description: { ...EMPTY_TEXT },
        certifies: [],
        procedure: null,
        syllabus: [],
        parts: [],
        passRule: { overallMin: 60, attemptsAllowed: 3, retakeWaitHours: 24, consecutivePasses: 1 },
        release: { results: 'immediate', solutions: 'after-submit' },
      };
    case 'patient-case':
      // Every history topic present, so the author fills fields rather than building structure.
      return { ...newPatientCase(''), title: { ...EMPTY_TEXT } };
  }
}

export function asRecord(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** What a draft is called: a question's stem, anything else's title. */
export function documentTitle(kind: AuthoredKind, document: unknown): Localized {
  const doc = asRecord(document);
  return asLocalized(kind === 'question' ? doc.stem : doc.title);
}

export function documentId(document: unknown): string {
  const id = asRecord(document).id;
  return typeof id === 'string' ? id : '';
}

/** A copy to be published under a new id (version 1). */
export function duplicateDocument(document: unknown): Record<string, unknown> {
  const doc = asRecord(document);
  const id = documentId(doc);
  return { ...doc, id: id ? `${id}-copy`.slice(0, 80) : '', version: 1 };
}
