// Loads the practice studio (renderer/studio: three.js and the scene, its own chunk) only when a practice
// tile or a stored attempt is opened, so the first screens start fast.

import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../core/recording/types';

/** What the shell hands the studio: the procedure, the way out, and the stored attempt to open (if any). */
export interface StudioHostProps {
  procedure: Procedure;
  onExit: () => void;
  openAttemptId?: string;
}

const LazyStudio = lazy<ComponentType<StudioHostProps>>(() => import('../studio/StudioScreen').then((m) => ({ default: m.StudioScreen })));

export function StudioHost(props: StudioHostProps) {
  const { t } = useTranslation('common');
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          {t('loading')}
        </p>
      }
    >
      <LazyStudio {...props} />
    </Suspense>
  );
}
