// The trainee's own file in the shell, against the real services: the findings that recur (My records for
// the trainee, the trainee's file for staff, and the state with none), and the renewal notice on the
// trainee's Home when their record's recertifyBy date is near or past, or the record expired (none otherwise).

import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clauseById } from '../../core/standard/clauses';
import { passQuickModule, quickCatalog } from '../helpers/quick-exam';
import { seededInstitution } from '../helpers/training-services';
import { sessionBatches } from '../unit/training-file/helpers';
import { renderShell } from './shell-setup';
import { findUntranslatedText } from './shell-text-audit';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  for (const d of disposers.reverse()) await d();
  disposers = [];
});

type Seeded = Awaited<ReturnType<typeof seededInstitution>>;

async function seeded(): Promise<Seeded> {
  const s = await seededInstitution({ exams: quickCatalog() });
  disposers.push(() => s.services.dispose());
  return s;
}

/** A short roller session with no preparation, which fails under the same protocol clauses each time. */
async function failedPractice(s: Seeded) {
  const started = s.ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'test' }));
  const [batch] = sessionBatches(started.initialSettings, 1);
  s.ok(await s.trainee.sessions.append({ attemptId: started.attemptId, seq: 0, events: batch }));
  s.ok(await s.trainee.sessions.finish({ attemptId: started.attemptId, batches: 1, endTMs: 2000, zones: [] }));
}

describe('findings that recur', () => {
  it('the trainee sees theirs in My records, and the instructor in the trainee file, with clause, heading and counts', async () => {
    const s = await seeded();
    await failedPractice(s);
    await failedPractice(s);
    const expected = s.ok(await s.trainee.records.recurringFindings({}));
    expect(expected.length).toBeGreaterThan(0);

    const shell = await renderShell({ services: s, clientKey: 'window:nurse', language: 'zh' });
    shell.store.getState().navigate({ name: 'records' });
    const section = await screen.findByRole('region', { name: '反复出现的问题' });
    const table = await within(section).findByRole('table', { name: '反复出现的失分条款' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-clause'))).toEqual(expected.map((f) => f.clause));
    const first = expected[0]!;
    expect(within(rows[0]!).getAllByRole('cell').slice(0, 3).map((c) => c.textContent)).toEqual([clauseById(first.clause)!.heading.zh, String(first.attempts), String(first.count)]);
    expect(rows[0]!.querySelector('time')?.getAttribute('datetime')).toBe(first.lastAt);
    expect(findUntranslatedText(section, 'zh')).toEqual([]);
    cleanup();

    const staff = await renderShell({ services: s, clientKey: 'window:instructor', language: 'en' });
    staff.store.getState().navigate({ name: 'trainee', personId: s.people.nurse.id });
    const file = await screen.findByRole('region', { name: 'Findings that recur' });
    expect(await within(file).findByRole('table', { name: 'Clauses missed more than once' })).toBeTruthy();
    expect(within(file).getByText(clauseById(first.clause)!.heading.en)).toBeTruthy();
  });

  it('says there are none when nothing was found twice', async () => {
    const s = await seeded();
    await failedPractice(s);
    const shell = await renderShell({ services: s, clientKey: 'window:nurse', language: 'zh' });
    shell.store.getState().navigate({ name: 'records' });
    const section = await screen.findByRole('region', { name: '反复出现的问题' });
    expect(await within(section).findByText('目前没有在两次或以上练习或考核中重复出现的问题。')).toBeTruthy();
  });
});

describe('the renewal notice on the trainee home', () => {
  // Issued on the services' clock, 2026-11-01: validUntil 2029-11-01, recertifyBy 90 days before, 2029-08-03.
  async function holder() {
    const s = await seeded();
    s.ok(await s.admin.certificates.setupKey({ passphrase: 'a long admin passphrase' }));
    await passQuickModule(s);
    const record = s.ok(await s.instructor.certificates.issue({ personId: s.people.nurse.id }));
    expect(record.recertifyBy).toBe('2029-08-03T08:00:00.000Z');
    return { s, record };
  }
  const homeAt = async (s: Seeded, iso: string, language: 'zh' | 'en' = 'zh') => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(iso));
    await renderShell({ services: s, clientKey: 'window:nurse', language });
    await screen.findByRole('heading', { level: 1, name: /您好|Hello/ });
  };

  it('due soon: the date, the days left and what to do', async () => {
    const { s, record } = await holder();
    await homeAt(s, '2029-06-01T08:00:00.000Z');
    const notice = await screen.findByRole('region', { name: '培训合格证明复训提醒' });
    expect(notice.querySelector('[data-renewal="due-soon"]')?.textContent).toBe(`你的护士培训合格证明（${record.number}）应在 2029年8月3日 前完成复训，还有 63 天。`);
    expect(notice.textContent).toContain('请重新参加本岗位的全部考核模块');
    expect(within(notice).getByRole('button', { name: '前往考试' })).toBeTruthy();
    expect(findUntranslatedText(notice, 'zh')).toEqual([]);
  });

  it('past the renewal date, and expired, in English', async () => {
    const { s, record } = await holder();
    await homeAt(s, '2029-09-01T08:00:00.000Z', 'en');
    const notice = await screen.findByRole('region', { name: 'Renewing your completion record' });
    expect(notice.querySelector('[data-renewal="due"]')?.textContent).toBe(`The renewal date of your completion record as a Nurse (${record.number}), 3 Aug 2029, has passed; the record is valid until 1 Nov 2029.`);
    expect(findUntranslatedText(notice, 'en')).toEqual([]);
    cleanup();
    await homeAt(s, '2029-12-01T08:00:00.000Z', 'en');
    const expired = await screen.findByRole('region', { name: 'Renewing your completion record' });
    expect(expired.querySelector('[data-renewal="expired"]')?.textContent).toBe(`Your completion record as a Nurse (${record.number}) expired on 1 Nov 2029.`);
  });

  /** Waits until the home screen's certificates.list has answered (and React has drawn what it got). */
  async function listAnswered(spy: { mock: { calls: unknown[][]; results: { value: unknown }[] } }) {
    await waitFor(() => expect(spy.mock.calls.some((c) => c[0] === 'certificates.list')).toBe(true));
    const i = spy.mock.calls.findIndex((c) => c[0] === 'certificates.list');
    const answer = (await spy.mock.results[i]!.value) as { ok: boolean; value: unknown[] };
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    return answer;
  }

  it('nothing while renewal is far off, and nothing without a record', async () => {
    const { s } = await holder();
    const spy = vi.spyOn(s.services, 'dispatch');
    await homeAt(s, '2027-01-01T08:00:00.000Z');
    expect((await listAnswered(spy)).value).toHaveLength(1);
    expect(screen.queryByRole('region', { name: '培训合格证明复训提醒' })).toBeNull();
    cleanup();
    const fresh = await seeded();
    const freshSpy = vi.spyOn(fresh.services, 'dispatch');
    await homeAt(fresh, '2029-09-01T08:00:00.000Z');
    expect((await listAnswered(freshSpy)).value).toHaveLength(0);
    expect(screen.queryByRole('region', { name: '培训合格证明复训提醒' })).toBeNull();
  });
});
