// How a person signs in, as staff may change it: a trainee's PIN (instructors and administrators), a staff
// member's password (administrators), and whether the account is active (administrators).

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordSchema, pinSchema, type Person } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormErrors } from '../../app/ui/field-errors';
import { TextField } from '../../app/ui/FormField';
import { SavedStatus } from '../../app/ui/SavedStatus';

export function PinForm({ person, onSaved }: { person: Person; onSaved: (person: Person) => void }) {
  const { t } = useTranslation('people');
  const api = useAppStore((s) => s.api);
  const pinRequired = useAppStore((s) => s.institution.traineePinRequired);
  const form = useFormErrors(['pin'] as const);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<'set' | 'cleared' | null>(null);

  async function save(next: string | null) {
    setSaved(null);
    if (next !== null && !pinSchema.safeParse(next).success) return form.set({ pin: 'invalid-payload' });
    form.clear();
    setBusy(true);
    const result = await api.people.setPin({ id: person.id, pin: next });
    setBusy(false);
    if (!result.ok) return form.fromApi(result.error);
    setPin('');
    setSaved(next === null ? 'cleared' : 'set');
    onSaved(result.value);
  }

  return (
    <section className="panel" aria-labelledby="pin-title">
      <h2 id="pin-title">{t('manage.pinTitle')}</h2>
      <p className="muted">{person.hasPin ? t('manage.pinIsSet') : t('manage.pinNotSet')}</p>
      <p className="muted">{pinRequired ? t('manage.pinRequiredNote') : t('manage.pinNotRequiredNote')}</p>
      <form
        className="form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save(pin);
        }}
        noValidate
      >
        <TextField field="pin" type="password" inputMode="numeric" label={t('fields.newPin')} hint={t('fields.pinHint')} value={pin} onValue={setPin} problem={form.errors.pin} autoComplete="new-password" maxLength={8} />
        {form.notice && <ErrorNotice error={form.notice} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('manage.setPin')}
          </button>
          {person.hasPin && (
            <button type="button" className="button" disabled={busy} onClick={() => void save(null)}>
              {t('manage.clearPin')}
            </button>
          )}
          <SavedStatus saved={saved !== null} text={saved === 'cleared' ? t('manage.pinCleared') : t('manage.pinSaved')} />
        </div>
      </form>
    </section>
  );
}

export function PasswordResetForm({ person, onSaved }: { person: Person; onSaved: (person: Person) => void }) {
  const { t } = useTranslation('people');
  const api = useAppStore((s) => s.api);
  const form = useFormErrors(['password', 'passwordConfirm'] as const);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!passwordSchema.safeParse(password).success) return form.set({ password: 'invalid-payload' });
    if (password !== confirm) return form.set({ passwordConfirm: 'mismatch' });
    form.clear();
    setBusy(true);
    const result = await api.people.resetPassword({ id: person.id, password });
    setBusy(false);
    if (!result.ok) return form.fromApi(result.error);
    setPassword('');
    setConfirm('');
    setSaved(true);
    onSaved(result.value);
  }

  return (
    <section className="panel" aria-labelledby="reset-password-title">
      <h2 id="reset-password-title">{t('manage.passwordTitle')}</h2>
      <p className="muted">{t('manage.passwordIntro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField field="password" type="password" label={t('fields.newPassword')} hint={t('fields.passwordHint')} value={password} onValue={setPassword} problem={form.errors.password} autoComplete="new-password" />
        <TextField field="passwordConfirm" type="password" label={t('fields.passwordConfirm')} value={confirm} onValue={setConfirm} problem={form.errors.passwordConfirm} autoComplete="new-password" />
        {form.notice && <ErrorNotice error={form.notice} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('manage.resetPassword')}
          </button>
          <SavedStatus saved={saved} text={t('manage.passwordSaved')} />
        </div>
      </form>
    </section>
  );
}

export function ActiveForm({ person, onSaved }: { person: Person; onSaved: (person: Person) => void }) {
  const { t } = useTranslation('people');
  const api = useAppStore((s) => s.api);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function toggle() {
    setBusy(true);
    const result = await api.people.setActive({ id: person.id, active: !person.active });
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) onSaved(result.value);
  }

  return (
    <section className="panel" aria-labelledby="active-title">
      <h2 id="active-title">{t('manage.activeTitle')}</h2>
      <p className="muted">{person.active ? t('manage.activeIntro') : t('manage.inactiveIntro')}</p>
      {error?.code === 'conflict' ? (
        <p className="notice notice-error" role="alert">
          {t('manage.lastAdmin')}
        </p>
      ) : (
        error && <ErrorNotice error={error} />
      )}
      <button type="button" className={person.active ? 'button button-danger' : 'button button-primary'} disabled={busy} onClick={() => void toggle()}>
        {person.active ? t('manage.deactivate') : t('manage.reactivate')}
      </button>
    </section>
  );
}
