// Live warnings carry a labelled severity chip (words, not only colour): the rule's catalogue severity the
// moment it is broken, then, for a rule graded by extent (core/rules/extent-severity.ts), the severity at
// the extent so far once the device lifts; a note says the debrief's final severity depends on the extent.
// The studio's own off-target hint is labelled as not scored.

import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegionId } from '../../core/anatomy/regions';
import type { InputSample } from '../../core/recording/types';
import { RULES } from '../../core/rules/catalogue';
import { defaultValues } from '../../core/rules/simulator-defaults';
import { FeedbackPanel } from '../../renderer/studio/panels/FeedbackPanel';
import { renderStudio } from './studio-setup';

afterEach(cleanup);

const sample = (tMs: number, region: RegionId, contact = true): InputSample => ({ tMs, p: [0, 0, 0], n: [0, 0, 1], region, pressure: contact ? 0.55 : 0, contact });
const { extentTraceFraction, extentMostFraction } = defaultValues();

/** The shown warning of a rule: its chip's text and the severity its row is marked with. */
function shown(ruleId: string) {
  const row = screen.getByTestId('live-warnings').querySelector<HTMLElement>(`li[data-rule="${ruleId}"]`);
  if (!row) throw new Error(`no warning of ${ruleId} is shown`);
  return { chip: within(row).getByTestId('warning-severity').textContent, severity: row.getAttribute('data-severity'), text: row.textContent };
}

describe('live warnings and their severity', () => {
  it('a needle too long for the forehead: the rule\'s severity at once, the severity at the extent so far after the lift (zh)', async () => {
    const { store } = await renderStudio(<FeedbackPanel />);
    await act(() => store.getState().startSession());
    // 8.5.5: the forehead takes 0.5-1.0 mm; the catalogue calls a longer one major.
    expect(RULES.find((r) => r.id === 'roller-needle-forehead')!.severity).toBe('major');
    act(() => store.getState().updateSettings({ needleLengthMm: 1.5 }));
    const push = (s: InputSample) => store.getState().recorder!.push({ kind: 'sample', sample: s });
    act(() => {
      for (let i = 0; i < 20; i++) push(sample(1000 + i * 8, 'forehead'));
    });
    expect(shown('roller-needle-forehead')).toMatchObject({ chip: '规则等级：重要', severity: 'major' });
    expect(screen.getByTestId('warnings-extent-note').textContent).toContain('最终等级在操作讲评中给出，取决于整次操作中违规所占的范围');
    // Lifted: every forehead sample so far was at 1.5 mm, 20/20 ≥ extentMostFraction, where a needle too long
    // for its site is critical.
    expect(20 / 20).toBeGreaterThanOrEqual(extentMostFraction);
    act(() => {
      push(sample(1200, 'forehead', false));
      store.getState().refreshCounts();
    });
    expect(shown('roller-needle-forehead')).toMatchObject({ chip: '按目前范围：严重', severity: 'critical' });
    expect(shown('roller-needle-forehead').text).toContain('条款 8.5.5');
  });

  it('a brief slip with too long a needle reads minor at its extent so far; the note and chips in English', async () => {
    const { store } = await renderStudio(<FeedbackPanel />, { language: 'en' });
    await act(() => store.getState().startSession());
    const push = (s: InputSample) => store.getState().recorder!.push({ kind: 'sample', sample: s });
    act(() => {
      for (let i = 0; i < 100; i++) push(sample(1000 + i * 8, 'forehead'));
    });
    act(() => store.getState().updateSettings({ needleLengthMm: 1.5 }));
    act(() => {
      for (let i = 0; i < 2; i++) push(sample(2000 + i * 8, 'forehead'));
    });
    expect(shown('roller-needle-forehead').chip).toBe('Rule severity: Major');
    act(() => {
      push(sample(2100, 'forehead', false));
      store.getState().refreshCounts();
    });
    // 2 of 102 forehead samples: under extentTraceFraction, a trace, where a long needle is minor.
    expect(2 / 102).toBeLessThan(extentTraceFraction);
    expect(shown('roller-needle-forehead')).toMatchObject({ chip: 'At the extent so far: Minor', severity: 'minor' });
    expect(screen.getByTestId('warnings-extent-note').textContent).toContain('the debrief gives the final one');
  });

  it('rolling off the targets is a teaching hint, labelled as not scored; no extent note for it alone', async () => {
    const { store } = await renderStudio(<FeedbackPanel />);
    await act(() => store.getState().startSession());
    act(() => {
      const push = (s: InputSample) => store.getState().recorder!.push({ kind: 'sample', sample: s });
      push(sample(1000, 'forehead'));
      push(sample(1008, 'temple-left'));
    });
    expect(shown('studio-outside-target')).toMatchObject({ chip: '教学提示（不计分）', severity: 'info' });
    expect(screen.queryByTestId('warnings-extent-note')).toBeNull();
  });
});
