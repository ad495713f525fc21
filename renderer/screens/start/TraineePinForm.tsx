import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ChooserEntry } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { TextField } from '../../app/ui/FormField';
import { SignInProblem } from './SignInProblem';

/** The PIN step for a chosen trainee, where the institution asks for one. */
export function TraineePinForm({
  entry,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  entry: ChooserEntry;
  busy: boolean;
  error: ApiError | null;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('start');
  const [pin, setPin] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(pin);
    setPin('');
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="pin-title">
      <p id="pin-title" className="pin-for">
        <Trans t={t} i18nKey="signIn.pinFor" values={{ name: entry.name }} components={{ name: <strong data-user-content /> }} />
      </p>
      <TextField field="pin" type="password" inputMode="numeric" autoComplete="off" label={t('signIn.pin')} value={pin} onValue={setPin} maxLength={8} />
      {error && <SignInProblem error={error} trainee />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('signIn.signIn')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('signIn.chooseAnother')}
        </button>
      </div>
    </form>
  );
}
