// An RF zone's regions chosen from a list (the keyboard's way, and the same as clicking the head): every
// treatable region of the head, ticked when it is in this zone. A region is in one zone at most.

import { useTranslation } from 'react-i18next';
import { REGION_NAMES, TREATMENT_REGION_IDS, type RegionId } from '../../../core/anatomy/regions';
import type { Zone } from '../../../core/recording/types';
import { useStudio } from '../store';
import { feedbackVisible } from '../test-mode';

const NO_TARGETS: readonly RegionId[] = [];

export function ZoneRegionList({ zone, name }: { zone: Zone; name: string }) {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const toggle = useStudio((s) => s.toggleZoneRegion);
  const zones = useStudio((s) => s.zones);
  // Test mode marks no region as a target and lists them all in the head's own order.
  const targets = useStudio((s) => (feedbackVisible(s.mode) ? s.preset.goal.targetRegions : NO_TARGETS));
  // Target regions first: they are the ones a zone is for.
  const ordered = [...TREATMENT_REGION_IDS].sort((a, b) => Number(targets.includes(b)) - Number(targets.includes(a)));
  return (
    <fieldset className="studio-zone-regions-list" data-testid={`zone-regions-${zone.id}`}>
      <legend>{t('zones.listLegend', { zone: name })}</legend>
      {ordered.map((r) => {
        const other = zones.find((z) => z.id !== zone.id && z.regions.includes(r));
        return (
          <label key={r} className="studio-check">
            <input type="checkbox" checked={zone.regions.includes(r)} onChange={() => toggle(zone.id, r)} data-testid={`zone-region-${r}`} />
            {/* One flex item: the name stays whole on its line, the notes wrap after it. */}
            <span className="studio-region-choice">
              <span className="studio-region-name">{REGION_NAMES[r][lang]}</span>
              {targets.includes(r) && <small className="studio-muted"> {t('zones.target')}</small>}
              {other && <small className="studio-muted"> {t('zones.inOther')}</small>}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
