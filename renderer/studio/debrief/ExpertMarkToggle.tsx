// The instructor's "Mark as expert session" toggle in the debrief of a finished session of a task (opened
// from a trainee's file, or their own): its state read from main (experts.list), marking at once, unmarking
// with a reason. Main checks the role, the attempt and the task; this only asks and shows the answer.

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MicroneedleApi } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ApiErrorText } from '../api-error';

type State = { status: 'loading' } | { status: 'ready'; marked: boolean } | { status: 'unmarking' };

export function ExpertMarkToggle({ api, attemptId, presetId }: { api: Pick<MicroneedleApi, 'experts'>; attemptId: string; presetId: string }) {
  const { t } = useTranslation('experts');
  const [state, setState] = useState<State>({ status: 'loading' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');

  useEffect(() => {
    let live = true;
    void api.experts.list({ presetId }).then((r) => {
      if (!live) return;
      if (r.ok) setState({ status: 'ready', marked: r.value.some((m) => m.attemptId === attemptId) });
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, attemptId, presetId]);

  const answer = (r: Awaited<ReturnType<MicroneedleApi['experts']['mark']>>) => {
    setBusy(false);
    if (r.ok) {
      setError(null);
      setReason('');
      setState({ status: 'ready', marked: r.value.marked });
    } else setError(r.error);
  };
  const mark = async () => {
    setBusy(true);
    answer(await api.experts.mark({ attemptId }));
  };
  const unmark = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    answer(await api.experts.unmark({ attemptId, reason }));
  };

  return (
    <div className="studio-expert-mark" role="group" aria-label={t('mark.group')} data-testid="expert-mark">
      {state.status === 'loading' && !error && <span role="status">{t('mark.loading')}</span>}
      {state.status === 'ready' && (
        <>
          <span data-testid="expert-mark-state" data-marked={state.marked}>
            {state.marked ? t('mark.marked') : t('mark.notMarked')}
          </span>{' '}
          {/* One toggle: pressed while the session is an expert session; unpressing asks for the reason. */}
          <button type="button" className="button" aria-pressed={state.marked} disabled={busy} onClick={() => (state.marked ? setState({ status: 'unmarking' }) : void mark())}>
            {t('mark.mark')}
          </button>
        </>
      )}
      {state.status === 'unmarking' && (
        <form onSubmit={(e) => void unmark(e)} aria-label={t('mark.unmark')}>
          <label>
            {t('mark.reason')} <input type="text" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>{' '}
          <button type="submit" className="button" disabled={busy}>
            {t('mark.confirmUnmark')}
          </button>{' '}
          <button type="button" className="button subtle" onClick={() => setState({ status: 'ready', marked: true })}>
            {t('mark.cancel')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert">
          {t('mark.failed')} <ApiErrorText error={error} />
        </p>
      )}
    </div>
  );
}
