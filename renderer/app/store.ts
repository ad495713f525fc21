// The shell's state: one zustand store built from slices (navigation, the station and its boot, who is
// signed in). The store is created per app instance with the API it talks to, so tests can give it the
// real services. Main decides who may do what; the store only remembers what main answered.

import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { MicroneedleApi } from '../../core/api/contract';
import { navigationSlice, type NavigationSlice } from './state/navigation';
import { sessionSlice, type SessionSlice } from './state/session';
import { stationSlice, type StationSlice } from './state/station';

export type { Screen, NavigationSlice } from './state/navigation';
export type { SessionSlice } from './state/session';
export type { BootPhase, StationSlice } from './state/station';

export interface ApiSlice {
  /** The transport-independent API (IPC under Electron, loopback HTTP in web mode). */
  api: MicroneedleApi;
}

export type AppState = NavigationSlice & SessionSlice & StationSlice & ApiSlice;

export function createAppStore(api: MicroneedleApi): StoreApi<AppState> {
  return createStore<AppState>()((...a) => ({
    api,
    ...navigationSlice(...a),
    ...sessionSlice(api)(...a),
    ...stationSlice(api)(...a),
  }));
}

export const AppStoreContext = createContext<StoreApi<AppState> | null>(null);

export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppStoreContext.Provider>');
  return useStore(store, selector);
}
