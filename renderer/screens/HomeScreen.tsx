import { useId, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Procedure } from '../../core/recording/types';
import { useAppStore } from '../app/store';

type ModuleId = 'roller' | 'rf' | 'nano' | 'exams' | 'records' | 'authoring' | 'institutionRecords';

export function HomeScreen() {
  const { t } = useTranslation(['home', 'common']);
  const profile = useAppStore((s) => s.currentProfile);
  const institutionName = useAppStore((s) => s.settings.institutionName);
  const navigate = useAppStore((s) => s.navigate);
  if (!profile) return null;
  const practice = (procedure: Procedure) => () => navigate({ name: 'studio', procedure });

  return (
    <section className="screen" aria-labelledby="home-title">
      <header className="screen-header">
        <h1 id="home-title">
          <Trans t={t} i18nKey="greeting" values={{ name: profile.name }} components={{ name: <span data-user-content /> }} />
        </h1>
        <p className="muted">
          {t('roleLine', { role: t(`common:roles.${profile.role}`), number: profile.certificateNumber })}
          {profile.isInstructor ? ` · ${t('common:instructor')}` : ''}
        </p>
        {institutionName && (
          <p className="muted">
            <Trans t={t} i18nKey="institution" values={{ name: institutionName }} components={{ name: <span data-user-content /> }} />
          </p>
        )}
      </header>

      <ModuleGroup title={t('practiceTitle')}>
        <ModuleTile id="roller" icon={<RollerIcon />} onOpen={practice('roller')} />
        <ModuleTile id="rf" icon={<RfIcon />} onOpen={practice('rf')} />
        <ModuleTile id="nano" icon={<NanoIcon />} onOpen={practice('nano')} />
      </ModuleGroup>
      <ModuleGroup title={t('assessmentTitle')}>
        <ModuleTile id="exams" icon={<ExamIcon />} />
        <ModuleTile id="records" icon={<RecordsIcon />} onOpen={() => navigate({ name: 'records' })} />
      </ModuleGroup>
      {profile.isInstructor && (
        <ModuleGroup title={t('instructorTitle')}>
          <ModuleTile id="authoring" icon={<AuthoringIcon />} />
          <ModuleTile id="institutionRecords" icon={<InstitutionIcon />} />
        </ModuleGroup>
      )}
    </section>
  );
}

function ModuleGroup({ title, children }: { title: string; children: ReactNode }) {
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
function ModuleTile({ id, icon, onOpen }: { id: ModuleId; icon: ReactNode; onOpen?: () => void }) {
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

const svg = { width: 40, height: 40, viewBox: '0 0 40 40', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round' as const };

function RollerIcon() {
  return (
    <svg {...svg}>
      <rect x="8" y="6" width="24" height="10" rx="4" />
      <path d="M12 19v2M16 19v2M20 19v2M24 19v2M28 19v2M20 16v6M20 22v12" />
    </svg>
  );
}
function RfIcon() {
  return (
    <svg {...svg}>
      <rect x="13" y="4" width="14" height="20" rx="4" />
      <path d="M16 24v4M20 24v4M24 24v4M10 33c3-3 6 3 10 0s7 3 10 0" />
    </svg>
  );
}
function NanoIcon() {
  return (
    <svg {...svg}>
      <path d="M20 4v18M14 22h12l-2 6h-8z" />
      <path d="M8 34h24" />
    </svg>
  );
}
function ExamIcon() {
  return (
    <svg {...svg}>
      <rect x="9" y="5" width="22" height="30" rx="3" />
      <path d="M14 13h12M14 19h12M14 25l3 3 6-6" />
    </svg>
  );
}
function RecordsIcon() {
  return (
    <svg {...svg}>
      <path d="M6 10h10l3 3h15v19H6z" />
      <path d="M12 22h16M12 27h10" />
    </svg>
  );
}
function AuthoringIcon() {
  return (
    <svg {...svg}>
      <path d="M8 32l3-9L27 7l6 6-16 16z" />
      <path d="M23 11l6 6" />
    </svg>
  );
}
function InstitutionIcon() {
  return (
    <svg {...svg}>
      <path d="M5 15L20 6l15 9M8 15v15M16 15v15M24 15v15M32 15v15M5 33h30" />
    </svg>
  );
}
