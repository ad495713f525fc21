// The training file cannot be used: say which file, what was reported, where the damaged copy was kept,
// and offer to start again from a backup (confirmed first). A file from a newer version is left as it is:
// the app must be updated instead.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, StorageStatus } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { FilePath } from '../../app/ui/FilePath';
import { useFormat } from '../../app/ui/format';

export function RecoveryScreen({ storage }: { storage: StorageStatus }) {
  const { t } = useTranslation('start');
  const newer = storage.state === 'newer-version';
  return (
    <section className="screen narrow" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t(`recovery.title.${storage.state}`)}</h1>
      <p className="lead">{newer ? t('recovery.newerVersion') : t('recovery.intro')}</p>
      <dl className="facts panel">
        <div>
          <dt>{t('recovery.file')}</dt>
          <dd>
            <FilePath path={storage.file} />
          </dd>
        </div>
        {storage.problem && (
          <div>
            <dt>{t('recovery.problem')}</dt>
            <dd lang="en" className="notice-detail">
              {storage.problem}
            </dd>
          </div>
        )}
        {!newer && (
          <div>
            <dt>{t('recovery.keptCopy')}</dt>
            <dd>{storage.keptCopy ? <FilePath path={storage.keptCopy} /> : t('recovery.noKeptCopy')}</dd>
          </div>
        )}
      </dl>
      {newer ? <p className="panel">{t('recovery.updateApp')}</p> : <BackupChoice backups={storage.backups} />}
    </section>
  );
}

function BackupChoice({ backups }: { backups: BackupInfo[] }) {
  const { t } = useTranslation('start');
  const format = useFormat();
  const restoreBackup = useAppStore((s) => s.restoreBackup);
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  if (backups.length === 0) return <p className="panel">{t('recovery.noBackups')}</p>;

  async function restore(backup: BackupInfo) {
    setBusy(true);
    const result = await restoreBackup(backup.file);
    setBusy(false);
    if (!result.ok) setError(result.error);
  }

  return (
    <section className="panel" aria-labelledby="recovery-backups">
      <h2 id="recovery-backups">{t('recovery.backupsTitle')}</h2>
      <p className="muted">{t('recovery.backupsIntro')}</p>
      <div className="table-wrap">
        <table className="table backups-table">
          <caption className="visually-hidden">{t('recovery.backupsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('recovery.backupDate')}</th>
              <th scope="col" className="numeric">
                {t('recovery.backupSize')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('recovery.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.file}>
                <td>{format.dateTime(b.createdAt)}</td>
                <td className="numeric">{format.bytes(b.bytes)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    onClick={() => {
                      setError(null);
                      setChosen(b);
                    }}
                    aria-label={t('recovery.restoreFrom', { date: format.dateTime(b.createdAt) })}
                  >
                    {t('recovery.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen && (
        <div className="confirm" role="group" aria-labelledby="recovery-confirm">
          <p id="recovery-confirm" className="confirm-question">
            {t('recovery.confirm', { date: format.dateTime(chosen.createdAt) })}
          </p>
          <p className="muted">{t('recovery.confirmDetail')}</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void restore(chosen)}>
              {busy ? t('recovery.restoring') : t('recovery.confirmRestore')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setChosen(null)}>
              {t('common:cancel')}
            </button>
          </div>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
