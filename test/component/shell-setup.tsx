// Renders the real shell against the real services on an in-memory training database (or a data folder),
// through the real dispatcher and access checks, as one window (client key) sees them. Tests seed data
// through the services (test/helpers/training-services.ts) and assert what a person sees.

import { render, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { buildApiObject } from '../../core/api/call-names';
import type { MicroneedleApi } from '../../core/api/contract';
import { createServices, memoryStorage, type AppServices, type Storage } from '../../electron/services';
import { App } from '../../renderer/app/App';
import { createAppStore } from '../../renderer/app/store';
import { initI18n } from '../../renderer/i18n';
import { FAST_HASHER, standInScoring, TEST_APP_INFO, testClock } from '../helpers/training-services';

/** Services and a per-window client: what makeApi() builds, and what seededInstitution() returns. */
export interface ShellServices {
  services: AppServices;
  client(clientKey: string): MicroneedleApi;
}

/**
 * Real services on an in-memory database (or the storage given). They report the desktop shell, whose
 * 'system' language follows the OS locale app.info gives (`locale`, zh-CN by default).
 */
export async function makeApi(options: { locale?: string; storage?: Storage; idPrefix?: string } = {}) {
  const clock = testClock();
  // Two services on one data folder (a backup made by one, restored by the other) need distinct ids.
  const runtime = options.idPrefix ? { now: clock.now, newId: (prefix: string) => clock.newId(`${options.idPrefix}${prefix}`) } : clock;
  const services = await createServices({
    storage: options.storage ?? memoryStorage(clock.now),
    appInfo: { ...TEST_APP_INFO, shell: 'desktop', locale: options.locale ?? 'zh-CN' },
    scoring: standInScoring(),
    runtime,
    hasher: FAST_HASHER,
  });
  const client = (clientKey: string) => buildApiObject<MicroneedleApi>((name, args) => services.dispatch(name, args, { clientKey }));
  return { services, clock, client, dispose: () => services.dispose() };
}

export interface RenderOptions {
  /** Already seeded services (seededInstitution() or makeApi()); fresh ones otherwise. */
  services?: ShellServices;
  /** The window the shell runs as; a seeded client key ('window:nurse') starts signed in. */
  clientKey?: string;
  /** OS locale for fresh services. */
  locale?: string;
  /**
   * Station language to store before the start. Seeded services report the web shell, whose 'system'
   * language follows happy-dom's en-US browser, so they start in Chinese unless a test says otherwise.
   */
  language?: 'zh' | 'en' | 'system';
}

export async function renderShell(options: RenderOptions = {}) {
  const made = options.services ?? (await makeApi({ locale: options.locale }));
  const api = made.client(options.clientKey ?? 'window:station');
  const language = options.language ?? (options.services ? 'zh' : undefined);
  if (language) await api.settings.update({ language });
  await initI18n('zh');
  const store = createAppStore(api);
  const view = render(<App store={store} />);
  await waitFor(() => expect(store.getState().phase.name).not.toBe('loading'));
  return { ...made, dispose: () => made.services.dispose(), api, store, view, screen };
}

/** The error shown at a labelled field (the text its aria-describedby names as the error). */
export function fieldError(label: string | RegExp): string | null {
  const control = screen.getByLabelText(label);
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'));
  return control.getAttribute('aria-invalid') === 'true' ? (error?.textContent ?? null) : null;
}

/** The top navigation's entries, as the person sees them. */
export function navLabels(): string[] {
  return within(screen.getByRole('navigation', { name: /主导航|Main navigation/ }))
    .getAllByRole('button')
    .map((b) => b.textContent ?? '');
}

export function navTo(label: string) {
  return within(screen.getByRole('navigation', { name: /主导航|Main navigation/ })).getByRole('button', { name: label });
}

/** The home screen's greeting as its heading's accessible name (the name is user content in its own span). */
export function greeting(name: string, language: 'zh' | 'en' = 'zh'): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${language === 'zh' ? '您好，' : 'Hello, '}\\s*${escaped}$`);
}
