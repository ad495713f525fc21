// Leaving while an attempt runs in the main process: confirm first, then what was recorded is sent and the
// attempt abandoned (kept in the training file, not counted). Should main not answer, the trainee may
// try again or leave anyway: main marks an attempt nobody finishes as abandoned by itself.

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorText } from '../api-error';
import { useExamTask } from '../exam/practical';
import { useStudio, useStudioStoreApi } from '../store';

export interface Leave {
  asking: boolean;
  /** Back was pressed: leaves at once when no attempt is running, else asks. */
  request(): void;
  confirm(): Promise<void>;
  cancel(): void;
  /** Leave without main's answer (after a failure). */
  force(): void;
}

export function useLeave(onExit: () => void): Leave {
  const store = useStudioStoreApi();
  const [asking, setAsking] = useState(false);
  return {
    asking,
    request() {
      if (store.getState().attempt) setAsking(true);
      else onExit();
    },
    async confirm() {
      if (await store.getState().abandonSession()) {
        setAsking(false);
        onExit();
      }
    },
    cancel() {
      store.getState().clearProblem();
      setAsking(false);
    },
    force() {
      setAsking(false);
      onExit();
    },
  };
}

export function LeaveConfirm({ leave }: { leave: Leave }) {
  const { t } = useTranslation('studio');
  const busy = useStudio((s) => s.busy);
  const problem = useStudio((s) => s.problem);
  const phase = useStudio((s) => s.phase);
  // An exam's practical ends for good when left: said so, in the exam's words.
  const exam = useExamTask() !== null;
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (leave.asking) first.current?.focus();
  }, [leave.asking]);
  if (!leave.asking) return null;
  const failed = problem?.action === 'abandon' ? problem.error : null;
  const leaving = busy === 'leaving';
  // Once the recording is closed (the trainee confirmed), going back to the session is no longer possible.
  const canStay = phase === 'running' || phase === 'debrief';
  return (
    <div className="studio-dialog-backdrop">
      <div className="studio-dialog" role="dialog" aria-modal="true" aria-labelledby="studio-leave-title" aria-describedby="studio-leave-text" data-testid="leave-dialog">
        <h2 id="studio-leave-title">{exam ? t('exam.leaveTitle') : t('leave.title')}</h2>
        <p id="studio-leave-text">{exam ? t('exam.leaveText') : t('leave.text')}</p>
        {failed && (
          <p className="studio-error-inline" role="alert" data-testid="abandon-error">
            {t('leave.failed')} <ApiErrorText error={failed} />
          </p>
        )}
        <div className="studio-dialog-actions">
          <button ref={first} type="button" className="button primary" onClick={() => void leave.confirm()} disabled={leaving} aria-busy={leaving} data-testid="leave-confirm">
            {leaving ? t('leave.leaving') : failed ? t('leave.retry') : exam ? t('exam.leaveConfirm') : t('leave.confirm')}
          </button>
          {failed && (
            <button type="button" className="button" onClick={leave.force} data-testid="leave-anyway">
              {t('leave.anyway')}
            </button>
          )}
          {canStay && !leaving && !failed && (
            <button type="button" className="button subtle" onClick={leave.cancel} data-testid="leave-cancel">
              {phase === 'running' ? t('leave.stay') : t('leave.stayHere')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
