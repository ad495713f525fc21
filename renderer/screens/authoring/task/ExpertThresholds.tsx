// Thresholds from experts in the practical task form: the author picks the task whose expert sessions to
// use (a practice preset of the task's procedure, or an exam practical task's id), reads its benchmark
// (experts.benchmark) and fills the simulator-default overrides it suggests (scenario.defaults). Only
// simulator defaults are ever proposed (core/scoring/benchmark-thresholds.ts); the standard's numbers stay.
// Shown where the shell's API is at hand (the authoring screen), not in a bare editor.

import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertBenchmarkView } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { PRACTICE_PRESETS } from '../../../../core/practice/presets';
import { SIMULATOR_DEFAULTS } from '../../../../core/rules/simulator-defaults';
import { AppStoreContext } from '../../../app/store';
import { getAt, str } from '../case/doc-edit';
import type { SectionProps } from '../case/CaseHistory';

type Read = { status: 'idle' } | { status: 'reading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; benchmark: ExpertBenchmarkView };

export function ExpertThresholds({ doc, edit, readOnly }: SectionProps) {
  const { t, i18n } = useTranslation('experts');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const appStore = useContext(AppStoreContext);
  const procedure = str(getAt(doc, ['procedure']));
  const presets = PRACTICE_PRESETS.filter((p) => p.procedure === procedure);
  const [source, setSource] = useState('');
  const [read, setRead] = useState<Read>({ status: 'idle' });
  if (!appStore || readOnly) return null;
  const api = appStore.getState().api;
  const taskId = source.trim();

  const readBenchmark = async () => {
    setRead({ status: 'reading' });
    const r = await api.experts.benchmark({ presetId: taskId });
    setRead(r.ok ? { status: 'ready', benchmark: r.value } : { status: 'failed', error: r.error });
  };
  const fill = (b: ExpertBenchmarkView) => {
    // Only what the experts make stricter: an override equal to the default would say nothing.
    for (const s of b.suggestedThresholds) if (s.stricter) edit(['scenario', 'defaults', s.key], s.value);
  };
  const b = read.status === 'ready' ? read.benchmark : null;
  const wrongProcedure = b !== null && b.procedure !== procedure;

  return (
    <section className="authoring-section" aria-labelledby="authoring-task-experts">
      <h3 id="authoring-task-experts">{t('authoring.title')}</h3>
      <p className="field-hint">{t('authoring.hint')}</p>
      <div className="authoring-row">
        <label htmlFor="authoring-expert-task">{t('authoring.source')}</label>{' '}
        <input id="authoring-expert-task" type="text" list="authoring-expert-tasks" lang="en" value={source} onChange={(e) => setSource(e.target.value)} />
        <datalist id="authoring-expert-tasks">
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title[lang]}
            </option>
          ))}
        </datalist>{' '}
        <button type="button" className="button" disabled={taskId === '' || read.status === 'reading'} onClick={() => void readBenchmark()}>
          {t('authoring.read')}
        </button>
      </div>
      {read.status === 'reading' && <p role="status">{t('compare.loading')}</p>}
      {read.status === 'failed' && (
        <p role="alert">
          {t('compare.failed')} <span lang="en">{read.error.message}</span>
        </p>
      )}
      {b && wrongProcedure && <p role="alert">{t('authoring.wrongProcedure', { procedure: t(`authoring-case:procedure.${b.procedure}`) })}</p>}
      {b && !wrongProcedure && !b.spread && <p role="status">{t('authoring.tooFew', { n: b.sessions, min: b.minSessions })}</p>}
      {b && !wrongProcedure && b.spread && !b.suggestedThresholds.some((s) => s.stricter) && <p role="status">{t('authoring.none')}</p>}
      {b && !wrongProcedure && b.suggestedThresholds.length > 0 && (
        <>
          <ul aria-label={t('authoring.proposals', { n: b.sessions })}>
            {b.suggestedThresholds.map((s) => (
              <li key={s.key} data-key={s.key}>
                {SIMULATOR_DEFAULTS[s.key].description[lang]} (<code lang="en">{s.key}</code>): {s.value}{' '}
                {s.stricter ? t('authoring.stricter', { shipped: s.defaultValue }) : t('authoring.asDefault')}
              </li>
            ))}
          </ul>
          <button type="button" className="button" disabled={!b.suggestedThresholds.some((s) => s.stricter)} onClick={() => fill(b)}>
            {t('authoring.fill')}
          </button>
        </>
      )}
    </section>
  );
}
