// Backups of the training file (newest first) and a backup made now. Backups are also made on a schedule
// and before every upgrade of the file.

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { useFormat } from '../../app/ui/format';

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

export function BackupsPanel() {
  const { t } = useTranslation('settings');
  const api = useAppStore((s) => s.api);
  const format = useFormat();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [made, setMade] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await api.backups.list();
    if (r.ok) setBackups(r.value);
    setError(r.ok ? null : r.error);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  async function backUpNow() {
    setBusy(true);
    setMade(null);
    const r = await api.backups.create();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    // The list first, so "done" never shows above a list without the new backup.
    await load();
    setMade(r.value);
  }

  return (
    <section className="panel" aria-labelledby="backups-title">
      <div className="chain-check-row">
        <div>
          <h2 id="backups-title">{t('backupsTitle')}</h2>
          <p className="muted">{t('backupsIntro')}</p>
        </div>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void backUpNow()}>
          {busy ? t('backingUp') : t('backUpNow')}
        </button>
      </div>
      <p className="status" role="status">
        {made ? t('backupMade', { date: format.dateTime(made.createdAt) }) : ''}
      </p>
      {error && <ErrorNotice error={error} onRetry={() => void load()} />}
      {backups !== null && backups.length === 0 && <p className="muted">{t('noBackups')}</p>}
      {backups !== null && backups.length > 0 && (
        <div className="table-wrap">
          <table className="table backups-table">
            <caption className="visually-hidden">{t('backupsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backupDate')}</th>
                <th scope="col">{t('backupFile')}</th>
                <th scope="col" className="numeric">
                  {t('backupSize')}
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.file}>
                  <td>{format.dateTime(b.createdAt)}</td>
                  <td>
                    <code className="file-path" translate="no" data-user-content title={b.file}>
                      {baseName(b.file)}
                    </code>
                  </td>
                  <td className="numeric">{format.bytes(b.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
