// Packs in and out on the real services: a malformed file is reported with its reasons and cannot be
// imported; an exported pack comes back as a download.

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seededInstitution } from '../helpers/training-services';
import { navTo, renderShell } from './shell-setup';
import { findUntranslatedText } from './shell-text-audit';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

async function packsTab() {
  const s = await seededInstitution();
  disposers.push(() => s.services.dispose());
  await renderShell({ services: s, clientKey: 'window:instructor' });
  fireEvent.click(navTo('编写'));
  fireEvent.click(await screen.findByRole('tab', { name: '导入导出' }));
  expect(await screen.findByRole('heading', { level: 2, name: '导入' })).toBeTruthy();
  return s;
}

describe('packs', () => {
  it('reports a malformed file with its reasons and does not offer to import it', async () => {
    const s = await packsTab();
    const before = s.ok(await s.instructor.authoring.list({ kind: 'question', includeArchived: false })).length;
    const file = new File(['{"kind": "exam-pack", "items": [ this is not JSON'], 'broken-pack.json', { type: 'application/json' });
    fireEvent.change(screen.getByLabelText('选择文件'), { target: { files: [file] } });
    expect(await screen.findByText('broken-pack.json 的检查结果', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText('此文件不能导入')).toBeTruthy();
    expect(document.querySelectorAll('.authoring-import-report [lang="en"]').length).toBeGreaterThan(0);
    expect((screen.getByRole('button', { name: '导入' }) as HTMLButtonElement).disabled).toBe(true);
    expect(s.ok(await s.instructor.authoring.list({ kind: 'question', includeArchived: false })).length).toBe(before);
    expect(findUntranslatedText(document.body, 'zh')).toEqual([]);
  });

  it('exports the published questions as a download', async () => {
    await packsTab();
    const created: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:pack';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    fireEvent.change(screen.getByLabelText('导出格式'), { target: { value: 'moodle' } });
    fireEvent.click(screen.getByRole('button', { name: '导出' }));
    const link = await waitFor(() => screen.getByRole('link', { name: /^下载 / }), { timeout: 3000 });
    expect(link.getAttribute('href')).toBe('blob:pack');
    expect(created[0]!.size).toBeGreaterThan(0);
  });
});
