// Feedback that never contradicts itself, as a trainee sees it: no-treat zones recommend nothing, rolling
// off the targets is said once per excursion, RF zones go by their regions' names, each device opens in
// its own display, the main action is the primary button, focus follows the steps, and light pressure is
// a panel choice (no Alt).

import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RULES } from '../../core/rules/catalogue';
import type { RegionId } from '../../core/anatomy/regions';
import type { InputSample } from '../../core/recording/types';
import { RightPanel } from '../../renderer/studio/StudioScreen';
import { DevicePanel } from '../../renderer/studio/panels/DevicePanel';
import { FeedbackPanel } from '../../renderer/studio/panels/FeedbackPanel';
import { ProcedurePanel } from '../../renderer/studio/panels/ProcedurePanel';
import { SetupPanel } from '../../renderer/studio/panels/SetupPanel';
import { renderStudio } from './studio-setup';
import zhRecords from '../../renderer/i18n/locales/zh/records.json';
import enRecords from '../../renderer/i18n/locales/en/records.json';
import zhStudio from '../../renderer/i18n/locales/zh/studio.json';
import enStudio from '../../renderer/i18n/locales/en/studio.json';

afterEach(cleanup);

const noTreat = RULES.find((r) => r.id === 'no-treat-contact')!;

const sample = (tMs: number, region: RegionId, contact = true): InputSample => ({ tMs, p: [0, 0, 0], n: [0, 0, 1], region, pressure: contact ? 0.55 : 0, contact });

describe('studio feedback a trainee can trust', () => {
  for (const procedure of ['roller', 'rf', 'nano'] as const) {
    it(`${procedure}: over a no-treat zone the guidance says it must not be treated, with its clause, and recommends nothing`, async () => {
      const { store } = await renderStudio(<RightPanel />, { procedure });
      await act(() => store.getState().startSession());
      for (const region of ['eye-left', 'eye-right', 'lips', 'nostrils'] as const) {
        act(() => store.getState().setHoverRegion(region));
        const panel = screen.getByTestId('region-guidance');
        expect(within(panel).getByTestId('no-treat-guidance').textContent).toBe('禁区：不得在此部位治疗。');
        expect(panel.textContent).toContain(`条款 ${noTreat.clause}`);
        expect(panel.textContent).toContain(noTreat.statement.zh);
        // Nothing else: no needle, depth or technique advice, one rule only.
        expect(panel.textContent).not.toMatch(/推荐|mm/);
        expect(panel.querySelectorAll('li')).toHaveLength(1);
      }
      // An ordinary region still gets its advice.
      act(() => store.getState().setHoverRegion('forehead'));
      expect(screen.queryByTestId('no-treat-guidance')).toBeNull();
    });
  }

  it('warns once per excursion when the roller leaves the target regions, in the UI language', async () => {
    const { store } = await renderStudio(<FeedbackPanel />, { language: 'en' });
    await act(() => store.getState().startSession());
    expect(store.getState().preset.goal.targetRegions).toEqual(['forehead']);
    const push = (s: InputSample) => store.getState().recorder!.push({ kind: 'sample', sample: s });
    const offTarget = () => store.getState().warnings.filter((w) => w.ruleId === 'studio-outside-target');
    act(() => {
      push(sample(0, 'forehead'));
      // One excursion of many samples: one warning.
      for (let i = 1; i <= 30; i++) push(sample(i * 8, i < 15 ? 'temple-left' : 'cheek-left'));
    });
    expect(offTarget()).toHaveLength(1);
    expect(screen.getByTestId('live-warnings').textContent).toContain("Rolling outside the target regions: Left temple (this session's targets: Forehead)");
    act(() => {
      // Back on the forehead, then off again: a second excursion.
      push(sample(300, 'forehead'));
      push(sample(310, 'nose'));
      push(sample(320, 'nose'));
      // Lifted and put down again outside: a third.
      push(sample(330, 'nose', false));
      push(sample(400, 'nose'));
    });
    expect(offTarget()).toHaveLength(3);
  });

  it('says nothing about the targets in test mode', async () => {
    const { store } = await renderStudio(<FeedbackPanel />);
    act(() => store.getState().setMode('test'));
    await act(() => store.getState().startSession());
    act(() => void store.getState().recorder!.push({ kind: 'sample', sample: sample(0, 'cheek-left') }));
    expect(store.getState().warnings.some((w) => w.ruleId === 'studio-outside-target')).toBe(false);
  });

  it('RF zones are named by their regions, step buttons by step and zone, and regions can be chosen from a list', async () => {
    const { store } = await renderStudio(<ProcedurePanel />, { procedure: 'rf' });
    await act(() => store.getState().startSession());
    const names = screen.getAllByTestId('zone-name').map((n) => n.textContent);
    expect(names).toEqual(store.getState().zones.map((z, i) => (z.regions.length ? z.regions.map((r) => ({ forehead: '额部', 'cheek-left': '左面颊', 'cheek-right': '右面颊' })[r as string] ?? r).join('、') : `第 ${i + 1} 区（尚未选择部位）`)));
    expect(document.body.textContent).not.toMatch(/zone-\d/);
    // Every step button has its own accessible name, naming the zone for per-zone steps.
    const buttons = screen.getAllByRole('button', { name: /^完成：/ });
    const labels = buttons.map((b) => b.getAttribute('aria-label'));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain(`完成：消毒（${names[0]}）`);
    // A new zone, its regions ticked in its list.
    fireEvent.click(screen.getByTestId('add-zone'));
    const added = store.getState().zones.at(-1)!;
    // Not recorded (nor sent to main, which refuses an empty zone) until it has a region.
    expect(store.getState().recorder!.zones().map((z) => z.id)).not.toContain(added.id);
    const zone = screen.getByTestId(`zone-${added.id}`);
    expect(within(zone).getByTestId('zone-name').textContent).toBe(`第 ${store.getState().zones.length} 区（尚未选择部位）`);
    fireEvent.click(within(zone).getByRole('button', { name: /^为第 \d 区（尚未选择部位）选择部位$/ }));
    fireEvent.click(within(zone).getByLabelText(/^颏部/));
    fireEvent.click(within(zone).getByLabelText(/^颈部/));
    expect(store.getState().zones.at(-1)!.regions).toEqual(['chin', 'neck']);
    expect(store.getState().recorder!.zones().at(-1)).toEqual({ id: added.id, regions: ['chin', 'neck'] });
    expect(within(zone).getByTestId('zone-name').textContent).toBe('颏部、颈部');
    expect(within(zone).getByRole('button', { name: '完成：消毒（颏部、颈部）' })).toBeTruthy();
  });

  it('RF opens in pulse coverage and nano in contacts, each with its own legend; the roller in passes', async () => {
    for (const [procedure, view, unit] of [
      ['rf', 'rf', '1 次脉冲'],
      ['nano', 'nano', '1 次接触'],
      ['roller', 'passes', '1 次滚压'],
    ] as const) {
      const { store } = await renderStudio(<FeedbackPanel />, { procedure });
      expect(store.getState().view).toBe(view);
      expect((screen.getByTestId(`view-${view}`) as HTMLInputElement).checked).toBe(true);
      const legend = screen.getByTestId('legend');
      expect(legend.getAttribute('data-view')).toBe(view);
      expect(legend.textContent).toContain(unit);
      // 遍 is a round (all four directions once: the progress table); no legend counts rounds.
      expect(legend.textContent).not.toContain('遍');
      cleanup();
    }
  });

  it('legend counts read as numbers are said: 1 pass, 2 passes, the last colour for 8 passes or more; 1 direction, 4 directions', async () => {
    await renderStudio(<FeedbackPanel />, { procedure: 'roller', language: 'en' });
    const items = Array.from(screen.getByTestId('legend').querySelectorAll('li')).map((li) => li.textContent);
    expect(items).toEqual(['Passes over each surface element, in any direction', '1 pass', '2 passes', '3 passes', '4 passes', '5 passes', '6 passes', '7 passes', '8 passes or more']);
    fireEvent.click(screen.getByTestId('view-directions'));
    const directions = Array.from(document.querySelectorAll('.studio-legend li')).map((li) => li.textContent);
    expect(directions).toEqual(['1 direction', '2 directions', '3 directions', '4 directions']);
    cleanup();
    await renderStudio(<FeedbackPanel />, { procedure: 'rf', language: 'zh' });
    const zh = Array.from(screen.getByTestId('legend').querySelectorAll('li')).map((li) => li.textContent);
    expect(zh.slice(1, 3)).toEqual(['1 次脉冲', '2 次脉冲']);
    expect(zh[8]).toBe('8 次及以上脉冲');
  });

  it('Start is the primary button of the set-up; opening a file is secondary', async () => {
    await renderStudio(<SetupPanel canStart />);
    expect(screen.getByTestId('start-session').className).toContain('primary');
    expect(screen.getByText('打开记录文件…').className).not.toContain('primary');
    expect(document.querySelectorAll('.studio-panel .button.primary')).toHaveLength(1);
  });

  it('after Start focus is on the first step, and after each step on the next one', async () => {
    const { store } = await renderStudio(<ProcedurePanel />);
    await act(() => store.getState().startSession());
    expect(document.activeElement?.getAttribute('data-testid')).toBe('step-take-history');
    fireEvent.click(document.activeElement!);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('step-examine');
    fireEvent.click(document.activeElement!);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('完成：告知风险并签署知情同意书');
  });

  it('light pressure is a choice in the device panel (and the L key), never Alt; the help says so', async () => {
    const { store } = await renderStudio(<DevicePanel />, { language: 'en' });
    expect((screen.getByTestId('pressure-moderate') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Light'));
    expect(store.getState().mousePressure).toBe('light');
    const help = screen.getByLabelText('Controls').textContent!;
    expect(help).toContain('hold L for light');
    expect(help).not.toMatch(/Alt|0\.\d/);
  });

  it('names learn and test mode as My records does, and uses the standard\'s own terms', async () => {
    expect(zhStudio.mode).toEqual({ learn: zhRecords.modes.learn, test: zhRecords.modes.test });
    expect(enStudio.mode).toEqual({ learn: enRecords.modes.learn, test: enRecords.modes.test });
    await renderStudio(<SetupPanel canStart />);
    fireEvent.click(screen.getByLabelText('考核模式'));
    expect(screen.getByText(/考核模式不显示任何实时提示/)).toBeTruthy();
    // 8.4.3 出血性紫癜, 10.7 医用污染物: nowhere a looser word for them.
    const zh = JSON.stringify(zhStudio);
    expect(zh.match(/紫癜/g)!.length).toBe(zh.match(/出血性紫癜/g)!.length);
    expect(zhStudio.steps['dispose-needle']).toContain('医用污染物');
    expect(zh).not.toMatch(/测试模式|医疗污物|主程序|本机程序/);
  });
});
