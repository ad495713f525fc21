// The station: app facts, the UI language, and the boot sequence. Boot reads the app, its settings and the
// state of the training file; a damaged file leads to recovery (start again from a backup), a new
// institution to setup, otherwise to sign-in or the signed-in person's home.

import type { StateCreator } from 'zustand';
import type { AppInfo, AppSettings, MicroneedleApi, StorageStatus } from '../../../core/api/contract';
import type { ApiError, ApiResult } from '../../../core/api/errors';
import { resolveLanguage, setLanguage, type Language } from '../../i18n';
import type { AppState } from '../store';

export type BootPhase =
  | { name: 'loading' }
  /** The app could not start (the server is unreachable, or a call failed); the shell offers a retry. */
  | { name: 'failed'; error: ApiError }
  /** The training file is damaged, unreadable or from a newer version. */
  | { name: 'recovery'; storage: StorageStatus }
  /** First start: no administrator yet. */
  | { name: 'setup' }
  | { name: 'ready' };

export interface StationSlice {
  appInfo: AppInfo | null;
  settings: AppSettings;
  language: Language;
  phase: BootPhase;
  boot(): Promise<void>;
  /** Only while the training file is damaged: starts again from a backup, then boots again. */
  restoreBackup(file: string): Promise<ApiResult<StorageStatus>>;
  updateSettings(changes: Partial<AppSettings>): Promise<ApiResult<AppSettings>>;
}

/** Locale the 'system' language follows: the OS locale under Electron, the browser's in web mode. */
function systemLocale(info: AppInfo | null): string | undefined {
  if (info?.shell === 'desktop') return info.locale;
  return typeof navigator !== 'undefined' ? navigator.language : info?.locale;
}

export const stationSlice =
  (api: MicroneedleApi): StateCreator<AppState, [], [], StationSlice> =>
  (set, get) => ({
    appInfo: null,
    settings: { language: 'system' },
    language: resolveLanguage('system', typeof navigator !== 'undefined' ? navigator.language : undefined),
    phase: { name: 'loading' },
    async boot() {
      set({ phase: { name: 'loading' } });
      const [info, settings, storage] = await Promise.all([api.app.info(), api.settings.get(), api.storage.status()]);
      const failed = [info, settings, storage].find((r) => !r.ok);
      if (failed && !failed.ok) return set({ phase: { name: 'failed', error: failed.error } });
      if (!info.ok || !settings.ok || !storage.ok) return;
      const language = resolveLanguage(settings.value.language, systemLocale(info.value));
      await setLanguage(language);
      set({ appInfo: info.value, settings: settings.value, language });
      if (storage.value.state !== 'ok') return set({ phase: { name: 'recovery', storage: storage.value } });
      const status = await get().refreshAuth();
      if (!status.ok) set({ phase: { name: 'failed', error: status.error } });
    },
    async restoreBackup(file) {
      const result = await api.storage.restore({ file });
      if (result.ok) await get().boot();
      return result;
    },
    async updateSettings(changes) {
      const result = await api.settings.update(changes);
      if (result.ok) {
        const language = resolveLanguage(result.value.language, systemLocale(get().appInfo));
        await setLanguage(language);
        set({ settings: result.value, language });
      }
      return result;
    },
  });
