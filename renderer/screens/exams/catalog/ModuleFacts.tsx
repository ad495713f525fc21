// What a module is made of and how it is passed: shown on the exams list and on the syllabus page.

import { useTranslation } from 'react-i18next';
import type { ModuleSummary } from '../../../../core/api/contract';
import { totalMinutes, useLocalized } from './localized';

export function PartsList({ parts }: { parts: ModuleSummary['parts'] }) {
  const { t } = useTranslation('exams');
  const local = useLocalized();
  return (
    <div className="exam-parts">
      <h3>{t('parts.title', { minutes: totalMinutes(parts) })}</h3>
      <ol className="plain-list">
        {parts.map((p) => (
          <li key={p.id}>
            <strong>{local(p.title)}</strong> <span className="muted">{t(`kinds.${p.kind}`)}</span>
            {' · '}
            {t('parts.facts', { minutes: p.timeLimitMin, count: p.items, min: p.minScore, weight: p.weight })}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function PassRule({ module: m }: { module: ModuleSummary }) {
  const { t } = useTranslation('exams');
  const r = m.passRule;
  return (
    <div className="exam-pass-rule">
      <h3>{t('passRule.title')}</h3>
      <ul className="plain-list">
        <li>{t('passRule.overall', { min: r.overallMin })}</li>
        <li>{t('passRule.attempts', { n: r.attemptsAllowed })}</li>
        <li>{r.retakeWaitHours > 0 ? t('passRule.wait', { hours: r.retakeWaitHours }) : t('passRule.noWait')}</li>
        <li>{t('passRule.consecutive', { count: r.consecutivePasses })}</li>
      </ul>
    </div>
  );
}
