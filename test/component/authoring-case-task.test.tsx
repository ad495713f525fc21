// The practical task editor as an instructor uses it: every simulator default with its value beside its
// input, the standard's own numbers read-only, an override written to scenario.defaults, switching the
// procedure to RF giving RF settings, problems at their fields, both languages.

import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthoringProblem } from '../../core/api/schemas/authoring';
import { practicalTaskSchema, type PracticalTask } from '../../core/exams/format/module';
import { SIMULATOR_DEFAULT_KEYS, SIMULATOR_DEFAULTS } from '../../core/rules/simulator-defaults';
import { initI18n } from '../../renderer/i18n';
import { newPracticalTask } from '../../renderer/screens/authoring/task/task-doc';
import { PracticalTaskEditor } from '../../renderer/screens/authoring/task/PracticalTaskEditor';
import { HeadLoaderContext } from '../../renderer/screens/exams/head/RegionHead';
import { findUntranslatedText } from './shell-text-audit';

const NO_HEAD = () => Promise.reject(new Error('assets/head/head-model.json: cannot be fetched (no server in tests)'));

afterEach(async () => {
  cleanup();
  await initI18n('zh');
});

async function renderEditor(options: { language?: 'zh' | 'en'; problems?: AuthoringProblem[]; value?: unknown } = {}) {
  await initI18n(options.language ?? 'zh');
  const state: { task: unknown } = { task: options.value ?? newPracticalTask('roller') };
  function Stateful() {
    const [task, setTask] = useState<unknown>(state.task);
    return (
      <HeadLoaderContext.Provider value={NO_HEAD}>
        <PracticalTaskEditor
          value={task}
          problems={options.problems ?? []}
          onChange={(next) => {
            state.task = next;
            setTask(next);
          }}
        />
      </HeadLoaderContext.Provider>
    );
  }
  const view = render(<Stateful />);
  return { view, current: () => state.task as PracticalTask };
}

const row = (key: string) => document.querySelector(`tr[data-key="${key}"]`) as HTMLElement;

describe('the practical task editor', () => {
  it("shows every simulator default's value beside its input, and the standard's numbers read-only", async () => {
    await renderEditor();
    for (const key of SIMULATOR_DEFAULT_KEYS) {
      const r = row(key);
      expect(r, key).not.toBeNull();
      expect(r.textContent).toContain(String(SIMULATOR_DEFAULTS[key].value));
      expect(r.textContent).toContain(SIMULATOR_DEFAULTS[key].clause);
      const input = within(r).getByLabelText(`本任务取值：${key}`) as HTMLInputElement;
      expect(input.value).toBe('');
      expect(input.placeholder).toBe(String(SIMULATOR_DEFAULTS[key].value));
    }
    expect(row('rfMinCoverageFraction').textContent).toContain('每个分区被脉冲覆盖的面积比例下限');
    expect(row('rfMinCoverageFraction').textContent).toContain('0.95 比例');
    expect(screen.getByRole('heading', { name: '规范规定值（不可修改）' })).toBeTruthy();
    const standard = screen.getByRole('table', { name: '规范规定值' });
    expect(within(standard).queryAllByRole('textbox')).toHaveLength(0);
    expect(standard.textContent).toContain('0.5–3 mm');
    expect(standard.textContent).toContain('needleLengthMm');
  });

  it('writes an override to scenario.defaults and removes it when emptied', async () => {
    const { current } = await renderEditor();
    const input = within(row('rfMinCoverageFraction')).getByLabelText('本任务取值：rfMinCoverageFraction');
    fireEvent.change(input, { target: { value: '0.9' } });
    expect(current().scenario?.defaults).toEqual({ rfMinCoverageFraction: 0.9 });
    fireEvent.change(input, { target: { value: '' } });
    expect(current().scenario).toBeUndefined();
  });

  it('gives RF settings and suggested zones when the procedure switches to RF', async () => {
    const { current } = await renderEditor();
    expect(screen.getByLabelText('针长（mm）')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('治疗方式'), { target: { value: 'rf' } });
    expect(current().procedure).toBe('rf');
    expect(current().initialSettings).toMatchObject({ device: 'rf', suction: true, bipolar: true });
    expect((screen.getByLabelText('功率（W）') as HTMLInputElement).value).toBe('20');
    expect(screen.queryByLabelText('针长（mm）')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '添加分区' }));
    const zone = screen.getByRole('group', { name: '第 1 区' });
    fireEvent.click(within(zone).getByRole('button', { name: '在头模上选择部位' }));
    fireEvent.click(within(zone).getByRole('button', { name: '颈部' }));
    expect(current().suggestedZones).toEqual([['neck']]);
    // Target regions and a filled brief make it a valid task.
    fireEvent.click(within(screen.getByRole('group', { name: '靶区' })).getByRole('button', { name: '在头模上选择部位' }));
    fireEvent.click(within(screen.getByRole('group', { name: '靶区' })).getByRole('button', { name: '颈部' }));
    fireEvent.change(screen.getByLabelText('任务说明（考生可见）（中文）'), { target: { value: '颈部负压射频' } });
    fireEvent.change(screen.getByLabelText('任务说明（考生可见）（英文）'), { target: { value: 'Suction RF to the neck' } });
    fireEvent.change(screen.getByLabelText('适应证'), { target: { value: 'skin-laxity' } });
    expect(practicalTaskSchema.safeParse(current()).success).toBe(true);
    // Back to the roller: roller settings again, and no RF zones.
    fireEvent.change(screen.getByLabelText('治疗方式'), { target: { value: 'roller' } });
    expect(current().initialSettings.device).toBe('roller');
    expect(current().suggestedZones).toBeUndefined();
  });

  it('shows problems at their fields', async () => {
    await renderEditor({
      problems: [
        { pointer: '/scenario/defaults/rfMinCoverageFraction', message: 'expected a number >= 0' },
        { pointer: '/goal/targetRegions', message: 'expected at least one target region' },
      ],
    });
    const input = within(row('rfMinCoverageFraction')).getByLabelText('本任务取值：rfMinCoverageFraction');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(row('rfMinCoverageFraction').textContent).toContain('expected a number >= 0');
    expect(screen.getByRole('group', { name: '靶区' }).textContent).toContain('expected at least one target region');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is complete in Chinese and in English', async () => {
    const zh = await renderEditor({ value: { ...newPracticalTask('rf'), suggestedZones: [['neck']] } });
    expect(findUntranslatedText(zh.view.container, 'zh')).toEqual([]);
    cleanup();
    const en = await renderEditor({ language: 'en', value: { ...newPracticalTask('nano'), scenario: { requiredSteps: ['wet-compress'] } } });
    expect(screen.getByRole('heading', { name: "The standard's own numbers (cannot be changed)" })).toBeTruthy();
    expect(screen.getByLabelText('Needle height (µm)')).toBeTruthy();
    // Two English descriptions in core/rules/simulator-defaults.ts name the 米 pattern itself.
    expect(findUntranslatedText(en.view.container, 'en').filter((p) => !/米[ -]/.test(p))).toEqual([]);
  });
});
