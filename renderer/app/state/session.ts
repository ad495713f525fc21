// Who is signed in on this window, as main answered it. The role comes from main on every answer; the
// shell uses it only to hide what main would refuse anyway.

import type { StateCreator } from 'zustand';
import type { AuthStatus, Institution, MicroneedleApi, SignedIn } from '../../../core/api/contract';
import type { ApiResult } from '../../../core/api/errors';
import type { AppState } from '../store';

type SetupInput = Parameters<MicroneedleApi['auth']['setup']>[0];

export interface SessionSlice {
  signedIn: SignedIn | null;
  institution: Institution;
  /** What the one-time import of the earlier JSON version brought in, when it ran. */
  jsonImport: AuthStatus['jsonImport'];
  /** Takes a fresh auth.status (after setup, a restore, or when main says nobody is signed in any more). */
  applyAuthStatus(status: AuthStatus): void;
  refreshAuth(): Promise<ApiResult<AuthStatus>>;
  setup(input: SetupInput): Promise<ApiResult<SignedIn>>;
  signInTrainee(personId: string, pin?: string): Promise<ApiResult<SignedIn>>;
  signInStaff(username: string, password: string): Promise<ApiResult<SignedIn>>;
  signOut(): Promise<void>;
  setInstitution(institution: Institution): void;
}

export const sessionSlice =
  (api: MicroneedleApi): StateCreator<AppState, [], [], SessionSlice> =>
  (set, get) => {
    const signedInAs = (result: ApiResult<SignedIn>) => {
      if (result.ok) set({ signedIn: result.value, screen: { name: 'home' } });
      return result;
    };
    return {
      signedIn: null,
      institution: { name: '', traineePinRequired: false },
      jsonImport: null,
      applyAuthStatus(status) {
        const before = get().signedIn;
        const same = before !== null && status.signedIn !== null && before.personId === status.signedIn.personId;
        set({
          signedIn: status.signedIn,
          institution: status.institution,
          jsonImport: status.jsonImport,
          phase: status.setupNeeded ? { name: 'setup' } : { name: 'ready' },
          ...(same ? {} : { screen: { name: 'home' } }),
        });
      },
      async refreshAuth() {
        const status = await api.auth.status();
        if (status.ok) get().applyAuthStatus(status.value);
        return status;
      },
      async setup(input) {
        const result = await api.auth.setup(input);
        if (result.ok) {
          set({ signedIn: result.value, screen: { name: 'home' } });
          await get().refreshAuth();
        }
        return result;
      },
      signInTrainee: async (personId, pin) => signedInAs(await api.auth.signInTrainee(pin === undefined ? { personId } : { personId, pin })),
      signInStaff: async (username, password) => signedInAs(await api.auth.signInStaff({ username, password })),
      async signOut() {
        await api.auth.signOut();
        // Signed out here whatever main answered (it may already have ended the session).
        set({ signedIn: null, screen: { name: 'home' }, studioReturn: { name: 'home' } });
      },
      setInstitution: (institution) => set({ institution }),
    };
  };
