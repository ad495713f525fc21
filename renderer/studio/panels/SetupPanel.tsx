// Before a session: the practice scenario (goal, endpoint, case, target regions), learn or test mode, and
// Start, which asks the main process for the attempt. A recording file can be opened from here too: it is
// checked here first, then main imports it (scored, stored, never counted).

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorText, FileProblemText, filePointer } from '../api-error';
import { readRecordingFile, type FileProblem } from '../debrief/open-file';
import { REGION_NAMES } from '../../../core/anatomy/regions';
import { presetsFor } from '../../../core/practice/presets';
import { useStudio } from '../store';
import { feedbackVisible } from '../test-mode';

export function SetupPanel({ canStart }: { canStart: boolean }) {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const procedure = useStudio((s) => s.procedure);
  const preset = useStudio((s) => s.preset);
  const mode = useStudio((s) => s.mode);
  const choosePreset = useStudio((s) => s.choosePreset);
  const setMode = useStudio((s) => s.setMode);
  const startSession = useStudio((s) => s.startSession);
  const importRecording = useStudio((s) => s.importRecording);
  const busy = useStudio((s) => s.busy);
  const problem = useStudio((s) => s.problem);
  const [fileProblems, setFileProblems] = useState<FileProblem[]>([]);
  const [fileName, setFileName] = useState<string | null>(null);
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // The same file may be chosen again after it was fixed.
    input.value = '';
    if (!file) return;
    setFileName(file.name);
    const result = await readRecordingFile(file, { now: Date.now() });
    if (!result.ok) return setFileProblems(result.problems);
    setFileProblems([]);
    await importRecording(result.document, result.recording, file.name);
  };
  const startProblem = problem?.action === 'start' ? problem.error : null;
  const importProblem = problem?.action === 'import' ? problem.error : null;
  const importPointer = importProblem ? filePointer(importProblem) : null;
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
        {/* Test mode names the endpoint only: no needle lengths, passes or clauses (feedbackVisible). */}
        <dd>{feedbackVisible(mode) ? t(`endpoint.${preset.goal.endpoint}`) : t(`endpointTask.${preset.goal.endpoint}`)}</dd>
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
      <button
        type="button"
        className="button primary"
        onClick={() => void startSession()}
        disabled={!canStart || busy !== null}
        aria-busy={busy === 'starting'}
        data-testid="start-session"
      >
        {busy === 'starting' ? t('setup.starting') : t('setup.start')}
      </button>
      {startProblem && (
        <p className="studio-error" role="alert" data-testid="start-error">
          {t('setup.startFailed')} <ApiErrorText error={startProblem} />
        </p>
      )}
      <div className="studio-open-file">
        <label className={busy !== null ? 'button disabled' : 'button'}>
          {busy === 'importing' ? t('openFile.importing') : t('openFile.button')}
          <input
            type="file"
            className="visually-hidden"
            accept=".json,application/json"
            disabled={busy !== null}
            onChange={(e) => void onFile(e.currentTarget)}
            data-testid="open-recording-file"
          />
        </label>
        <p className="studio-hint">{t('openFile.hint')}</p>
      </div>
      {fileProblems.length > 0 && (
        <div className="studio-error" role="alert" data-testid="open-file-errors">
          <p>{t('setup.openFileInvalid')}</p>
          <ul>
            {fileProblems.map((p, i) => (
              <li key={i}>
                <FileProblemText problem={p} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {importProblem && (
        <div className="studio-error" role="alert" data-testid="import-error">
          <p>{t('openFile.importFailed')}</p>
          <p>
            {fileName && <span data-user-content>{fileName}</span>} {importPointer && <code>{importPointer}</code>} <ApiErrorText error={importProblem} />
          </p>
        </div>
      )}
    </section>
  );
}
