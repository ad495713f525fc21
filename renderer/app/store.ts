// The shell's state: one zustand store built from slices (navigation, profiles, settings). The store is
// created per app instance with the API it talks to, so tests can give it real services in a temp dir.

import { createContext, useContext } from 'react';
import { createStore, useStore, type StateCreator, type StoreApi } from 'zustand';
import type { AppInfo, AppSettings, MicroneedleApi, NewProfile, Profile } from '../../core/api/contract';
import type { ApiError, ApiResult } from '../../core/api/errors';
import type { Procedure } from '../../core/recording/types';
import { resolveLanguage, setLanguage, type Language } from '../i18n';

export type Screen =
  | { name: 'profile' }
  | { name: 'home' }
  | { name: 'settings' }
  | { name: 'records' }
  | { name: 'studio'; procedure: Procedure; openRecordingId?: string };

export interface NavigationSlice {
  screen: Screen;
  navigate(screen: Screen): void;
}

export interface ProfilesSlice {
  profiles: Profile[];
  currentProfile: Profile | null;
  profilesLoaded: boolean;
  loadProfiles(): Promise<ApiResult<Profile[]>>;
  createProfile(input: NewProfile): Promise<ApiResult<Profile>>;
  selectProfile(id: string): Promise<ApiResult<Profile>>;
  /** Back to the profile chooser (the station is shared; nothing is deleted). */
  switchProfile(): void;
}

export interface SettingsSlice {
  appInfo: AppInfo | null;
  settings: AppSettings;
  language: Language;
  /** Set when the app could not start (e.g. a corrupt settings file); the shell shows it instead of screens. */
  bootError: ApiError | null;
  booted: boolean;
  boot(): Promise<void>;
  updateSettings(changes: Partial<AppSettings>): Promise<ApiResult<AppSettings>>;
}

export interface ApiSlice {
  /** The transport-independent API, for screens that fetch their own data (e.g. my records). */
  api: MicroneedleApi;
}

export type AppState = NavigationSlice & ProfilesSlice & SettingsSlice & ApiSlice;
type Slice<T> = StateCreator<AppState, [], [], T>;

const navigationSlice: Slice<NavigationSlice> = (set) => ({
  screen: { name: 'profile' },
  navigate: (screen) => set({ screen }),
});

const profilesSlice =
  (api: MicroneedleApi): Slice<ProfilesSlice> =>
  (set, get) => ({
    profiles: [],
    currentProfile: null,
    profilesLoaded: false,
    async loadProfiles() {
      const result = await api.profiles.list();
      if (result.ok) set({ profiles: result.value, profilesLoaded: true });
      return result;
    },
    async createProfile(input) {
      const result = await api.profiles.create(input);
      if (result.ok) set({ profiles: [...get().profiles, result.value], currentProfile: result.value, screen: { name: 'home' } });
      return result;
    },
    async selectProfile(id) {
      const result = await api.profiles.select({ id });
      if (result.ok) set({ currentProfile: result.value, screen: { name: 'home' } });
      return result;
    },
    switchProfile: () => set({ currentProfile: null, screen: { name: 'profile' } }),
  });

/** Locale the 'system' language follows: the OS locale under Electron, the browser's in web mode. */
function systemLocale(info: AppInfo | null): string | undefined {
  if (info?.shell === 'desktop') return info.locale;
  return typeof navigator !== 'undefined' ? navigator.language : info?.locale;
}

const settingsSlice =
  (api: MicroneedleApi): Slice<SettingsSlice> =>
  (set, get) => ({
    appInfo: null,
    settings: { language: 'system', institutionName: '' },
    language: resolveLanguage('system', typeof navigator !== 'undefined' ? navigator.language : undefined),
    bootError: null,
    booted: false,
    async boot() {
      const [info, settings] = await Promise.all([api.app.info(), api.settings.get()]);
      if (!info.ok || !settings.ok) {
        set({ bootError: !info.ok ? info.error : !settings.ok ? settings.error : null, booted: true });
        return;
      }
      const language = resolveLanguage(settings.value.language, systemLocale(info.value));
      await setLanguage(language);
      set({ appInfo: info.value, settings: settings.value, language });
      const profiles = await get().loadProfiles();
      set({ booted: true, bootError: profiles.ok ? null : profiles.error });
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

export function createAppStore(api: MicroneedleApi): StoreApi<AppState> {
  return createStore<AppState>()((...a) => ({
    api,
    ...navigationSlice(...a),
    ...profilesSlice(api)(...a),
    ...settingsSlice(api)(...a),
  }));
}

export const AppStoreContext = createContext<StoreApi<AppState> | null>(null);

export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppStoreContext.Provider>');
  return useStore(store, selector);
}
