// Profession and the certificate that proves it (15.2): the certificate kinds offered are those
// CERTIFICATE_KINDS_BY_PROFESSION allows for the chosen profession, and a kind that no longer fits a
// changed profession is cleared rather than kept or guessed.

import { useTranslation } from 'react-i18next';
import { CERTIFICATE_KINDS_BY_PROFESSION, PROFESSIONS, type CertificateKind, type Profession } from '../../../core/api/contract';
import type { FieldErrors } from '../../app/ui/field-errors';
import { FormField, TextField } from '../../app/ui/FormField';

export interface Credentials {
  profession: Profession | '';
  certificateKind: CertificateKind | '';
  certificateNumber: string;
}

export const NO_CREDENTIALS: Credentials = { profession: '', certificateKind: '', certificateNumber: '' };

export function credentialsOf(person: { profession: Profession | null; certificateKind: CertificateKind | null; certificateNumber: string | null }): Credentials {
  return { profession: person.profession ?? '', certificateKind: person.certificateKind ?? '', certificateNumber: person.certificateNumber ?? '' };
}

/** A changed profession keeps the certificate kind only where it still proves that profession. */
export function withProfession(values: Credentials, profession: Profession | ''): Credentials {
  const fits = profession !== '' && values.certificateKind !== '' && CERTIFICATE_KINDS_BY_PROFESSION[profession].includes(values.certificateKind);
  return { ...values, profession, certificateKind: fits ? values.certificateKind : '' };
}

export function CredentialFields({
  values,
  onChange,
  errors,
  required,
}: {
  values: Credentials;
  onChange: (values: Credentials) => void;
  errors: FieldErrors<'profession' | 'certificateKind' | 'certificateNumber'>;
  /** Trainees must have all three; staff may leave them empty. */
  required: boolean;
}) {
  const { t } = useTranslation('people');
  const kinds = values.profession ? CERTIFICATE_KINDS_BY_PROFESSION[values.profession] : [];
  return (
    <>
      <FormField field="profession" label={t('fields.profession')} problem={errors.profession}>
        {(control) => (
          <select {...control} name="profession" value={values.profession} onChange={(e) => onChange(withProfession(values, e.target.value as Profession | ''))}>
            <option value="">{required ? t('fields.choose') : t('fields.none')}</option>
            {PROFESSIONS.map((p) => (
              <option key={p} value={p}>
                {t(`common:professions.${p}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField field="certificateKind" label={t('fields.certificateKind')} hint={t('fields.certificateKindHint')} problem={errors.certificateKind}>
        {(control) => (
          <select
            {...control}
            name="certificateKind"
            value={values.certificateKind}
            disabled={!values.profession}
            onChange={(e) => onChange({ ...values, certificateKind: e.target.value as CertificateKind | '' })}
          >
            <option value="">{values.profession ? t('fields.choose') : t('fields.chooseProfessionFirst')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`common:certificateKinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <TextField
        field="certificateNumber"
        label={t('fields.certificateNumber')}
        hint={t('fields.certificateNumberHint')}
        value={values.certificateNumber}
        onValue={(certificateNumber) => onChange({ ...values, certificateNumber })}
        problem={errors.certificateNumber}
        maxLength={40}
      />
    </>
  );
}

/** The credential fields as the API takes them: empty means absent (create) or cleared (update, staff). */
export function credentialInput(values: Credentials, empty: undefined | null) {
  return {
    profession: values.profession === '' ? empty : values.profession,
    certificateKind: values.certificateKind === '' ? empty : values.certificateKind,
    certificateNumber: values.certificateNumber.trim() === '' ? empty : values.certificateNumber,
  };
}
