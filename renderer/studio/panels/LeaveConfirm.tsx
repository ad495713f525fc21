// Leaving while an attempt runs in the main process: confirm first, then what was recorded is sent and the
// attempt abandoned (kept in the training file, not counted). Should main not answer, the trainee may
// try again or leave anyway: main marks an attempt nobody finishes as abandoned by itself. Leaving cannot be
// undone, so the dialog opens on the choice to stay (Enter after Back never ends a session by accident);
// Escape stays too, Tab keeps to the dialog, and focus returns to what opened it.

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { trapTab } from '../../app/ui/focus-trap';
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
  const confirmButton = useRef<HTMLButtonElement>(null);
  const stayButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (leave.asking) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      (stayButton.current ?? confirmButton.current)?.focus();
    } else if (opener.current) {
      if (opener.current.isConnected) opener.current.focus();
      opener.current = null;
    }
  }, [leave.asking]);
  const failed = problem?.action === 'abandon' ? problem.error : null;
  // Main did not answer: the stay button is gone, so focus goes to Retry, next to the reason.
  useEffect(() => {
    if (failed) confirmButton.current?.focus();
  }, [failed]);
  if (!leave.asking) return null;
  const leaving = busy === 'leaving';
  // Once the recording is closed (the trainee confirmed), going back to the session is no longer possible.
  const canStay = phase === 'running' || phase === 'debrief';
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    trapTab(e);
    if (e.key === 'Escape' && canStay && !leaving) leave.cancel();
  };
  return (
    <div className="studio-dialog-backdrop">
      <div className="studio-dialog" role="dialog" aria-modal="true" aria-labelledby="studio-leave-title" aria-describedby="studio-leave-text" data-testid="leave-dialog" onKeyDown={onKeyDown}>
        <h2 id="studio-leave-title">{exam ? t('exam.leaveTitle') : t('leave.title')}</h2>
        <p id="studio-leave-text">{exam ? t('exam.leaveText') : t('leave.text')}</p>
        {failed && (
          <p className="studio-error-inline" role="alert" data-testid="abandon-error">
            {t('leave.failed')} <ApiErrorText error={failed} />
          </p>
        )}
        <div className="studio-dialog-actions">
          <button ref={confirmButton} type="button" className="button primary" onClick={() => void leave.confirm()} disabled={leaving} aria-busy={leaving} data-testid="leave-confirm">
            {leaving ? t('leave.leaving') : failed ? t('leave.retry') : exam ? t('exam.leaveConfirm') : t('leave.confirm')}
          </button>
          {failed && (
            <button type="button" className="button" onClick={leave.force} data-testid="leave-anyway">
              {t('leave.anyway')}
            </button>
          )}
          {canStay && !leaving && !failed && (
            <button ref={stayButton} type="button" className="button subtle" onClick={leave.cancel} data-testid="leave-cancel">
              {phase === 'running' ? t('leave.stay') : t('leave.stayHere')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
