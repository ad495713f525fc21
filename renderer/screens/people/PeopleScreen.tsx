// People on the training file. Administrators see and manage everyone; instructors see trainees (main
// answers them with trainees only) and manage their details and PINs.

import { useCallback, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AccountRole, Person } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAppStore } from '../../app/store';
import { CreatePersonForm } from './CreatePersonForm';
import { ManagePerson } from './ManagePerson';
import { PeopleTable } from './PeopleTable';

type View = { name: 'list' } | { name: 'create' } | { name: 'manage'; person: Person };

export function PeopleScreen() {
  const { t } = useTranslation('people');
  const api = useAppStore((s) => s.api);
  const navigate = useAppStore((s) => s.navigate);
  const admin = useAppStore((s) => s.signedIn?.accountRole === 'admin');
  const [role, setRole] = useState<AccountRole | ''>('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [people, setPeople] = useState<Person[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [view, setView] = useState<View>({ name: 'list' });
  const [created, setCreated] = useState<Person | null>(null);

  const load = useCallback(async () => {
    const result = await api.people.list({ includeInactive, ...(role ? { accountRole: role } : {}) });
    if (result.ok) setPeople(result.value);
    setError(result.ok ? null : result.error);
  }, [api, role, includeInactive]);

  useEffect(() => {
    void load();
  }, [load]);

  const title = admin ? t('titleAdmin') : t('titleInstructor');
  return (
    <section className="screen" aria-labelledby="people-title">
      <header className="screen-header">
        <h1 id="people-title">{title}</h1>
        <p className="lead">{admin ? t('introAdmin') : t('introInstructor')}</p>
      </header>
      {view.name === 'create' ? (
        <CreatePersonForm
          onCancel={() => setView({ name: 'list' })}
          onCreated={(person) => {
            setCreated(person);
            setView({ name: 'list' });
            void load();
          }}
        />
      ) : view.name === 'manage' ? (
        <ManagePerson key={view.person.id} initial={view.person} onChanged={() => void load()} onBack={() => setView({ name: 'list' })} />
      ) : (
        <>
          <div className="screen-toolbar">
            <div className="filters" role="group" aria-label={t('filters.label')}>
              {admin && (
                <label className="inline-field">
                  <span>{t('filters.role')}</span>
                  <select name="roleFilter" value={role} onChange={(e) => setRole(e.target.value as AccountRole | '')}>
                    <option value="">{t('filters.allRoles')}</option>
                    <option value="trainee">{t('common:accountRoles.trainee')}</option>
                    <option value="instructor">{t('common:accountRoles.instructor')}</option>
                    <option value="admin">{t('common:accountRoles.admin')}</option>
                  </select>
                </label>
              )}
              <label className="checkbox inline-field">
                <input type="checkbox" name="includeInactive" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
                <span>{t('filters.includeInactive')}</span>
              </label>
            </div>
            <button type="button" className="button button-primary" onClick={() => {
                setCreated(null);
                setView({ name: 'create' });
              }}>
              {admin ? t('create.open') : t('create.openTrainee')}
            </button>
          </div>
          {created && (
            <p className="notice notice-success" role="status">
              <Trans t={t} i18nKey="create.done" values={{ name: created.name }} components={{ name: <strong data-user-content /> }} />
            </p>
          )}
          {error ? (
            <ErrorNotice error={error} onRetry={() => void load()} />
          ) : people === null ? (
            <p className="loading" role="status">
              {t('common:loading')}
            </p>
          ) : people.length === 0 ? (
            <p className="panel muted">{t('empty')}</p>
          ) : (
            <PeopleTable people={people} onManage={(person) => setView({ name: 'manage', person })} onOpenFile={(person) => navigate({ name: 'trainee', personId: person.id })} />
          )}
        </>
      )}
    </section>
  );
}
