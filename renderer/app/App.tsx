import { useEffect, useState } from 'react';
import type { StoreApi } from 'zustand';
import { useTranslation } from 'react-i18next';
import iconUrl from '../../assets/icons/64x64.png';
import { HomeScreen } from '../screens/HomeScreen';
import { MyRecordsScreen } from '../screens/MyRecordsScreen';
import { ProfileScreen } from '../screens/ProfileScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorNotice } from './ErrorNotice';
import { StudioHost } from './StudioHost';
import { AppStoreContext, useAppStore, type AppState, type Screen } from './store';

export function App({ store }: { store: StoreApi<AppState> }) {
  return (
    <AppStoreContext.Provider value={store}>
      <Shell store={store} />
    </AppStoreContext.Provider>
  );
}

function Shell({ store }: { store: StoreApi<AppState> }) {
  const { t } = useTranslation('common');
  const booted = useAppStore((s) => s.booted);
  const bootError = useAppStore((s) => s.bootError);
  const screen = useAppStore((s) => s.screen);
  const profile = useAppStore((s) => s.currentProfile);
  const [bootKey, setBootKey] = useState(0);

  useEffect(() => {
    void store.getState().boot();
  }, [store, bootKey]);

  // Keep the window title in the UI language.
  const language = useAppStore((s) => s.language);
  useEffect(() => {
    document.title = t('productName');
  }, [t, language]);

  const goHome = () => store.getState().navigate({ name: 'home' });

  if (screen.name === 'studio' && profile) {
    return (
      <ErrorBoundary key="studio" onReset={goHome}>
        <StudioHost
          procedure={screen.procedure}
          openRecordingId={screen.openRecordingId}
          onExit={() => store.getState().navigate(screen.openRecordingId ? { name: 'records' } : { name: 'home' })}
        />
      </ErrorBoundary>
    );
  }

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <img src={iconUrl} alt="" width={32} height={32} />
          <div>
            <span className="brand-name">{t('productName')}</span>
            <span className="brand-tagline">{t('productTagline')}</span>
          </div>
        </div>
        {profile && <TopNav screen={screen} />}
      </header>
      <main className="content" id="main">
        {!booted ? (
          <p className="loading" role="status">
            {t('loading')}
          </p>
        ) : bootError ? (
          <ErrorNotice error={bootError} title={t('errors.bootTitle')} onRetry={() => setBootKey((k) => k + 1)} />
        ) : (
          <ErrorBoundary key={screen.name} onReset={goHome}>
            <CurrentScreen screen={screen} />
          </ErrorBoundary>
        )}
      </main>
    </div>
  );
}

function TopNav({ screen }: { screen: Screen }) {
  const { t } = useTranslation('common');
  const navigate = useAppStore((s) => s.navigate);
  const switchProfile = useAppStore((s) => s.switchProfile);
  const profile = useAppStore((s) => s.currentProfile);
  const items: { target: Screen; label: string }[] = [
    { target: { name: 'home' }, label: t('nav.home') },
    { target: { name: 'records' }, label: t('nav.records') },
    { target: { name: 'settings' }, label: t('nav.settings') },
  ];
  return (
    <nav className="topnav" aria-label={t('nav.mainNavigation')}>
      {items.map((item) => (
        <button
          key={item.target.name}
          type="button"
          className="nav-link"
          aria-current={screen.name === item.target.name ? 'page' : undefined}
          onClick={() => navigate(item.target)}
        >
          {item.label}
        </button>
      ))}
      <span className="nav-profile">
        <span className="nav-profile-name" data-user-content>
          {profile?.name}
        </span>
        <button type="button" className="nav-link" onClick={switchProfile}>
          {t('nav.switchProfile')}
        </button>
      </span>
    </nav>
  );
}

function CurrentScreen({ screen }: { screen: Screen }) {
  const profile = useAppStore((s) => s.currentProfile);
  if (!profile) return <ProfileScreen />;
  switch (screen.name) {
    case 'home':
      return <HomeScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'records':
      return <MyRecordsScreen />;
    default:
      return <ProfileScreen />;
  }
}
