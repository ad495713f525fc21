// A trainee's file, for instructors and administrators: who they are (profession and certificate, 15.2)
// every exam attempt (with where they stand on their role track) and every practice attempt on their record.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { AttemptsTable } from '../records/AttemptsTable';
import { CertificatesSection } from '../records/CertificatesSection';
import { ExamAttemptsSection } from '../records/ExamAttemptsSection';
import { TraineeFilePdfSection } from '../records/PdfDownload';
import { RecurringFindings } from '../records/RecurringFindings';
import { PersonSummary } from './PersonSummary';

export function TraineeFileScreen({ personId }: { personId: string }) {
  const { t } = useTranslation('people');
  const api = useAppStore((s) => s.api);
  const navigate = useAppStore((s) => s.navigate);
  const admin = useAppStore((s) => s.signedIn?.accountRole === 'admin');
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api.people.get({ id: personId }).then((r) => {
      if (!live) return;
      if (r.ok) setPerson(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api, personId, reload]);

  return (
    <section className="screen" aria-label={t('file.title')}>
      <div className="screen-toolbar">
        <button type="button" className="button" onClick={() => navigate({ name: 'people' })}>
          {admin ? t('file.backToPeople') : t('file.backToTrainees')}
        </button>
      </div>
      {error ? (
        <ErrorNotice error={error} onRetry={() => setReload((n) => n + 1)} />
      ) : !person ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : (
        <>
          <PersonSummary person={person} headingLevel={1} />
          {person.accountRole === 'trainee' && <ExamAttemptsSection personId={person.id} staff />}
          {person.accountRole === 'trainee' && <CertificatesSection personId={person.id} staff />}
          {person.accountRole === 'trainee' && <TraineeFilePdfSection personId={person.id} own={false} />}
          {person.accountRole === 'trainee' && <RecurringFindings personId={person.id} staff />}
          <section aria-labelledby="file-attempts">
            <h2 id="file-attempts">{t('file.attemptsTitle')}</h2>
            <AttemptsTable personId={person.id} />
          </section>
        </>
      )}
    </section>
  );
}
