// Changes a person's name, profession and certificate. Trainees keep all three (15.2); staff may clear them.

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { personChangesSchema, type Person } from '../../../core/api/contract';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormErrors } from '../../app/ui/field-errors';
import { TextField } from '../../app/ui/FormField';
import { CredentialFields, credentialInput, credentialsOf, type Credentials } from './CredentialFields';
import { SavedStatus } from '../../app/ui/SavedStatus';

const FIELDS = ['name', 'profession', 'certificateKind', 'certificateNumber'] as const;

export function PersonDetailsForm({ person, onSaved }: { person: Person; onSaved: (person: Person) => void }) {
  const { t } = useTranslation('people');
  const api = useAppStore((s) => s.api);
  const form = useFormErrors(FIELDS);
  const [name, setName] = useState(person.name);
  const [credentials, setCredentials] = useState<Credentials>(credentialsOf(person));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const trainee = person.accountRole === 'trainee';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const changes = { id: person.id, name, ...credentialInput(credentials, null) };
    if (form.fromZod(personChangesSchema.safeParse(changes).error)) return;
    if (trainee) {
      // Main refuses a trainee without all three; say which are missing before the round trip.
      const missing = FIELDS.filter((f) => f !== 'name' && changes[f] === null);
      if (missing.length > 0) return form.set(Object.fromEntries(missing.map((f) => [f, 'required' as const])));
    }
    form.clear();
    setBusy(true);
    const result = await api.people.update(changes);
    setBusy(false);
    if (!result.ok) return form.fromApi(result.error);
    setSaved(true);
    onSaved(result.value);
  }

  return (
    <section className="panel" aria-labelledby="person-details-title">
      <h2 id="person-details-title">{t('manage.detailsTitle')}</h2>
      <form className="form form-columns" onSubmit={submit} noValidate>
        <TextField field="name" label={t('fields.name')} value={name} onValue={setName} problem={form.errors.name} autoComplete="off" maxLength={60} />
        <CredentialFields values={credentials} onChange={setCredentials} errors={form.errors} required={trainee} />
        {form.notice && <ErrorNotice error={form.notice} />}
        <div className="form-actions form-wide">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('common:save')}
          </button>
          <SavedStatus saved={saved} />
        </div>
      </form>
    </section>
  );
}
