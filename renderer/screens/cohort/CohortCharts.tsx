// The cohort view's three charts (pass rate per module, per role, and the clauses most often missed), each
// an SVG bar chart with its numbers on the bars and in a table for screen readers.

import { useTranslation } from 'react-i18next';
import type { CohortStats } from '../../../core/records/schemas';
import { localeOf } from '../../app/ui/format';
import { MixedText } from '../authoring/ClausePicker';
import { BarChart, type Bar } from './BarChart';

export function CohortCharts({ stats }: { stats: CohortStats }) {
  const { t, i18n } = useTranslation('cohort');
  const lang = i18n.language === 'zh' ? 'zh' : 'en';
  const percent = new Intl.NumberFormat(localeOf(i18n.language), { style: 'percent', maximumFractionDigits: 0 });
  const rateText = (r: { rate: number | null; passed: number; attempts: number }) =>
    r.rate === null ? t('bar.noAttempts') : t('bar.rateValue', { rate: percent.format(r.rate), passed: r.passed, attempts: r.attempts });
  const roleLabel = (r: CohortStats['roles'][number]) => t('roles.roleLabel', { profession: t(`common:professions.${r.profession}`), clause: r.clause });
  const clauseLabel = (c: CohortStats['missedClauses'][number]) => (c.heading ? `${c.clause} ${c.heading[lang]}` : c.clause);

  const moduleBars: Bar[] = stats.modules.map((m) => ({ key: m.moduleId, label: m.title[lang], fraction: m.rate, valueText: rateText(m) }));
  const roleBars: Bar[] = stats.roles.map((r) => ({ key: r.profession, label: roleLabel(r), fraction: r.rate, valueText: rateText(r) }));
  const mostTrainees = Math.max(1, ...stats.missedClauses.map((c) => c.trainees));
  const clauseBars: Bar[] = stats.missedClauses.map((c) => ({
    key: c.clause,
    label: clauseLabel(c),
    fraction: c.trainees / mostTrainees,
    valueText: t('clauses.barValue', { trainees: c.trainees, occurrences: c.occurrences }),
    tone: 'danger',
  }));

  return (
    <div className="cohort-charts">
      <section aria-labelledby="cohort-modules" className="panel" data-chart="modules">
        <h2 id="cohort-modules">{t('modules.title')}</h2>
        {moduleBars.length === 0 ? (
          <p className="muted">{t('bar.noAttempts')}</p>
        ) : (
          <BarChart
            title={t('modules.title')}
            bars={moduleBars}
            table={
              <table>
                <caption>{t('modules.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('modules.module')}</th>
                    <th scope="col">{t('modules.attempts')}</th>
                    <th scope="col">{t('modules.passed')}</th>
                    <th scope="col">{t('modules.failed')}</th>
                    <th scope="col">{t('modules.rate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.modules.map((m) => (
                    <tr key={m.moduleId}>
                      <th scope="row">{m.title[lang]}</th>
                      <td>{m.attempts}</td>
                      <td>{m.passed}</td>
                      <td>{m.failed}</td>
                      <td>{m.rate === null ? t('bar.noAttempts') : percent.format(m.rate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        )}
      </section>
      <section aria-labelledby="cohort-roles" className="panel" data-chart="roles">
        <h2 id="cohort-roles">{t('roles.title')}</h2>
        <BarChart
          title={t('roles.title')}
          bars={roleBars}
          table={
            <table>
              <caption>{t('roles.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roles.role')}</th>
                  <th scope="col">{t('modules.attempts')}</th>
                  <th scope="col">{t('modules.passed')}</th>
                  <th scope="col">{t('modules.failed')}</th>
                  <th scope="col">{t('modules.rate')}</th>
                  <th scope="col">{t('roles.traineesAttempted')}</th>
                  <th scope="col">{t('roles.traineesExamined')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.roles.map((r) => (
                  <tr key={r.profession}>
                    <th scope="row">{roleLabel(r)}</th>
                    <td>{r.attempts}</td>
                    <td>{r.passed}</td>
                    <td>{r.failed}</td>
                    <td>{r.rate === null ? t('bar.noAttempts') : percent.format(r.rate)}</td>
                    <td>{r.traineesAttempted}</td>
                    <td>{r.traineesExamined}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </section>
      <section aria-labelledby="cohort-clauses" className="panel" data-chart="clauses">
        <h2 id="cohort-clauses">{t('clauses.title')}</h2>
        <p className="muted">{t('clauses.hint')}</p>
        {clauseBars.length === 0 ? (
          <p className="muted">{t('clauses.none')}</p>
        ) : (
          <BarChart
            title={t('clauses.title')}
            bars={clauseBars}
            table={
              <table>
                <caption>{t('clauses.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('clauses.clause')}</th>
                    <th scope="col">{t('clauses.trainees')}</th>
                    <th scope="col">{t('clauses.occurrences')}</th>
                  </tr>
                </thead>
                <tbody>
                  {stats.missedClauses.map((c) => (
                    <tr key={c.clause}>
                      <th scope="row">
                        <MixedText text={clauseLabel(c)} />
                      </th>
                      <td>{c.trainees}</td>
                      <td>{c.occurrences}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        )}
      </section>
    </div>
  );
}
