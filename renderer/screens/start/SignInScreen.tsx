// Signing in at a shared station: trainees choose their profile (and give their PIN where the institution
// asks for one); instructors and administrators sign in with user name and password. A failed sign-in
// says one thing only, whatever was wrong.

import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ChooserEntry } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { SignInProblem } from './SignInProblem';
import { StaffSignInForm } from './StaffSignInForm';
import { TraineePinForm } from './TraineePinForm';

export function SignInScreen() {
  const { t } = useTranslation('start');
  const institution = useAppStore((s) => s.institution);
  return (
    <section className="screen" aria-labelledby="sign-in-title">
      <header className="screen-header">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        {institution.name && (
          <p className="lead">
            <Trans t={t} i18nKey="signIn.institution" values={{ name: institution.name }} components={{ name: <span data-user-content /> }} />
          </p>
        )}
      </header>
      <div className="two-columns sign-in-columns">
        <TraineeChooser />
        <StaffSignInForm />
      </div>
    </section>
  );
}

function TraineeChooser() {
  const { t } = useTranslation('start');
  const api = useAppStore((s) => s.api);
  const pinRequired = useAppStore((s) => s.institution.traineePinRequired);
  const signInTrainee = useAppStore((s) => s.signInTrainee);
  const [entries, setEntries] = useState<ChooserEntry[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);
  const [pending, setPending] = useState<ChooserEntry | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.auth.chooser().then((r) => {
      if (!live) return;
      if (r.ok) setEntries(r.value);
      setLoadError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api, reload]);

  const choose = (entry: ChooserEntry | null) => {
    setPending(entry);
    setError(null);
  };

  async function signIn(entry: ChooserEntry, pin?: string) {
    setBusy(true);
    setError(null);
    const result = await signInTrainee(entry.id, pin);
    setBusy(false);
    if (!result.ok) setError(result.error);
  }

  return (
    <section className="panel" aria-labelledby="sign-in-trainees">
      <h2 id="sign-in-trainees">{t('signIn.traineesTitle')}</h2>
      <p className="muted">{pinRequired ? t('signIn.traineesIntroPin') : t('signIn.traineesIntro')}</p>
      {loadError ? (
        <ErrorNotice error={loadError} onRetry={() => setReload((n) => n + 1)} />
      ) : entries === null ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : entries.length === 0 ? (
        <p className="muted">{t('signIn.noTrainees')}</p>
      ) : pending ? (
        <TraineePinForm entry={pending} busy={busy} error={error} onSubmit={(pin) => void signIn(pending, pin)} onCancel={() => choose(null)} />
      ) : (
        <>
          <ul className="profile-list">
            {entries.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  className="profile-choice"
                  disabled={busy}
                  onClick={() => (pinRequired ? choose(entry) : void signIn(entry))}
                >
                  <span className="profile-name" data-user-content>
                    {entry.name}
                  </span>
                  {entry.profession && <span className="profile-meta">{t(`common:professions.${entry.profession}`)}</span>}
                </button>
              </li>
            ))}
          </ul>
          {error && <SignInProblem error={error} trainee />}
        </>
      )}
    </section>
  );
}
