import { useTranslation } from 'react-i18next';
import iconUrl from '../../assets/icons/64x64.png';
import { navItemsFor, navTargetOf } from './nav';
import { useAppStore } from './store';

export function TopBar() {
  const { t } = useTranslation('common');
  const signedIn = useAppStore((s) => s.signedIn);
  const phase = useAppStore((s) => s.phase);
  return (
    <header className="topbar">
      <div className="brand">
        <img src={iconUrl} alt="" width={32} height={32} />
        <div>
          <span className="brand-name">{t('productName')}</span>
          <span className="brand-tagline">{t('productTagline')}</span>
        </div>
      </div>
      {signedIn && phase.name === 'ready' && <TopNav />}
    </header>
  );
}

function TopNav() {
  const { t } = useTranslation('common');
  const signedIn = useAppStore((s) => s.signedIn);
  const screen = useAppStore((s) => s.screen);
  const navigate = useAppStore((s) => s.navigate);
  const signOut = useAppStore((s) => s.signOut);
  if (!signedIn) return null;
  const current = navTargetOf(screen);
  return (
    <div className="topnav-wrap">
      <nav className="topnav" aria-label={t('nav.mainNavigation')}>
        {navItemsFor(signedIn.accountRole).map((item) => (
          <button
            key={item.target}
            type="button"
            className="nav-link"
            aria-current={current === item.target ? 'page' : undefined}
            onClick={() => navigate({ name: item.target })}
          >
            {t(`nav.${item.label}`)}
          </button>
        ))}
      </nav>
      <div className="nav-account">
        <span className="nav-account-who">
          <span className="nav-account-name" data-user-content>
            {signedIn.name}
          </span>
          <span className="nav-account-role">{t(`accountRoles.${signedIn.accountRole}`)}</span>
        </span>
        <button type="button" className="button button-small" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      </div>
    </div>
  );
}
