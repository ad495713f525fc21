// "Against the experts" in the debrief (learn mode only: the Debrief asks feedbackVisible): the session's
// headline metrics beside the mean ± SD (n) of the sessions instructors marked as expert sessions of the
// same task, and where the trainee stands in words. Main gives the aggregate only; core computes the
// standing (core/scoring/benchmarks.ts). Under three expert sessions the mean is shown without a spread.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertBenchmarkView, MicroneedleApi } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { compareWithExperts, type Standing } from '../../../core/scoring/benchmarks';
import type { ScoreReport } from '../../../core/scoring/report';
import { ApiErrorText } from '../api-error';

type Loaded = { status: 'loading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; benchmark: ExpertBenchmarkView };

/** The words for a standing: its verdict, and for one outside the spread which side. */
export function standingKey(s: Standing): string {
  if (s.verdict === 'not-judged' || s.verdict === 'as-experts') return s.verdict;
  return `${s.verdict}-${s.band}`;
}

export function ExpertComparison({ api, presetId, report }: { api: Pick<MicroneedleApi, 'experts'>; presetId: string; report: ScoreReport }) {
  const { t, i18n } = useTranslation('experts');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void api.experts.benchmark({ presetId }).then((r) => {
      if (live) setLoaded(r.ok ? { status: 'ready', benchmark: r.value } : { status: 'failed', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, presetId]);

  const shown = (unit: string, v: number) => t(`units.${unit}`, { v, defaultValue: `${v} ${unit}` });
  return (
    <section className="studio-expert-compare" aria-labelledby="expert-compare-title" data-testid="expert-compare">
      <h3 id="expert-compare-title">{t('compare.title')}</h3>
      {loaded.status === 'loading' && <p role="status">{t('compare.loading')}</p>}
      {loaded.status === 'failed' && (
        <p role="alert">
          {t('compare.failed')} <ApiErrorText error={loaded.error} />
        </p>
      )}
      {loaded.status === 'ready' && loaded.benchmark.sessions === 0 && <p data-testid="expert-compare-empty">{t('compare.empty')}</p>}
      {loaded.status === 'ready' && loaded.benchmark.sessions > 0 && (
        <>
          <p className="studio-muted">{t('compare.intro')}</p>
          {!loaded.benchmark.spread && <p data-testid="expert-compare-too-few">{t('compare.tooFew', { n: loaded.benchmark.sessions, min: loaded.benchmark.minSessions })}</p>}
          <table className="studio-criteria">
            <caption>{t('compare.caption', { n: loaded.benchmark.sessions })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.metric')}</th>
                <th scope="col">{t('compare.yours')}</th>
                <th scope="col">{t('compare.experts')}</th>
                <th scope="col">{t('compare.standing')}</th>
              </tr>
            </thead>
            <tbody>
              {compareWithExperts(loaded.benchmark, report).map(({ metric, standing }) => (
                <tr key={metric.key} data-metric={metric.key} data-band={standing.band}>
                  <th scope="row">
                    {metric.label[lang]}
                    <div className="studio-muted">{t('compare.clause', { clause: metric.clause })}</div>
                  </th>
                  <td>{shown(metric.unit, standing.value)}</td>
                  <td>
                    {metric.mean === null
                      ? t('compare.noExpertValue')
                      : metric.sd === null
                        ? t('compare.meanOnly', { mean: shown(metric.unit, metric.mean), n: metric.n })
                        : t('compare.meanSd', { mean: shown(metric.unit, metric.mean), sd: metric.sd, n: metric.n })}
                  </td>
                  <td>
                    {t(`compare.where.${standingKey(standing)}`)}
                    {standing.z !== null && <div className="studio-muted">{t('compare.z', { z: standing.z })}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
