// The practical part of an exam: the exam screen hands the part to the studio (with the procedure the part
// names), and when the studio is done the trainee is back on the same exam. The studio is a stand-in that
// shows what the shell passed to it.

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NURSE, seededInstitution } from '../helpers/training-services';
import { renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => ({
  StudioScreen: ({ procedure, exam, onExit }: { procedure: string; exam?: { examAttemptId: string; partId: string; onDone: () => void }; onExit: () => void }) => (
    <section>
      <h1>{`studio ${procedure} ${exam ? `${exam.examAttemptId}/${exam.partId}` : 'no exam'}`}</h1>
      <button type="button" onClick={() => exam?.onDone()}>
        practical done
      </button>
      <button type="button" onClick={onExit}>
        exit studio
      </button>
    </section>
  ),
}));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

describe('the practical part of an exam', () => {
  it('opens the studio on the part and comes back to the same exam when it is done', async () => {
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    const catalog = s.ok(await s.trainee.exams.catalog());
    const m = catalog.modules.find((x) => x.standing?.blocked === null && x.parts.some((p) => p.kind === 'practical'));
    if (!m) throw new Error('no startable nurse module with a practical part');
    const session = s.ok(await s.trainee.exams.start({ moduleId: m.ref.id, certificateNumber: NURSE.certificateNumber }));
    const part = session.parts.find((p) => p.kind === 'practical');
    if (!part || part.kind !== 'practical') throw new Error('no practical part');

    const shell = await renderShell({ services: s, clientKey: 'window:nurse' });
    shell.store.getState().navigate({ name: 'exam', examAttemptId: session.id });
    const partTab = () => screen.getAllByRole('button').find((b) => b.classList.contains('exam-part-tab') && b.textContent?.includes(part.title.zh));
    await waitFor(() => expect(partTab(), `the tab of ${part.title.zh}`).toBeTruthy());
    fireEvent.click(partTab()!);
    fireEvent.click(await screen.findByRole('button', { name: '开始操作考核' }));

    await waitFor(() => expect(shell.store.getState().screen).toEqual({ name: 'studio', procedure: part.procedure, exam: { examAttemptId: session.id, partId: part.id } }));
    expect(await screen.findByRole('heading', { name: `studio ${part.procedure} ${session.id}/${part.id}` })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'practical done' }));
    expect(shell.store.getState().screen).toEqual({ name: 'exam', examAttemptId: session.id });
    // The same exam again, with its parts.
    await waitFor(() => expect(partTab()).toBeTruthy());
    expect(screen.queryByRole('heading', { name: /^studio / })).toBeNull();
  });

  it('is for trainees only: staff are not sent into the studio for an exam', async () => {
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    const shell = await renderShell({ services: s, clientKey: 'window:instructor' });
    shell.store.getState().navigate({ name: 'studio', procedure: 'roller', exam: { examAttemptId: 'e-x', partId: 'practical' } });
    expect(await screen.findByRole('heading', { level: 1, name: /您好/ })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: /^studio / })).toBeNull();
  });
});
