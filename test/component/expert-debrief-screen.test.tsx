// The expert panels in the studio's debrief as staff reach it: an instructor opens a trainee's stored
// session (as from the trainee's file) and gets the "Mark as expert session" toggle; a learn-mode session
// shows "Against the experts", a test-mode one never does; the trainee's own debrief has no toggle.

import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionMode } from '../../core/recording/types';
import { AppStoreContext, createAppStore } from '../../renderer/app/store';
import { initI18n, setLanguage } from '../../renderer/i18n';
import { StudioScreen } from '../../renderer/studio/StudioScreen';
import { seededInstitution } from '../helpers/training-services';
import { ok, sessionBatches } from '../unit/training-file/helpers';
import { STAND_IN_HEAD } from './studio-setup';

vi.mock('../../renderer/studio/scene/StudioCanvas', () => ({
  StudioCanvas: ({ label }: { label: string }) => <div className="studio-canvas" role="img" aria-label={label} />,
}));

let disposers: (() => unknown)[] = [];
afterEach(async () => {
  cleanup();
  for (const d of disposers.reverse()) await d();
  disposers = [];
});

async function traineeSession(s: Awaited<ReturnType<typeof seededInstitution>>, mode: SessionMode) {
  const started = ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode }));
  const [events] = sessionBatches(started.initialSettings, 1);
  ok(await s.trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events: events! }));
  return ok(await s.trainee.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 600, zones: [] })).summary;
}

async function openAs(s: Awaited<ReturnType<typeof seededInstitution>>, who: 'instructor' | 'trainee', attemptId: string) {
  const appStore = createAppStore(s[who]);
  // The shell knows who is signed in on this window (as auth.status told it at start).
  appStore.setState({ signedIn: ok(await s[who].auth.status()).signedIn });
  render(
    <AppStoreContext.Provider value={appStore}>
      <StudioScreen procedure="roller" onExit={() => undefined} openAttemptId={attemptId} loadHeadModel={async () => STAND_IN_HEAD} />
    </AppStoreContext.Provider>,
  );
  return screen.findByTestId('debrief');
}

describe('expert panels in the debrief', () => {
  it('gives the instructor the toggle on a trainee’s learn session, with the comparison', async () => {
    await initI18n('zh');
    await setLanguage('zh');
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    const summary = await traineeSession(s, 'learn');
    const debrief = await openAs(s, 'instructor', summary.id);
    const group = await within(debrief).findByRole('group', { name: '专家示范' });
    expect(await within(group).findByText('未标为专家示范')).toBeTruthy();
    expect(await within(debrief).findByTestId('expert-compare-empty')).toBeTruthy();
    fireEvent.click(within(group).getByRole('button', { name: '标为专家示范' }));
    expect(await within(group).findByText('已标为专家示范')).toBeTruthy();
    expect(ok(await s.instructor.experts.list({ presetId: 'roller-forehead-pink' })).map((m) => m.attemptId)).toEqual([summary.id]);
  });

  it('never shows the comparison in test mode, and no toggle to the trainee', async () => {
    await initI18n('en');
    await setLanguage('en');
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    const test = await traineeSession(s, 'test');
    const debrief = await openAs(s, 'instructor', test.id);
    expect(await within(debrief).findByRole('group', { name: 'Expert session' })).toBeTruthy();
    expect(within(debrief).queryByTestId('expert-compare')).toBeNull();
    cleanup();
    const learn = await traineeSession(s, 'learn');
    const own = await openAs(s, 'trainee', learn.id);
    expect(await within(own).findByTestId('expert-compare-empty')).toBeTruthy();
    expect(within(own).queryByRole('group', { name: 'Expert session' })).toBeNull();
  });
});
