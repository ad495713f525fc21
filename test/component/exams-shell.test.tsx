// The exams list, the identity check before an exam, and exam attempts in a trainee's file and My records,
// on the real services and the shipped exams/ catalogue: what trainees and instructors see and can do.

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MicroneedleApi, ModuleSummary } from '../../core/api/contract';
import { NURSE, seededInstitution } from '../helpers/training-services';
import { fieldError, navTo, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

async function institution() {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  return s;
}

async function modulesOf(api: MicroneedleApi): Promise<ModuleSummary[]> {
  const r = await api.exams.catalog();
  if (!r.ok) throw new Error(`exams.catalog: ${r.error.message}`);
  return r.value.modules;
}

/** A nurse module that can be started now. */
async function startable(api: MicroneedleApi): Promise<ModuleSummary> {
  const m = (await modulesOf(api)).find((x) => x.standing?.blocked === null && x.standing.runningAttemptId === null);
  if (!m) throw new Error('no nurse module can be started');
  return m;
}

/** Starts and submits an exam with nothing answered: a fail. */
async function failOne(api: MicroneedleApi, moduleId: string) {
  const started = await api.exams.start({ moduleId, certificateNumber: NURSE.certificateNumber });
  if (!started.ok) throw new Error(`exams.start: ${started.error.message}`);
  const submitted = await api.exams.submit({ examAttemptId: started.value.id });
  if (!submitted.ok) throw new Error(`exams.submit: ${submitted.error.message}`);
  return started.value.id;
}

const card = (title: string) => screen.getByRole('article', { name: title });

describe('exams list', () => {
  it('shows a nurse the nurse modules and not the technician ones, with parts, pass rule and standing', async () => {
    const s = await institution();
    const nurseModules = await modulesOf(s.trainee);
    const technicianOnly = (await modulesOf(s.trainee2)).filter((m) => !nurseModules.some((n) => n.ref.id === m.ref.id));
    expect(nurseModules.length).toBeGreaterThan(0);
    expect(technicianOnly.length).toBeGreaterThan(0);

    await renderShell({ services: s, clientKey: 'window:nurse' });
    fireEvent.click(navTo('考试'));
    expect(await screen.findByRole('heading', { level: 1, name: '考试' })).toBeTruthy();
    for (const m of nurseModules) {
      const c = await screen.findByRole('article', { name: m.ref.title.zh });
      expect(c.textContent).toContain(m.description.zh);
      expect(c.textContent).toContain(`总分不低于 ${m.passRule.overallMin} 分`);
      expect(c.textContent).toContain(`考试次数上限：${m.passRule.attemptsAllowed} 次`);
      expect(c.textContent).toContain(`已考 0 次，共 ${m.passRule.attemptsAllowed} 次`);
      for (const p of m.parts) expect(c.textContent).toContain(`建议用时 ${p.timeLimitMin} 分钟，共 ${p.items} 题`);
      expect(within(c).getByRole('button', { name: '考核大纲' })).toBeTruthy();
    }
    for (const m of technicianOnly) expect(screen.queryByRole('article', { name: m.ref.title.zh })).toBeNull();
  });

  it('asks for the certificate number before starting, refuses a wrong one at the field, and opens the exam', async () => {
    const s = await institution();
    const m = await startable(s.trainee);
    const shell = await renderShell({ services: s, clientKey: 'window:nurse' });
    shell.store.getState().navigate({ name: 'exams' });
    await screen.findByRole('article', { name: m.ref.title.zh });
    fireEvent.click(within(card(m.ref.title.zh)).getByRole('button', { name: '开始考试' }));

    const dialog = await screen.findByRole('dialog', { name: '身份确认' });
    expect(dialog.textContent).toContain(NURSE.name);
    expect(dialog.textContent).toContain('护士');
    expect(dialog.textContent).toContain(NURSE.certificateNumber);
    expect(dialog.textContent).toContain('限时');
    expect(dialog.textContent).toContain('即保存');

    const label = '请输入您的执业证书编号以确认身份';
    fireEvent.click(within(dialog).getByRole('button', { name: '确认身份并开始考试' }));
    await waitFor(() => expect(fieldError(label)).toBe('请输入您的执业证书编号。'));

    fireEvent.change(screen.getByLabelText(label), { target: { value: 'N-2024-9999' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认身份并开始考试' }));
    await waitFor(() => expect(fieldError(label)).toBe('与您档案中登记的证书编号不一致，请核对后重新输入。'));
    expect(shell.store.getState().screen).toEqual({ name: 'exams' });
    // Nothing was started.
    expect((await modulesOf(s.trainee)).find((x) => x.ref.id === m.ref.id)?.standing?.attemptsUsed).toBe(0);

    fireEvent.change(screen.getByLabelText(label), { target: { value: NURSE.certificateNumber } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认身份并开始考试' }));
    await waitFor(() => expect(shell.store.getState().screen.name).toBe('exam'));
    const running = (await modulesOf(s.trainee)).find((x) => x.ref.id === m.ref.id)?.standing?.runningAttemptId;
    expect(shell.store.getState().screen).toEqual({ name: 'exam', examAttemptId: running });

    // Back on the list, the running attempt is resumed, not started again.
    shell.store.getState().navigate({ name: 'exams' });
    const resume = await within(await screen.findByRole('article', { name: m.ref.title.zh })).findByRole('button', { name: '继续考试' });
    fireEvent.click(resume);
    expect(shell.store.getState().screen).toEqual({ name: 'exam', examAttemptId: running });
  });

  it('after a failed attempt says why another cannot start yet: the result to release, then the retake wait', async () => {
    const s = await institution();
    const m = await startable(s.trainee);
    await failOne(s.trainee, m.ref.id);
    let standing = (await modulesOf(s.trainee)).find((x) => x.ref.id === m.ref.id)!.standing!;
    if (standing.blocked === 'results-pending') {
      const shell = await renderShell({ services: s, clientKey: 'window:nurse' });
      shell.store.getState().navigate({ name: 'exams' });
      const c = await screen.findByRole('article', { name: m.ref.title.zh });
      expect(c.textContent).toContain('上次考试的成绩待发布');
      expect((within(c).getByRole('button', { name: '开始考试' }) as HTMLButtonElement).disabled).toBe(true);
      cleanup();
      const [attempt] = s.ok(await s.instructor.exams.list({ personId: s.people.nurse.id })).items;
      s.ok(await s.instructor.exams.release({ examAttemptId: attempt.id }));
      standing = (await modulesOf(s.trainee)).find((x) => x.ref.id === m.ref.id)!.standing!;
    }
    expect(standing.blocked).toBe('waiting');

    const shell = await renderShell({ services: s, clientKey: 'window:nurse' });
    shell.store.getState().navigate({ name: 'exams' });
    const c = await screen.findByRole('article', { name: m.ref.title.zh });
    const start = within(c).getByRole('button', { name: '开始考试' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    const reason = document.getElementById(start.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    const until = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(standing.nextAllowedAt!));
    expect(reason).toBe(`补考等待期中：${until} 后可再次参加考试。`);
    expect(c.textContent).toContain('未通过');
    expect(c.textContent).toContain(`已考 1 次，共 ${m.passRule.attemptsAllowed} 次`);
  });

  it('shows staff every module without a start button, and whether the exam files loaded', async () => {
    const s = await institution();
    const all = await modulesOf(s.instructor);
    const shell = await renderShell({ services: s, clientKey: 'window:instructor' });
    shell.store.getState().navigate({ name: 'exams' });
    for (const m of all) expect(await screen.findByRole('article', { name: m.ref.title.zh })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '开始考试' })).toBeNull();
    const problems = s.ok(await s.instructor.exams.catalog()).problems;
    if (problems.length === 0) expect(screen.getByText('全部考试文件均已成功加载。')).toBeTruthy();
    else {
      const panel = screen.getByRole('region', { name: '未能加载的考试文件' });
      for (const p of problems) expect(panel.textContent).toContain(p.file);
    }
  });

  it('opens the syllabus page from a card, with version, hash, clauses and a print button', async () => {
    const s = await institution();
    const m = await startable(s.trainee);
    const shell = await renderShell({ services: s, clientKey: 'window:instructor' });
    shell.store.getState().navigate({ name: 'exams' });
    fireEvent.click(within(await screen.findByRole('article', { name: m.ref.title.zh })).getByRole('button', { name: '考核大纲' }));
    expect(shell.store.getState().screen).toEqual({ name: 'syllabus', moduleId: m.ref.id });
    expect(await screen.findByRole('heading', { level: 1, name: `考核大纲：${m.ref.title.zh}` })).toBeTruthy();
    expect(document.body.textContent).toContain(m.ref.hash.slice(0, 12));
    expect(document.body.textContent).not.toContain(m.ref.hash.slice(0, 13));
    const clauses = within(screen.getByRole('table', { name: /考核内容/ })).getAllByRole('row').slice(1);
    expect(clauses.length).toBe(m.syllabus.length);
    const print = vi.fn();
    vi.stubGlobal('print', print);
    fireEvent.click(screen.getByRole('button', { name: '打印' }));
    expect(print).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe('exam attempts on the record', () => {
  it('lets an instructor see the attempt in the trainee’s file and release it; the row updates', async () => {
    const s = await institution();
    const m = await startable(s.trainee);
    await failOne(s.trainee, m.ref.id);
    const shell = await renderShell({ services: s, clientKey: 'window:instructor' });
    shell.store.getState().navigate({ name: 'trainee', personId: s.people.nurse.id });
    const table = await screen.findByRole('table', { name: '考试记录列表' });
    const row = within(table).getAllByRole('row')[1];
    expect(row.textContent).toContain(m.ref.title.zh);
    expect(row.textContent).toContain('未通过');
    expect(screen.getByRole('region', { name: '岗位考核进度' }).textContent).toContain('尚需通过');
    const release = within(row).queryByRole('button', { name: new RegExp(`^发布成绩`) });
    if (release) {
      expect(row.textContent).toContain('未发布');
      fireEvent.click(release);
      await waitFor(() => expect(within(table).getAllByRole('row')[1].textContent).toContain('已发布'));
      expect(within(within(table).getAllByRole('row')[1]).queryByRole('button', { name: /^发布成绩/ })).toBeNull();
    } else expect(row.textContent).toContain('已发布');
    fireEvent.click(within(within(table).getAllByRole('row')[1]).getByRole('button', { name: /^打开/ }));
    expect(shell.store.getState().screen.name).toBe('exam');
    // Read-only for staff; back goes to the trainee's file.
    fireEvent.click(await screen.findByRole('button', { name: '返回' }));
    await waitFor(() => expect(shell.store.getState().screen).toEqual({ name: 'trainee', personId: s.people.nurse.id }));
  });

  it('shows the trainee their exam attempts and role track in My records and on home, in English too', async () => {
    const s = await institution();
    const m = await startable(s.trainee);
    await failOne(s.trainee, m.ref.id);
    await renderShell({ services: s, clientKey: 'window:nurse', language: 'en' });
    expect((await screen.findByRole('region', { name: 'Role track' })).textContent).toContain('To be examined for the Nurse role');
    fireEvent.click(navTo('My records'));
    const table = await screen.findByRole('table', { name: 'Exam attempts' });
    expect(within(table).getAllByRole('row')[1].textContent).toContain(m.ref.title.en);
    expect(screen.getByRole('region', { name: 'Practice sessions' }).textContent).toContain('No sessions yet');
    fireEvent.click(navTo('Exams'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Exams' })).toBeTruthy();
    const c = await screen.findByRole('article', { name: m.ref.title.en });
    expect(c.textContent).toMatch(/Result pending release|Waiting until .+ for the retake\./);
  });
});
