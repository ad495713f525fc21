// The administrator's records screen: export of the certification log (filters, format, language,
// progress, file and signed manifest), every completion record with its status and revoking, the renewal
// list, a link to the signing key in Settings, the verify panel and the LRS status.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../app/store';
import { LrsPanel } from '../../settings/LrsPanel';
import { VerifyPanel } from '../VerifyPanel';
import { ExportPanel } from './ExportPanel';
import { RecordsList } from './RecordsList';
import { RenewalsList } from './RenewalsList';

export function AdminRecordsScreen() {
  const { t } = useTranslation('records-admin');
  const navigate = useAppStore((s) => s.navigate);
  const [changed, setChanged] = useState(0);
  return (
    <section className="screen" aria-labelledby="records-admin-title">
      <header className="screen-header">
        <h1 id="records-admin-title">{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
        <p>
          <button type="button" className="button button-small" onClick={() => navigate({ name: 'settings' })}>
            {t('keyLink')}
          </button>{' '}
          <span className="muted">{t('keyHint')}</span>
        </p>
      </header>
      <ExportPanel />
      <RecordsList onChanged={() => setChanged((n) => n + 1)} />
      <RenewalsList reload={changed} />
      <VerifyPanel />
      <LrsPanel />
    </section>
  );
}
