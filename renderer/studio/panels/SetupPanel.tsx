// Before a session: the practice scenario (goal, endpoint, case, target regions) and learn or test mode.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readRecordingText } from '../debrief/open-file';
import { REGION_NAMES } from '../../../core/anatomy/regions';
import { presetsFor } from '../../../core/practice/presets';
import { useStudio } from '../store';

export function SetupPanel({ canStart }: { canStart: boolean }) {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const procedure = useStudio((s) => s.procedure);
  const preset = useStudio((s) => s.preset);
  const mode = useStudio((s) => s.mode);
  const choosePreset = useStudio((s) => s.choosePreset);
  const setMode = useStudio((s) => s.setMode);
  const startSession = useStudio((s) => s.startSession);
  const openRecording = useStudio((s) => s.openRecording);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const result = readRecordingText(await file.text(), file.name);
    if (result.ok) {
      setFileErrors([]);
      openRecording(result.recording);
    } else setFileErrors(result.errors);
  };
  const c = preset.case;
  return (
    <section className="studio-panel" aria-labelledby="studio-setup-title">
      <h2 id="studio-setup-title">{t('setup.title')}</h2>
      <label className="studio-field">
        <span>{t('setup.scenario')}</span>
        <select value={preset.id} onChange={(e) => choosePreset(e.target.value)} data-testid="scenario-select">
          {presetsFor(procedure).map((p) => (
            <option key={p.id} value={p.id}>
              {p.title[lang]}
            </option>
          ))}
        </select>
      </label>
      <dl className="studio-facts">
        <dt>{t('setup.endpoint')}</dt>
        <dd>{t(`endpoint.${preset.goal.endpoint}`)}</dd>
        <dt>{t('setup.targets')}</dt>
        <dd>{preset.goal.targetRegions.map((r) => REGION_NAMES[r][lang]).join(lang === 'zh' ? '、' : ', ')}</dd>
        <dt>{t('setup.case')}</dt>
        <dd>{c.summary ? c.summary[lang] : t(`skinType.${c.skinType}`)}</dd>
        <dt>{t('setup.skinType')}</dt>
        <dd>{t(`skinType.${c.skinType}`)}</dd>
      </dl>
      <fieldset className="studio-segmented">
        <legend>{t('setup.mode')}</legend>
        <label>
          <input type="radio" name="studio-mode" checked={mode === 'learn'} onChange={() => setMode('learn')} />
          {t('mode.learn')}
        </label>
        <label>
          <input type="radio" name="studio-mode" checked={mode === 'test'} onChange={() => setMode('test')} />
          {t('mode.test')}
        </label>
      </fieldset>
      <p className="studio-hint">{mode === 'learn' ? t('setup.learnHint') : t('setup.testHint')}</p>
      <button type="button" className="button primary" onClick={startSession} disabled={!canStart} data-testid="start-session">
        {t('setup.start')}
      </button>
      <label className="studio-field studio-open-file">
        <span>{t('setup.openFile')}</span>
        <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="open-recording-file" />
      </label>
      {fileErrors.length > 0 && (
        <div className="studio-error" role="alert" data-testid="open-file-errors">
          <p>{t('setup.openFileInvalid')}</p>
          <ul>
            {fileErrors.slice(0, 8).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
