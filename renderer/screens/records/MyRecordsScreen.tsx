// My records: the signed-in person's own attempts (an instructor's own sessions, too).

import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { AttemptsTable } from './AttemptsTable';

export function MyRecordsScreen() {
  const { t } = useTranslation('records');
  const personId = useAppStore((s) => s.signedIn?.personId);
  if (!personId) return null;
  return (
    <section className="screen" aria-labelledby="records-title">
      <header className="screen-header">
        <h1 id="records-title">{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
      </header>
      <AttemptsTable personId={personId} />
    </section>
  );
}
