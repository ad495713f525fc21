// Test mode gives nothing away: the procedure's steps become a palette of every action the recording
// format knows, in one neutral order for every procedure, with no clauses, hints, checkmarks or focus
// moving on; no feedback panel, progress table, dwell timer, region labels or target shading. Learn mode
// keeps all of it.

import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STEP_IDS } from '../../core/recording/schema';
import type { RegionId } from '../../core/anatomy/regions';
import type { Recording } from '../../core/recording/types';
import { writeVertexColors, SKIN_RGB, srgbToLinear } from '../../renderer/studio/feedback/colors';
import { ProcedurePanel } from '../../renderer/studio/panels/ProcedurePanel';
import { RightPanel } from '../../renderer/studio/StudioScreen';
import { ACTION_PALETTE, feedbackVisible } from '../../renderer/studio/test-mode';
import { findUntranslatedText } from './shell-text-audit';
import { renderStudio, renderStudioScreen, STAND_IN_HEAD } from './studio-setup';

vi.mock('../../renderer/studio/scene/StudioCanvas', () => ({
  StudioCanvas: ({ label }: { label: string }) => <div className="studio-canvas" role="img" aria-label={label} />,
}));

afterEach(cleanup);

const CLAUSE = /\b\d{1,2}\.\d/;

/** What a trainee can read: the text and accessible names, without the device's setting values (0.25 mm…). */
function readable(root: HTMLElement): string {
  const copy = root.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('option').forEach((o) => o.remove());
  const names = [...copy.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
  return `${copy.textContent} ${names.join(' ')}`;
}

const actionIds = () => within(screen.getByTestId('action-list')).getAllByRole('button').map((b) => b.getAttribute('data-testid')!.replace(/^action-/, ''));

/** The stand-in head with two region labels: a target (forehead) and a no-treat zone (left eye). */
const LABELLED_HEAD = {
  ...STAND_IN_HEAD,
  regions: [
    { id: 'forehead' as RegionId, areaCm2: 40, centroid: [0, 74, 67] as [number, number, number], name: { zh: '额部', en: 'Forehead' } },
    { id: 'eye-left' as RegionId, areaCm2: 4, centroid: [30, 40, 80] as [number, number, number], name: { zh: '左眼', en: 'Left eye' } },
  ],
};

async function startScreen(mode: 'learn' | 'test', procedure: 'roller' | 'rf' | 'nano' = 'roller') {
  const r = await renderStudioScreen({ procedure, head: LABELLED_HEAD });
  await screen.findByTestId('start-session');
  if (mode === 'test') fireEvent.click(screen.getByLabelText('考核模式'));
  fireEvent.click(screen.getByTestId('start-session'));
  await screen.findByTestId('end-session');
  return r;
}

describe('test mode gives nothing away', () => {
  it('one rule: feedback is for learn mode only', () => {
    expect(feedbackVisible('learn')).toBe(true);
    expect(feedbackVisible('test')).toBe(false);
  });

  it('the palette lists every action the format knows, sorted by id, the same for roller, RF and nano', async () => {
    const expected = [...STEP_IDS].sort();
    expect(ACTION_PALETTE).toEqual(expected);
    for (const procedure of ['roller', 'rf', 'nano'] as const) {
      const { store } = await renderStudio(<ProcedurePanel />, { procedure });
      act(() => store.getState().setMode('test'));
      await act(() => store.getState().startSession());
      expect(actionIds(), procedure).toEqual(expected);
      // Actions of other procedures too: a new RF tip in a roller session, a nano needle in RF.
      expect(actionIds()).toContain('fit-new-tip');
      expect(actionIds()).toContain('mount-needle');
      const text = readable(document.body);
      expect(text).not.toMatch(CLAUSE);
      expect(text).not.toMatch(/按需|至少需要/);
      expect(document.querySelector('.studio-clause, .studio-step.done')).toBeNull();
      // Nothing takes the focus to "the first step".
      expect(document.activeElement).toBe(document.body);
      cleanup();
    }
  });

  it('pressing an action records it, again if pressed again, in a neutral log with its time; timed actions ask for minutes', async () => {
    const { store, advance } = await renderStudio(<ProcedurePanel />, { language: 'en' });
    act(() => store.getState().setMode('test'));
    await act(() => store.getState().startSession());
    advance(65_000);
    fireEvent.click(screen.getByTestId('action-cleanse'));
    advance(10_000);
    fireEvent.click(screen.getByTestId('action-cleanse'));
    expect(store.getState().steps).toEqual([
      { step: 'cleanse', tMs: 65_000 },
      { step: 'cleanse', tMs: 75_000 },
    ]);
    // Still there to press, nothing marked done, focus not moved on.
    expect(screen.getByTestId('action-cleanse')).toBeTruthy();
    expect(document.activeElement).toBe(document.body);
    const log = screen.getByTestId('action-log');
    expect(log.querySelectorAll('li')).toHaveLength(2);
    expect(log.textContent).toContain('1:05');
    expect(log.textContent).toContain('1:15');
    // The wet compress (a nano step) in a roller session: minutes start empty, a number is required.
    const minutes = screen.getByTestId('action-minutes-wet-compress') as HTMLInputElement;
    expect(minutes.value).toBe('');
    expect((screen.getByTestId('action-wet-compress') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(minutes, { target: { value: '15' } });
    fireEvent.click(screen.getByTestId('action-wet-compress'));
    expect(store.getState().steps.at(-1)).toMatchObject({ step: 'wet-compress', durationMs: 15 * 60_000 });
    expect(screen.getByTestId('action-log').textContent).toContain('15 min');
  });

  it('RF: zones are defined as in learn mode, with no count asked for, and an action applies to the zone chosen', async () => {
    const { store } = await renderStudio(<ProcedurePanel />, { procedure: 'rf' });
    act(() => store.getState().setMode('test'));
    await act(() => store.getState().startSession());
    const zones = store.getState().zones;
    expect(screen.getAllByTestId('zone-name')).toHaveLength(zones.length);
    fireEvent.click(screen.getByTestId('action-disinfect'));
    fireEvent.change(screen.getByTestId('action-zone'), { target: { value: zones[1].id } });
    fireEvent.click(screen.getByTestId('action-disinfect'));
    expect(store.getState().steps.map((s) => s.zoneId)).toEqual([undefined, zones[1].id]);
    expect(screen.getByTestId('action-log').textContent).toContain(`（${screen.getAllByTestId('zone-name')[1].textContent}）`);
    // A zone's region list marks no target and does not put them first.
    fireEvent.click(screen.getAllByRole('button', { name: /^为.*选择部位$/ })[0]);
    expect(readable(document.body)).not.toContain('（治疗部位）');
    expect(readable(document.body)).not.toMatch(CLAUSE);
  });

  it('the test-mode studio shows no clause, feedback panel, progress table, region labels or guidance; learn mode still does', async () => {
    await startScreen('test');
    expect(screen.getByTestId('action-palette')).toBeTruthy();
    expect(screen.getByTestId('task-panel')).toBeTruthy();
    expect(screen.queryByTestId('progress')).toBeNull();
    expect(screen.queryByTestId('region-guidance')).toBeNull();
    expect(screen.queryByTestId('live-warnings')).toBeNull();
    expect(screen.queryByTestId('legend')).toBeNull();
    expect(document.querySelectorAll('.studio-label')).toHaveLength(0);
    expect(readable(document.body)).not.toMatch(CLAUSE);
    fireEvent.click(screen.getByTestId('action-take-history'));
    expect(readable(document.body)).not.toMatch(CLAUSE);
    cleanup();

    for (const procedure of ['rf', 'nano'] as const) {
      await startScreen('test', procedure);
      expect(readable(document.body), procedure).not.toMatch(CLAUSE);
      expect(screen.queryByTestId('dwell-timer')).toBeNull();
      cleanup();
    }

    await startScreen('learn');
    expect(screen.queryByTestId('action-palette')).toBeNull();
    expect(screen.getByTestId('progress')).toBeTruthy();
    expect(screen.getByTestId('region-guidance')).toBeTruthy();
    expect([...document.querySelectorAll('.studio-label')].map((l) => l.getAttribute('data-region')).sort()).toEqual(['eye-left', 'forehead']);
    expect(readable(document.body)).toMatch(CLAUSE);
    expect(screen.getByTestId('step-take-history')).toBeTruthy();
  });

  it('before the start, test mode names the endpoint without needle lengths or clauses, and lists no steps', async () => {
    const { store } = await renderStudio(<RightPanel />);
    expect(screen.getByTestId('step-take-history')).toBeTruthy();
    act(() => store.getState().setMode('test'));
    expect(screen.queryByTestId('step-take-history')).toBeNull();
    expect(readable(document.body)).not.toMatch(CLAUSE);
  });

  it('the head shows no target shading or no-treat mark in test mode, only the zone being defined', () => {
    const regionIds: RegionId[] = ['forehead', 'eye-left', 'chin'];
    const vertexRegion = new Uint8Array([0, 1, 2]);
    const state = { passCount: new Uint16Array(3), directionMask: new Uint8Array(3), rfHitCount: new Uint16Array(3), nanoContactCount: new Uint16Array(3), rollerDosePassMm: new Float32Array(3), bleedingDosePassMm: new Float32Array(3), version: 0 };
    const base = { view: 'skin' as const, feedback: false, state, vertexRegion, regionIds, targetRegions: new Set<RegionId>(['forehead']), showRegions: true };
    const skin = SKIN_RGB.map(srgbToLinear);
    const learn = new Float32Array(9);
    writeVertexColors(learn, base);
    expect([...learn.slice(0, 3)]).not.toEqual(skin.map(Math.fround));
    expect([...learn.slice(3, 6)]).not.toEqual(skin.map(Math.fround));
    const test = new Float32Array(9);
    writeVertexColors(test, { ...base, regionHints: false, selectedRegions: new Set<RegionId>(['chin']) });
    expect([...test.slice(0, 3)]).toEqual(skin.map(Math.fround));
    expect([...test.slice(3, 6)]).toEqual(skin.map(Math.fround));
    expect([...test.slice(6, 9)]).not.toEqual(skin.map(Math.fround));
  });

  it('a practice test session still ends on the report main stored', async () => {
    const { services: s } = await startScreen('test');
    fireEvent.click(screen.getByTestId('action-take-history'));
    fireEvent.click(screen.getByTestId('end-session'));
    await screen.findByTestId('debrief');
    await waitFor(() => expect(screen.getByTestId('attempt-storage').getAttribute('data-state')).toBe('stored'));
    expect(screen.getByTestId('score')).toBeTruthy();
    const list = s.ok(await s.trainee.sessions.list({}));
    expect(list.items[0]).toMatchObject({ status: 'finished', mode: 'test' });
    const stored = s.ok(await s.trainee.sessions.open({ id: list.items[0].id }));
    expect((stored.recording as Recording).steps.map((x) => x.step)).toEqual(['take-history']);
  });
});

describe('test mode in both languages', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`the palette and its log show only ${language} text`, async () => {
      for (const procedure of ['roller', 'rf', 'nano'] as const) {
        const { store, view } = await renderStudio(
          <>
            <ProcedurePanel />
            <RightPanel />
          </>,
          { procedure, language },
        );
        act(() => store.getState().setMode('test'));
        await act(() => store.getState().startSession());
        fireEvent.click(screen.getByTestId('action-cleanse'));
        expect(findUntranslatedText(view.container, language), procedure).toEqual([]);
        cleanup();
      }
    });
  }
});
