// Renders studio panels (or the whole studio screen) in happy-dom, in zh or en, against the real services on
// an in-memory training file: an institution with a nurse trainee signed in on her own window, so Start,
// the event stream, End, Back, reopening and importing all go through main's dispatcher, access checks,
// validation and scoring (on the stand-in surface). A test module that renders the whole screen mocks
// renderer/studio/scene/StudioCanvas (its children need WebGL, which happy-dom lacks).

import { render } from '@testing-library/react';
import { Fragment, StrictMode, type ReactNode } from 'react';
import { vi } from 'vitest';
import type { Procedure } from '../../core/recording/types';
import { createStandInHeadModel, createStandInSurface } from '../../core/surface/stand-in';
import type { HeadModel } from '../../core/surface/surface';
import type { ScoringPorts } from '../../electron/services';
import { AppStoreContext, createAppStore } from '../../renderer/app/store';
import { initI18n, setLanguage, type Language } from '../../renderer/i18n';
import { createStudioStore, StudioStoreContext } from '../../renderer/studio/store';
import { StudioScreen } from '../../renderer/studio/StudioScreen';
import { seededInstitution, standInScoring } from '../helpers/training-services';

const surface = createStandInSurface({ rings: 40, segments: 80 });

/** The stand-in as a head model (no UVs, no region labels): enough for the picker, the replay and the panels. */
export const STAND_IN_HEAD: HeadModel = createStandInHeadModel(surface);

/** Scoring ports that count the recordings main scores (a reopened attempt must not be scored again). */
export function countingScoring(): ScoringPorts & { scored: number } {
  const base = standInScoring();
  const ports = {
    scored: 0,
    validateRecording: (input: unknown, source: string) => base.validateRecording(input, source),
    scoreRecording: (...a: Parameters<ScoringPorts['scoreRecording']>) => {
      ports.scored++;
      return base.scoreRecording(...a);
    },
    provenance: (...a: Parameters<ScoringPorts['provenance']>) => base.provenance(...a),
  };
  return ports;
}

export type Window = 'trainee' | 'admin' | 'instructor';

async function language(lang: Language) {
  await initI18n(lang);
  await setLanguage(lang);
}

/** Panels around a studio store of their own, talking to main as the nurse trainee. */
export async function renderStudio(ui: ReactNode, options: { procedure?: Procedure; language?: Language; as?: Window } = {}) {
  await language(options.language ?? 'zh');
  const services = await seededInstitution();
  let clock = 0;
  const store = createStudioStore({ procedure: options.procedure ?? 'roller', surface, api: services[options.as ?? 'trainee'], now: () => clock });
  const view = render(<StudioStoreContext.Provider value={store}>{ui}</StudioStoreContext.Provider>);
  return { store, view, services, advance: (ms: number) => (clock += ms) };
}

/** The whole studio screen as the shell shows it, with the shell's store carrying the API of one window. */
export async function renderStudioScreen(
  options: {
    procedure?: Procedure;
    language?: Language;
    as?: Window;
    openAttemptId?: string;
    services?: Awaited<ReturnType<typeof seededInstitution>>;
    /** An exam's practical part (onDone is a mock the test reads back). */
    exam?: { examAttemptId: string; partId: string };
    /** Another head (e.g. one with region labels); the stand-in otherwise. */
    head?: HeadModel;
    /** Inside React's StrictMode, as the app renders (effects run twice on mount). */
    strict?: boolean;
  } = {},
) {
  await language(options.language ?? 'zh');
  const scoring = countingScoring();
  const services = options.services ?? (await seededInstitution({ scoring }));
  const onExit = vi.fn();
  const onDone = vi.fn();
  const appStore = createAppStore(services[options.as ?? 'trainee']);
  const Wrap = options.strict ? StrictMode : Fragment;
  const view = render(
    <Wrap>
      <AppStoreContext.Provider value={appStore}>
        <StudioScreen
          procedure={options.procedure ?? 'roller'}
          onExit={onExit}
          {...(options.openAttemptId ? { openAttemptId: options.openAttemptId } : {})}
          {...(options.exam ? { exam: { ...options.exam, onDone } } : {})}
          loadHeadModel={async () => options.head ?? STAND_IN_HEAD}
          uploadTiming={{ intervalMs: 20 }}
        />
      </AppStoreContext.Provider>
    </Wrap>,
  );
  return { view, services, scoring, onExit, onDone };
}
