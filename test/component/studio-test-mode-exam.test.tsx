// An exam's practical part in the studio: main starts it (exams.startPractical, here a stand-in over the
// real sessions service, so append, finish and abandon go through main as for any attempt) in test mode.
// No scenario or mode to choose; the brief and a countdown; the procedure from the attempt's header; a
// neutral "recorded" screen after the end (never a report) whose button goes back to the exam; leaving
// asks, then abandons; a start main refuses is said in the UI language, with a way back.

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../core/api/errors';
import type { Recording } from '../../core/recording/types';
import { seededInstitution } from '../helpers/training-services';
import { findUntranslatedText } from './shell-text-audit';
import { renderStudioScreen } from './studio-setup';

vi.mock('../../renderer/studio/scene/StudioCanvas', () => ({
  StudioCanvas: ({ label }: { label: string }) => <div className="studio-canvas" role="img" aria-label={label} />,
}));

afterEach(cleanup);

const EXAM = { examAttemptId: 'e-1', partId: 'practical' };
const BRIEF = { zh: '为 45 岁女性行面部射频微针紧致治疗，分区完成。', en: 'Treat a 45-year-old woman’s face with RF microneedling for tightening, zone by zone.' };

/** The real services with exams.startPractical answering from a test-mode attempt main starts. */
async function practicalServices(options: { timeLimitMs?: number; error?: ApiError } = {}) {
  const s = await seededInstitution();
  const startPractical = vi.spyOn(s.trainee.exams, 'startPractical').mockImplementation(async (args) => {
    if (options.error) return { ok: false, error: options.error };
    const r = await s.trainee.sessions.start({ presetId: 'rf-face-tightening', mode: 'test' });
    if (!r.ok) return r;
    return { ok: true, value: { ...r.value, examAttemptId: args.examAttemptId, partId: args.partId, brief: BRIEF, timeLimitMs: options.timeLimitMs ?? 20 * 60_000 } };
  });
  return { s, startPractical };
}

describe('an exam practical in the studio', () => {
  it('starts at once in test mode with the brief and a countdown, and ends on a neutral recorded screen', async () => {
    const { s, startPractical } = await practicalServices();
    // The shell says roller; the attempt main started is RF, and the studio follows the attempt.
    const { onDone, onExit, view } = await renderStudioScreen({ services: s, exam: EXAM, procedure: 'roller' });
    await screen.findByTestId('end-session');
    expect(startPractical).toHaveBeenCalledExactlyOnceWith(EXAM);
    expect(document.querySelector('.studio')!.getAttribute('data-procedure')).toBe('rf');
    expect(screen.getByTestId('exam-brief').textContent).toBe(BRIEF.zh);
    expect(screen.getByTestId('exam-countdown').textContent).toMatch(/^剩余时间 (20:00|19:5\d)$/);
    expect(screen.queryByTestId('scenario-select')).toBeNull();
    expect(screen.queryByTestId('start-session')).toBeNull();
    expect(screen.queryByLabelText('学习模式')).toBeNull();
    expect(screen.getByTestId('action-palette')).toBeTruthy();
    expect(screen.queryByTestId('progress')).toBeNull();
    expect(findUntranslatedText(view.container, 'zh')).toEqual([]);
    fireEvent.click(screen.getByTestId('action-consent'));
    fireEvent.click(screen.getByTestId('end-session'));
    const done = await screen.findByTestId('exam-recorded');
    expect(findUntranslatedText(view.container, 'zh')).toEqual([]);
    expect(done.textContent).toContain('实操任务已记录，成绩将随考试结果公布。');
    expect(screen.queryByTestId('debrief')).toBeNull();
    expect(screen.queryByTestId('score')).toBeNull();
    fireEvent.click(screen.getByTestId('exam-done'));
    expect(onDone).toHaveBeenCalledOnce();
    expect(onExit).not.toHaveBeenCalled();
    const list = s.ok(await s.trainee.sessions.list({}));
    expect(list.items[0]).toMatchObject({ status: 'finished', mode: 'test' });
    const stored = s.ok(await s.trainee.sessions.open({ id: list.items[0].id }));
    expect((stored.recording as Recording).steps.map((x) => x.step)).toEqual(['consent']);
  });

  it('starts once and keeps running under StrictMode (effects run twice on mount)', async () => {
    const { s, startPractical } = await practicalServices();
    await renderStudioScreen({ services: s, exam: EXAM, strict: true });
    await screen.findByTestId('end-session');
    fireEvent.click(screen.getByTestId('action-take-history'));
    await new Promise((r) => setTimeout(r, 50));
    expect(startPractical).toHaveBeenCalledOnce();
    const list = s.ok(await s.trainee.sessions.list({}));
    expect(list.items.map((a) => a.status)).toEqual(['running']);
    fireEvent.click(screen.getByTestId('end-session'));
    await screen.findByTestId('exam-recorded');
    expect(s.ok(await s.trainee.sessions.list({})).items.map((a) => a.status)).toEqual(['finished']);
  });

  it('finishes by itself when the time runs out', async () => {
    const { s } = await practicalServices({ timeLimitMs: 1200 });
    const { view } = await renderStudioScreen({ services: s, exam: EXAM, language: 'en' });
    await screen.findByTestId('exam-countdown');
    expect(findUntranslatedText(view.container, 'en')).toEqual([]);
    const done = await screen.findByTestId('exam-recorded', {}, { timeout: 4000 });
    expect(findUntranslatedText(view.container, 'en')).toEqual([]);
    expect(done.textContent).toContain('Time is up');
    expect(done.textContent).toContain('The practical task is recorded. Results come with the exam result.');
    await waitFor(async () => expect(s.ok(await s.trainee.sessions.list({})).items[0].status).toBe('finished'));
  });

  it('leaving a running practical asks first, then abandons it with what was recorded', async () => {
    const { s } = await practicalServices();
    const { onExit } = await renderStudioScreen({ services: s, exam: EXAM, language: 'en' });
    await screen.findByTestId('end-session');
    fireEvent.click(screen.getByTestId('action-take-history'));
    fireEvent.click(screen.getByTestId('studio-exit'));
    expect(screen.getByTestId('leave-dialog').textContent).toContain('Leaving ends this practical task');
    fireEvent.click(screen.getByTestId('leave-confirm'));
    await waitFor(() => expect(onExit).toHaveBeenCalledOnce());
    const list = s.ok(await s.trainee.sessions.list({}));
    expect(list.items[0]).toMatchObject({ status: 'abandoned' });
    const stored = s.ok(await s.trainee.sessions.open({ id: list.items[0].id }));
    expect((stored.recording as Recording).steps.map((x) => x.step)).toEqual(['take-history']);
  });

  for (const [language, text] of [
    ['zh', '该实操部分已完成，或考试已结束、时间已到。'],
    ['en', 'This practical part is already done, or the exam has ended or its time is up.'],
  ] as const) {
    it(`a start main refuses is said in ${language}, with a way back to the exam`, async () => {
      const { s } = await practicalServices({ error: { code: 'conflict', message: 'the practical part is already recorded' } });
      const { onDone } = await renderStudioScreen({ services: s, exam: EXAM, language });
      const alert = await screen.findByTestId('exam-start-error');
      expect(alert.textContent).toContain(text);
      expect(screen.queryByTestId('end-session')).toBeNull();
      fireEvent.click(screen.getByTestId('exam-back'));
      expect(onDone).toHaveBeenCalledOnce();
      expect(s.ok(await s.trainee.sessions.list({})).total).toBe(0);
    });
  }
});
