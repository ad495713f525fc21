import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import { useAppStore } from '../../app/store';
import { TextField } from '../../app/ui/FormField';
import { SignInProblem } from './SignInProblem';

/** Instructors and administrators: user name and password. */
export function StaffSignInForm() {
  const { t } = useTranslation('start');
  const signInStaff = useAppStore((s) => s.signInStaff);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await signInStaff(username, password);
    setBusy(false);
    if (!result.ok) {
      setPassword('');
      setError(result.error);
    }
  }

  return (
    <section className="panel" aria-labelledby="sign-in-staff">
      <h2 id="sign-in-staff">{t('signIn.staffTitle')}</h2>
      <p className="muted">{t('signIn.staffIntro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField field="username" label={t('signIn.username')} value={username} onValue={setUsername} autoComplete="username" maxLength={64} />
        <TextField field="password" type="password" label={t('signIn.password')} value={password} onValue={setPassword} autoComplete="current-password" maxLength={128} />
        {error && <SignInProblem error={error} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('signIn.signingIn') : t('signIn.signIn')}
          </button>
        </div>
      </form>
    </section>
  );
}
