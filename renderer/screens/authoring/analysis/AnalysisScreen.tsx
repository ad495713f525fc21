// Item analysis of a module from its submitted attempts (authoring.analysis): per question its facility
// (难度系数), discrimination index, discriminative efficiency and flags in words, the distractors' shares,
// Cronbach's alpha with why it is or is not given, and the thresholds the flags use. A question with a
// newer version (a corrected key) can be regraded (./RegradePanel).

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { moduleAnalysisSchema } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import { useLocalized } from '../../exams/catalog/localized';
import { RegradePanel } from './RegradePanel';

export type ModuleAnalysis = z.infer<typeof moduleAnalysisSchema>;
type QuestionStat = ModuleAnalysis['questions'][number];

const fixed = (n: number | null, digits = 2) => (n === null ? '—' : n.toFixed(digits));
const percent = (n: number) => `${Math.round(n * 100)}%`;

/** A translation when there is one, else the value main sent (marked as English). */
function useKnown() {
  const { t, i18n } = useTranslation('authoring');
  return (key: string, raw: string) => (i18n.exists(`authoring:${key}`) ? t(key) : raw);
}

export function AnalysisScreen({ moduleId }: { moduleId: string }) {
  const { t } = useTranslation('authoring');
  const api = useAppStore((s) => s.api);
  const navigate = useAppStore((s) => s.navigate);
  const [analysis, setAnalysis] = useState<ModuleAnalysis | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);
  const [regrading, setRegrading] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.authoring.analysis({ moduleId }).then((r) => {
      if (!live) return;
      if (r.ok) setAnalysis(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api, moduleId, reload]);

  return (
    <section className="screen authoring-analysis" aria-labelledby="analysis-title">
      <header className="screen-header">
        <h1 id="analysis-title">{t('analysis.title')}</h1>
        <p className="lead">{t('analysis.intro', { id: moduleId })}</p>
        <button type="button" className="button" onClick={() => navigate({ name: 'authoring', tab: 'exam-module' })}>
          {t('draft.back')}
        </button>
      </header>
      {error && <ErrorNotice error={error} onRetry={() => setReload((n) => n + 1)} />}
      {!analysis && !error && (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      )}
      {analysis && (
        <>
          <Summary analysis={analysis} />
          {analysis.questions.length === 0 ? (
            <p className="panel muted">{t('analysis.noQuestions')}</p>
          ) : (
            analysis.questions.map((q) => (
              <QuestionRow key={`${q.questionId}@${q.version}`} stat={q} onRegrade={() => setRegrading(q.questionId)} />
            ))
          )}
          {regrading && <RegradePanel questionId={regrading} onClose={() => setRegrading(null)} onDone={() => setReload((n) => n + 1)} />}
        </>
      )}
    </section>
  );
}

function Summary({ analysis }: { analysis: ModuleAnalysis }) {
  const { t } = useTranslation('authoring');
  const known = useKnown();
  return (
    <section className="panel" aria-labelledby="analysis-summary">
      <h2 id="analysis-summary">{t('analysis.summary')}</h2>
      <dl className="facts">
        <dt>{t('analysis.attempts')}</dt>
        <dd>{analysis.attempts}</dd>
        <dt>{t('analysis.alpha')}</dt>
        <dd>
          {fixed(analysis.alpha.value)} {t('analysis.alphaOver', { items: analysis.alpha.items, attempts: analysis.alpha.attempts })}
          <br />
          <span className="muted">{known(`analysis.alphaReasons.${analysis.alpha.reason}`, analysis.alpha.reason)}</span>
        </dd>
        <dt>{t('analysis.thresholds')}</dt>
        <dd>
          <ul className="plain-list">
            {Object.entries(analysis.thresholds).map(([k, v]) => (
              <li key={k}>
                {known(`analysis.thresholdNames.${k}`, k)}{t('analysis.colon')}
                {v}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </section>
  );
}

function QuestionRow({ stat, onRegrade }: { stat: QuestionStat; onRegrade: () => void }) {
  const { t } = useTranslation('authoring');
  const lt = useLocalized();
  const known = useKnown();
  const flag = (f: string) => known(`analysis.flags.${f}`, f);
  return (
    <section className="panel authoring-stat" aria-label={t('analysis.questionLabel', { id: stat.questionId })}>
      <p className="exam-stem" data-user-content>
        {lt(stat.stem)}
      </p>
      <div className="table-wrap">
        <table className="table authoring-table">
          <thead>
            <tr>
              <th scope="col">{t('items.id')}</th>
              <th scope="col">{t('items.version')}</th>
              <th scope="col">{t('analysis.n')}</th>
              <th scope="col">{t('analysis.facility')}</th>
              <th scope="col">{t('analysis.discrimination')}</th>
              <th scope="col">{t('analysis.efficiency')}</th>
              <th scope="col">{t('analysis.flagsHeading')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>
                <code>{stat.questionId}</code>
              </td>
              <td>{stat.version}</td>
              <td>{stat.n}</td>
              <td>{fixed(stat.facility)}</td>
              <td>{fixed(stat.discriminationIndex, 0)}</td>
              <td>{stat.discriminativeEfficiency === null ? '—' : `${fixed(stat.discriminativeEfficiency, 0)}%`}</td>
              <td>{stat.flags.length === 0 ? t('analysis.noFlags') : stat.flags.map(flag).join('；')}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {stat.distractors.length > 0 && (
        <div className="table-wrap">
          <table className="table authoring-table">
            <caption>{t('analysis.distractors')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analysis.option')}</th>
                <th scope="col">{t('analysis.share')}</th>
                <th scope="col">{t('analysis.upper')}</th>
                <th scope="col">{t('analysis.lower')}</th>
                <th scope="col">{t('analysis.flagsHeading')}</th>
              </tr>
            </thead>
            <tbody>
              {stat.distractors.map((d) => (
                <tr key={d.optionId}>
                  <td>
                    {d.optionId.toUpperCase()}
                    {d.isKey && ` ${t('analysis.key')}`}
                  </td>
                  <td>{percent(d.share)}</td>
                  <td>{percent(d.upperShare)}</td>
                  <td>{percent(d.lowerShare)}</td>
                  <td>{d.flag ? t(`analysis.distractorFlags.${d.flag}`) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {stat.newerVersion !== null && (
        <div className="notice notice-info">
          <p>{t('analysis.newer', { version: stat.newerVersion })}</p>
          <button type="button" className="button" onClick={onRegrade}>
            {t('analysis.regrade')}
          </button>
        </div>
      )}
    </section>
  );
}
