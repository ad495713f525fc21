import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { useTranslation } from 'react-i18next';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { CohortScreen } from '../screens/cohort/CohortScreen';
import { AnalysisScreen } from '../screens/authoring/analysis/AnalysisScreen';
import { AuthoringScreen } from '../screens/authoring/AuthoringScreen';
import { DraftScreen } from '../screens/authoring/DraftScreen';
import { ExamRoute } from '../screens/exams/catalog/ExamRoute';
import { ExamsScreen } from '../screens/exams/catalog/ExamsScreen';
import { SyllabusScreen } from '../screens/exams/catalog/SyllabusScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { PeopleScreen } from '../screens/people/PeopleScreen';
import { TraineeFileScreen } from '../screens/people/TraineeFileScreen';
import { MyRecordsScreen } from '../screens/records/MyRecordsScreen';
import { AdminRecordsScreen } from '../screens/records/admin/AdminRecordsScreen';
import { RecoveryScreen } from '../screens/start/RecoveryScreen';
import { SetupScreen } from '../screens/start/SetupScreen';
import { SignInScreen } from '../screens/start/SignInScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { ErrorNotice } from './ErrorNotice';
import { mayOpen } from './nav';
import { StudioHost } from './StudioHost';
import { AppStoreContext, useAppStore, type AppState, type Screen } from './store';
import { TopBar } from './TopBar';

export function App({ store }: { store: StoreApi<AppState> }) {
  return (
    <AppStoreContext.Provider value={store}>
      <Shell store={store} />
    </AppStoreContext.Provider>
  );
}

function Shell({ store }: { store: StoreApi<AppState> }) {
  const { t } = useTranslation('common');
  const phase = useAppStore((s) => s.phase);
  const screen = useAppStore((s) => s.screen);
  const signedIn = useAppStore((s) => s.signedIn);

  useEffect(() => {
    void store.getState().boot();
  }, [store]);

  // Keep the window title in the UI language.
  const language = useAppStore((s) => s.language);
  useEffect(() => {
    document.title = t('productName');
  }, [t, language]);

  const goHome = () => store.getState().navigate({ name: 'home' });

  if (phase.name === 'ready' && signedIn && screen.name === 'studio' && mayOpen(signedIn.accountRole, screen)) {
    const leave = () => store.getState().leaveStudio();
    const exam = screen.exam ? { ...screen.exam, onDone: leave } : undefined;
    return (
      <ErrorBoundary key="studio" onReset={goHome}>
        <StudioHost procedure={screen.procedure} openAttemptId={screen.openAttemptId} onExit={leave} {...(exam ? { exam } : {})} />
      </ErrorBoundary>
    );
  }

  return (
    <div className="shell">
      <TopBar />
      <main className="content" id="main">
        {phase.name === 'loading' ? (
          <p className="loading" role="status">
            {t('loading')}
          </p>
        ) : phase.name === 'failed' ? (
          <ErrorNotice error={phase.error} title={t('errors.bootTitle')} onRetry={() => void store.getState().boot()} />
        ) : phase.name === 'recovery' ? (
          <RecoveryScreen storage={phase.storage} />
        ) : phase.name === 'setup' ? (
          <SetupScreen />
        ) : !signedIn ? (
          <SignInScreen />
        ) : (
          <ErrorBoundary key={screen.name} onReset={goHome}>
            <CurrentScreen screen={mayOpen(signedIn.accountRole, screen) ? screen : { name: 'home' }} />
          </ErrorBoundary>
        )}
      </main>
    </div>
  );
}

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'records':
      return <RecordsRoute />;
    case 'people':
      return <PeopleScreen />;
    case 'trainee':
      return <TraineeFileScreen key={screen.personId} personId={screen.personId} />;
    case 'audit':
      return <AuditScreen />;
    case 'cohort':
      return <CohortScreen />;
    case 'exams':
      return <ExamsScreen />;
    case 'exam':
      return <ExamRoute key={screen.examAttemptId} examAttemptId={screen.examAttemptId} />;
    case 'syllabus':
      return <SyllabusScreen key={screen.moduleId} moduleId={screen.moduleId} />;
    case 'settings':
      return <SettingsScreen />;
    case 'authoring':
      return <AuthoringScreen tab={screen.tab ?? 'question'} />;
    case 'authoring-edit':
      return <DraftScreen key={screen.draftId} draftId={screen.draftId} />;
    case 'authoring-analysis':
      return <AnalysisScreen key={screen.moduleId} moduleId={screen.moduleId} />;
    default:
      return <HomeScreen />;
  }
}

/** Administrators keep the institution's records (exports, revoking, renewals); everyone else their own. */
function RecordsRoute() {
  const admin = useAppStore((s) => s.signedIn?.accountRole === 'admin');
  return admin ? <AdminRecordsScreen /> : <MyRecordsScreen />;
}
