// Renders studio panels around a real studio store (stand-in head surface) in happy-dom, in zh or en.

import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Procedure } from '../../core/recording/types';
import { createStandInSurface } from '../../core/surface/stand-in';
import { initI18n, setLanguage, type Language } from '../../renderer/i18n';
import { createStudioStore, StudioStoreContext } from '../../renderer/studio/store';

const surface = createStandInSurface({ rings: 40, segments: 80 });

export async function renderStudio(ui: ReactNode, options: { procedure?: Procedure; language?: Language } = {}) {
  await initI18n(options.language ?? 'zh');
  await setLanguage(options.language ?? 'zh');
  let clock = 0;
  const store = createStudioStore({ procedure: options.procedure ?? 'roller', surface, now: () => clock, newId: () => 'rec-component' });
  const view = render(<StudioStoreContext.Provider value={store}>{ui}</StudioStoreContext.Provider>);
  return { store, view, advance: (ms: number) => (clock += ms) };
}
