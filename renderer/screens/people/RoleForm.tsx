// Administrators grant or withdraw the instructor and administrator roles. Someone without staff
// credentials (a trainee) needs a user name and a password to sign in with the new role.

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_ROLES, passwordSchema, usernameSchema, type AccountRole, type Person } from '../../../core/api/contract';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormErrors, type FieldErrors } from '../../app/ui/field-errors';
import { FormField, TextField } from '../../app/ui/FormField';
import { SavedStatus } from '../../app/ui/SavedStatus';

const FIELDS = ['accountRole', 'username', 'password', 'passwordConfirm'] as const;

export function RoleForm({ person, onSaved }: { person: Person; onSaved: (person: Person) => void }) {
  const { t } = useTranslation('people');
  const api = useAppStore((s) => s.api);
  const form = useFormErrors(FIELDS);
  const [accountRole, setAccountRole] = useState<AccountRole>(person.accountRole);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const needsCredentials = accountRole !== 'trainee' && person.username === null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (needsCredentials) {
      const errors: FieldErrors<(typeof FIELDS)[number]> = {};
      if (!usernameSchema.safeParse(username).success) errors.username = 'invalid-payload';
      if (!passwordSchema.safeParse(password).success) errors.password = 'invalid-payload';
      else if (password !== confirm) errors.passwordConfirm = 'mismatch';
      if (Object.keys(errors).length > 0) return form.set(errors);
    }
    form.clear();
    setBusy(true);
    const result = await api.people.setRole({ id: person.id, accountRole, ...(needsCredentials ? { username, password } : {}) });
    setBusy(false);
    if (!result.ok) return form.fromApi(result.error);
    setPassword('');
    setConfirm('');
    setSaved(true);
    onSaved(result.value);
  }

  return (
    <section className="panel" aria-labelledby="role-title">
      <h2 id="role-title">{t('manage.roleTitle')}</h2>
      <p className="muted">{t('manage.roleIntro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <FormField field="accountRole" label={t('fields.accountRole')} problem={form.errors.accountRole}>
          {(control) => (
            <select {...control} name="accountRole" value={accountRole} onChange={(e) => {
                setAccountRole(e.target.value as AccountRole);
                setSaved(false);
              }}>
              {ACCOUNT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`common:accountRoles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {needsCredentials && (
          <>
            <p className="field-hint">{t('manage.roleNeedsCredentials')}</p>
            <TextField field="username" label={t('fields.username')} hint={t('fields.usernameHint')} value={username} onValue={setUsername} problem={form.errors.username} autoComplete="off" />
            <TextField field="password" type="password" label={t('fields.password')} hint={t('fields.passwordHint')} value={password} onValue={setPassword} problem={form.errors.password} autoComplete="new-password" />
            <TextField field="passwordConfirm" type="password" label={t('fields.passwordConfirm')} value={confirm} onValue={setConfirm} problem={form.errors.passwordConfirm} autoComplete="new-password" />
          </>
        )}
        {form.notice && <ErrorNotice error={form.notice} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || accountRole === person.accountRole}>
            {t('manage.changeRole')}
          </button>
          <SavedStatus saved={saved} text={t('manage.roleSaved')} />
        </div>
      </form>
    </section>
  );
}
