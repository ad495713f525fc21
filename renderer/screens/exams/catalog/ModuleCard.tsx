// One exam module on the exams list: what it examines, its parts and pass rule, and (for a trainee) where
// they stand with it and what they may do now, with the reason in words when they may not start.

import { useTranslation } from 'react-i18next';
import type { ModuleSummary } from '../../../../core/api/contract';
import { useAppStore } from '../../../app/store';
import { useFormat } from '../../../app/ui/format';
import { useLocalized } from './localized';
import { PartsList, PassRule } from './ModuleFacts';

type Standing = NonNullable<ModuleSummary['standing']>;

export function ModuleCard({ module: m, trainee, onStart }: { module: ModuleSummary; trainee: boolean; onStart: () => void }) {
  const { t } = useTranslation('exams');
  const local = useLocalized();
  const navigate = useAppStore((s) => s.navigate);
  const titleId = `exam-module-${m.ref.id}`;
  return (
    <article className="panel exam-card" aria-labelledby={titleId} data-module-id={m.ref.id}>
      <header className="exam-card-header">
        <h2 id={titleId}>{local(m.ref.title)}</h2>
        <p className="muted">
          {t('version', { version: m.ref.version })}
          {m.certifies.length > 0 && ` · ${t('certifies', { professions: m.certifies.map((p) => t(`common:professions.${p}`)).join(t('listSeparator')) })}`}
        </p>
      </header>
      <p>{local(m.description)}</p>
      <PartsList parts={m.parts} />
      <PassRule module={m} />
      {trainee && m.standing && <StandingView standing={m.standing} />}
      <div className="exam-card-actions">
        {trainee && m.standing && <MainAction module={m} standing={m.standing} onStart={onStart} />}
        <button type="button" className="button" aria-describedby={titleId} onClick={() => navigate({ name: 'syllabus', moduleId: m.ref.id })}>
          {t('syllabusLink')}
        </button>
      </div>
    </article>
  );
}

function StandingView({ standing: s }: { standing: Standing }) {
  const { t } = useTranslation('exams');
  return (
    <dl className="facts exam-standing">
      <div>
        <dt>{t('standing.attempts')}</dt>
        <dd>{t('standing.attemptsValue', { used: s.attemptsUsed, allowed: s.attemptsAllowed, left: Math.max(0, s.attemptsAllowed - s.attemptsUsed) })}</dd>
      </div>
      <div>
        <dt>{t('standing.lastResult')}</dt>
        <dd>{s.lastResult ? <ResultPill result={s.lastResult} /> : <span className="muted">{t('standing.noResult')}</span>}</dd>
      </div>
      <div>
        <dt>{t('standing.proficiency')}</dt>
        <dd>{s.proficient ? t('standing.proficient') : t('standing.passesValue', { n: s.consecutivePasses, required: s.consecutivePassesRequired })}</dd>
      </div>
    </dl>
  );
}

export function ResultPill({ result }: { result: 'passed' | 'failed' | 'pending' }) {
  const { t } = useTranslation('exams');
  const className = result === 'passed' ? 'pill-pass' : result === 'failed' ? 'pill-fail' : 'pill-muted';
  return <span className={`pill ${className}`}>{t(`results.${result}`)}</span>;
}

function MainAction({ module: m, standing: s, onStart }: { module: ModuleSummary; standing: Standing; onStart: () => void }) {
  const { t } = useTranslation('exams');
  const format = useFormat();
  const navigate = useAppStore((st) => st.navigate);
  const reasonId = `exam-blocked-${m.ref.id}`;
  if (s.runningAttemptId) {
    const id = s.runningAttemptId;
    return (
      <button type="button" className="button button-primary" onClick={() => navigate({ name: 'exam', examAttemptId: id })}>
        {t('resume')}
      </button>
    );
  }
  if (s.blocked === null) {
    return (
      <button type="button" className="button button-primary" onClick={onStart}>
        {t('start')}
      </button>
    );
  }
  const reason =
    s.blocked === 'waiting' && s.nextAllowedAt
      ? t('blocked.waiting', { date: format.dateTime(s.nextAllowedAt) })
      : s.blocked === 'waiting'
        ? t('blocked.waitingUnknown')
        : t(`blocked.${s.blocked}`, { allowed: s.attemptsAllowed });
  return (
    <>
      <button type="button" className="button button-primary" disabled aria-describedby={reasonId}>
        {t('start')}
      </button>
      <p className="exam-blocked" id={reasonId}>
        {reason}
      </p>
    </>
  );
}
