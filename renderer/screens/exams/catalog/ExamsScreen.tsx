// The exams list: the modules the signed-in person may see (api.exams.catalog). A trainee sees the modules
// of their profession with where they stand and starts or resumes one; staff see every module and the exam
// files that did not load. Every module links to its syllabus page.

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleSummary, Person } from '../../../../core/api/contract';
import type { ApiError } from '../../../../core/api/errors';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import { FilePath } from '../../../app/ui/FilePath';
import { ModuleCard } from './ModuleCard';
import { StartExamDialog } from './StartExamDialog';

interface Catalog {
  modules: ModuleSummary[];
  problems: { file: string; pointer: string; message: string }[];
}

export function ExamsScreen() {
  const { t } = useTranslation('exams');
  const api = useAppStore((s) => s.api);
  const signedIn = useAppStore((s) => s.signedIn);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);
  const [starting, setStarting] = useState<ModuleSummary | null>(null);
  /** The start button that opened the identity dialog: focus goes back to it when the dialog closes. */
  const opener = useRef<HTMLElement | null>(null);
  const trainee = signedIn?.accountRole === 'trainee';
  const personId = signedIn?.personId;

  useEffect(() => {
    let live = true;
    void api.exams.catalog().then((r) => {
      if (!live) return;
      if (r.ok) setCatalog(r.value);
      setError(r.ok ? null : r.error);
    });
    return () => {
      live = false;
    };
  }, [api, reload]);

  useEffect(() => {
    let live = true;
    if (trainee && personId) void api.people.get({ id: personId }).then((r) => live && r.ok && setPerson(r.value));
    return () => {
      live = false;
    };
  }, [api, trainee, personId]);

  return (
    <section className="screen exams-screen" aria-labelledby="exams-title">
      <header className="screen-header">
        <h1 id="exams-title">{t('title')}</h1>
        <p className="lead">{trainee ? t('introTrainee') : t('introStaff')}</p>
      </header>
      {error ? (
        <ErrorNotice error={error} onRetry={() => setReload((n) => n + 1)} />
      ) : !catalog ? (
        <p className="loading" role="status">
          {t('common:loading')}
        </p>
      ) : (
        <>
          {!trainee && <ProblemsPanel problems={catalog.problems} />}
          {catalog.modules.length === 0 ? (
            <p className="panel muted">{trainee ? t('noModulesTrainee') : t('noModulesStaff')}</p>
          ) : (
            <div className="exam-modules">
              {catalog.modules.map((m) => (
                <ModuleCard
                  key={`${m.ref.id}@${m.ref.version}`}
                  module={m}
                  trainee={trainee}
                  onStart={() => {
                    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
                    setStarting(m);
                  }}
                />
              ))}
            </div>
          )}
        </>
      )}
      {starting && (
        <StartExamDialog
          module={starting}
          person={person}
          onCancel={() => {
            setStarting(null);
            opener.current?.focus();
          }}
        />
      )}
    </section>
  );
}

function ProblemsPanel({ problems }: { problems: Catalog['problems'] }) {
  const { t } = useTranslation('exams');
  if (problems.length === 0) {
    return (
      <p className="notice notice-success exam-problems-none" role="status">
        {t('problems.none')}
      </p>
    );
  }
  return (
    <section className="panel exam-problems" aria-labelledby="exam-problems-title">
      <h2 id="exam-problems-title">{t('problems.title')}</h2>
      <p className="muted">{t('problems.intro', { n: problems.length })}</p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('problems.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('problems.file')}</th>
              <th scope="col">{t('problems.pointer')}</th>
              <th scope="col">{t('problems.message')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={`${p.file}${p.pointer}${i}`}>
                <td>
                  <FilePath path={p.file} />
                </td>
                <td>
                  <code translate="no" data-user-content>
                    {p.pointer || '/'}
                  </code>
                </td>
                {/* The loader's message is technical English; it names what to fix in the file. */}
                <td lang="en">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
