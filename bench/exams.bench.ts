// Exam benchmarks (issue 8), on a database file in a temp folder with the shipped exams and the shipped head:
// - draw and start 1,000 attempts of the roller module for nurses (identity check, standing, draw of the
//   knowledge questions, the case and the vignettes, one stored row each);
// - every answer saved as a step (about 50 an attempt), each reply carrying the replayed state;
// - the practical part of each: a test-mode studio attempt with a recorded forehead session, scored once in
//   main on the shipped head with the task's scenario;
// - grade 1,000 submitted attempts with their practical parts (replay, case screening, the stored report,
//   the pass rule, one durable write each).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExamAttemptContent } from '../core/exams/attempt';
import type { Recording } from '../core/recording/types';
import { createServices, loadScoringPorts, openDataFolderStorage } from '../electron/services';
import { createScryptHasher } from '../electron/services/passwords';
import { rightSteps } from '../test/helpers/exam-answers';
import { percentile, type BenchRow } from './table';

const APP_INFO = { productName: { zh: '微针', en: 'Trainer' }, version: 'bench', shell: 'web' as const, platform: process.platform, locale: 'zh-CN', dataDir: '' };
const N = 1_000;

function must<T>(r: unknown): T {
  const x = r as { ok: boolean; value?: T; error?: { message: string } };
  if (!x.ok) throw new Error(x.error!.message);
  return x.value as T;
}

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { 'median ms': +percentile(s, 0.5).toFixed(2), 'p99 ms': +percentile(s, 0.99).toFixed(2), 'total s': +(s.reduce((a, b) => a + b, 0) / 1000).toFixed(2) };
};

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-exams-'));
  const services = await createServices({ storage: await openDataFolderStorage(dir), appInfo: APP_INFO, scoring: loadScoringPorts(), hasher: createScryptHasher({ N: 2 ** 10, r: 8, p: 1 }) });
  try {
    const call = (name: string, args: unknown, clientKey: string) => services.dispatch(name, args, { clientKey });
    must(await call('auth.setup', { institutionName: 'Bench', admin: { name: 'Admin', username: 'admin', password: 'bench password 1' } }, 'admin'));
    const trainees: { key: string; cert: string }[] = [];
    for (let i = 0; i < N; i++) {
      const cert = `N-${String(i).padStart(6, '0')}`;
      const p = must<{ id: string }>(await call('people.create', { accountRole: 'trainee', name: `学员 ${i}`, profession: 'nurse', certificateNumber: cert, certificateKind: 'nurse-qualification' }, 'admin'));
      must(await call('auth.signInTrainee', { personId: p.id }, `t${i}`));
      trainees.push({ key: `t${i}`, cert });
    }
    const recording = JSON.parse(readFileSync(new URL('../test/fixtures/recordings/roller-forehead-good.json', import.meta.url), 'utf8')) as Recording;
    const events = [
      ...recording.settings.map((change) => ({ kind: 'settings' as const, change })),
      ...recording.steps.map((step) => ({ kind: 'step' as const, step })),
      ...recording.samples.map((sample) => ({ kind: 'sample' as const, sample })),
    ];
    const store = services.live()!.store;

    const startMs: number[] = [];
    const ids: string[] = [];
    for (const t of trainees) {
      const t0 = performance.now();
      const s = must<{ id: string }>(await call('exams.start', { moduleId: 'roller-nurse', certificateNumber: t.cert }, t.key));
      startMs.push(performance.now() - t0);
      ids.push(s.id);
    }

    const stepMs: number[] = [];
    const practicalMs: number[] = [];
    let practicalPassed = 0;
    for (let i = 0; i < N; i++) {
      const content = JSON.parse(store.get<{ content: string }>('SELECT content FROM exam_attempts WHERE id = ?', ids[i]!)!.content) as ExamAttemptContent;
      for (const step of rightSteps(content)) {
        const t0 = performance.now();
        must(await call('exams.step', { examAttemptId: ids[i], step }, trainees[i]!.key));
        stepMs.push(performance.now() - t0);
      }
      const t0 = performance.now();
      const started = must<{ attemptId: string }>(await call('exams.startPractical', { examAttemptId: ids[i], partId: 'practical' }, trainees[i]!.key));
      for (let b = 0; b * 5000 < events.length; b++) must(await call('sessions.append', { attemptId: started.attemptId, seq: b, events: events.slice(b * 5000, (b + 1) * 5000) }, trainees[i]!.key));
      const finished = must<{ report: { passed: boolean } }>(await call('sessions.finish', { attemptId: started.attemptId, batches: Math.ceil(events.length / 5000), endTMs: recording.end.tMs, zones: [] }, trainees[i]!.key));
      practicalMs.push(performance.now() - t0);
      if (finished.report.passed) practicalPassed++;
    }

    const gradeMs: number[] = [];
    let passed = 0;
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      const s = must<{ result: { passed: boolean } }>(await call('exams.submit', { examAttemptId: ids[i] }, trainees[i]!.key));
      gradeMs.push(performance.now() - t0);
      if (s.result.passed) passed++;
    }
    return [
      { group: 'exams', name: `draw and start ${N.toLocaleString('en')} attempts (roller module for nurses)`, figures: stats(startMs), target: 'p99 < 50 ms', met: percentile([...startMs].sort((a, b) => a - b), 0.99) < 50 },
      { group: 'exams', name: `save ${stepMs.length.toLocaleString('en')} answers as steps (reply with replayed state)`, figures: stats(stepMs), target: 'p99 < 20 ms', met: percentile([...stepMs].sort((a, b) => a - b), 0.99) < 20 },
      { group: 'exams', name: `${N.toLocaleString('en')} practical parts: start, ${events.length} events, finish scored on the shipped head`, figures: { ...stats(practicalMs), passed: `${practicalPassed}/${N}` } },
      { group: 'exams', name: `grade ${N.toLocaleString('en')} submitted attempts with practical parts`, figures: { ...stats(gradeMs), passed: `${passed}/${N}` }, target: 'p99 < 50 ms', met: percentile([...gradeMs].sort((a, b) => a - b), 0.99) < 50 },
    ];
  } finally {
    await services.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
