// The cohort view in the shell, against the real services: an instructor finds it in the navigation and
// reads the numbers main computed (summary, pass rates on the bars and in the tables, the clauses missed),
// in Chinese and English; the empty state; the profession filter; and a trainee is never offered it.

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NURSE, seededInstitution } from '../helpers/training-services';
import { quickCatalog } from '../helpers/quick-exam';
import { navLabels, navTo, renderShell } from './shell-setup';
import { findUntranslatedText } from './shell-text-audit';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  cleanup();
  for (const d of disposers.reverse()) await d();
  disposers = [];
});

type Seeded = Awaited<ReturnType<typeof seededInstitution>>;

async function seeded(): Promise<Seeded> {
  const s = await seededInstitution({ exams: quickCatalog() });
  disposers.push(() => s.services.dispose());
  return s;
}

/** The nurse submits the quick module without answering: one failed exam attempt, every question missed. */
async function failedExam(s: Seeded) {
  const { id } = s.ok(await s.trainee.exams.start({ moduleId: 'quick', certificateNumber: NURSE.certificateNumber }));
  s.ok(await s.trainee.exams.submit({ examAttemptId: id }));
}

const summaryValue = (key: string) => document.querySelector(`[data-summary="${key}"] dd`)?.textContent;

describe('the cohort view', () => {
  it('shows the instructor the numbers main computed, on the bars and in the tables (zh)', async () => {
    const s = await seeded();
    await failedExam(s);
    const stats = s.ok(await s.instructor.cohort.stats({}));
    await renderShell({ services: s, clientKey: 'window:instructor', language: 'zh' });
    expect(navLabels()).toContain('学员概况');
    fireEvent.click(navTo('学员概况'));
    const view = await screen.findByRole('region', { name: '学员群体概况' });
    await waitFor(() => expect(summaryValue('examAttempts')).toBe('1'));
    expect(summaryValue('practiceAttempts')).toBe('0');
    expect(summaryValue('issued')).toBe('0');

    const modules = within(view).getByRole('region', { name: '各考核模块通过率' });
    expect(within(modules).getByRole('img', { name: '各考核模块通过率' }).textContent).toContain('快速理论测验');
    expect(modules.querySelector('[data-bar="quick"]')?.textContent).toContain('0% · 0/1');
    const moduleRow = within(within(modules).getByRole('table')).getByRole('row', { name: /快速理论测验/ });
    expect(within(moduleRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '1', '0%']);

    const roles = within(view).getByRole('region', { name: '各职业类别通过率（15.2）' });
    expect(roles.querySelector('[data-bar="nurse"]')?.textContent).toContain('护士（15.2.3）');
    expect(roles.querySelector('[data-bar="physician"]')?.textContent).toContain('无提交');

    const clauses = within(view).getByRole('region', { name: '最常见的失分条款' });
    const first = stats.missedClauses[0]!;
    expect(clauses.querySelector(`[data-bar="${first.clause}"]`)?.textContent).toContain(`${first.clause} ${first.heading!.zh}`);
    expect(clauses.querySelector(`[data-bar="${first.clause}"]`)?.textContent).toContain(`1 名学员 · ${first.occurrences} 次`);
    expect(within(clauses).getAllByRole('row')).toHaveLength(stats.missedClauses.length + 1);
    expect(findUntranslatedText(view, 'zh')).toEqual([]);

    // The profession filter asks main again: no technician sat anything.
    fireEvent.change(within(view).getByLabelText('职业类别'), { target: { value: 'technician' } });
    expect(await within(view).findByText(/没有考核或练习记录/)).toBeTruthy();
    expect(summaryValue('examAttempts')).toBe('0');

    // A range that ends before it starts: main refuses it, and the screen says what is wrong.
    fireEvent.change(within(view).getByLabelText('起始日期'), { target: { value: '2026-10-20' } });
    fireEvent.change(within(view).getByLabelText('截止日期'), { target: { value: '2026-10-10' } });
    expect((await within(view).findByRole('alert')).textContent).toContain('截止日期不能早于起始日期');
  });

  it('reads the same in English', async () => {
    const s = await seeded();
    await failedExam(s);
    const shell = await renderShell({ services: s, clientKey: 'window:admin', language: 'en' });
    shell.store.getState().navigate({ name: 'cohort' });
    const view = await screen.findByRole('region', { name: 'Cohort overview' });
    await waitFor(() => expect(summaryValue('examAttempts')).toBe('1'));
    const modules = within(view).getByRole('region', { name: 'Pass rate per exam module' });
    expect(modules.querySelector('[data-bar="quick"]')?.textContent).toContain('Quick theory check');
    expect(within(view).getByRole('region', { name: 'Pass rate per profession (15.2)' }).querySelector('[data-bar="nurse"]')?.textContent).toContain('Nurse (15.2.3)');
    expect(within(view).getByRole('region', { name: 'Clauses most often missed' }).textContent).toMatch(/trainees: 1 · occurrences: \d+/);
    expect(findUntranslatedText(view, 'en')).toEqual([]);
  });

  it('says so when no attempt falls in the range, and a trainee has no cohort view', async () => {
    const s = await seeded();
    const shell = await renderShell({ services: s, clientKey: 'window:instructor', language: 'zh' });
    shell.store.getState().navigate({ name: 'cohort' });
    const view = await screen.findByRole('region', { name: '学员群体概况' });
    expect(await within(view).findByText(/之间没有考核或练习记录/)).toBeTruthy();
    expect(within(view).queryByRole('img')).toBeNull();
    cleanup();
    const trainee = await renderShell({ services: s, clientKey: 'window:nurse', language: 'zh' });
    expect(navLabels()).not.toContain('学员概况');
    trainee.store.getState().navigate({ name: 'cohort' });
    expect(await screen.findByRole('heading', { level: 1, name: /您好/ })).toBeTruthy();
  });
});
