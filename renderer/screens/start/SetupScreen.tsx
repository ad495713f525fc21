// First start: name the institution and create its administrator, who is then signed in.

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setupSchema } from '../../../core/api/contract';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormErrors } from '../../app/ui/field-errors';
import { TextField } from '../../app/ui/FormField';

const FIELDS = ['institutionName', 'name', 'username', 'password', 'passwordConfirm'] as const;

export function SetupScreen() {
  const { t } = useTranslation('start');
  const setup = useAppStore((s) => s.setup);
  const refreshAuth = useAppStore((s) => s.refreshAuth);
  const form = useFormErrors(FIELDS);
  const [values, setValues] = useState({ institutionName: '', name: '', username: '', password: '', passwordConfirm: '' });
  const [busy, setBusy] = useState(false);
  const edit = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { institutionName: values.institutionName, admin: { name: values.name, username: values.username, password: values.password } };
    // The same schema main checks, so every problem shows at once at its field.
    const checked = setupSchema.safeParse(input);
    if (form.fromZod(checked.error)) return;
    if (values.password !== values.passwordConfirm) return form.set({ passwordConfirm: 'mismatch' });
    form.clear();
    setBusy(true);
    const result = await setup(input);
    setBusy(false);
    if (result.ok) return;
    form.fromApi(result.error);
    // Another window set the institution up first: this one goes on to sign-in.
    if (result.error.code === 'conflict' && !result.error.path) await refreshAuth();
  }

  return (
    <section className="screen narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p className="lead">{t('setup.intro')}</p>
      <form className="panel form" onSubmit={submit} noValidate>
        <TextField field="institutionName" label={t('setup.institutionName')} hint={t('setup.institutionHint')} value={values.institutionName} onValue={edit('institutionName')} problem={form.errors.institutionName} maxLength={120} />
        <fieldset className="fieldset">
          <legend>{t('setup.adminTitle')}</legend>
          <p className="field-hint">{t('setup.adminHint')}</p>
          <TextField field="name" label={t('setup.adminName')} value={values.name} onValue={edit('name')} problem={form.errors.name} autoComplete="name" maxLength={60} />
          <TextField field="username" label={t('setup.username')} hint={t('setup.usernameHint')} value={values.username} onValue={edit('username')} problem={form.errors.username} autoComplete="username" />
          <TextField field="password" type="password" label={t('setup.password')} hint={t('setup.passwordHint')} value={values.password} onValue={edit('password')} problem={form.errors.password} autoComplete="new-password" />
          <TextField field="passwordConfirm" type="password" label={t('setup.passwordConfirm')} value={values.passwordConfirm} onValue={edit('passwordConfirm')} problem={form.errors.passwordConfirm} autoComplete="new-password" />
        </fieldset>
        {form.notice && <ErrorNotice error={form.notice} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('setup.creating') : t('setup.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
