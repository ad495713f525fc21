// The studio's bar: the title, while a session runs its mode, counts, saving state and End, and Back. In
// an exam's practical, the task's countdown (the session ends by itself at zero); the dwell timer only in
// learn mode (feedbackVisible).

import { useTranslation } from 'react-i18next';
import { ExamCountdown } from './exam/ExamPanels';
import { useExamTask } from './exam/practical';
import { DwellTimer } from './panels/DwellTimer';
import type { Leave } from './panels/LeaveConfirm';
import { UploadStatus } from './panels/UploadStatus';
import { useStudio, useStudioStoreApi } from './store';
import { feedbackVisible } from './test-mode';

export function StudioBar({ leave, onTimeUp }: { leave: Leave; onTimeUp: () => void }) {
  const { t } = useTranslation('studio');
  const store = useStudioStoreApi();
  const task = useExamTask();
  const phase = useStudio((s) => s.phase);
  const procedure = useStudio((s) => s.procedure);
  const mode = useStudio((s) => s.mode);
  const hints = useStudio((s) => feedbackVisible(s.mode));
  const counts = useStudio((s) => s.counts);
  const busy = useStudio((s) => s.busy);
  const live = phase === 'running' || phase === 'ending';
  // RF counts pulses, nano contacts; i18next picks the plural form from `count` (counts.*_one / _other).
  const counter = procedure === 'rf' ? { unit: 'pulses', count: counts.pulses } : { unit: 'contacts', count: counts.contacts };
  return (
    <header className="studio-bar">
      <h1>{task ? t('exam.title') : t(`title.${procedure}`)}</h1>
      {live && (
        <>
          <span className={`studio-mode-badge mode-${mode}`}>{t(`mode.${mode}`)}</span>
          {task && <ExamCountdown onTimeUp={onTimeUp} />}
          {procedure === 'nano' && hints && <DwellTimer />}
          {procedure === 'roller' ? (
            // The raw sample count is never shown to trainees (it is there, hidden, for tests and tools).
            <span hidden data-testid="event-counts">
              {counts.samples}
            </span>
          ) : (
            <span className="studio-counts" data-testid="event-counts">
              {t(`counts.${counter.unit}`, { count: counter.count })}
            </span>
          )}
          <UploadStatus />
          <button
            type="button"
            className="button primary"
            onClick={() => void store.getState().endSession()}
            disabled={phase !== 'running' || busy !== null}
            aria-busy={busy === 'ending'}
            data-testid="end-session"
          >
            {busy === 'ending' ? t('ending') : task ? t('exam.endTask') : t('endSession')}
          </button>
        </>
      )}
      <button type="button" className="button subtle" onClick={leave.request} disabled={busy === 'ending' || busy === 'leaving'} data-testid="studio-exit">
        {t('exit')}
      </button>
    </header>
  );
}
