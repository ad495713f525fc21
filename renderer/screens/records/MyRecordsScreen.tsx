// My records: the signed-in person's own attempts (an instructor's own sessions, too); a trainee's exam
// attempts and role track come first.

import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { AttemptsTable } from './AttemptsTable';
import { CertificatesSection } from './CertificatesSection';
import { ExamAttemptsSection } from './ExamAttemptsSection';
import { TraineeFilePdfSection } from './PdfDownload';
import { VerifyPanel } from './VerifyPanel';
import { RecurringFindings } from './RecurringFindings';

export function MyRecordsScreen() {
  const { t } = useTranslation('records');
  const personId = useAppStore((s) => s.signedIn?.personId);
  const trainee = useAppStore((s) => s.signedIn?.accountRole === 'trainee');
  if (!personId) return null;
  return (
    <section className="screen" aria-labelledby="records-title">
      <header className="screen-header">
        <h1 id="records-title">{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
      </header>
      {trainee && <ExamAttemptsSection personId={personId} staff={false} />}
      {trainee && <CertificatesSection personId={personId} staff={false} />}
      {trainee && <TraineeFilePdfSection personId={personId} own />}
      <VerifyPanel />
      {trainee && <RecurringFindings personId={personId} staff={false} />}
      {trainee ? (
        <section aria-labelledby="records-practice">
          <h2 id="records-practice">{t('practiceTitle')}</h2>
          <AttemptsTable personId={personId} />
        </section>
      ) : (
        <AttemptsTable personId={personId} />
      )}
    </section>
  );
}
