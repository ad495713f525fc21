// The running exam's header: the module, who is sitting it (name, profession, certificate), the attempt
// number and the clock counting down, with its low-time and time-up states.

import { useTranslation } from 'react-i18next';
import type { ExamSession } from '../../../../core/api/contract';
import { formatClock, LOW_TIME_MS, useLt } from './text';

export function ExamHeader({ session, remainingMs, readOnly }: { session: ExamSession; remainingMs: number; readOnly: boolean }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  const { identity } = session;
  return (
    <header className="screen-header exam-header">
      <div className="exam-header-main">
        <h1 id="exam-title">{lt(session.module.title)}</h1>
        <dl className="exam-identity" aria-label={t('header.identity')}>
          <div>
            <dt>{t('header.name')}</dt>
            <dd data-user-content>{identity.name}</dd>
          </div>
          <div>
            <dt>{t('header.profession')}</dt>
            <dd>{t(`common:professions.${identity.profession}`)}</dd>
          </div>
          <div>
            <dt>{t('header.certificate')}</dt>
            <dd data-user-content>{identity.certificateNumber}</dd>
          </div>
        </dl>
        <p className="exam-attempt">{t('header.attempt', { n: session.attemptNo })}</p>
      </div>
      {session.status === 'running' && <ExamClock remainingMs={remainingMs} readOnly={readOnly} />}
    </header>
  );
}

export function ExamClock({ remainingMs, readOnly }: { remainingMs: number; readOnly: boolean }) {
  const { t } = useTranslation('exam');
  const up = remainingMs <= 0;
  const low = !up && remainingMs <= LOW_TIME_MS;
  return (
    <div className={`exam-clock${low ? ' exam-clock-low' : ''}${up ? ' exam-clock-up' : ''}`}>
      {/* The ticking time itself is not live (it would be read out every second); the states are. */}
      <div role="timer" aria-label={t('clock.label')} className="exam-clock-time">
        <span className="exam-clock-label">{t('clock.label')}</span> <span className="exam-clock-digits">{formatClock(remainingMs)}</span>
      </div>
      <p className="exam-clock-state" role="status" aria-live={up ? 'assertive' : 'polite'}>
        {up ? (readOnly ? t('clock.upReadOnly') : t('clock.up')) : low ? t('clock.low') : ''}
      </p>
    </div>
  );
}
