// Errors in the UI language: what an API error code means, in the studio's words, with main's own message
// (English, for support and the log) after it in small and marked lang="en"; problems with a recording file
// name the file and say in the UI language which part of the recording is at fault, with the JSON pointer
// and core's own message (English) after it as the technical detail.

import { Trans, useTranslation } from 'react-i18next';
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

/** Parts of a recording that are lists of entries (the pointer's next segment is the entry's index). */
const LIST_SECTIONS = new Set(['zones', 'steps', 'settings', 'samples', 'pulses', 'contacts', 'endpoints']);
/** Parts that are one object each; every other top-level field (format, version, id, ...) is the recording's details. */
const OBJECT_SECTIONS = new Set(['case', 'goal', 'end', 'trainee', 'app']);

/** Where in a recording a JSON pointer points, in words: its part, and the entry (1-based) of a list part. */
export function recordingPlace(pointer: string): { section: string; entry?: number } {
  const [top = '', next] = pointer.split('/').slice(1);
  if (LIST_SECTIONS.has(top)) return next !== undefined && /^\d+$/.test(next) ? { section: top, entry: Number(next) + 1 } : { section: top };
  return { section: OBJECT_SECTIONS.has(top) ? top : 'header' };
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
  // The sentence in the UI language first; the pointer and core's message (English) after it, for support.
  const place = recordingPlace(problem.pointer);
  const values = { file: problem.fileName, section: t(`openFile.section.${place.section}`), n: place.entry };
  return (
    <>
      <Trans t={t} i18nKey={place.entry === undefined ? 'openFile.invalidPart' : 'openFile.invalidEntry'} values={values} components={{ file: <span data-user-content /> }} />{' '}
      <small className="studio-muted studio-error-detail" lang="en">
        <code>{problem.pointer}</code> {problem.message}
      </small>
    </>
  );
}
