import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INSTRUCTOR, makeApi, NURSE, renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers) d();
  disposers = [];
});

async function homeAs(profile: typeof NURSE | typeof INSTRUCTOR) {
  const made = await makeApi();
  disposers.push(made.cleanup);
  await made.api.profiles.create(profile);
  const shell = await renderShell({ dataDir: made.dataDir });
  fireEvent.click(screen.getByRole('button', { name: new RegExp(profile.name) }));
  await screen.findByRole('heading', { level: 1, name: new RegExp(profile.name) });
  return shell;
}

describe('HomeScreen', () => {
  it('offers the three practice modules and my records, and opens the studio for a practice tile', async () => {
    const shell = await homeAs(NURSE);
    for (const name of ['滚轮微针实训', '射频微针实训', '纳米微针实训', '我的记录']) {
      const tile = screen.getAllByRole('button', { name }).find((b) => b.classList.contains('tile-button'));
      expect(tile, name).toBeTruthy();
      expect((tile as HTMLButtonElement).disabled, name).toBe(false);
    }
    fireEvent.click(screen.getByRole('button', { name: '射频微针实训' }));
    expect(shell.store.getState().screen).toEqual({ name: 'studio', procedure: 'rf' });
  });

  it('shows exams as not yet available: disabled, labelled in words and described for assistive technology', async () => {
    await homeAs(NURSE);
    const exams = screen.getByRole('button', { name: '考核' }) as HTMLButtonElement;
    expect(exams.disabled).toBe(true);
    const described = (exams.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('本版本暂未提供');
    expect(described.join(' ')).toContain('理论题');
  });

  it('shows authoring and institution records only to instructors, and not as usable yet', async () => {
    await homeAs(NURSE);
    expect(screen.queryByRole('button', { name: '题库与考核编写' })).toBeNull();
    cleanup();
    await homeAs(INSTRUCTOR);
    for (const name of ['题库与考核编写', '机构档案']) {
      expect((screen.getByRole('button', { name }) as HTMLButtonElement).disabled, name).toBe(true);
    }
    expect(screen.getByText(/带教与机构/)).toBeTruthy();
  });

  it('says who is signed in and lets another trainee take over', async () => {
    const shell = await homeAs(NURSE);
    expect(screen.getByText(/护士 · 证书编号 N-2024-0001/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '切换学员' }));
    expect(await screen.findByRole('heading', { level: 1, name: '选择学员档案' })).toBeTruthy();
    expect(shell.store.getState().currentProfile).toBeNull();
  });

  it('opens the studio for the chosen procedure and comes back home when it exits', async () => {
    const shell = await homeAs(NURSE);
    fireEvent.click(screen.getByRole('button', { name: '纳米微针实训' }));
    expect(await screen.findByRole('heading', { name: 'studio nano new' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'exit studio' }));
    expect(await screen.findByRole('heading', { level: 1, name: /王芳/ })).toBeTruthy();
    expect(shell.store.getState().screen).toEqual({ name: 'home' });
  });
});
