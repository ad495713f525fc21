import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../core/api/errors';
import type { Recording } from '../../core/recording/types';
import type { ScoreReport } from '../../core/scoring/report';
import type { RecordingPorts } from '../../electron/services';
import { makeApi, NURSE, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers) d();
  disposers = [];
});

// Stand-in ports: accept any object with an id; score by a number carried in the test recording.
const ports: RecordingPorts = {
  validateRecording(input) {
    const r = input as Recording;
    if (typeof r.id !== 'string') throw new ApiFailure('invalid-recording', 'recording /id: expected a string', '/id');
    return r;
  },
  scoreRecording(r) {
    const score = (r as unknown as { testScore: number }).testScore;
    return { reportVersion: 1, recordingId: r.id, procedure: r.procedure, score, passed: score >= 60, criticalFailure: false, passMark: 60, criteria: [], findings: [], metrics: {} } as ScoreReport;
  },
};

describe('MyRecordsScreen', () => {
  it('lists the current trainee’s saved sessions with score and result, and opens one in the studio', async () => {
    const made = await makeApi({ ports });
    disposers.push(made.cleanup);
    const me = await made.api.profiles.create(NURSE);
    if (!me.ok) throw new Error(me.error.message);
    const trainee = { id: me.value.id, name: me.value.name, role: me.value.role };
    const base = { startedAt: '2026-01-01T08:00:00Z', mode: 'learn', trainee };
    await made.api.sessions.save({ recording: { ...base, id: 'r-roller', procedure: 'roller', testScore: 86 } as never });
    await made.api.sessions.save({ recording: { ...base, id: 'r-rf', procedure: 'rf', mode: 'test', testScore: 41.6 } as never });
    await made.api.sessions.save({ recording: { ...base, id: 'r-other', procedure: 'nano', trainee: { ...trainee, id: 'p-someone-else' }, testScore: 99 } as never });

    const shell = await renderShell({ dataDir: made.dataDir, ports });
    fireEvent.click(screen.getByRole('button', { name: /王芳/ }));
    fireEvent.click(within(await screen.findByRole('navigation')).getByRole('button', { name: '我的记录' }));
    const table = await screen.findByRole('table', { name: '实训记录列表' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const text = rows.map((r) => r.textContent);
    expect(text.some((t) => t?.includes('滚轮微针') && t.includes('86') && t.includes('通过'))).toBe(true);
    expect(text.some((t) => t?.includes('射频微针') && t.includes('42') && t.includes('未通过') && t.includes('考核'))).toBe(true);

    const rollerRow = rows.find((r) => r.textContent?.includes('滚轮微针'))!;
    fireEvent.click(within(rollerRow).getByRole('button', { name: '打开' }));
    expect(shell.store.getState().screen).toEqual({ name: 'studio', procedure: 'roller', openRecordingId: 'r-roller' });
    expect(await screen.findByRole('heading', { name: 'studio roller r-roller' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'exit studio' }));
    expect(await screen.findByRole('heading', { level: 1, name: '我的记录' })).toBeTruthy();
  });

  it('says so when there is nothing yet', async () => {
    const made = await makeApi();
    disposers.push(made.cleanup);
    await made.api.profiles.create(NURSE);
    await renderShell({ dataDir: made.dataDir });
    fireEvent.click(screen.getByRole('button', { name: /王芳/ }));
    fireEvent.click(within(await screen.findByRole('navigation')).getByRole('button', { name: '我的记录' }));
    expect(await screen.findByText(/还没有保存的实训记录/)).toBeTruthy();
  });
});
