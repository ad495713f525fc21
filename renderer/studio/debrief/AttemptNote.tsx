// What the debrief says about the attempt itself: its kind (practice, test, imported), where it is stored
// (automatically in the training file; abandoned attempts are kept and not counted; imported recordings
// never count, whatever the file says), and what the stored score was computed with (labelled for examiners).

import { Trans, useTranslation } from 'react-i18next';
import type { AttemptKind as Kind, ScoreProvenance } from '../../../core/api/contract';
import type { Recording } from '../../../core/recording/types';
import { ApiErrorText } from '../api-error';
import { useStudio, type AttemptOutcome, type AttemptProblem } from '../store';

/** The first characters of a hash: enough to tell two apart at a glance. */
export const hashPrefix = (hash: string) => hash.slice(0, 8);

export function attemptKindOf(outcome: AttemptOutcome | null, recording: Recording): Kind {
  if (outcome?.summary) return outcome.summary.kind;
  if (outcome?.source === 'imported') return 'imported';
  return recording.mode === 'test' ? 'test' : 'practice';
}

export function AttemptKind({ outcome, recording }: { outcome: AttemptOutcome | null; recording: Recording }) {
  const { t } = useTranslation('studio');
  const kind = attemptKindOf(outcome, recording);
  return (
    <span className={`studio-mode-badge kind-${kind}`} data-testid="attempt-kind" data-kind={kind}>
      {t(`kind.${kind}`)}
    </span>
  );
}

/**
 * What the stored score was computed with (engine version, rules and head-model hashes): for examiners
 * checking a score, so it says so, in small muted type; the ids are code, marked lang="en".
 */
export function Provenance({ provenance }: { provenance: ScoreProvenance }) {
  const { t } = useTranslation('studio');
  const values = { engine: provenance.engineVersion, rules: hashPrefix(provenance.rulesHash), head: hashPrefix(provenance.headModelSha256) };
  const code = <code lang="en" />;
  return (
    <p className="studio-provenance" data-testid="provenance">
      <small>
        <Trans t={t} i18nKey="debrief.provenance" values={values} components={{ engine: code, rules: code, model: code }} />
      </small>
    </p>
  );
}

export function AttemptNote({ outcome, problem }: { outcome: AttemptOutcome | null; problem: AttemptProblem | null }) {
  const { t, i18n } = useTranslation('studio');
  const retryFinish = useStudio((s) => s.retryFinish);
  const busy = useStudio((s) => s.busy);
  const summary = outcome?.summary ?? null;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

  if (problem?.retry) {
    return (
      <div className="studio-attempt-note not-stored" role="alert" data-testid="attempt-storage" data-state="not-stored">
        <p>
          {t('debrief.notStored')} <ApiErrorText error={problem.error} />
        </p>
        <p className="studio-muted">{t('debrief.notStoredHint')}</p>
        <button type="button" className="button primary" onClick={() => void retryFinish()} disabled={busy !== null} aria-busy={busy === 'ending'} data-testid="retry-finish">
          {busy === 'ending' ? t('ending') : t('debrief.retry')}
        </button>
      </div>
    );
  }

  const state = problem
    ? 'rejected'
    : outcome?.source === 'imported' || summary?.kind === 'imported'
      ? 'imported'
      : summary?.status === 'abandoned'
        ? 'abandoned'
        : outcome?.source === 'local' || !summary
          ? 'local'
          : 'stored';
  const text = {
    rejected: t('debrief.rejected'),
    imported: t('debrief.imported'),
    abandoned: t('debrief.abandoned'),
    local: t('debrief.local'),
    stored: outcome?.source === 'finished' ? t('debrief.storedNow') : t('debrief.stored'),
  }[state];

  return (
    <div className={`studio-attempt-note ${state}`} data-testid="attempt-storage" data-state={state}>
      <p>
        <strong>{text}</strong>
        {problem && (
          <>
            {' '}
            <ApiErrorText error={problem.error} />
          </>
        )}
        {summary && outcome?.source !== 'finished' && (
          <span className="studio-muted">
            {' · '}
            <span data-user-content>{summary.personName}</span>
            {' · '}
            {t('debrief.startedAt', { time: when(summary.startedAt) })}
            {summary.sourceName && (
              <>
                {' · '}
                {t('debrief.sourceFile')} <span data-user-content>{summary.sourceName}</span>
              </>
            )}
          </span>
        )}
      </p>
      {summary?.provenance && <Provenance provenance={summary.provenance} />}
    </div>
  );
}
