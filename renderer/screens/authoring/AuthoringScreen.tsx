// Authoring (instructors): a tab per kind of item (questions, cases, vignettes, modules) listing what is
// published with Edit, Duplicate, Archive/Restore and New, and the open drafts with Continue and Discard;
// and a tab for exam packs and question banks in and out.

import { useTranslation } from 'react-i18next';
import type { AuthoredKind } from '../../../core/api/contract';
import type { AuthoringTab } from '../../app/state/navigation';
import { useAppStore } from '../../app/store';
import { DraftsPanel } from './DraftsPanel';
import { ItemsPanel } from './ItemsPanel';
import { PacksPanel } from './packs/PacksPanel';

export const AUTHORING_TABS: readonly AuthoringTab[] = ['question', 'patient-case', 'complication', 'exam-module', 'packs'];

export function AuthoringScreen({ tab }: { tab: AuthoringTab }) {
  const { t } = useTranslation('authoring');
  const navigate = useAppStore((s) => s.navigate);
  // The tab list as WAI-ARIA's tabs pattern: arrow keys (and Home/End) move between tabs, Tab leaves the list.
  const moveTab = (key: string) => {
    const at = AUTHORING_TABS.indexOf(tab);
    const next = key === 'ArrowRight' ? (at + 1) % AUTHORING_TABS.length : key === 'ArrowLeft' ? (at - 1 + AUTHORING_TABS.length) % AUTHORING_TABS.length : key === 'Home' ? 0 : key === 'End' ? AUTHORING_TABS.length - 1 : -1;
    if (next < 0) return;
    const k = AUTHORING_TABS[next]!;
    navigate({ name: 'authoring', tab: k });
    requestAnimationFrame(() => document.getElementById(`authoring-tab-${k}`)?.focus());
  };
  return (
    <section className="screen authoring-screen" aria-labelledby="authoring-title">
      <header className="screen-header">
        <h1 id="authoring-title">{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
      </header>
      <div className="segmented authoring-tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={(e) => moveTab(e.key)}>
        {AUTHORING_TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`authoring-tab-${k}`}
            aria-selected={tab === k}
            tabIndex={tab === k ? 0 : -1}
            aria-controls="authoring-tabpanel"
            className={`segment${tab === k ? ' segment-active' : ''}`}
            onClick={() => navigate({ name: 'authoring', tab: k })}
          >
            {t(`tabs.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="authoring-tabpanel" aria-labelledby={`authoring-tab-${tab}`} className="authoring-tabpanel">
        {tab === 'packs' ? (
          <PacksPanel />
        ) : (
          <KindPanel key={tab} kind={tab} />
        )}
      </div>
    </section>
  );
}

function KindPanel({ kind }: { kind: AuthoredKind }) {
  return (
    <>
      <DraftsPanel kind={kind} />
      <ItemsPanel kind={kind} />
    </>
  );
}
