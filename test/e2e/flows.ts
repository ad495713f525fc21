// End-to-end set-up that goes past the shell: the institution, its people and a trainee signed in. The
// institution and people are made through the app's own API from inside the page (the loopback server's
// per-run token and the page's client key from its meta tags, exactly as the app's fetch client sends
// them); the trainee then signs in through the sign-in screen, as at a real station.

import type { Page } from 'playwright-core';

export const E2E_ADMIN = { name: '陈主任', username: 'admin', password: 'correct horse battery' };

type ApiAnswer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** One API call as this page load: the answer main gives the app. */
export async function callApi<T = unknown>(page: Page, name: string, args: unknown = {}): Promise<ApiAnswer<T>> {
  return page.evaluate(
    async ({ name, args }) => {
      const meta = (n: string) => document.querySelector<HTMLMetaElement>(`meta[name="${n}"]`)?.content ?? '';
      const response = await fetch(`./api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-api-token': meta('microneedle-api-token'), 'x-client-key': meta('microneedle-client-key') },
        body: JSON.stringify(args),
        credentials: 'same-origin',
      });
      return (await response.json()) as ApiAnswer<T>;
    },
    { name, args },
  );
}

async function must<T>(page: Page, name: string, args: unknown = {}): Promise<T> {
  const r = await callApi<T>(page, name, args);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export interface E2ETrainee {
  name: string;
  profession?: 'technician' | 'nurse' | 'physician';
}

const CERTIFICATE_KIND = { technician: 'technician-qualification', nurse: 'nurse-qualification', physician: 'physician-qualification' } as const;
let certificates = 0;

/**
 * Sets up the institution on first use (its administrator signs in on this page load), or signs the
 * administrator in; adds the trainee; signs out. Leaves the page on the app at `url`.
 */
export async function addTrainee(page: Page, url: string, trainee: E2ETrainee): Promise<string> {
  await page.goto(url);
  await page.locator('meta[name="microneedle-client-key"]').waitFor({ state: 'attached' });
  const status = await must<{ setupNeeded: boolean }>(page, 'auth.status');
  if (status.setupNeeded) await must(page, 'auth.setup', { institutionName: '华东微针培训中心', admin: E2E_ADMIN });
  else await must(page, 'auth.signInStaff', { username: E2E_ADMIN.username, password: E2E_ADMIN.password });
  const profession = trainee.profession ?? 'technician';
  const person = await must<{ id: string }>(page, 'people.create', {
    accountRole: 'trainee',
    name: trainee.name,
    profession,
    certificateNumber: `E2E-${Date.now()}-${++certificates}`,
    certificateKind: CERTIFICATE_KIND[profession],
  });
  await must(page, 'auth.signOut');
  return person.id;
}

/** Adds the trainee, then signs them in on the sign-in screen (a fresh page load) and waits for home. */
export async function signInAsNewTrainee(page: Page, url: string, trainee: E2ETrainee): Promise<void> {
  await addTrainee(page, url, trainee);
  await page.goto(url);
  await page.locator('button.profile-choice', { hasText: trainee.name }).click();
  await page.locator('[data-module="roller"]').waitFor();
}
