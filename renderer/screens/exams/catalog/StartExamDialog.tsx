// Identity confirmation before an exam (15.2): who is about to be examined, with their profession and
// certificate; the trainee types their certificate number, and main checks it before it starts the attempt.
// It also says what the exam asks of them: the time limit and that every answer is saved as it is given.

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { trapTab } from '../../../app/ui/focus-trap';
import { useTranslation } from 'react-i18next';
import type { ModuleSummary, Person } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import type { FieldProblem } from '../../../app/ui/field-errors';
import { TextField } from '../../../app/ui/FormField';
import { totalMinutes, useLocalized } from './localized';

/** Main refuses a certificate number that is not the trainee's with one of these codes, at /certificateNumber. */
const MISMATCH_CODES = new Set<ApiError['code']>(['invalid-payload', 'forbidden']);

export function StartExamDialog({ module: m, person, onCancel }: { module: ModuleSummary; person: Person | null; onCancel: () => void }) {
  const { t } = useTranslation('exams');
  const local = useLocalized();
  const api = useAppStore((s) => s.api);
  const navigate = useAppStore((s) => s.navigate);
  const [certificate, setCertificate] = useState('');
  const [problem, setProblem] = useState<FieldProblem | undefined>(undefined);
  const [notice, setNotice] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (certificate.trim() === '') return setProblem('required');
    setBusy(true);
    const r = await api.exams.start({ moduleId: m.ref.id, certificateNumber: certificate.trim() });
    setBusy(false);
    if (r.ok) return navigate({ name: 'exam', examAttemptId: r.value.id });
    if (r.error.path === '/certificateNumber' && MISMATCH_CODES.has(r.error.code)) return setProblem('invalid-payload');
    setProblem(undefined);
    setNotice(r.error);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && !busy) onCancel();
    trapTab(e);
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog exam-identity" role="dialog" aria-modal="true" aria-labelledby="exam-identity-title" aria-describedby="exam-identity-rules" ref={dialog} onKeyDown={onKeyDown}>
        <h2 id="exam-identity-title">{t('identity.title')}</h2>
        <p className="muted">{t('identity.module', { title: local(m.ref.title), version: m.ref.version })}</p>
        {!person ? (
          <p className="loading" role="status">
            {t('common:loading')}
          </p>
        ) : (
          <IdentityFacts person={person} />
        )}
        <ul className="exam-rules" id="exam-identity-rules">
          <li>{t('identity.timeLimit', { minutes: totalMinutes(m.parts) })}</li>
          <li>{t('identity.savedAsGiven')}</li>
          <li>{t('identity.attemptCounts')}</li>
        </ul>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            field="examCertificateNumber"
            label={t('identity.typeCertificate')}
            hint={t('identity.typeCertificateHint')}
            problem={problem}
            value={certificate}
            onValue={(v) => {
              setCertificate(v);
              setProblem(undefined);
            }}
            autoComplete="off"
            maxLength={64}
          />
          {notice && <ErrorNotice error={notice} />}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy || !person}>
              {t('identity.confirm')}
            </button>
            <button type="button" className="button" onClick={onCancel} disabled={busy}>
              {t('common:cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

function IdentityFacts({ person }: { person: Person }) {
  const { t } = useTranslation('exams');
  return (
    <dl className="facts">
      <div>
        <dt>{t('identity.name')}</dt>
        <dd data-user-content>{person.name}</dd>
      </div>
      <div>
        <dt>{t('identity.profession')}</dt>
        <dd>{person.profession ? t(`common:professions.${person.profession}`) : t('identity.none')}</dd>
      </div>
      <div>
        <dt>{t('identity.certificate')}</dt>
        <dd>
          {person.certificateKind && <span className="certificate-kind">{t(`common:certificateKinds.${person.certificateKind}`)} </span>}
          {person.certificateNumber ? <span data-user-content>{person.certificateNumber}</span> : t('identity.none')}
        </dd>
      </div>
    </dl>
  );
}
