// A new person on the training file. Instructors add trainees; administrators add anyone. Trainees get a
// profession and its certificate (15.2) and, optionally, a PIN; staff get a user name and a password.

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newPersonSchema, type AccountRole, type Person } from '../../../core/api/contract';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormErrors } from '../../app/ui/field-errors';
import { FormField, TextField } from '../../app/ui/FormField';
import { CredentialFields, credentialInput, NO_CREDENTIALS, type Credentials } from './CredentialFields';

const FIELDS = ['accountRole', 'name', 'profession', 'certificateKind', 'certificateNumber', 'username', 'password', 'passwordConfirm', 'pin'] as const;

export function CreatePersonForm({ onCreated, onCancel }: { onCreated: (person: Person) => void; onCancel: () => void }) {
  const { t } = useTranslation('people');
  const api = useAppStore((s) => s.api);
  const callerRole = useAppStore((s) => s.signedIn?.accountRole);
  const roles: AccountRole[] = callerRole === 'admin' ? ['trainee', 'instructor', 'admin'] : ['trainee'];
  const form = useFormErrors(FIELDS);
  const [accountRole, setAccountRole] = useState<AccountRole>('trainee');
  const [name, setName] = useState('');
  const [credentials, setCredentials] = useState<Credentials>(NO_CREDENTIALS);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [passwordConfirm, setPasswordConfirm] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const staff = accountRole !== 'trainee';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      accountRole,
      name,
      ...credentialInput(credentials, undefined),
      ...(staff ? { username, password } : pin !== '' ? { pin } : {}),
    };
    // The same schema main checks, so every problem shows at once at its field.
    if (form.fromZod(newPersonSchema.safeParse(input).error)) return;
    if (staff && password !== passwordConfirm) return form.set({ passwordConfirm: 'mismatch' });
    form.clear();
    setBusy(true);
    const result = await api.people.create(input);
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else form.fromApi(result.error);
  }

  return (
    <section className="panel" aria-labelledby="create-person-title">
      <h2 id="create-person-title">{t('create.title')}</h2>
      <form className="form form-columns" onSubmit={submit} noValidate>
        <FormField field="accountRole" label={t('fields.accountRole')} problem={form.errors.accountRole}>
          {(control) => (
            <select {...control} name="accountRole" value={accountRole} onChange={(e) => setAccountRole(e.target.value as AccountRole)} disabled={roles.length === 1}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`common:accountRoles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <TextField field="name" label={t('fields.name')} value={name} onValue={setName} problem={form.errors.name} autoComplete="off" maxLength={60} />
        <CredentialFields values={credentials} onChange={setCredentials} errors={form.errors} required={!staff} />
        {staff ? (
          <>
            <TextField field="username" label={t('fields.username')} hint={t('fields.usernameHint')} value={username} onValue={setUsername} problem={form.errors.username} autoComplete="off" />
            <TextField field="password" type="password" label={t('fields.password')} hint={t('fields.passwordHint')} value={password} onValue={setPassword} problem={form.errors.password} autoComplete="new-password" />
            <TextField field="passwordConfirm" type="password" label={t('fields.passwordConfirm')} value={passwordConfirm} onValue={setPasswordConfirm} problem={form.errors.passwordConfirm} autoComplete="new-password" />
          </>
        ) : (
          <TextField field="pin" type="password" inputMode="numeric" label={t('fields.pinOptional')} hint={t('fields.pinHint')} value={pin} onValue={setPin} problem={form.errors.pin} autoComplete="new-password" maxLength={8} />
        )}
        {form.notice && <ErrorNotice error={form.notice} />}
        <div className="form-actions form-wide">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('create.creating') : t('create.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            {t('common:cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
