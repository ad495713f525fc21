import { useTranslation } from 'react-i18next';
import type { Person } from '../../../core/api/contract';
import { Certificate } from './PersonSummary';

export function PeopleTable({ people, onManage, onOpenFile }: { people: Person[]; onManage: (person: Person) => void; onOpenFile: (person: Person) => void }) {
  const { t } = useTranslation('people');
  return (
    <div className="panel table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.name')}</th>
            <th scope="col">{t('columns.role')}</th>
            <th scope="col">{t('columns.profession')}</th>
            <th scope="col">{t('columns.certificate')}</th>
            <th scope="col">{t('columns.active')}</th>
            <th scope="col" className="numeric">
              {t('columns.attempts')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id} className={p.active ? undefined : 'row-inactive'}>
              <th scope="row" className="cell-name" id={`person-name-${p.id}`} data-user-content>
                {p.name}
              </th>
              <td>{t(`common:accountRoles.${p.accountRole}`)}</td>
              <td>{p.profession ? t(`common:professions.${p.profession}`) : <span className="muted">{t('none')}</span>}</td>
              <td>
                <Certificate person={p} />
              </td>
              <td>{p.active ? t('active') : <span className="pill pill-muted">{t('inactive')}</span>}</td>
              <td className="numeric">{p.attemptCount}</td>
              <td className="cell-actions">
                {p.accountRole === 'trainee' && (
                  <button type="button" className="button button-small" id={`open-file-${p.id}`} onClick={() => onOpenFile(p)} aria-labelledby={`open-file-${p.id} person-name-${p.id}`}>
                    {t('openFile')}
                  </button>
                )}
                <button type="button" className="button button-small" id={`manage-${p.id}`} onClick={() => onManage(p)} aria-labelledby={`manage-${p.id} person-name-${p.id}`}>
                  {t('manage.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
