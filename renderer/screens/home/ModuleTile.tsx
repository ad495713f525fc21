import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ModuleId = 'roller' | 'rf' | 'nano' | 'exams' | 'records' | 'authoring' | 'trainees' | 'people' | 'audit' | 'institution';

export function ModuleGroup({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="module-group" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="tiles">{children}</div>
    </section>
  );
}

/**
 * A module card. The button holds only the title (its accessible name) and stretches over the card;
 * without onOpen the module is not in this version: the button is disabled and the card says so.
 */
export function ModuleTile({ id, icon, onOpen }: { id: ModuleId; icon: ReactNode; onOpen?: () => void }) {
  const { t } = useTranslation(['home', 'common']);
  const descriptionId = useId();
  const badgeId = useId();
  const available = onOpen !== undefined;
  return (
    <div className={`tile${available ? '' : ' tile-unavailable'}`} data-module={id}>
      <span className="tile-icon" aria-hidden="true">
        {icon}
      </span>
      <h3 className="tile-title">
        <button
          type="button"
          className="tile-button"
          onClick={onOpen}
          disabled={!available}
          aria-describedby={available ? descriptionId : `${badgeId} ${descriptionId}`}
        >
          {t(`modules.${id}.title`)}
        </button>
      </h3>
      <p className="tile-description" id={descriptionId}>
        {t(`modules.${id}.description`)}
      </p>
      {!available && (
        <p className="badge" id={badgeId} title={t('common:unavailableDescription')}>
          {t('common:unavailable')}
        </p>
      )}
    </div>
  );
}
