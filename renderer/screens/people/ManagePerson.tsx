// One person, as staff manage them: details, how they sign in, their role and whether they are active.
// Each part is shown only to the roles main lets make that change.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../core/api/contract';
import { useAppStore } from '../../app/store';
import { PersonDetailsForm } from './PersonDetailsForm';
import { PersonSummary } from './PersonSummary';
import { RoleForm } from './RoleForm';
import { ActiveForm, PasswordResetForm, PinForm } from './SignInForms';

export function ManagePerson({ initial, onChanged, onBack }: { initial: Person; onChanged: (person: Person) => void; onBack: () => void }) {
  const { t } = useTranslation('people');
  const admin = useAppStore((s) => s.signedIn?.accountRole === 'admin');
  const navigate = useAppStore((s) => s.navigate);
  const selfId = useAppStore((s) => s.signedIn?.personId);
  const refreshAuth = useAppStore((s) => s.refreshAuth);
  const [person, setPerson] = useState(initial);
  const saved = (next: Person) => {
    setPerson(next);
    onChanged(next);
    // A change to one's own name, role or activity: take main's word for who is signed in now.
    if (next.id === selfId) void refreshAuth();
  };
  const trainee = person.accountRole === 'trainee';

  return (
    <div className="manage-person">
      <div className="screen-toolbar">
        <button type="button" className="button" onClick={onBack}>
          {t('manage.back')}
        </button>
        {trainee && (
          <button type="button" className="button" onClick={() => navigate({ name: 'trainee', personId: person.id })}>
            {t('openFile')}
          </button>
        )}
      </div>
      <PersonSummary person={person} headingLevel={2} />
      <div className="two-columns">
        <PersonDetailsForm person={person} onSaved={saved} />
        {trainee ? <PinForm person={person} onSaved={saved} /> : admin && <PasswordResetForm person={person} onSaved={saved} />}
        {admin && <RoleForm person={person} onSaved={saved} />}
        {admin && <ActiveForm person={person} onSaved={saved} />}
      </div>
    </div>
  );
}
