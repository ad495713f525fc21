// The expert benchmark in the debrief, against the real services on an in-memory training file: the
// instructor's "Mark as expert session" toggle (state read from main, mark, unmark with a reason), and the
// "Against the experts" table a trainee sees: an empty state without expert sessions, the mean without a
// spread under three, then mean ± SD (n) and where the trainee stands, in zh and en. Which panels the
// debrief shows: the comparison never in test mode, the toggle for instructors only.

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttemptSummary } from '../../core/api/contract';
import type { ScoreReport } from '../../core/scoring/report';
import { initI18n, setLanguage } from '../../renderer/i18n';
import { expertPanels } from '../../renderer/studio/debrief/Debrief';
import { ExpertComparison } from '../../renderer/studio/debrief/ExpertComparison';
import { ExpertMarkToggle } from '../../renderer/studio/debrief/ExpertMarkToggle';
import { useState } from 'react';
import { newPracticalTask } from '../../renderer/screens/authoring/task/task-doc';
import { PracticalTaskEditor } from '../../renderer/screens/authoring/task/PracticalTaskEditor';
import { HeadLoaderContext } from '../../renderer/screens/exams/head/RegionHead';
import { AppStoreContext, createAppStore } from '../../renderer/app/store';
import { seededInstitution } from '../helpers/training-services';
import { ok, sessionBatches } from '../unit/training-file/helpers';
import { findUntranslatedText } from './shell-text-audit';

const PRESET = 'roller-forehead-pink';
let disposers: (() => unknown)[] = [];
afterEach(async () => {
  cleanup();
  for (const d of disposers.reverse()) await d();
  disposers = [];
});

async function institution() {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  const finished = async (api: typeof s.instructor, samples: number) => {
    const started = ok(await api.sessions.start({ presetId: PRESET, mode: 'learn' }));
    const [events] = sessionBatches(started.initialSettings, 1, samples);
    ok(await api.sessions.append({ attemptId: started.attemptId, seq: 0, events: events! }));
    return ok(await api.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 100 + samples * 10, zones: [] }));
  };
  const experts = [await finished(s.instructor, 30), await finished(s.instructor, 40), await finished(s.instructor, 60)];
  return { ...s, experts };
}

/** A trainee's report with chosen metrics (the table reads metrics only). */
const traineeReport = (metrics: Record<string, number>): ScoreReport => ({ reportVersion: 2, recordingId: 'rec-t', procedure: 'roller', score: 70, passed: false, criticalFailure: false, passMark: 80, criteria: [], findings: [], metrics });

describe('the mark toggle', () => {
  it('shows the state, marks at once and unmarks with a reason', async () => {
    await initI18n('zh');
    await setLanguage('zh');
    const s = await institution();
    const id = s.experts[0]!.summary.id;
    render(<ExpertMarkToggle api={s.instructor} attemptId={id} presetId={PRESET} />);
    const group = screen.getByRole('group', { name: '专家示范' });
    expect(await within(group).findByText('未标为专家示范')).toBeTruthy();
    const toggle = within(group).getByRole('button', { name: '标为专家示范' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(await within(group).findByText('已标为专家示范')).toBeTruthy();
    expect(within(group).getByRole('button', { name: '标为专家示范' }).getAttribute('aria-pressed')).toBe('true');
    expect(ok(await s.admin.experts.list({ presetId: PRESET })).map((m) => m.attemptId)).toEqual([id]);

    fireEvent.click(within(group).getByRole('button', { name: '标为专家示范' }));
    const form = within(group).getByRole('form', { name: '取消专家示范' });
    fireEvent.change(within(form).getByLabelText('取消原因'), { target: { value: '针长选择不当' } });
    fireEvent.click(within(form).getByRole('button', { name: '确认取消' }));
    expect(await within(group).findByText('未标为专家示范')).toBeTruthy();
    expect(ok(await s.admin.experts.list({ presetId: PRESET }))).toEqual([]);
    expect(findUntranslatedText(group, 'zh')).toEqual([]);
  });

  it('says what main refused', async () => {
    await initI18n('en');
    await setLanguage('en');
    const s = await institution();
    // A trainee's window: main refuses the list (staff only), and the toggle says so instead of a state.
    render(<ExpertMarkToggle api={s.trainee} attemptId={s.experts[0]!.summary.id} presetId={PRESET} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not done:/);
    expect(screen.queryByRole('button', { name: 'Mark as expert session' })).toBeNull();
  });
});

describe('against the experts', () => {
  it('has a clear empty state, then the mean without a spread under three sessions', async () => {
    await initI18n('zh');
    await setLanguage('zh');
    const s = await institution();
    const report = traineeReport({ coveragePct: 40, treatmentDurationS: 20 });
    const first = render(<ExpertComparison api={s.trainee} presetId={PRESET} report={report} />);
    expect((await screen.findByTestId('expert-compare-empty')).textContent).toBe('该任务尚无专家示范操作，暂无可对比的基准。');
    first.unmount();
    ok(await s.instructor.experts.mark({ attemptId: s.experts[0]!.summary.id }));
    ok(await s.instructor.experts.mark({ attemptId: s.experts[1]!.summary.id }));
    render(<ExpertComparison api={s.trainee} presetId={PRESET} report={report} />);
    expect((await screen.findByTestId('expert-compare-too-few')).textContent).toBe('该任务只有 2 次专家示范操作，至少需要 3 次才显示离散程度和你的位置。');
    const row = screen.getByRole('row', { name: /覆盖率/ });
    expect(row.getAttribute('data-band')).toBe('too-few');
    expect(row.textContent).toContain('（n = 2）');
    expect(row.textContent).not.toContain('±');
    expect(row.textContent).toContain('专家示范不足，暂不评判');
  });

  it('shows mean ± SD (n) and where the trainee stands, in zh and en', async () => {
    await initI18n('zh');
    await setLanguage('zh');
    const s = await institution();
    for (const e of s.experts) ok(await s.instructor.experts.mark({ attemptId: e.summary.id }));
    const bench = ok(await s.trainee.experts.benchmark({ presetId: PRESET }));
    const coverage = bench.metrics.find((m) => m.key === 'coveragePct')!;
    const time = bench.metrics.find((m) => m.key === 'treatmentDurationS')!;
    // On the stand-in head the experts' sessions (30, 40, 60 samples) cover nothing and take 0.3, 0.4, 0.6 s.
    expect(coverage).toMatchObject({ n: 3, mean: 0, sd: 0 });
    expect(time).toMatchObject({ n: 3, mean: 0.433, sd: 0.153 });
    // Coverage above them (higher is better), too-slow passes above them (lower is better), their time.
    const report = traineeReport({ coveragePct: 40, tooSlowPassesPct: 50, treatmentDurationS: 0.4 });
    const view = render(<ExpertComparison api={s.trainee} presetId={PRESET} report={report} />);
    const table = await screen.findByRole('table', { name: '与专家对比（3 次专家示范）' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['指标', '你的结果', '专家均值 ± 标准差（n）', '你的位置']);
    const cov = within(table).getByRole('row', { name: /覆盖率/ });
    expect(cov.getAttribute('data-band')).toBe('above');
    expect(cov.textContent).toContain('40%');
    expect(cov.textContent).toContain('0% ± 0（n = 3）');
    expect(cov.textContent).toContain('高于专家范围（更好）');
    expect(cov.textContent).toContain('条款 8.2');
    const slow = within(table).getByRole('row', { name: /过慢滚动的次数占比/ });
    expect(slow.textContent).toContain('高于专家范围，需降低');
    const dur = within(table).getByRole('row', { name: /治疗时长/ });
    // z = (0.4 − 0.433) / 0.153 = −0.22
    expect(dur.textContent).toContain('0.433 秒 ± 0.153（n = 3）');
    expect(dur.textContent).toContain('在专家范围内');
    expect(dur.textContent).toContain('z = -0.22');
    // Only the metrics the report has: no pressure row here.
    expect(within(table).queryByRole('row', { name: /压力/ })).toBeNull();
    expect(findUntranslatedText(view.container, 'zh')).toEqual([]);
    view.unmount();

    await setLanguage('en');
    const en = render(<ExpertComparison api={s.trainee} presetId={PRESET} report={report} />);
    const tableEn = await screen.findByRole('table', { name: 'Against the experts (3 expert sessions)' });
    expect(within(tableEn).getByRole('row', { name: /Coverage/ }).textContent).toContain("Above the experts' spread (better)");
    expect(within(tableEn).getByRole('row', { name: /too-slow/ }).textContent).toContain("Above the experts' spread: bring it down");
    expect(within(tableEn).getByRole('row', { name: /Treatment time/ }).textContent).toContain("Within the experts' spread");
    expect(findUntranslatedText(en.container, 'en')).toEqual([]);
    // Nothing in it says whose sessions these are.
    expect(en.container.textContent).not.toContain(s.people.instructor.name);
  });
});

describe('which panels the debrief shows', () => {
  const summary = (over: Partial<AttemptSummary> = {}): AttemptSummary =>
    ({ id: 'a-1', personId: 'p-1', personName: '王芳', kind: 'practice', status: 'finished', procedure: 'roller', mode: 'learn', presetId: PRESET, startedAt: '', endedAt: '', durationMs: 1, score: 90, passed: true, criticalFailure: false, sourceName: null, provenance: null, note: null, ...over }) as AttemptSummary;
  const outcome = (over: Partial<AttemptSummary> = {}) => ({ source: 'finished' as const, summary: summary(over), report: traineeReport({}) });
  it('shows the comparison in learn mode only and the toggle to instructors only, for finished sessions of a task', () => {
    const task = { attemptId: 'a-1', presetId: PRESET };
    expect(expertPanels(outcome(), 'trainee', 'learn')).toEqual({ toggle: null, compare: task });
    expect(expertPanels(outcome(), 'trainee', 'test')).toEqual({ toggle: null, compare: null });
    expect(expertPanels(outcome({ kind: 'test', mode: 'test' }), 'instructor', 'test')).toEqual({ toggle: task, compare: null });
    expect(expertPanels(outcome(), 'admin', 'learn')).toEqual({ toggle: null, compare: task });
    expect(expertPanels(outcome({ kind: 'imported', presetId: null }), 'instructor', 'learn')).toEqual({ toggle: null, compare: null });
    expect(expertPanels(outcome({ status: 'abandoned' }), 'instructor', 'learn')).toEqual({ toggle: null, compare: null });
    expect(expertPanels(null, 'instructor', 'learn')).toEqual({ toggle: null, compare: null });
  });
});

describe('thresholds from experts in the practical task form', () => {
  const NO_HEAD = () => Promise.reject(new Error('assets/head/head-model.json: cannot be fetched (no server in tests)'));
  it('reads a task’s benchmark and fills only the overrides the experts make stricter', async () => {
    await initI18n('zh');
    await setLanguage('zh');
    const s = await institution();
    const state: { task: unknown } = { task: newPracticalTask('roller') };
    const store = createAppStore(s.instructor);
    function Stateful() {
      const [task, setTask] = useState<unknown>(state.task);
      return (
        <AppStoreContext.Provider value={store}>
          <HeadLoaderContext.Provider value={NO_HEAD}>
            <PracticalTaskEditor value={task} problems={[]} onChange={(next) => { state.task = next; setTask(next); }} />
          </HeadLoaderContext.Provider>
        </AppStoreContext.Provider>
      );
    }
    render(<Stateful />);
    const section = screen.getByRole('region', { name: '由专家示范设定阈值' });
    fireEvent.change(within(section).getByLabelText('专家示范所属任务'), { target: { value: PRESET } });
    fireEvent.click(within(section).getByRole('button', { name: '读取专家基准' }));
    await waitFor(() => expect(within(section).getByRole('status').textContent).toBe('该任务只有 0 次专家示范操作，至少需要 3 次才能建议阈值。'));

    for (const e of s.experts) ok(await s.instructor.experts.mark({ attemptId: e.summary.id }));
    fireEvent.click(within(section).getByRole('button', { name: '读取专家基准' }));
    const list = await within(section).findByRole('list', { name: '由 3 次专家示范得出的建议' });
    // The stand-in sessions cover nothing (coverage stays at its default) and press evenly (CV 0 for all three).
    expect(list.querySelector('[data-key="minCoverageFraction"]')!.textContent).toContain('（与默认值相同）');
    expect(list.querySelector('[data-key="pressureCvMax"]')!.textContent).toContain('（比默认值 0.35 更严格）');
    fireEvent.click(within(section).getByRole('button', { name: '填入覆盖值' }));
    expect((state.task as { scenario?: { defaults?: Record<string, number> } }).scenario?.defaults).toEqual({ pressureCvMax: 0 });
    expect((document.querySelector('tr[data-key="pressureCvMax"] input') as HTMLInputElement).value).toBe('0');

    fireEvent.change(within(section).getByLabelText('专家示范所属任务'), { target: { value: 'rf-neck' } });
    fireEvent.click(within(section).getByRole('button', { name: '读取专家基准' }));
    await waitFor(() => expect(within(section).getByRole('alert').textContent).toBe('该任务是射频微针任务，与本任务的操作不同，不能使用。'));
    expect(findUntranslatedText(section, 'zh')).toEqual([]);
  });
});
