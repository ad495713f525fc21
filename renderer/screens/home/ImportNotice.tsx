// What the one-time import of the earlier JSON version brought in, for the administrator, until they
// have read it on this station. Old instructor flags were not carried over: only an administrator
// grants that role now.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';

const SEEN_KEY = 'microneedle.jsonImportSeen';

function seen(at: string): boolean {
  try {
    return globalThis.localStorage?.getItem(SEEN_KEY) === at;
  } catch {
    return false;
  }
}

function markSeen(at: string): void {
  try {
    globalThis.localStorage?.setItem(SEEN_KEY, at);
  } catch {
    // Storage refused: the notice simply shows again next time.
  }
}

export function ImportNotice() {
  const { t } = useTranslation('home');
  const format = useFormat();
  const report = useAppStore((s) => s.jsonImport);
  const navigate = useAppStore((s) => s.navigate);
  const [dismissed, setDismissed] = useState(() => (report ? seen(report.at) : true));
  if (!report || dismissed) return null;
  if (report.profiles + report.sessions + report.rejected + report.instructorFlagsDropped === 0) return null;
  return (
    <section className="panel notice-info" aria-labelledby="import-title">
      <h2 id="import-title">{t('importNotice.title')}</h2>
      <p className="muted">{t('importNotice.when', { date: format.dateTime(report.at) })}</p>
      <ul className="plain-list">
        <li>{t('importNotice.profiles', { n: report.profiles })}</li>
        <li>{t('importNotice.sessions', { n: report.sessions })}</li>
        {report.rejected > 0 && <li>{t('importNotice.rejected', { n: report.rejected })}</li>}
        <li className="import-roles">{t('importNotice.instructorFlags', { n: report.instructorFlagsDropped })}</li>
      </ul>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            markSeen(report.at);
            setDismissed(true);
          }}
        >
          {t('importNotice.dismiss')}
        </button>
        <button type="button" className="button" onClick={() => navigate({ name: 'people' })}>
          {t('importNotice.openPeople')}
        </button>
      </div>
    </section>
  );
}
