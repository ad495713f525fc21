// A submitted attempt: pending release, or PASS/FAIL with the fail reasons first, the overall score
// against its minimum, then each part (./ResultPart.tsx). A way back to where the exam was opened from.

import { useTranslation } from 'react-i18next';
import type { ExamSession } from '../../../../core/api/contract';
import { useFormat } from '../../../app/ui/format';
import { ExamHeader } from './ExamHeader';
import { ResultPart } from './ResultPart';
import { formatScore, useLt } from './text';

export function ExamResultView({ session, onLeave }: { session: ExamSession; onLeave: () => void }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  const format = useFormat();
  const result = session.resultVisible ? session.result : null;
  return (
    <section className="screen exam-screen exam-result" aria-labelledby="exam-title">
      <ExamHeader session={session} remainingMs={0} readOnly />
      <h2>{t('result.title')}</h2>
      {!result ? (
        <p className="notice notice-info" role="status">
          {t('result.pending')}
        </p>
      ) : (
        <>
          <div className={`exam-verdict ${result.passed ? 'exam-verdict-pass' : 'exam-verdict-fail'}`} role="status">
            <span className="exam-verdict-word">{result.passed ? t('result.passed') : t('result.failed')}</span>
            <span className="exam-verdict-score">{t('result.overall', { score: formatScore(result.score), min: result.overallMin })}</span>
            {result.criticalFailure && <span className="critical-mark">{t('result.criticalFailure')}</span>}
          </div>
          {result.failReasons.length > 0 && (
            <section className="notice notice-error exam-fail-reasons" aria-labelledby="exam-fail-reasons">
              <h3 id="exam-fail-reasons" className="notice-title">
                {t('result.failReasons')}
              </h3>
              <ul>
                {result.failReasons.map((r, i) => (
                  <li key={i}>{lt(r)}</li>
                ))}
              </ul>
            </section>
          )}
          <p className="muted">{t('result.gradedAt', { time: format.dateTime(result.gradedAt) })}</p>
          {session.regrades.length > 0 && (
            <section className="notice notice-info exam-regrades" aria-labelledby="exam-regrades">
              <h3 id="exam-regrades" className="notice-title">
                {t('result.regrades')}
              </h3>
              <ul>
                {session.regrades.map((r, i) => (
                  <li key={i}>
                    {t('result.regrade', {
                      time: format.dateTime(r.at),
                      by: r.by,
                      before: formatScore(r.before.score),
                      after: formatScore(r.after.score),
                      beforeResult: r.before.passed ? t('result.passed') : t('result.failed'),
                      afterResult: r.after.passed ? t('result.passed') : t('result.failed'),
                      reason: r.reason,
                    })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {result.parts.map((p) => (
            <ResultPart key={p.id} result={p} view={session.parts.find((v) => v.id === p.id)} solutionsVisible={session.solutionsVisible} />
          ))}
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onLeave}>
          {t('result.back')}
        </button>
      </div>
    </section>
  );
}
