// What the studio shows around an exam's practical part: the start (or why it could not start, with a
// way back), the countdown of the task's time, the task brief where a practice scenario's description
// would be, and after the end a neutral "recorded" screen: no report, results come with the exam result.

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_NAMES } from '../../../core/anatomy/regions';
import type { ApiError } from '../../../core/api/errors';
import { formatSessionTime } from '../panels/session-time';
import { useStudio, useStudioStoreApi } from '../store';
import { useExamTask, useTimeLeft, type PracticalStart } from './practical';

/** An exam error in the UI language: the exam's own words where it has them, else the studio's. */
export function ExamErrorText({ error }: { error: ApiError }) {
  const { t } = useTranslation('studio');
  return (
    <>
      {t([`exam.apiError.${error.code}`, `apiError.${error.code}`])}{' '}
      <small className="studio-muted studio-error-detail" lang="en">
        {error.message}
      </small>
    </>
  );
}

export function ExamStartView({ state, onBack }: { state: PracticalStart; onBack: () => void }) {
  const { t } = useTranslation('studio');
  if (state.status !== 'error')
    return (
      <div className="studio-exam-done">
        <p className="loading" role="status" data-testid="exam-starting">
          {t('exam.starting')}
        </p>
        <button type="button" className="button subtle" onClick={onBack}>
          {t('exam.back')}
        </button>
      </div>
    );
  return (
    <div className="studio-error" role="alert" data-testid="exam-start-error">
      <h1>{t('exam.startFailed')}</h1>
      <p>
        <ExamErrorText error={state.error} />
      </p>
      <button type="button" className="button primary" onClick={onBack} data-testid="exam-back">
        {t('exam.back')}
      </button>
    </div>
  );
}

/** The time left in the bar; at zero the session ends by itself (onTimeUp, then End). */
export function ExamCountdown({ onTimeUp }: { onTimeUp: () => void }) {
  const { t } = useTranslation('studio');
  const task = useExamTask();
  const store = useStudioStoreApi();
  const phase = useStudio((s) => s.phase);
  const startPerfMs = useStudio((s) => s.startPerfMs);
  const left = useTimeLeft(task, startPerfMs, phase === 'running');
  useEffect(() => {
    if (left === 0 && store.getState().phase === 'running') {
      onTimeUp();
      void store.getState().endSession();
    }
  }, [left, store, onTimeUp]);
  if (left === null) return null;
  const urgent = left < 60_000;
  return (
    <span className={urgent ? 'studio-countdown urgent' : 'studio-countdown'} role="timer" aria-live="off" data-testid="exam-countdown">
      {t('exam.timeLeft')} <strong>{formatSessionTime(Math.ceil(left / 1000) * 1000)}</strong>
    </span>
  );
}

/** Test mode's right panel: the task as given (an exam's brief, or the practice scenario) and nothing more. */
export function TaskPanel() {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const task = useExamTask();
  const preset = useStudio((s) => s.preset);
  return (
    <section className="studio-panel" aria-labelledby="studio-task-title" data-testid="task-panel">
      <h2 id="studio-task-title">{task ? t('exam.brief') : t('task.title')}</h2>
      {task ? (
        <p className="studio-brief" data-testid="exam-brief">
          {task.brief[lang]}
        </p>
      ) : (
        <dl className="studio-facts">
          <dt>{t('setup.scenario')}</dt>
          <dd>{preset.title[lang]}</dd>
          <dt>{t('setup.endpoint')}</dt>
          <dd>{t(`endpointTask.${preset.goal.endpoint}`)}</dd>
          <dt>{t('setup.targets')}</dt>
          <dd>{preset.goal.targetRegions.map((r) => REGION_NAMES[r][lang]).join(lang === 'zh' ? '、' : ', ')}</dd>
          <dt>{t('setup.case')}</dt>
          <dd>{preset.case.summary ? preset.case.summary[lang] : t(`skinType.${preset.case.skinType}`)}</dd>
        </dl>
      )}
      <p className="studio-hint">{task ? t('task.note') : t('setup.testHint')}</p>
    </section>
  );
}

/** After the practical: saving, a save to try again, or recorded. Never a score or a finding. */
export function ExamDone({ timeUp }: { timeUp: boolean }) {
  const { t } = useTranslation('studio');
  const task = useExamTask();
  const store = useStudioStoreApi();
  const busy = useStudio((s) => s.busy);
  const problem = useStudio((s) => s.problem);
  const failed = problem?.action === 'finish' ? problem : null;
  if (busy === 'ending')
    return (
      <div className="studio-exam-done" role="status" data-testid="exam-saving">
        <p>{t('exam.saving')}</p>
      </div>
    );
  if (failed?.retry)
    return (
      <div className="studio-exam-done" data-testid="exam-save-failed">
        <p className="studio-error" role="alert">
          {t('exam.saveFailed')} <ExamErrorText error={failed.error} />
        </p>
        <div className="studio-dialog-actions">
          <button type="button" className="button primary" onClick={() => void store.getState().retryFinish()} data-testid="exam-retry">
            {t('exam.retry')}
          </button>
          <button type="button" className="button" onClick={() => task?.onDone()} data-testid="exam-done">
            {t('exam.back')}
          </button>
        </div>
      </div>
    );
  return (
    <div className="studio-exam-done" data-testid="exam-recorded">
      <h1>{t('exam.recordedTitle')}</h1>
      {timeUp && <p>{t('exam.timeUp')}</p>}
      <p>{t('exam.recordedText')}</p>
      <button type="button" className="button primary" onClick={() => task?.onDone()} data-testid="exam-done" autoFocus>
        {t('exam.back')}
      </button>
    </div>
  );
}
