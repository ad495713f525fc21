// The treatment endpoint (8.4.1-8.4.3): the trainee declares it reached, per target region or for all of them
// at once, and the scorer judges the declaration with the simulator's skin-reaction model
// (core/scoring/engine/endpoint.ts). Learn and test mode both offer the control; only learn mode says whether
// the model agrees (the engine's live warning for a declaration it finds premature), test mode gives no hint.

import { useTranslation } from 'react-i18next';
import { REGION_NAMES, type RegionId } from '../../../core/anatomy/regions';
import type { Endpoint } from '../../../core/recording/types';
import { useStudio } from '../store';
import { feedbackVisible } from '../test-mode';
import { formatSessionTime } from './session-time';

/** The endpoints of 8.4 a roller session declares. */
const DECLARED_ENDPOINTS: readonly Endpoint[] = ['pink', 'absorption', 'texture-scars'];
/** The rules the engine raises, with a live warning, when a declaration comes before the endpoint. */
export const ENDPOINT_NOT_REACHED_RULES: ReadonlySet<string> = new Set(['roller-endpoint-pink-not-reached', 'roller-endpoint-absorption-not-reached', 'roller-endpoint-texture-not-reached']);

export function EndpointPanel() {
  const { t, i18n } = useTranslation('endpoint');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const running = useStudio((s) => s.phase === 'running');
  const goal = useStudio((s) => s.recorder?.header.goal);
  const procedure = useStudio((s) => s.recorder?.header.procedure);
  const hints = useStudio((s) => feedbackVisible(s.mode));
  const endpoints = useStudio((s) => s.endpoints);
  const warnings = useStudio((s) => s.warnings);
  const declare = useStudio((s) => s.declareEndpoint);
  if (!running || !goal || procedure !== 'roller' || !DECLARED_ENDPOINTS.includes(goal.endpoint) || goal.targetRegions.length === 0) return null;

  // A region's first declaration is the one scored.
  const declaredAt = new Map<RegionId, number>();
  for (const d of endpoints) for (const r of d.regions) if (!declaredAt.has(r)) declaredAt.set(r, d.tMs);
  const open = goal.targetRegions.filter((r) => !declaredAt.has(r));
  const notReached = (region: RegionId) => warnings.find((w) => ENDPOINT_NOT_REACHED_RULES.has(w.ruleId) && w.region === region);

  return (
    <section className="studio-panel studio-endpoint" aria-labelledby="studio-endpoint-title" data-testid="endpoint-panel">
      <h2 id="studio-endpoint-title">{t('title')}</h2>
      {hints && <p className="studio-muted">{t(`goal.${goal.endpoint}`)}</p>}
      {hints && <p className="studio-muted">{t('hint')}</p>}
      <ul className="studio-steps studio-endpoint-list">
        {goal.targetRegions.map((region) => {
          const name = REGION_NAMES[region][lang];
          const at = declaredAt.get(region);
          if (at === undefined) {
            return (
              <li key={region}>
                <button type="button" className="button small" data-testid={`endpoint-declare-${region}`} onClick={() => declare([region])}>
                  {t('declare', { region: name })}
                </button>
              </li>
            );
          }
          const warning = hints ? notReached(region) : undefined;
          return (
            <li key={region} data-testid={`endpoint-declared-${region}`}>
              <span>{t('declared', { region: name, time: formatSessionTime(at) })}</span>
              {hints && (
                <div role="status" className={warning ? 'studio-endpoint-disagrees' : 'studio-endpoint-agrees'} data-testid={`endpoint-verdict-${region}`}>
                  <p>{warning ? t('modelDisagrees') : t('modelAgrees')}</p>
                  {warning && <p>{warning.message[lang]}</p>}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {open.length > 1 && (
        <button type="button" className="button small" data-testid="endpoint-declare-all" onClick={() => declare(open)}>
          {t('declareAll')}
        </button>
      )}
      {hints && <p className="studio-muted">{t('modelNote')}</p>}
    </section>
  );
}
