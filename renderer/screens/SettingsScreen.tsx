import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_SETTINGS, type AppSettings } from '../../core/api/contract';
import type { ApiError } from '../../core/api/errors';
import { ErrorNotice } from '../app/ErrorNotice';
import { useAppStore } from '../app/store';

export function SettingsScreen() {
  const { t } = useTranslation(['settings', 'common']);
  const settings = useAppStore((s) => s.settings);
  const appInfo = useAppStore((s) => s.appInfo);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const id = useId();
  const [institutionName, setInstitutionName] = useState(settings.institutionName);
  const [status, setStatus] = useState<'idle' | 'saved'>('idle');
  const [error, setError] = useState<ApiError | null>(null);

  async function apply(changes: Partial<AppSettings>) {
    const result = await updateSettings(changes);
    setStatus(result.ok ? 'saved' : 'idle');
    setError(result.ok ? null : result.error);
  }

  const languageLabels: Record<AppSettings['language'], string> = {
    system: t('languageSystem'),
    zh: t('languageZh'),
    en: t('languageEn'),
  };

  return (
    <section className="screen narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('title')}</h1>
      <div className="panel">
        <form
          className="form"
          noValidate
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void apply({ institutionName });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('language')}</label>
            {/* Language changes apply at once: the person may not read the current language. */}
            <select
              id={`${id}-language`}
              name="language"
              value={settings.language}
              onChange={(e) => void apply({ language: e.target.value as AppSettings['language'] })}
            >
              {LANGUAGE_SETTINGS.map((value) => (
                <option key={value} value={value} lang={value === 'zh' ? 'zh-CN' : value === 'en' ? 'en' : undefined}>
                  {languageLabels[value]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-institution`}>{t('institutionName')}</label>
            <input
              id={`${id}-institution`}
              name="institutionName"
              value={institutionName}
              maxLength={120}
              onChange={(e) => {
                setInstitutionName(e.target.value);
                setStatus('idle');
              }}
              aria-describedby={`${id}-institution-hint`}
            />
            <p className="field-hint" id={`${id}-institution-hint`}>
              {t('institutionHint')}
            </p>
          </div>
          {error && <ErrorNotice error={error} />}
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('common:save')}
            </button>
            <p className="status" role="status">
              {status === 'saved' ? t('saved') : ''}
            </p>
          </div>
        </form>
      </div>
      {appInfo && (
        <section className="panel about" aria-labelledby={`${id}-about`}>
          <h2 id={`${id}-about`}>{t('about')}</h2>
          <p>
            {t('common:productName')} · {t('version', { version: appInfo.version })} · {t(`shell.${appInfo.shell}`)}
          </p>
          <p className="muted">{t('dataDir', { dir: appInfo.dataDir })}</p>
          <p className="muted">{t('standardNote')}</p>
        </section>
      )}
    </section>
  );
}
