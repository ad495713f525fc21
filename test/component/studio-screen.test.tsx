// The whole studio screen against the real services (in-memory training file, the nurse trainee signed in
// on her own window): attempts belong to main. A session is stored without pressing anything, Back
// mid-session abandons it with what was recorded, a reopened attempt shows its stored report without main
// scoring anything again, and a recording file is imported as imported whatever mode it claims.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeadModelFormatError } from '../../core/head-model/format';
import type { Recording } from '../../core/recording/types';
import { initI18n, setLanguage } from '../../renderer/i18n';
import { StudioScreen } from '../../renderer/studio/StudioScreen';
import { seededInstitution } from '../helpers/training-services';
import { countingScoring, renderStudioScreen } from './studio-setup';

vi.mock('../../renderer/studio/scene/StudioCanvas', () => ({
  StudioCanvas: ({ label }: { label: string }) => <div className="studio-canvas" role="img" aria-label={label} />,
}));

afterEach(cleanup);

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'recordings');

async function started() {
  const start = await screen.findByTestId('start-session');
  fireEvent.click(start);
  await screen.findByTestId('end-session');
}

/** A stored attempt made straight through the API: a few steps and a forehead stroke on the stand-in. */
async function storedAttempt(s: Awaited<ReturnType<typeof seededInstitution>>, end: 'finish' | 'abandon') {
  const a = s.ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
  const events = [
    { kind: 'settings' as const, change: { tMs: 0, settings: a.initialSettings } },
    { kind: 'step' as const, step: { step: 'cleanse' as const, tMs: 100 } },
    ...Array.from({ length: 20 }, (_, i) => ({ kind: 'sample' as const, sample: { tMs: 1000 + i * 10, p: [-10 + i, 70, 70] as [number, number, number], n: [0, 0.6, 0.8] as [number, number, number], region: 'forehead' as const, pressure: 0.55, contact: i < 19 } })),
  ];
  s.ok(await s.trainee.sessions.append({ attemptId: a.attemptId, seq: 0, events }));
  if (end === 'finish') return s.ok(await s.trainee.sessions.finish({ attemptId: a.attemptId, batches: 1, endTMs: 3000, zones: [] })).summary;
  return s.ok(await s.trainee.sessions.abandon({ attemptId: a.attemptId }));
}

describe('the studio screen', () => {
  it('says the head is loading, then names the file and offset when the head cannot be decoded, with a way back', async () => {
    await initI18n('en');
    await setLanguage('en');
    let fail: (e: Error) => void = () => {};
    const onExit = vi.fn();
    render(<StudioScreen procedure="roller" onExit={onExit} loadHeadModel={() => new Promise((_, reject) => (fail = reject))} />);
    expect(screen.getByRole('status').textContent).toBe('Loading the head…');
    fail(new HeadModelFormatError('assets/head/head-model.bin offset 0', 'magic is "XXXX", expected "MNHM"'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('assets/head/head-model.bin offset 0: magic is "XXXX"'));
    screen.getByRole('button', { name: 'Back' }).click();
    expect(onExit).toHaveBeenCalledOnce();
  });

  it('stores a session in the training file without anything pressed but End, and shows the score main returned', async () => {
    const { services: s, scoring } = await renderStudioScreen();
    await started();
    fireEvent.click(screen.getByTestId('step-take-history'));
    fireEvent.change(screen.getByTestId('needle-length'), { target: { value: '1' } });
    // The events stream to main as the session runs.
    await waitFor(() => expect(screen.getByTestId('upload-status').getAttribute('data-status')).toBe('saved'));
    expect(screen.getByTestId('upload-status').textContent).toBe('已保存');
    fireEvent.click(screen.getByTestId('end-session'));
    await screen.findByTestId('debrief');
    await waitFor(() => expect(screen.getByTestId('attempt-storage').textContent).toContain('已自动保存到培训档案'));
    expect(screen.getByTestId('attempt-kind').textContent).toBe('练习');
    expect(screen.queryByTestId('save-session')).toBeNull();
    expect(screen.getByTestId('export-session')).toBeTruthy();
    const list = s.ok(await s.trainee.sessions.list({}));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'finished', kind: 'practice' });
    expect(screen.getByTestId('score').querySelector('.studio-score-value')!.textContent).toBe(String(Math.round(list.items[0].score!)));
    expect(scoring.scored).toBe(1);
    const stored = s.ok(await s.trainee.sessions.open({ id: list.items[0].id }));
    expect((stored.recording as Recording).steps.map((x) => x.step)).toEqual(['take-history']);
    expect((stored.recording as Recording).settings.at(-1)?.settings).toMatchObject({ needleLengthMm: 1 });
    // Practise again starts a new attempt: the one before is already stored.
    fireEvent.click(screen.getByTestId('new-session'));
    await started();
    expect(s.ok(await s.trainee.sessions.list({})).items.map((a) => a.status)).toEqual(['running', 'finished']);
  });

  it('Back mid-session asks first, then keeps what was recorded as an abandoned attempt', async () => {
    const { services: s, onExit } = await renderStudioScreen({ language: 'en' });
    await started();
    fireEvent.click(screen.getByTestId('step-take-history'));
    fireEvent.click(screen.getByTestId('step-examine'));
    fireEvent.click(screen.getByTestId('studio-exit'));
    expect(screen.getByTestId('leave-dialog').textContent).toContain('kept in the training file, marked abandoned (not counted)');
    // Staying keeps the session going.
    fireEvent.click(screen.getByTestId('leave-cancel'));
    expect(screen.queryByTestId('leave-dialog')).toBeNull();
    fireEvent.click(screen.getByTestId('studio-exit'));
    fireEvent.click(screen.getByTestId('leave-confirm'));
    await waitFor(() => expect(onExit).toHaveBeenCalledOnce());
    const list = s.ok(await s.trainee.sessions.list({}));
    expect(list.items[0]).toMatchObject({ status: 'abandoned', score: null });
    const stored = s.ok(await s.trainee.sessions.open({ id: list.items[0].id }));
    expect((stored.recording as Recording).steps.map((x) => x.step)).toEqual(['take-history', 'examine']);
  });

  it('reopens a stored attempt with its stored report and provenance, and main scores nothing again', async () => {
    const scoring = countingScoring();
    const s = await seededInstitution({ scoring });
    const summary = await storedAttempt(s, 'finish');
    expect(scoring.scored).toBe(1);
    await renderStudioScreen({ services: s, openAttemptId: summary.id, language: 'en' });
    await screen.findByTestId('debrief');
    await waitFor(() => expect(screen.getByTestId('score').querySelector('.studio-score-value')!.textContent).toBe(String(Math.round(summary.score!))));
    expect(scoring.scored).toBe(1);
    expect(screen.getByTestId('attempt-storage').textContent).toContain('Stored in the training file');
    expect(screen.getByTestId('provenance').textContent).toBe(
      `Scoring provenance (for examiners): engine ${summary.provenance!.engineVersion} · rules ${summary.provenance!.rulesHash.slice(0, 8)} · head model ${summary.provenance!.headModelSha256.slice(0, 8)}`,
    );
    expect(screen.getByTestId('replay-time').textContent).toBe('0:03 / 0:03');
    // Practise again from a reopened attempt: the set-up for a new one.
    fireEvent.click(screen.getByTestId('new-session'));
    await started();
    expect(scoring.scored).toBe(1);
  });

  it('reopens an abandoned attempt as abandoned, not counted', async () => {
    const s = await seededInstitution();
    const summary = await storedAttempt(s, 'abandon');
    await renderStudioScreen({ services: s, openAttemptId: summary.id });
    await screen.findByTestId('debrief');
    expect(screen.getByTestId('attempt-storage').getAttribute('data-state')).toBe('abandoned');
    expect(screen.getByTestId('attempt-storage').textContent).toContain('已中止（不计成绩）');
  });

  it('imports an edited recording file that says mode "test" as imported: scored by main, never a test', async () => {
    const { services: s, scoring } = await renderStudioScreen({ language: 'zh' });
    await screen.findByTestId('start-session');
    const doc = JSON.parse(readFileSync(path.join(FIXTURES, 'roller-eyelid-with-tension.json'), 'utf8')) as Recording;
    const edited = { ...doc, mode: 'test', trainee: { id: 'someone', name: '别人', role: 'physician' } };
    fireEvent.change(screen.getByTestId('open-recording-file'), { target: { files: [new File([JSON.stringify(edited)], 'edited.json', { type: 'application/json' })] } });
    await screen.findByTestId('debrief');
    await waitFor(() => expect(screen.getByTestId('attempt-storage').getAttribute('data-state')).toBe('imported'));
    expect(screen.getByTestId('attempt-storage').textContent).toContain('导入的记录（不计入考核）');
    expect(screen.getByTestId('attempt-kind').textContent).toBe('导入');
    expect(scoring.scored).toBe(1);
    const list = s.ok(await s.trainee.sessions.list({}));
    expect(list.items[0]).toMatchObject({ kind: 'imported', sourceName: 'edited.json', personId: s.people.nurse.id });
    expect(screen.getByTestId('score').querySelector('.studio-score-value')!.textContent).toBe(String(Math.round(list.items[0].score!)));
  });

  it('a recording main refuses on import names the file and the field', async () => {
    await renderStudioScreen({ language: 'en' });
    await screen.findByTestId('start-session');
    const doc = JSON.parse(readFileSync(path.join(FIXTURES, 'roller-eyelid-with-tension.json'), 'utf8')) as Recording;
    // Valid for the studio's own check except against the head it has: main checks with its own head.
    const far = { ...doc, samples: doc.samples.map((x, i) => (i === 3 ? { ...x, p: [900, 0, 0] } : x)) };
    fireEvent.change(screen.getByTestId('open-recording-file'), { target: { files: [new File([JSON.stringify(far)], 'far.json')] } });
    const alert = await screen.findByTestId('import-error');
    expect(alert.textContent).toContain('far.json /samples/3/p');
  });

  it('when main does not take the events, the bar says so; when finishing fails, the recording stays and a retry stores it', async () => {
    const { services: s } = await renderStudioScreen({ language: 'en' });
    const append = vi.spyOn(s.trainee.sessions, 'append').mockResolvedValue({ ok: false, error: { code: 'storage-failed', message: 'the app server cannot be reached: offline' } });
    await started();
    fireEvent.click(screen.getByTestId('step-take-history'));
    await waitFor(() => expect(screen.getByTestId('upload-status').textContent).toBe('Not saved: The training file cannot be reached or written (if this goes on, ask the administrator); retrying'));
    append.mockRestore();
    await waitFor(() => expect(screen.getByTestId('upload-status').textContent).toBe('Saved'), { timeout: 3000 });
    const finish = vi.spyOn(s.trainee.sessions, 'finish').mockResolvedValueOnce({ ok: false, error: { code: 'storage-failed', message: 'the app server cannot be reached: offline' } });
    fireEvent.click(screen.getByTestId('end-session'));
    await waitFor(() => expect(screen.getByTestId('attempt-storage').getAttribute('data-state')).toBe('not-stored'));
    expect(screen.getByTestId('attempt-storage').textContent).toContain('This attempt is not stored in the training file yet:');
    expect(screen.getByTestId('export-session')).toBeTruthy();
    expect(s.ok(await s.trainee.sessions.list({})).items[0].status).toBe('running');
    fireEvent.click(screen.getByTestId('retry-finish'));
    await waitFor(() => expect(screen.getByTestId('attempt-storage').textContent).toContain('Stored in the training file automatically'));
    expect(finish).toHaveBeenCalledTimes(2);
    expect(s.ok(await s.trainee.sessions.list({})).items[0].status).toBe('finished');
  });
});
