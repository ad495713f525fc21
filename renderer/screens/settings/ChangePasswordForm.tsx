// Staff change their own password: the current one first (a wrong one counts as a failed sign-in).

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema } from '../../../core/api/contract';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormErrors, type FieldErrors } from '../../app/ui/field-errors';
import { TextField } from '../../app/ui/FormField';
import { SavedStatus } from '../../app/ui/SavedStatus';

const FIELDS = ['currentPassword', 'newPassword', 'passwordConfirm'] as const;

export function ChangePasswordForm() {
  const { t } = useTranslation('settings');
  const api = useAppStore((s) => s.api);
  const form = useFormErrors(FIELDS);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const errors: FieldErrors<(typeof FIELDS)[number]> = {};
    if (current === '') errors.currentPassword = 'required';
    if (!passwordSchema.safeParse(next).success) errors.newPassword = 'invalid-payload';
    else if (next !== confirm) errors.passwordConfirm = 'mismatch';
    if (Object.keys(errors).length > 0) return form.set(errors);
    form.clear();
    setBusy(true);
    const result = await api.auth.changePassword({ currentPassword: current, newPassword: next });
    setBusy(false);
    setCurrent('');
    if (!result.ok) {
      // A wrong current password is a failed sign-in: main says so without detail.
      return result.error.code === 'sign-in-failed' ? form.set({ currentPassword: 'sign-in-failed' }) : form.fromApi(result.error);
    }
    setNext('');
    setConfirm('');
    setSaved(true);
  }

  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">{t('passwordTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField field="currentPassword" type="password" label={t('currentPassword')} value={current} onValue={setCurrent} problem={form.errors.currentPassword} autoComplete="current-password" />
        <TextField field="newPassword" type="password" label={t('newPassword')} hint={t('passwordHint')} value={next} onValue={setNext} problem={form.errors.newPassword} autoComplete="new-password" />
        <TextField field="passwordConfirm" type="password" label={t('passwordConfirm')} value={confirm} onValue={setConfirm} problem={form.errors.passwordConfirm} autoComplete="new-password" />
        {form.notice && <ErrorNotice error={form.notice} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('changePassword')}
          </button>
          <SavedStatus saved={saved} text={t('passwordChanged')} />
        </div>
      </form>
    </section>
  );
}
