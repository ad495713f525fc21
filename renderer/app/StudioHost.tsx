// Loads the practice studio (renderer/studio: three.js and the scene, its own chunk) only when a practice
// tile or a saved session is opened, so the first screens start fast.

import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudioScreenProps } from '../studio/StudioScreen';

const LazyStudio = lazy(() => import('../studio/StudioScreen').then((m) => ({ default: m.StudioScreen })));

export function StudioHost(props: StudioScreenProps) {
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
