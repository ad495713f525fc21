// The exam as a trainee takes it: the header and clock, answering and flagging knowledge questions (each
// saved as it is given, so reopening shows them), a failed save shown and re-sent, submitting with a
// confirmation and the result with its fail reasons and solutions, in Chinese and English; staff read-only;
// the low-time state and the automatic submission at 0. Real services throughout.

import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MicroneedleApi } from '../../core/api/contract';
import { createStandInHeadModel, createStandInSurface } from '../../core/surface/stand-in';
import type { HeadModel } from '../../core/surface/surface';
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

async function startExam(moduleId = 'roller-nurse') {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  const started = s.ok(await s.trainee.exams.start({ moduleId, certificateNumber: NURSE.certificateNumber }));
  return { s, id: started.id };
}

async function renderExam(api: MicroneedleApi, id: string, language: 'zh' | 'en' = 'zh', head: () => Promise<HeadModel> = NO_HEAD) {
  await initI18n(language);
  const store = createAppStore(api);
  await store.getState().refreshAuth();
  const onStartPractical = vi.fn();
  const onLeave = vi.fn();
  render(
    <AppStoreContext.Provider value={store}>
      <HeadLoaderContext.Provider value={head}>
        <ExamScreen examAttemptId={id} onStartPractical={onStartPractical} onLeave={onLeave} />
      </HeadLoaderContext.Provider>
    </AppStoreContext.Provider>,
  );
  await screen.findByRole('heading', { level: 1 });
  return { onStartPractical, onLeave };
}

const navigator = (name = '题目导航') => within(screen.getByRole('navigation', { name }));
const navButton = (n: number, name?: string) => navigator(name).getByRole('button', { name: new RegExp(`^(第 ${n} 题|Question ${n}):`) });

/** Lets main's clock run by `minutes`, heard from the window every minute (a quiet minute is a pause). */
async function letTimePass(s: Awaited<ReturnType<typeof startExam>>['s'], id: string, ms: number) {
  for (let left = ms; left > 0; left -= 60_000) {
    s.clock.advance(Math.min(60_000, left));
    s.ok(await s.trainee.exams.open({ id }));
  }
}

describe('taking an exam', () => {
  it('shows the module, the trainee, the attempt and the clock; no clause hints', async () => {
    const { s, id } = await startExam();
    await renderExam(s.trainee, id);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('滚轮微针操作考核（护士/医师）');
    expect(screen.getByText('王芳')).toBeTruthy();
    expect(screen.getByText('护士')).toBeTruthy();
    expect(screen.getByText('N-2024-0001')).toBeTruthy();
    expect(screen.getByText('第 1 次考试')).toBeTruthy();
    expect(screen.getByRole('timer', { name: '剩余时间' }).textContent).toContain('1:10:00');
    const parts = within(screen.getByRole('navigation', { name: '考试部分' })).getAllByRole('button').map((b) => b.textContent);
    expect(parts).toEqual(['理论知识', '病例筛查病例筛查与治疗决策', '操作考核模拟操作', '并发症处理']);
    // The first question is a region question: the labelled region list answers it.
    expect(screen.getByText(/在头模上点选一个部位作答/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '左上眼睑' }));
    await screen.findByText('答案已保存');
    expect(screen.getByRole('button', { name: '左上眼睑' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText(/已选部位/).closest('p')?.textContent).toContain('左上眼睑');
    expect(document.body.textContent).not.toMatch(/依据条款|正确答案|解析/);
    expect(findUntranslatedText(document.body, 'zh')).toEqual([]);
  });

  it('saves each answer and flag as it is given: the navigator shows them, and so does the reopened screen', async () => {
    const { s, id } = await startExam();
    await renderExam(s.trainee, id);
    fireEvent.click(navButton(2));
    expect(navButton(2).getAttribute('aria-current')).toBe('step');
    expect(screen.getByText('第 2 题 / 共 20 题 · 单选题')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /说明可能出现并发症/ }));
    await screen.findByText('答案已保存');
    expect(navButton(2).getAttribute('aria-label')).toContain('已作答');
    fireEvent.click(screen.getByRole('checkbox', { name: '标记待复查' }));
    await waitFor(() => expect(navButton(2).getAttribute('aria-label')).toContain('标记待复查'));
    await screen.findByText('答案已保存');
    fireEvent.click(screen.getByRole('button', { name: '下一题' }));
    expect(screen.getByText('第 3 题 / 共 20 题 · 单选题')).toBeTruthy();

    // A multiple-choice question says so.
    fireEvent.click(navButton(7));
    expect(screen.getByText('选出所有正确答案')).toBeTruthy();
    // A question from outside the standard carries its note.
    fireEvent.click(navButton(6));
    expect(screen.getByText('不属于本规范：一家医院面向患者的滚针科普文章（非本规范内容），不计分')).toBeTruthy();

    const stored = s.ok(await s.trainee.exams.open({ id }));
    expect(stored.state.answers['knowledge/k2']).toEqual({ kind: 'choice', optionIds: ['a'] });
    expect(stored.state.flags).toEqual(['knowledge/k2']);

    cleanup();
    await renderExam(s.trainee, id);
    expect(navButton(2).getAttribute('aria-label')).toMatch(/已作答.*标记待复查/);
    expect(navButton(3).getAttribute('aria-label')).toContain('未作答');
    fireEvent.click(navButton(2));
    expect((screen.getByRole('radio', { name: /说明可能出现并发症/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: '标记待复查' }) as HTMLInputElement).checked).toBe(true);
  });

  it('shows a failed save, keeps the answer, and re-sends it', async () => {
    const { s, id } = await startExam();
    let failures = 1;
    const offline: MicroneedleApi = {
      ...s.trainee,
      exams: {
        ...s.trainee.exams,
        step: async (args) => (failures-- > 0 ? { ok: false, error: { code: 'storage-failed', message: 'the app server cannot be reached: offline' } } : s.trainee.exams.step(args)),
      },
    };
    await renderExam(offline, id);
    fireEvent.click(navButton(14));
    fireEvent.click(screen.getByRole('radio', { name: '错误' }));
    await screen.findByText('有 1 项答案尚未保存，正在自动重试。');
    expect(screen.getByRole('alert').textContent).toContain('答案保存失败');
    expect((screen.getByRole('radio', { name: '错误' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '立即重试' }));
    await screen.findByText('答案已保存');
    expect(s.ok(await s.trainee.exams.open({ id })).state.answers['knowledge/k14']).toEqual({ kind: 'true-false', value: false });
  });

  it('asks before submitting, then shows the result with its fail reasons and, here, the solutions', async () => {
    const { s, id } = await startExam();
    const { onLeave } = await renderExam(s.trainee, id);
    fireEvent.click(navButton(2));
    fireEvent.click(screen.getByRole('radio', { name: /说明可能出现并发症/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: '标记待复查' }));
    await waitFor(() => expect(navButton(2).getAttribute('aria-label')).toContain('标记待复查'));
    await screen.findByText('答案已保存');

    fireEvent.click(screen.getByRole('button', { name: '交卷' }));
    const dialog = screen.getByRole('alertdialog', { name: '确认交卷' });
    expect(dialog.textContent).toContain('共 22 题：未作答 21 题，标记待复查 1 题。');
    expect(dialog.textContent).toContain('交卷后不能再修改答案。');
    fireEvent.click(within(dialog).getByRole('button', { name: '继续作答' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '交卷' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '确认交卷' }));

    await screen.findByRole('heading', { name: '考试结果' });
    expect(screen.getByText('不合格')).toBeTruthy();
    const reasons = within(screen.getByRole('region', { name: '不合格原因' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(reasons[0]).toBe('严重错误（病例筛查与治疗决策，7.2）：未作出治疗决定');
    expect(reasons.at(-1)).toContain('总分');
    expect(screen.getByText(/^总分 [\d.]+ 分（合格线 70 分）$/)).toBeTruthy();
    const knowledge = screen.getByRole('region', { name: '理论知识' });
    const items = within(knowledge).getAllByRole('listitem');
    expect(items[1].textContent).toContain('正确');
    expect(items[1].textContent).toContain('A. 说明可能出现并发症');
    expect(items[2].textContent).toContain('未作答');
    expect(items[5].textContent).toContain('不计分');
    expect(items[0].textContent).toContain('左上眼睑');
    const practical = screen.getByRole('region', { name: '模拟操作' });
    expect(practical.textContent).toContain('实操任务未完成');
    expect(practical.textContent).toContain('本部分没有可评分的操作记录。');
    expect(findUntranslatedText(document.body, 'zh')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    expect(onLeave).toHaveBeenCalled();
  });

  it('says the result waits for an instructor where the module releases results later', async () => {
    const { s, id } = await startExam('theory');
    await renderExam(s.trainee, id);
    fireEvent.click(screen.getByRole('button', { name: '交卷' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '确认交卷' }));
    await screen.findByRole('heading', { name: '考试结果' });
    expect(screen.getByText('您的成绩将由带教老师审核后公布。')).toBeTruthy();
    expect(screen.queryByText('不合格')).toBeNull();
    expect(screen.queryByText('合格')).toBeNull();
  });

  it('speaks English when the UI is in English, running and submitted', async () => {
    const { s, id } = await startExam();
    await renderExam(s.trainee, id, 'en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Roller microneedling: nurse and physician');
    expect(screen.getByRole('timer', { name: 'Time left' })).toBeTruthy();
    fireEvent.click(navButton(2, 'Question navigator'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Flag for review' }));
    await screen.findByText('Answers saved');
    expect(findUntranslatedText(document.body, 'en')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Submit the exam' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('22 questions: 22 not answered, 1 flagged for review.');
    fireEvent.click(screen.getByRole('button', { name: 'Submit now' }));
    await screen.findByRole('heading', { name: 'Exam result' });
    expect(screen.getByText('FAIL')).toBeTruthy();
    expect(screen.getByText('Critical error (Case screening and decision, 7.2): No treatment decision was made')).toBeTruthy();
    // The bank's own English names the 米 (rice-character) pattern by its character: content, not UI text.
    expect(findUntranslatedText(document.body, 'en').filter((p) => !p.includes('米 pattern'))).toEqual([]);
  });

  it('says in words when the head cannot be shown, and the region list still answers', async () => {
    const { s, id } = await startExam();
    await renderExam(s.trainee, id);
    const failed = await screen.findByRole('alert');
    expect(failed.textContent).toContain('无法加载头部模型，请使用下方的部位列表作答。');
    expect(within(failed).getByText(/assets\/head\/head-model\.json: cannot be fetched/).getAttribute('lang')).toBe('en');
    cleanup();

    // A head that loads, on a machine without WebGL (happy-dom): the 3D view fails visibly, never a stand-in.
    const surface = createStandInSurface();
    const head: HeadModel = createStandInHeadModel(surface);
    await renderExam(s.trainee, id, 'zh', async () => head);
    const noGl = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(within(noGl).getByText(/WebGL/).getAttribute('lang')).toBe('en');
    expect(noGl.textContent).toContain('无法启动三维视图');
    fireEvent.click(screen.getByRole('button', { name: '右下眼睑' }));
    await screen.findByText('答案已保存');
  });

  it('opens read-only for staff: nothing can be answered or submitted', async () => {
    const { s, id } = await startExam();
    await renderExam(s.instructor, id);
    expect(screen.getByText(/只读/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '交卷' })).toBeNull();
    expect((screen.getByRole('button', { name: '左上眼睑' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(navButton(2));
    expect((screen.getByRole('radio', { name: /说明可能出现并发症/ }) as HTMLInputElement).disabled).toBe(true);
  });

  it('warns when less than 5 minutes are left', async () => {
    const { s, id } = await startExam();
    await letTimePass(s, id, 66 * 60_000);
    await renderExam(s.trainee, id);
    expect(screen.getByText('剩余时间不足 5 分钟，请抓紧作答。')).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toMatch(/[34]:\d\d$/);
  });

  it('submits by itself when the time runs out', async () => {
    const { s, id } = await startExam();
    await letTimePass(s, id, 70 * 60_000 - 1500);
    await renderExam(s.trainee, id);
    await screen.findByRole('heading', { name: '考试结果' }, { timeout: 6000 });
    expect(s.ok(await s.trainee.exams.open({ id })).status).toBe('submitted');
  });
});
