// Home: who is signed in, and the modules their role works with. Trainees and instructors practise in the
// studio; administrators run the institution (people, audit trail, settings and backups).

import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Person, SignedIn } from '../../../core/api/contract';
import type { Procedure } from '../../../core/recording/types';
import { useAppStore } from '../../app/store';
import { AuditIcon, AuthoringIcon, ExamIcon, InstitutionIcon, NanoIcon, PeopleIcon, RecordsIcon, RfIcon, RollerIcon } from './icons';
import { TrackStatusView } from '../exams/catalog/TrackStatus';
import { ImportNotice } from './ImportNotice';
import { RenewalNotice } from './RenewalNotice';
import { ModuleGroup, ModuleTile } from './ModuleTile';

export function HomeScreen() {
  const { t } = useTranslation(['home', 'common']);
  const signedIn = useAppStore((s) => s.signedIn);
  const navigate = useAppStore((s) => s.navigate);
  if (!signedIn) return null;
  const practice = (procedure: Procedure) => () => navigate({ name: 'studio', procedure });
  const role = signedIn.accountRole;

  return (
    <section className="screen" aria-labelledby="home-title">
      <HomeHeader signedIn={signedIn} />
      {role === 'admin' && <ImportNotice />}
      {role === 'trainee' && <RenewalNotice />}
      {role === 'trainee' && <TrackStatusView />}
      {role !== 'admin' && (
        <ModuleGroup title={t('practiceTitle')}>
          <ModuleTile id="roller" icon={<RollerIcon />} onOpen={practice('roller')} />
          <ModuleTile id="rf" icon={<RfIcon />} onOpen={practice('rf')} />
          <ModuleTile id="nano" icon={<NanoIcon />} onOpen={practice('nano')} />
        </ModuleGroup>
      )}
      {role === 'trainee' && (
        <ModuleGroup title={t('assessmentTitle')}>
          <ModuleTile id="exams" icon={<ExamIcon />} onOpen={() => navigate({ name: 'exams' })} />
          <ModuleTile id="records" icon={<RecordsIcon />} onOpen={() => navigate({ name: 'records' })} />
        </ModuleGroup>
      )}
      {role === 'instructor' && (
        <ModuleGroup title={t('instructorTitle')}>
          <ModuleTile id="trainees" icon={<PeopleIcon />} onOpen={() => navigate({ name: 'people' })} />
          <ModuleTile id="records" icon={<RecordsIcon />} onOpen={() => navigate({ name: 'records' })} />
          <ModuleTile id="authoring" icon={<AuthoringIcon />} onOpen={() => navigate({ name: 'authoring' })} />
        </ModuleGroup>
      )}
      {role === 'admin' && (
        <ModuleGroup title={t('adminTitle')}>
          <ModuleTile id="people" icon={<PeopleIcon />} onOpen={() => navigate({ name: 'people' })} />
          <ModuleTile id="audit" icon={<AuditIcon />} onOpen={() => navigate({ name: 'audit' })} />
          <ModuleTile id="institution" icon={<InstitutionIcon />} onOpen={() => navigate({ name: 'settings' })} />
        </ModuleGroup>
      )}
    </section>
  );
}

function HomeHeader({ signedIn }: { signedIn: SignedIn }) {
  const { t } = useTranslation(['home', 'common']);
  const api = useAppStore((s) => s.api);
  const institutionName = useAppStore((s) => s.institution.name);
  const [person, setPerson] = useState<Person | null>(null);

  useEffect(() => {
    let live = true;
    void api.people.get({ id: signedIn.personId }).then((r) => live && r.ok && setPerson(r.value));
    return () => {
      live = false;
    };
  }, [api, signedIn.personId]);

  const parts = [t(`common:accountRoles.${signedIn.accountRole}`)];
  if (signedIn.profession) parts.push(t(`common:professions.${signedIn.profession}`));
  return (
    <header className="screen-header">
      <h1 id="home-title">
        <Trans t={t} i18nKey="greeting" values={{ name: signedIn.name }} components={{ name: <span data-user-content /> }} />
      </h1>
      <p className="muted">
        {parts.join(' · ')}
        {person?.certificateKind && person.certificateNumber && (
          <>
            {' · '}
            {t(`common:certificateKinds.${person.certificateKind}`)} <span data-user-content>{person.certificateNumber}</span>
          </>
        )}
      </p>
      {institutionName && (
        <p className="muted">
          <Trans t={t} i18nKey="institution" values={{ name: institutionName }} components={{ name: <span data-user-content /> }} />
        </p>
      )}
    </header>
  );
}
