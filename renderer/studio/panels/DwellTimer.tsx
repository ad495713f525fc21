// Learn mode, nano needle: how long the needle has been held on the skin, turning red past the 3 s that
// 10.5 allows per contact.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../store';
import { feedbackVisible } from '../test-mode';

export const NANO_MAX_DWELL_S = 3; // 10.5

export function DwellTimer() {
  const { t } = useTranslation('studio');
  const since = useStudio((s) => (feedbackVisible(s.mode) ? s.contactSincePerfMs : null));
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (since === null) return;
    const tick = () => setNow(performance.now());
    const first = setTimeout(tick, 0);
    const id = setInterval(tick, 100);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [since]);
  if (since === null) return null;
  const seconds = Math.max(0, (Math.max(now, performance.now()) - since) / 1000);
  return (
    <span className={seconds > NANO_MAX_DWELL_S ? 'studio-dwell over' : 'studio-dwell'} role="timer" data-testid="dwell-timer">
      {t('dwell', { seconds: seconds.toFixed(1), max: NANO_MAX_DWELL_S })}
    </span>
  );
}
