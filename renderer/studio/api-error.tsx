// Errors in the UI language: what an API error code means, in the studio's words, with main's own message
// (English, for support and the log) after it in small and marked lang="en"; problems with a recording file
// name the file and the JSON pointer, worded here where the message is ours, as core gives it otherwise.

import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/errors';
import type { FileProblem } from './debrief/open-file';

/** The reason in words for an error code. */
export function useErrorReason(): (error: ApiError) => string {
  const { t } = useTranslation('studio');
  return (error) => t(`apiError.${error.code}`);
}

/** "reason (main's message)": the reason in the UI language, the detail as main wrote it. */
export function ApiErrorText({ error }: { error: ApiError }) {
  const reason = useErrorReason();
  return (
    <>
      {reason(error)}{' '}
      <small className="studio-muted studio-error-detail" lang="en">
        {error.message}
      </small>
    </>
  );
}

/** An invalid-recording error from sessions.import names the field under /recording: the file's own pointer. */
export function filePointer(error: ApiError): string | null {
  if (error.code !== 'invalid-recording' || error.path === undefined) return null;
  return error.path.replace(/^\/recording/, '') || '/';
}

export function FileProblemText({ problem }: { problem: FileProblem }) {
  const { t, i18n } = useTranslation('studio');
  // Rounded up, so a file just over the limit never reads as the limit itself.
  const mib = (bytes: number) => (Math.ceil(bytes / (1024 * 1024 / 10)) / 10).toLocaleString(i18n.language === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 1 });
  if (problem.kind === 'too-large') return <>{t('openFile.tooLarge', { file: problem.fileName, size: mib(problem.bytes), max: mib(problem.maxBytes) })}</>;
  if (problem.kind === 'not-json')
    return (
      <>
        {t('openFile.notJson', { file: problem.fileName })}{' '}
        <small className="studio-muted" lang="en">
          {problem.detail}
        </small>
      </>
    );
  return (
    <>
      <span data-user-content>{problem.fileName}</span> <code>{problem.pointer}</code>{' '}
      <small className="studio-muted" lang="en">
        {problem.message}
      </small>
    </>
  );
}
