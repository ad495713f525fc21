// Asks before submitting: how many questions are unanswered and flagged, and that answers cannot be
// changed afterwards. Focus moves into it and Escape closes it.

import { useEffect, useRef } from 'react';
import { trapTab } from '../../../app/ui/focus-trap';
import { useTranslation } from 'react-i18next';

export function SubmitDialog({
  counts,
  unsaved,
  submitting,
  onConfirm,
  onCancel,
}: {
  counts: { total: number; unanswered: number; flagged: number };
  /** Answers still on their way ('saving') or failing to save ('failed'): submitting waits for them. */
  unsaved: 'saving' | 'failed' | null;
  submitting: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('exam');
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="exam-dialog-backdrop">
      <div
        className="exam-dialog panel"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="exam-submit-title"
        aria-describedby="exam-submit-summary exam-submit-warning"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !submitting) onCancel();
          trapTab(e);
        }}
      >
        <h2 id="exam-submit-title">{t('submit.title')}</h2>
        <p id="exam-submit-summary">{t('submit.summary', counts)}</p>
        <p id="exam-submit-warning" className="confirm-question">
          {t('submit.warning')}
        </p>
        {unsaved === 'failed' && <p className="field-error">{t('submit.unsaved')}</p>}
        {unsaved === 'saving' && <p className="muted">{t('save.saving')}</p>}
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={submitting || unsaved !== null} onClick={onConfirm}>
            {submitting ? t('submit.submitting') : t('submit.confirm')}
          </button>
          <button type="button" className="button" ref={cancelRef} disabled={submitting} onClick={onCancel}>
            {t('submit.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
