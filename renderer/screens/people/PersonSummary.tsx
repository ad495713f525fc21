// Who a person is on the training file: role, profession and certificate (15.2), sign-in, activity.

import { useTranslation } from 'react-i18next';
import type { Person } from '../../../core/api/contract';
import { useFormat } from '../../app/ui/format';

export function PersonSummary({ person, headingLevel }: { person: Person; headingLevel: 1 | 2 }) {
  const { t } = useTranslation('people');
  const format = useFormat();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className="panel person-summary" aria-labelledby={`person-${person.id}`}>
      <Heading id={`person-${person.id}`}>
        <span data-user-content>{person.name}</span>
        {!person.active && <span className="pill pill-muted">{t('inactive')}</span>}
      </Heading>
      <dl className="facts">
        <div>
          <dt>{t('fields.accountRole')}</dt>
          <dd>{t(`common:accountRoles.${person.accountRole}`)}</dd>
        </div>
        <div>
          <dt>{t('fields.profession')}</dt>
          <dd>{person.profession ? t(`common:professions.${person.profession}`) : t('none')}</dd>
        </div>
        <div>
          <dt>{t('fields.certificate')}</dt>
          <dd>
            <Certificate person={person} />
          </dd>
        </div>
        {person.username && (
          <div>
            <dt>{t('fields.username')}</dt>
            <dd data-user-content>{person.username}</dd>
          </div>
        )}
        {person.accountRole === 'trainee' && (
          <div>
            <dt>{t('fields.pin')}</dt>
            <dd>{person.hasPin ? t('manage.pinIsSet') : t('manage.pinNotSet')}</dd>
          </div>
        )}
        <div>
          <dt>{t('columns.attempts')}</dt>
          <dd>{person.attemptCount}</dd>
        </div>
        <div>
          <dt>{t('fields.createdAt')}</dt>
          <dd>{format.dateTime(person.createdAt)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** Certificate kind and number, or a dash. */
export function Certificate({ person }: { person: Pick<Person, 'certificateKind' | 'certificateNumber'> }) {
  const { t } = useTranslation('people');
  if (!person.certificateKind && !person.certificateNumber) return <span className="muted">{t('none')}</span>;
  return (
    <span className="certificate">
      {person.certificateKind && <span className="certificate-kind">{t(`common:certificateKinds.${person.certificateKind}`)}</span>}
      {person.certificateNumber && (
        <span className="certificate-number" data-user-content>
          {person.certificateNumber}
        </span>
      )}
    </span>
  );
}
