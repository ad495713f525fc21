// Loads the practice studio (renderer/studio, its own chunk with three.js) only when a practice tile is
// opened. Found through import.meta.glob so the shell builds and runs in a checkout without the studio;
// there the practice screen says plainly that the studio is not part of this build.

import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../core/recording/types';

export interface StudioScreenProps {
  procedure: Procedure;
  onExit: () => void;
  openRecordingId?: string;
}

type StudioModule = { StudioScreen: ComponentType<StudioScreenProps> };
const studioModules = import.meta.glob<StudioModule>('../studio/StudioScreen.tsx');
const loadStudio = Object.values(studioModules)[0];

const LazyStudio = loadStudio ? lazy(() => loadStudio().then((m) => ({ default: m.StudioScreen }))) : null;

export const studioAvailable = LazyStudio !== null;

export function StudioHost(props: StudioScreenProps) {
  const { t } = useTranslation('common');
  if (!LazyStudio) {
    return (
      <section className="screen" aria-labelledby="studio-unavailable">
        <h1 id="studio-unavailable">{t('unavailable')}</h1>
        <p>{t('studioUnavailable')}</p>
        <button type="button" className="button" onClick={props.onExit}>
          {t('back')}
        </button>
      </section>
    );
  }
  return (
    <Suspense fallback={<p className="loading" role="status">{t('loading')}</p>}>
      <LazyStudio {...props} />
    </Suspense>
  );
}
