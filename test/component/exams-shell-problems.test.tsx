// Staff see the exam files that did not load, with file, JSON pointer and message; trainees never do.
// The services get the shipped catalogue plus one broken module file.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApiObject } from '../../core/api/call-names';
import type { MicroneedleApi } from '../../core/api/contract';
import { buildCatalog } from '../../core/exams/catalog';
import { createServices, memoryStorage } from '../../electron/services';
import { ADMIN, FAST_HASHER, INSTRUCTOR, NURSE, standInScoring, TEST_APP_INFO, testClock } from '../helpers/training-services';
import { renderShell } from './shell-setup';

vi.mock('../../renderer/studio/StudioScreen', () => import('./shell-studio-stand-in'));

let disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.reverse()) d();
  disposers = [];
});

const examsDir = path.resolve(__dirname, '..', '..', 'exams');
function shippedFiles(dir = examsDir): { name: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return shippedFiles(full);
    return e.name.endsWith('.json') ? [{ name: path.relative(examsDir, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }] : [];
  });
}

async function withBrokenFile() {
  const clock = testClock();
  const exams = buildCatalog([...shippedFiles(), { name: 'modules/broken-module.json', text: '{ "format": "microneedle-exam-module", "id": "Not An Id" }' }]);
  const services = await createServices({ storage: memoryStorage(clock.now), appInfo: TEST_APP_INFO, scoring: standInScoring(), runtime: clock, hasher: FAST_HASHER, exams });
  disposers.push(() => void services.dispose());
  const client = (key: string) => buildApiObject<MicroneedleApi>((name, args) => services.dispatch(name, args, { clientKey: key }));
  const admin = client('window:admin');
  const ok = <T,>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  };
  ok(await admin.auth.setup({ institutionName: '华东微针培训中心', admin: ADMIN }));
  ok(await admin.people.create(INSTRUCTOR));
  const nurse = ok(await admin.people.create(NURSE));
  ok(await client('window:instructor').auth.signInStaff({ username: INSTRUCTOR.username, password: INSTRUCTOR.password }));
  ok(await client('window:nurse').auth.signInTrainee({ personId: nurse.id }));
  return { services, client, problems: exams.problems };
}

describe('exam files that did not load', () => {
  it('are listed for staff with file, pointer and message, in zh and en', async () => {
    const s = await withBrokenFile();
    expect(s.problems.some((p) => p.file === 'modules/broken-module.json')).toBe(true);
    for (const language of ['zh', 'en'] as const) {
      const shell = await renderShell({ services: s, clientKey: 'window:instructor', language });
      shell.store.getState().navigate({ name: 'exams' });
      const panel = await screen.findByRole('region', { name: language === 'zh' ? '未能加载的考试文件' : 'Exam files that did not load' });
      const rows = within(panel).getAllByRole('row').slice(1);
      const broken = rows.find((r) => r.textContent?.includes('modules/broken-module.json'));
      expect(broken).toBeTruthy();
      const problem = s.problems.find((p) => p.file === 'modules/broken-module.json')!;
      expect(broken!.textContent).toContain(problem.message);
      expect(screen.queryByText(language === 'zh' ? '全部考试文件均已成功加载。' : 'All exam files loaded.')).toBeNull();
      cleanup();
    }
  });

  it('are not shown to a trainee', async () => {
    const s = await withBrokenFile();
    const shell = await renderShell({ services: s, clientKey: 'window:nurse' });
    shell.store.getState().navigate({ name: 'exams' });
    await screen.findByRole('heading', { level: 1, name: '考试' });
    await screen.findAllByRole('article');
    expect(screen.queryByRole('region', { name: '未能加载的考试文件' })).toBeNull();
    expect(document.body.textContent).not.toContain('broken-module.json');
  });
});
