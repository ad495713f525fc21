import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newProfileSchema, TRAINEE_ROLES, type TraineeRole } from '../../core/api/contract';
import type { ApiError } from '../../core/api/errors';
import { ErrorNotice } from '../app/ErrorNotice';
import { useAppStore } from '../app/store';

type FieldErrors = Partial<Record<'name' | 'certificateNumber', string>>;

export function ProfileScreen() {
  const { t } = useTranslation(['profile', 'common']);
  const profiles = useAppStore((s) => s.profiles);
  const selectProfile = useAppStore((s) => s.selectProfile);
  const [error, setError] = useState<ApiError | null>(null);

  return (
    <section className="screen" aria-labelledby="profile-title">
      <h1 id="profile-title">{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <div className="two-columns">
        <section className="panel" aria-labelledby="profile-existing">
          <h2 id="profile-existing">{t('existing')}</h2>
          {profiles.length === 0 ? (
            <p className="muted">{t('none')}</p>
          ) : (
            <ul className="profile-list">
              {profiles.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="profile-choice"
                    onClick={async () => {
                      const result = await selectProfile(p.id);
                      setError(result.ok ? null : result.error);
                    }}
                  >
                    <span className="profile-name" data-user-content>
                      {p.name}
                    </span>
                    <span className="profile-meta">
                      {t(`common:roles.${p.role}`)}
                      {p.isInstructor ? ` · ${t('common:instructor')}` : ''} · {t('certificateShort', { number: p.certificateNumber })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {error && <ErrorNotice error={error} />}
        </section>
        <CreateProfileForm />
      </div>
    </section>
  );
}

function CreateProfileForm() {
  const { t } = useTranslation(['profile', 'common']);
  const createProfile = useAppStore((s) => s.createProfile);
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState<TraineeRole>('technician');
  const [certificateNumber, setCertificateNumber] = useState('');
  const [isInstructor, setIsInstructor] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Same schema as main uses, so the form can name the field before a round trip.
    const input = { name, role, certificateNumber, isInstructor };
    const checked = newProfileSchema.safeParse(input);
    if (!checked.success) {
      const errors: FieldErrors = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0];
        if (field === 'name' || field === 'certificateNumber') errors[field] ??= t(`invalid.${field}`);
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    const result = await createProfile(checked.data);
    setBusy(false);
    if (result.ok) return;
    if (result.error.code === 'conflict') setFieldErrors({ certificateNumber: t('invalid.conflict') });
    else setError(result.error);
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('createTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('name')}</label>
          <input
            id={`${id}-name`}
            name="name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={fieldErrors.name ? `${id}-name-error` : undefined}
          />
          {fieldErrors.name && (
            <p className="field-error" id={`${id}-name-error`}>
              {fieldErrors.name}
            </p>
          )}
        </div>
        <fieldset className="field">
          <legend>{t('role')}</legend>
          <div className="segmented">
            {TRAINEE_ROLES.map((r) => (
              <label key={r} className="segment">
                <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
                <span>{t(`common:roles.${r}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-cert`}>{t('certificateNumber')}</label>
          <input
            id={`${id}-cert`}
            name="certificateNumber"
            value={certificateNumber}
            onChange={(e) => setCertificateNumber(e.target.value)}
            aria-invalid={fieldErrors.certificateNumber ? true : undefined}
            aria-describedby={`${id}-cert-hint${fieldErrors.certificateNumber ? ` ${id}-cert-error` : ''}`}
          />
          <p className="field-hint" id={`${id}-cert-hint`}>
            {t('certificateHint')}
          </p>
          {fieldErrors.certificateNumber && (
            <p className="field-error" id={`${id}-cert-error`}>
              {fieldErrors.certificateNumber}
            </p>
          )}
        </div>
        <label className="checkbox">
          <input type="checkbox" name="isInstructor" checked={isInstructor} onChange={(e) => setIsInstructor(e.target.checked)} />
          <span>{t('isInstructor')}</span>
        </label>
        {error && <ErrorNotice error={error} />}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('creating') : t('create')}
        </button>
      </form>
    </section>
  );
}
