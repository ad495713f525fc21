// My records (and a trainee's file): the attempts main stored for the signed-in trainee only, with
// filters, sorting and paging done by sessions.list; imported recordings are labelled imported.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MicroneedleApi } from '../../core/api/contract';
import { seededInstitution } from '../helpers/training-services';
import { navTo, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

const fixture = (name: string) => JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'recordings', `${name}.json`), 'utf8')) as never;
const HOUR = 3_600_000;

/** Runs one attempt the way the studio does: start, a batch of step events, finish. */
async function practise(api: MicroneedleApi, presetId: string, mode: 'learn' | 'test', end: 'finish' | 'abandon' | 'leave running') {
  const started = await api.sessions.start({ presetId, mode });
  if (!started.ok) throw new Error(started.error.message);
  const { attemptId, header } = started.value;
  const steps = (['take-history', 'examine', 'consent'] as const).map((step, i) => ({ kind: 'step' as const, step: { step, tMs: 1000 * (i + 1) } }));
  const appended = await api.sessions.append({ attemptId, seq: 0, events: steps });
  if (!appended.ok) throw new Error(appended.error.message);
  if (end === 'finish') {
    const finished = await api.sessions.finish({ attemptId, batches: 1, endTMs: 60_000, zones: header.zones });
    if (!finished.ok) throw new Error(finished.error.message);
  } else if (end === 'abandon') await api.sessions.abandon({ attemptId });
  return attemptId;
}

async function withAttempts() {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  const ids = {
    roller: await practise(s.trainee, 'roller-forehead-pink', 'learn', 'finish'),
    rfTest: (s.clock.advance(HOUR), await practise(s.trainee, 'rf-face-tightening', 'test', 'finish')),
    nano: (s.clock.advance(HOUR), await practise(s.trainee, 'nano-face-delivery', 'learn', 'abandon')),
    running: (s.clock.advance(HOUR), await practise(s.trainee, 'roller-cheeks-absorption', 'learn', 'leave running')),
  };
  s.clock.advance(HOUR);
  s.ok(await s.trainee.sessions.import({ recording: fixture('rf-cheeks-good'), fileName: 'rf-cheeks-good.json' }));
  s.clock.advance(HOUR);
  s.ok(await s.trainee.sessions.import({ recording: fixture('roller-no-consent'), fileName: '旧记录-滚轮.json' }));
  // Someone else's attempt, which the nurse must not see.
  await practise(s.trainee2, 'nano-scalp', 'test', 'finish');
  return { s, ids };
}

const table = () => screen.getByRole('table', { name: '实训记录列表' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const column = (index: number) => bodyRows().map((r) => within(r).getAllByRole('cell')[index].textContent);

async function openMyRecords(s: Awaited<ReturnType<typeof withAttempts>>['s']) {
  const shell = await renderShell({ services: s, clientKey: 'window:nurse' });
  fireEvent.click(navTo('我的记录'));
  await screen.findByRole('table', { name: '实训记录列表' });
  return shell;
}

describe('MyRecordsScreen', () => {
  it('lists only the signed-in trainee’s attempts, newest first, with task, kind, mode, status and result', async () => {
    const { s } = await withAttempts();
    await openMyRecords(s);
    expect(bodyRows()).toHaveLength(6);
    expect(screen.getByText('第 1–6 条，共 6 条')).toBeTruthy();
    expect(table().textContent).not.toContain('有毛发的头皮');

    const [newest, secondNewest, running, abandoned, test, practice] = bodyRows();
    expect(newest.textContent).toContain('旧记录-滚轮.json');
    // The file says it was a test; main does not believe it, and neither does the table.
    expect(within(newest).getAllByRole('cell')[3].textContent).toBe('导入不计为考核');
    expect(within(newest).getAllByRole('cell')[4].textContent).toBe('文件记载：考核模式');
    expect(secondNewest.textContent).toContain('rf-cheeks-good.json');
    expect(running.textContent).toContain('双颊滚轮微针：促进透皮吸收');
    expect(running.textContent).toContain('进行中');
    expect(within(running).queryByRole('button')).toBeNull();
    expect(abandoned.textContent).toContain('已中止');
    expect(abandoned.textContent).toContain('未评分');
    expect(test.textContent).toContain('射频微针：面部紧致提升（分 3 区）');
    expect(within(test).getAllByRole('cell')[3].textContent).toBe('考核');
    expect(within(test).getAllByRole('cell')[4].textContent).toBe('考核模式');
    expect(practice.textContent).toContain('额部滚轮微针');
    expect(within(practice).getAllByRole('cell')[3].textContent).toBe('练习');
    expect(practice.textContent).toMatch(/通过|未通过/);
  });

  it('filters by kind, status, result, procedure and date', async () => {
    const { s } = await withAttempts();
    await openMyRecords(s);
    const filters = screen.getByRole('group', { name: '筛选记录' });
    const set = async (label: string, value: string, rows: number) => {
      fireEvent.change(within(filters).getByLabelText(label), { target: { value } });
      await waitFor(() => expect(screen.queryByRole('table', { name: '实训记录列表' }) ? bodyRows().length : 0).toBe(rows));
    };
    await set('类型', 'imported', 2);
    expect(column(3)).toEqual(['导入不计为考核', '导入不计为考核']);
    await set('项目', 'rf', 1);
    await set('项目', '', 2);
    await set('类型', '', 6);
    await set('状态', 'abandoned', 1);
    await set('状态', '', 6);
    await set('结果', 'not-scored', 2);
    await set('结果', '', 6);
    await set('类型', 'test', 1);
    await set('类型', '', 6);
    // The test clock starts on 1 November 2026; nothing was recorded the next day.
    fireEvent.change(within(filters).getByLabelText('开始日期自'), { target: { value: '2026-11-02' } });
    expect(await screen.findByText('没有符合筛选条件的记录。')).toBeTruthy();
    fireEvent.click(within(filters).getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(6));
  });

  it('sorts by score and procedure from the column headers, saying the order with aria-sort', async () => {
    const { s } = await withAttempts();
    await openMyRecords(s);
    const header = (name: RegExp) => within(table()).getByRole('columnheader', { name });
    expect(header(/开始时间/).getAttribute('aria-sort')).toBe('descending');
    expect(header(/得分/).getAttribute('aria-sort')).toBe('none');

    fireEvent.click(within(header(/得分/)).getByRole('button'));
    await waitFor(() => expect(header(/得分/).getAttribute('aria-sort')).toBe('descending'));
    await waitFor(() => {
      const scores = column(6).map((v) => (v === '—' ? null : Number(v)));
      const scored = scores.filter((v): v is number => v !== null);
      expect(scored).toEqual([...scored].sort((a, b) => b - a));
      expect(scores.slice(-2)).toEqual([null, null]); // unscored last
    });
    expect(header(/开始时间/).getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(header(/得分/)).getByRole('button'));
    await waitFor(() => expect(header(/得分/).getAttribute('aria-sort')).toBe('ascending'));
    await waitFor(() => {
      const scored = column(6).filter((v) => v !== '—').map(Number);
      expect(scored).toEqual([...scored].sort((a, b) => a - b));
    });

    fireEvent.click(within(header(/项目/)).getByRole('button'));
    await waitFor(() => expect(header(/项目/).getAttribute('aria-sort')).toBe('ascending'));
    await waitFor(() => expect(column(1)[0]).toBe('纳米微针'));
  });

  it('opens a stored attempt in the studio and comes back to my records', async () => {
    const { s, ids } = await withAttempts();
    const shell = await openMyRecords(s);
    const practice = bodyRows().at(-1)!;
    fireEvent.click(within(practice).getByRole('button', { name: /打开/ }));
    expect(shell.store.getState().screen).toEqual({ name: 'studio', procedure: 'roller', openAttemptId: ids.roller });
    expect(await screen.findByRole('heading', { name: `studio roller ${ids.roller}` })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'exit studio' }));
    expect(await screen.findByRole('heading', { level: 1, name: '我的记录' })).toBeTruthy();
  });

  it('pages through more than 50 attempts', async () => {
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    for (let i = 0; i < 53; i++) {
      s.clock.advance(60_000);
      s.ok(await s.trainee.sessions.start({ presetId: 'roller-forehead-pink', mode: 'learn' }));
    }
    await openMyRecords(s);
    expect(bodyRows()).toHaveLength(50);
    expect(screen.getByText('第 1–50 条，共 53 条')).toBeTruthy();
    const pager = screen.getByRole('navigation', { name: '翻页' });
    expect((within(pager).getByRole('button', { name: '上一页' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(pager).getByRole('button', { name: '下一页' }));
    expect(await screen.findByText('第 51–53 条，共 53 条')).toBeTruthy();
    expect(bodyRows()).toHaveLength(3);
  });

  it('says so when there is nothing yet', async () => {
    const s = await seededInstitution();
    disposers.push(() => s.services.dispose());
    await renderShell({ services: s, clientKey: 'window:nurse' });
    fireEvent.click(navTo('我的记录'));
    expect(await screen.findByText(/还没有实训记录/)).toBeTruthy();
  });
});

describe('a trainee’s file', () => {
  it('shows staff the same table for the chosen trainee, and the studio returns to the file', async () => {
    const { s, ids } = await withAttempts();
    const shell = await renderShell({ services: s, clientKey: 'window:instructor' });
    shell.store.getState().navigate({ name: 'trainee', personId: s.people.nurse.id });
    await screen.findByRole('table', { name: '实训记录列表' });
    expect(bodyRows()).toHaveLength(6);
    fireEvent.click(within(bodyRows().at(-1)!).getByRole('button', { name: /打开/ }));
    expect(await screen.findByRole('heading', { name: `studio roller ${ids.roller}` })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'exit studio' }));
    expect(await screen.findByRole('heading', { level: 2, name: '实训与考核记录' })).toBeTruthy();
    expect(shell.store.getState().screen).toEqual({ name: 'trainee', personId: s.people.nurse.id });
  });
});
