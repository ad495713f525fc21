// Learn mode: progress per target region from the live scorer's report (the same measures the final
// score uses): coverage, 米 completeness and rounds for the roller, coverage and the largest missed patch
// for RF, coverage for the nano needle. Recomputed when the device lifts or a step is recorded (by FeedbackPanel).

import { useTranslation } from 'react-i18next';
import { REGION_NAMES } from '../../../core/anatomy/regions';
import { useStudio } from '../store';
import { feedbackVisible } from '../test-mode';

const fmt = (v: number | undefined, digits = 0) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits));

/** `metrics`: the live report's metrics so far (the feedback panel recomputes it on each lift and step). */
export function ProgressTable({ metrics }: { metrics: Readonly<Record<string, number>> }) {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const procedure = useStudio((s) => s.procedure);
  const targets = useStudio((s) => s.preset.goal.targetRegions);
  const visible = useStudio((s) => feedbackVisible(s.mode));
  if (!visible) return null;
  return (
    <table className="studio-progress" data-testid="progress">
      <caption>{t('progress.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('progress.region')}</th>
          <th scope="col">{t('progress.coverage')}</th>
          {procedure === 'roller' && <th scope="col">{t('progress.cross')}</th>}
          {procedure === 'roller' && <th scope="col">{t('progress.rounds')}</th>}
          {procedure === 'rf' && <th scope="col">{t('progress.largestMiss')}</th>}
        </tr>
      </thead>
      <tbody>
        {targets.map((r) => (
          <tr key={r} data-region={r}>
            <th scope="row">{REGION_NAMES[r][lang]}</th>
            <td>{fmt(metrics[`coveragePct.${r}`])}%</td>
            {procedure === 'roller' && <td>{fmt(metrics[`crossPatternPct.${r}`])}%</td>}
            {procedure === 'roller' && <td>{fmt(metrics[`rounds.${r}`], 1)}</td>}
            {procedure === 'rf' && <td>{fmt(metrics[`largestMissCm2.${r}`], 1)} cm²</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
