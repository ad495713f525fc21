// Loads the practice studio (renderer/studio: three.js and the scene, its own chunk) only when a practice
// tile or a stored attempt is opened, so the first screens start fast.

import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../core/recording/types';

/**
 * What the shell hands the studio: the procedure, the way out, and the stored attempt to open (if any); or
 * the practical part of a running exam attempt (`exam`): the studio starts it through exams.startPractical
 * in test mode (no scenario or mode to choose; the procedure is the one main's attempt names), shows the
 * task brief and its countdown, and when it is recorded shows a neutral screen whose button calls onDone
 * (as does the button back from a start that failed). Leaving a running practical asks, abandons it (main
 * keeps what was recorded) and calls onExit.
 */
export interface StudioHostProps {
  procedure: Procedure;
  onExit: () => void;
  openAttemptId?: string;
  exam?: { examAttemptId: string; partId: string; onDone: () => void };
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
