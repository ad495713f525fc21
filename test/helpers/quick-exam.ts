// For tests: a one-part module (5 questions of section 8) on the nurse track, over part of the shipped
// bank, so a trainee can pass a track in a few calls; and passing it with the right answers read from the
// attempt main stored.

import { readFileSync } from 'node:fs';
import type { ExamAttemptContent } from '../../core/exams/attempt';
import { buildCatalog, type ExamCatalog } from '../../core/exams/catalog';
import { SHIPPED_EXAMS_DIR } from '../../core/node/exams-dir';
import { rightSteps } from './exam-answers';
import { NURSE, type seededInstitution } from './training-services';

export const QUICK_MODULE = {
  kind: 'exam-module',
  formatVersion: 1,
  id: 'quick',
  version: 1,
  title: { zh: '快速理论测验', en: 'Quick theory check' },
  description: { zh: '测试用', en: 'for tests' },
  certifies: ['nurse'],
  procedure: null,
  syllabus: [{ clause: '8.5.1' }],
  parts: [{ id: 'knowledge', kind: 'knowledge', title: { zh: '理论', en: 'Theory' }, timeLimitMin: 2, minScore: 60, weight: 1, draws: [{ clauses: ['8'], count: 5 }] }],
  passRule: { overallMin: 60, attemptsAllowed: 3, retakeWaitHours: 1, consecutivePasses: 1 },
  release: { results: 'immediate', solutions: 'after-submit' },
};

/** Sections 3-8 and 13 of the shipped bank, the given module (QUICK_MODULE by default) and a nurse track needing only it. */
export function quickCatalog(module: Record<string, unknown> = QUICK_MODULE): ExamCatalog {
  const read = (name: string) => ({ name, text: readFileSync(`${SHIPPED_EXAMS_DIR}/${name}`, 'utf8') });
  const bank = ['questions/s03-s05.json', 'questions/s06-s07.json', 'questions/s08.json', 'questions/s13.json'].map(read);
  return buildCatalog([
    ...bank,
    { name: 'modules/quick.json', text: JSON.stringify(module) },
    { name: 'tracks.json', text: JSON.stringify({ kind: 'role-tracks', formatVersion: 1, tracks: [{ profession: 'nurse', modules: ['quick'] }] }) },
  ]);
}

type Seeded = Awaited<ReturnType<typeof seededInstitution>>;

/** The seeded nurse takes the quick module and answers everything right; returns the exam attempt's id. */
export async function passQuickModule(s: Seeded): Promise<string> {
  const { id } = s.ok(await s.trainee.exams.start({ moduleId: 'quick', certificateNumber: NURSE.certificateNumber }));
  const content = JSON.parse(s.services.live()!.store.get<{ content: string }>('SELECT content FROM exam_attempts WHERE id = ?', id)!.content) as ExamAttemptContent;
  for (const step of rightSteps(content)) s.ok(await s.trainee.exams.step({ examAttemptId: id, step }));
  s.ok(await s.trainee.exams.submit({ examAttemptId: id }));
  return id;
}
