// The small "saving… / saved / not saved: reason" note in the studio bar: the uploader's state, which the
// store refreshes per batch (about once a second), never per sample.

import { useTranslation } from 'react-i18next';
import { useErrorReason } from '../api-error';
import { useStudio } from '../store';

export function UploadStatus() {
  const { t } = useTranslation('studio');
  const upload = useStudio((s) => s.upload);
  const attempt = useStudio((s) => s.attempt);
  const reason = useErrorReason();
  if (!upload || !attempt) return null;
  const status = upload.error ? 'failed' : upload.inFlight || upload.pendingEvents > 0 ? 'saving' : 'saved';
  return (
    <span className={`studio-upload studio-upload-${status}`} role="status" data-testid="upload-status" data-status={status}>
      {status === 'failed'
        ? upload.fatal
          ? t('upload.failed', { reason: reason(upload.error!) })
          : t('upload.retrying', { reason: reason(upload.error!) })
        : status === 'saving'
          ? t('upload.saving')
          : t('upload.saved')}
    </span>
  );
}
