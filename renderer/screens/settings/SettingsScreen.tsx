// Settings: the station's language (anyone), the institution, its backups and its signing key
// (administrators), and a staff member's own password.

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_SETTINGS, type AppSettings } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { FilePath } from '../../app/ui/FilePath';
import { BackupsPanel } from './BackupsPanel';
import { ChangePasswordForm } from './ChangePasswordForm';
import { InstitutionForm } from './InstitutionForm';
import { SigningKeyPanel } from './SigningKeyPanel';
import { LrsPanel } from './LrsPanel';

export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const role = useAppStore((s) => s.signedIn?.accountRole);
  return (
    <section className="screen narrow" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('title')}</h1>
      <LanguagePanel />
      {role === 'admin' && <InstitutionForm />}
      {role === 'admin' && <BackupsPanel />}
      {role === 'admin' && <SigningKeyPanel />}
      {(role === 'admin' || role === 'instructor') && <LrsPanel />}
      {(role === 'admin' || role === 'instructor') && <ChangePasswordForm />}
      <AboutPanel />
    </section>
  );
}

function LanguagePanel() {
  const { t } = useTranslation('settings');
  const settings = useAppStore((s) => s.settings);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const id = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const labels: Record<AppSettings['language'], string> = { system: t('languageSystem'), zh: t('languageZh'), en: t('languageEn') };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('languageTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('language')}</label>
        {/* Language changes apply at once: the person may not read the current language. */}
        <select
          id={`${id}-language`}
          name="language"
          value={settings.language}
          aria-describedby={`${id}-hint`}
          onChange={async (e) => {
            const result = await updateSettings({ language: e.target.value as AppSettings['language'] });
            setError(result.ok ? null : result.error);
          }}
        >
          {LANGUAGE_SETTINGS.map((value) => (
            <option key={value} value={value} lang={value === 'zh' ? 'zh-CN' : value === 'en' ? 'en' : undefined}>
              {labels[value]}
            </option>
          ))}
        </select>
        <p className="field-hint" id={`${id}-hint`}>
          {t('languageHint')}
        </p>
      </div>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

function AboutPanel() {
  const { t } = useTranslation('settings');
  const appInfo = useAppStore((s) => s.appInfo);
  if (!appInfo) return null;
  return (
    <section className="panel about" aria-labelledby="about-title">
      <h2 id="about-title">{t('about')}</h2>
      <p>
        {t('common:productName')} · {t('version', { version: appInfo.version })} · {t(`shell.${appInfo.shell}`)}
      </p>
      <p className="muted">
        {t('dataDir')} <FilePath path={appInfo.dataDir} />
      </p>
      <p className="muted">{t('standardNote')}</p>
    </section>
  );
}
