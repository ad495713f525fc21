// The case, practical and complication parts as a trainee works them: the patient card, asking history
// topics (the answer appears), examining regions on the head's region list (the finding appears), the
// contraindications, a limited decision and the consent, each stored by main; the practical part's start
// button; a vignette's choices. Real services throughout.

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MicroneedleApi } from '../../core/api/contract';
import { AppStoreContext, createAppStore } from '../../renderer/app/store';
import { HeadLoaderContext } from '../../renderer/screens/exams/head/RegionHead';
import { initI18n } from '../../renderer/i18n';
import { ExamScreen } from '../../renderer/screens/exams/take/ExamScreen';
import { NURSE, seededInstitution } from '../helpers/training-services';
import { findUntranslatedText } from './shell-text-audit';

/** happy-dom serves no files and has no WebGL: the head fails to load, visibly, and the region list answers. */
const NO_HEAD = () => Promise.reject(new Error('assets/head/head-model.json: cannot be fetched (no server in tests)'));

let disposers: (() => void)[] = [];
afterEach(async () => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
  await initI18n('zh');
});

async function openExam(language: 'zh' | 'en' = 'zh') {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  const { id } = s.ok(await s.trainee.exams.start({ moduleId: 'roller-nurse', certificateNumber: NURSE.certificateNumber }));
  await initI18n(language);
  const store = createAppStore(s.trainee as MicroneedleApi);
  await store.getState().refreshAuth();
  const onStartPractical = vi.fn();
  render(
    <AppStoreContext.Provider value={store}>
      <HeadLoaderContext.Provider value={NO_HEAD}>
        <ExamScreen examAttemptId={id} onStartPractical={onStartPractical} onLeave={() => {}} />
      </HeadLoaderContext.Provider>
    </AppStoreContext.Provider>,
  );
  await screen.findByRole('heading', { level: 1 });
  const stored = async () => s.ok(await s.trainee.exams.open({ id })).state;
  return { s, id, onStartPractical, stored };
}

const part = (name: RegExp) => fireEvent.click(within(screen.getByRole('navigation', { name: /考试部分|Exam parts/ })).getByRole('button', { name }));
const section = (name: string) => screen.getByRole('region', { name });
const saved = () => screen.findByText(/答案已保存|Answers saved/);

describe('the case part', () => {
  it('shows the patient, answers history questions and shows what examining a region finds', async () => {
    const { stored } = await openExam();
    part(/病例筛查/);
    const patient = section('患者信息');
    expect(patient.textContent).toContain('41 岁');
    expect(patient.textContent).toContain('女');
    expect(patient.textContent).toContain('III 型');
    expect(patient.textContent).toContain('滚轮微针');
    expect(patient.textContent).toContain('额部、左面颊、右面颊、口周');
    expect(patient.textContent).toContain('想改善额头和脸颊的细纹');

    const history = section('病史采集');
    expect(within(history).getAllByRole('listitem')).toHaveLength(14);
    fireEvent.click(within(history).getByRole('button', { name: '询问: 这次想解决什么问题？希望达到什么效果？' }));
    await within(history).findByText(/额头和脸颊的细纹越来越明显/);
    expect(within(history).getAllByText('已询问')).toHaveLength(1);

    const examine = section('专科检查');
    const legend = within(examine).getByRole('group', { name: '头模上可见皮损图例' });
    expect(legend.textContent).toContain('水疱');
    expect(legend.textContent).toContain('细纹');
    expect(within(examine).getByText('尚未检查任何部位。')).toBeTruthy();
    fireEvent.click(within(examine).getByRole('button', { name: '口周' }));
    await within(examine).findByText(/左侧上唇唇红缘及其邻近口周皮肤可见一簇/);
    fireEvent.click(within(examine).getByRole('button', { name: '颈部' }));
    await within(examine).findByText(/未见异常/);
    expect(within(examine).getByRole('button', { name: '口周' }).getAttribute('aria-pressed')).toBe('true');

    const state = await stored();
    expect(state.cases.case.asked.map((a) => a.topic)).toEqual(['goals']);
    expect(state.cases.case.examined.map((e) => e.region)).toEqual(['perioral', 'neck']);
    expect(findUntranslatedText(document.body, 'zh')).toEqual([]);
  });

  it('stores the contraindications, a limited decision and the consent as they are given', async () => {
    const { stored } = await openExam();
    part(/病例筛查/);
    fireEvent.click(within(section('禁忌证')).getByRole('checkbox', { name: /局部病毒、细菌或真菌感染/ }));
    const decision = section('治疗决定');
    fireEvent.click(within(decision).getByRole('radio', { name: '限制性治疗' }));
    await waitFor(() => expect(within(decision).getByRole('group', { name: '不予治疗的部位' })).toBeTruthy());
    fireEvent.click(within(within(decision).getByRole('group', { name: '不予治疗的部位' })).getByRole('button', { name: '口周' }));
    const needle = within(decision).getByLabelText('额部 针长上限（mm）');
    fireEvent.change(needle, { target: { value: '0.5' } });
    fireEvent.blur(needle);
    fireEvent.click(within(decision).getByRole('checkbox', { name: '预防性抗病毒' }));
    const consent = section('术前准备与知情同意（第 7 章）');
    fireEvent.click(within(consent).getByRole('checkbox', { name: '已与患者沟通治疗目标及预期效果' }));
    fireEvent.click(within(consent).getByRole('checkbox', { name: '患者已签署知情同意书' }));
    await saved();
    await waitFor(async () => {
      const c = (await stored()).cases.case;
      expect(c.marked).toEqual(['local-infection']);
      expect(c.decision).toEqual({ kind: 'limit', excludeRegions: ['perioral'], needleLimits: [{ region: 'forehead', maxNeedleMm: 0.5 }], pretreatments: ['antiviral-prophylaxis'] });
      expect(c.consent).toEqual({ goalsDiscussed: true, risksExplained: [], signed: true });
    });
    expect((within(decision).getByLabelText('额部 针长上限（mm）') as HTMLInputElement).value).toBe('0.5');
  });
});

describe('the practical and complication parts', () => {
  it('starts the practical task from its part, and stores a vignette’s choices', async () => {
    const { onStartPractical, stored } = await openExam();
    part(/操作考核/);
    expect(screen.getByText(/32 岁女性，额部细纹/)).toBeTruthy();
    expect(screen.getByText('限时 20 分钟')).toBeTruthy();
    expect(screen.getByText('未开始')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '开始操作考核' }));
    expect(onStartPractical).toHaveBeenCalledWith('practical');

    part(/并发症处理/);
    const first = screen.getByRole('region', { name: /^病例 1 · / });
    expect(within(first).getByText('选出所有正确的处理措施')).toBeTruthy();
    const boxes = within(first).getAllByRole('checkbox');
    fireEvent.click(boxes[0]);
    fireEvent.click(boxes[2]);
    await waitFor(async () => expect((await stored()).choices['complication/c1']).toEqual(['a', 'c']));
    expect(findUntranslatedText(document.body, 'zh')).toEqual([]);
  });

  it('reads in English', async () => {
    await openExam('en');
    part(/Case screening/);
    expect(section('Patient').textContent).toContain('41 years');
    expect(section('Patient').textContent).toContain('Type III');
    fireEvent.click(within(section('Take the history')).getAllByRole('button', { name: /^Ask: / })[0]);
    await within(section('Take the history')).findByText(/getting deeper/);
    expect(findUntranslatedText(document.body, 'en')).toEqual([]);
  });
});
