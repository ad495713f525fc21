// Administrators name the institution and choose whether trainees confirm their profile with a PIN.

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { institutionChangesSchema } from '../../../core/api/contract';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormErrors } from '../../app/ui/field-errors';
import { TextField } from '../../app/ui/FormField';
import { SavedStatus } from '../../app/ui/SavedStatus';

const FIELDS = ['name', 'traineePinRequired'] as const;

export function InstitutionForm() {
  const { t } = useTranslation('settings');
  const api = useAppStore((s) => s.api);
  const institution = useAppStore((s) => s.institution);
  const setInstitution = useAppStore((s) => s.setInstitution);
  const form = useFormErrors(FIELDS);
  const [name, setName] = useState(institution.name);
  const [pinRequired, setPinRequired] = useState(institution.traineePinRequired);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const changes = { name, traineePinRequired: pinRequired };
    if (form.fromZod(institutionChangesSchema.safeParse(changes).error)) return;
    form.clear();
    setBusy(true);
    const result = await api.institution.update(changes);
    setBusy(false);
    if (!result.ok) return form.fromApi(result.error);
    setInstitution(result.value);
    setSaved(true);
  }

  return (
    <section className="panel" aria-labelledby="institution-title">
      <h2 id="institution-title">{t('institutionTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          field="institutionName"
          label={t('institutionName')}
          hint={t('institutionHint')}
          value={name}
          onValue={(v) => {
            setName(v);
            setSaved(false);
          }}
          problem={form.errors.name}
          maxLength={120}
        />
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="traineePinRequired" checked={pinRequired} onChange={(e) => {
                setPinRequired(e.target.checked);
                setSaved(false);
              }} aria-describedby="pin-required-hint" />
            <span>{t('pinRequired')}</span>
          </label>
          <p className="field-hint" id="pin-required-hint">
            {t('pinRequiredHint')}
          </p>
        </div>
        {form.notice && <ErrorNotice error={form.notice} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('common:save')}
          </button>
          <SavedStatus saved={saved} />
        </div>
      </form>
    </section>
  );
}
