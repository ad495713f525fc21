// The training file end to end, in Chromium against `npm run web`, as an institution would use it: the
// administrator sets the institution up and creates an instructor and two trainees in the People screen; a
// trainee's practice session is stored while it runs, the server is killed in the middle of the next one
// and what was recorded survives as an abandoned attempt; a trainee's direct calls to instructor and
// administrator calls are refused; the instructor signs in and opens the trainee's file.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApi, centroid, drag, projector } from './flows';
import { buildRendererOnce, collectPageErrors, launchBrowser, openModule, saveScreenshot, startWebApp, type BrowserSession, type WebApp } from './harness';

const ADMIN = { institution: '华东微针培训中心', name: '陈主任', username: 'chen', password: 'correct horse battery' };
const INSTRUCTOR = { name: '张医生', username: 'zhang', password: 'teaching pass 2026' };
const TRAINEES = [
  { name: '王芳', profession: 'nurse', kind: 'nurse-qualification', number: 'NUR-2024-0017' },
  { name: '李明', profession: 'technician', kind: 'technician-qualification', number: 'TEC-2023-0042' },
] as const;

const field = (page: Page, name: string) => page.locator(`form [name="${name}"]`);
const goTo = (page: Page, item: string) => page.getByRole('navigation', { name: /主导航|Main navigation/ }).getByRole('button', { name: item, exact: true }).click();

async function createPerson(page: Page, person: Record<string, string>): Promise<void> {
  await page.getByRole('button', { name: '添加人员' }).first().click();
  await field(page, 'accountRole').selectOption(person.accountRole);
  await field(page, 'name').fill(person.name);
  if (person.profession) await field(page, 'profession').selectOption(person.profession);
  if (person.certificateKind) await field(page, 'certificateKind').selectOption(person.certificateKind);
  if (person.certificateNumber) await field(page, 'certificateNumber').fill(person.certificateNumber);
  if (person.username) {
    await field(page, 'username').fill(person.username);
    await field(page, 'password').fill(person.password);
    await field(page, 'passwordConfirm').fill(person.password);
  }
  await page.locator('form button[type="submit"]').click();
  await page.getByText(`已添加 ${person.name}`).waitFor();
}

async function signInTrainee(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.locator('button.profile-choice', { hasText: name }).click();
  await page.locator('[data-module="roller"]').waitFor();
}

async function signInStaff(page: Page, url: string, who: { username: string; password: string }): Promise<void> {
  await page.goto(url);
  await field(page, 'username').fill(who.username);
  await field(page, 'password').fill(who.password);
  await page.locator('form button[type="submit"]').click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** Rolls short horizontal strokes across the forehead, as seen from the studio's starting camera. */
async function roll(page: Page, strokes: number): Promise<void> {
  const at = await projector(page, '.studio-stage canvas');
  const [fx, fy, fz] = centroid('forehead');
  for (let i = 0; i < strokes; i++) {
    const row = (i % 3) - 1;
    await drag(page, at([fx - 25, fy + row * 10, fz - 6]), at([fx + 25, fy + row * 10, fz - 6]));
  }
}

type Page_<T> = { items: T[]; total: number };
type Summary = { id: string; status: string; kind: string; personName: string; score: number | null };

describe('the training file in Chromium (web mode)', () => {
  let app: WebApp | undefined;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    await buildRendererOnce();
    app = await startWebApp();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('is set up by the administrator, keeps a trainee’s sessions through a server kill, refuses the trainee’s staff calls, and opens for the instructor', async () => {
    browser = await launchBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    const errors = collectPageErrors(page);

    // The administrator sets up the institution on the first start.
    await page.goto(app!.url);
    await field(page, 'institutionName').fill(ADMIN.institution);
    await field(page, 'name').fill(ADMIN.name);
    await field(page, 'username').fill(ADMIN.username);
    await field(page, 'password').fill(ADMIN.password);
    await field(page, 'passwordConfirm').fill(ADMIN.password);
    await page.locator('form button[type="submit"]').click();
    await goTo(page, '人员');
    await createPerson(page, { accountRole: 'instructor', name: INSTRUCTOR.name, username: INSTRUCTOR.username, password: INSTRUCTOR.password });
    for (const t of TRAINEES) await createPerson(page, { accountRole: 'trainee', name: t.name, profession: t.profession, certificateKind: t.kind, certificateNumber: t.number });
    await saveScreenshot(page, 'training-file-zh-people');
    const people = await callApi<{ name: string; accountRole: string }[]>(page, 'people.list', {});
    expect(people.ok && people.value.map((p) => `${p.accountRole}:${p.name}`).sort()).toEqual(['admin:陈主任', 'instructor:张医生', 'trainee:李明', 'trainee:王芳'].sort());

    // A trainee's practice session is stored as it runs and when it ends, without pressing anything.
    await signInTrainee(page, app!.url, TRAINEES[0].name);
    await openModule(page, 'roller');
    await page.getByTestId('start-session').waitFor({ timeout: 60_000 });
    await page.getByTestId('start-session').click();
    await page.getByTestId('end-session').waitFor();
    await roll(page, 6);
    await expect.poll(async () => page.getByTestId('upload-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('saved');
    expect(Number(/\d+/.exec(await page.getByTestId('event-counts').innerText())?.[0] ?? 0)).toBeGreaterThan(50);
    await page.getByTestId('end-session').click();
    await page.getByTestId('score').waitFor({ timeout: 60_000 });
    const finished = await callApi<Page_<Summary>>(page, 'sessions.list', {});
    expect(finished.ok && finished.value.items.map((a) => [a.status, a.kind])).toEqual([['finished', 'practice']]);

    // The next session: events reach main, then the server is killed in the middle of it.
    await page.getByTestId('new-session').click();
    await page.getByTestId('start-session').click();
    await page.getByTestId('end-session').waitFor();
    await roll(page, 6);
    expect(Number(/\d+/.exec(await page.getByTestId('event-counts').innerText())?.[0] ?? 0)).toBeGreaterThan(50);
    // The uploader sends about once a second: give it two rounds, then it must have nothing left to send.
    await page.waitForTimeout(2500);
    await expect.poll(async () => page.getByTestId('upload-status').getAttribute('data-status'), { timeout: 15_000 }).toBe('saved');
    const running = await callApi<Page_<Summary>>(page, 'sessions.list', { status: 'running' });
    expect(running.ok && running.value.total).toBe(1);
    const killedId = running.ok ? running.value.items[0].id : '';
    await app!.kill();
    app = await startWebApp({ dataDir: app!.dataDir });

    // After the restart: the interrupted attempt is kept, abandoned, with what it had recorded.
    await signInTrainee(page, app.url, TRAINEES[0].name);
    const after = await callApi<Page_<Summary>>(page, 'sessions.list', {});
    expect(after.ok && after.value.items.map((a) => [a.id === killedId ? 'killed' : 'first', a.status]).sort()).toEqual([
      ['first', 'finished'],
      ['killed', 'abandoned'],
    ]);
    const reopened = await callApi<{ recording: { samples: unknown[] } | null }>(page, 'sessions.open', { id: killedId });
    expect(reopened.ok && reopened.value.recording!.samples.length).toBeGreaterThan(20);
    await goTo(page, '我的记录');
    await page.locator('tr[data-kind="practice"]').nth(1).waitFor();
    await saveScreenshot(page, 'training-file-zh-my-records-after-kill');

    // Whatever the screen hides, the trainee's direct calls to staff calls are refused by main.
    const other = await callApi<unknown>(page, 'auth.chooser', {});
    const liId = other.ok ? (other.value as { id: string; name: string }[]).find((p) => p.name === TRAINEES[1].name)!.id : '';
    for (const [name, args] of [
      ['people.list', {}],
      ['people.create', { accountRole: 'instructor', name: 'Mallory', username: 'mallory', password: 'mallory password' }],
      ['people.setRole', { id: liId, accountRole: 'instructor', username: 'li', password: 'li password 12' }],
      ['audit.verify', {}],
      ['backups.create', {}],
      ['institution.update', { traineePinRequired: true }],
    ] as const) {
      expect(await callApi(page, name, args), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await callApi(page, 'sessions.list', { personId: liId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await callApi(page, 'people.get', { id: liId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The instructor signs in with a password and opens the trainee's file.
    await signInStaff(page, app.url, INSTRUCTOR);
    await goTo(page, '学员');
    await page.locator('tr', { hasText: TRAINEES[0].name }).getByRole('button', { name: '学员档案' }).click();
    await page.getByRole('heading', { name: '实训与考核记录' }).waitFor();
    await expect.poll(async () => page.locator('tbody tr[data-kind]').count()).toBe(2);
    await saveScreenshot(page, 'training-file-zh-instructor-trainee-file');
    const audit = await callApi(page, 'audit.verify', {});
    expect(audit).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The audit trail, checked by the administrator, holds it all and verifies.
    await signInStaff(page, app.url, ADMIN);
    const verified = await callApi<{ ok: boolean; checked: number }>(page, 'audit.verify', {});
    expect(verified).toMatchObject({ ok: true, value: { ok: true } });
    const actions = await callApi<{ entries: { action: string }[] }>(page, 'audit.list', { limit: 200 });
    const seen = new Set(actions.ok ? actions.value.entries.map((e) => e.action) : []);
    for (const action of ['institution.setup', 'person.created', 'attempt.started', 'attempt.stored', 'attempt.abandoned', 'auth.signed-in']) expect(seen, action).toContain(action);
    expect(errors.filter((e) => !/Failed to fetch|ERR_CONNECTION_REFUSED|net::/.test(e))).toEqual([]);
  }, 400_000);
});
