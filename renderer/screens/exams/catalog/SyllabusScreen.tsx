// A module's syllabus page (考核大纲): which version of the module, who it certifies, the clauses of the
// standard it examines, its parts, pass rule and release policy; printable on A4.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleSummary } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import { useLocalized } from './localized';
import { PartsList, PassRule } from './ModuleFacts';

export function SyllabusScreen({ moduleId }: { moduleId: string }) {
  const { t } = useTranslation('exams');
  const local = useLocalized();
  const api = useAppStore((s) => s.api);
  const navigate = useAppStore((s) => s.navigate);
  const [module, setModule] = useState<ModuleSummary | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    void api.exams.module({ moduleId }).then((r) => {
      if (!live) return;
      if (r.ok) setModule(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api, moduleId, reload]);

  return (
    <section className="screen syllabus" aria-labelledby="syllabus-title">
      <div className="screen-toolbar no-print">
        <button type="button" className="button" onClick={() => navigate({ name: 'exams' })}>
          {t('backToExams')}
        </button>
        <button type="button" className="button" onClick={() => window.print()} disabled={!module}>
          {t('syllabus.print')}
        </button>
      </div>
      {error ? (
        <>
          <h1 id="syllabus-title">{t('syllabus.title')}</h1>
          <ErrorNotice error={error} onRetry={() => setReload((n) => n + 1)} />
        </>
      ) : !module ? (
        <>
          <h1 id="syllabus-title">{t('syllabus.title')}</h1>
          <p className="loading" role="status">
            {t('common:loading')}
          </p>
        </>
      ) : (
        <>
          <header className="screen-header">
            <h1 id="syllabus-title">{t('syllabus.heading', { title: local(module.ref.title) })}</h1>
            <p className="muted">
              {t('version', { version: module.ref.version })}
              {' · '}
              {t('syllabus.hash')} <code translate="no">{module.ref.hash.slice(0, 12)}</code>
            </p>
            <p>
              {module.certifies.length > 0
                ? t('certifies', { professions: module.certifies.map((p) => t(`common:professions.${p}`)).join(t('listSeparator')) })
                : t('syllabus.certifiesNone')}
            </p>
            <p>{local(module.description)}</p>
          </header>
          <section className="panel" aria-labelledby="syllabus-clauses">
            <h2 id="syllabus-clauses">{t('syllabus.clausesTitle')}</h2>
            <div className="table-wrap">
              <table className="table syllabus-table">
                <caption className="visually-hidden">{t('syllabus.clausesTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('syllabus.clause')}</th>
                    <th scope="col">{t('syllabus.headingColumn')}</th>
                    <th scope="col">{t('syllabus.note')}</th>
                  </tr>
                </thead>
                <tbody>
                  {module.syllabus.map((row) => (
                    <tr key={row.clause}>
                      <td className="cell-clause">{row.clause}</td>
                      <td>{local(row.heading)}</td>
                      <td>{row.note ? local(row.note) : <span className="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="panel">
            <PartsList parts={module.parts} />
          </section>
          <section className="panel">
            <PassRule module={module} />
          </section>
          <section className="panel" aria-labelledby="syllabus-release">
            <h2 id="syllabus-release">{t('syllabus.releaseTitle')}</h2>
            <ul className="plain-list">
              <li>{t(`syllabus.results.${module.release.results}`)}</li>
              <li>{t(`syllabus.solutions.${module.release.solutions}`)}</li>
            </ul>
          </section>
        </>
      )}
    </section>
  );
}
