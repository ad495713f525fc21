// RF zones (9.2): each zone named by its regions and defined by picking regions on the head or from the
// list. Learn mode says how many zones the standard asks for and lists each zone's steps under it; test
// mode says neither (feedbackVisible): the zones are defined the same way, the actions are in the palette.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Zone } from '../../../core/recording/types';
import { RF_ZONES_MAX, RF_ZONES_MIN } from '../procedure-steps';
import { useStudio } from '../store';
import { feedbackVisible } from '../test-mode';
import { regionList, zoneName } from '../zone-names';
import { ZoneRegionList } from './ZoneRegionList';

export function ZoneEditor({ renderSteps }: { renderSteps?: (zone: Zone, name: string) => ReactNode }) {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const hints = useStudio((s) => feedbackVisible(s.mode));
  const zones = useStudio((s) => s.zones);
  const activeZoneId = useStudio((s) => s.activeZoneId);
  const zoneEditId = useStudio((s) => s.zoneEditId);
  const setActiveZone = useStudio((s) => s.setActiveZone);
  const setZoneEdit = useStudio((s) => s.setZoneEdit);
  const addZone = useStudio((s) => s.addZone);
  const removeZone = useStudio((s) => s.removeZone);
  const emptyLabel = (n: number) => t('zones.unnamed', { n });
  const phase = useStudio((s) => s.phase);
  const suggested = useStudio((s) => s.preset.suggestedZones);
  // Before Start there are no zones yet: the scenario's zones, which Start sets up, are shown as they will be
  // (never "at least 2 zones needed" beside a scenario that has 3), to change once the session runs.
  if (phase === 'setup') {
    return (
      <div className="studio-zones" data-testid="zones-preview">
        <h3>{hints ? t('zones.title', { min: RF_ZONES_MIN, max: RF_ZONES_MAX }) : t('zones.titleNeutral')}</h3>
        <p className="studio-hint">{suggested?.length ? t('zones.atStart', { n: suggested.length }) : t('zones.noneAtStart')}</p>
        {suggested && suggested.length > 0 && (
          <ol className="studio-zone-preview">
            {suggested.map((regions, i) => (
              <li key={i} className="studio-zone-name">
                {regionList(regions, lang)}
              </li>
            ))}
          </ol>
        )}
      </div>
    );
  }
  return (
    <div className="studio-zones">
      <h3>{hints ? t('zones.title', { min: RF_ZONES_MIN, max: RF_ZONES_MAX }) : t('zones.titleNeutral')}</h3>
      {hints && zones.length < RF_ZONES_MIN && <p className="studio-warning-inline">{t('zones.tooFew', { min: RF_ZONES_MIN })}</p>}
      {zones.map((z, i) => {
        const name = zoneName(z, lang, emptyLabel(i + 1));
        return (
          <div key={z.id} className={z.id === activeZoneId ? 'studio-zone active' : 'studio-zone'} data-testid={`zone-${z.id}`}>
            <div className="studio-zone-head">
              <label className="studio-zone-name">
                <input type="radio" name="active-zone" checked={z.id === activeZoneId} onChange={() => setActiveZone(z.id)} aria-label={t('zones.activate', { zone: name })} />
                <span data-testid="zone-name">{name}</span>
              </label>
              {/* The zone's two buttons stay together: wrapping leaves × beside its zone's button, never alone. */}
              <span className="studio-zone-actions">
                <button type="button" className="button small" aria-pressed={zoneEditId === z.id} onClick={() => setZoneEdit(zoneEditId === z.id ? null : z.id)} aria-label={t(zoneEditId === z.id ? 'zones.finishPickingFor' : 'zones.pickFor', { zone: name })}>
                  {zoneEditId === z.id ? t('zones.finishPicking') : t('zones.pick')}
                </button>
                <button type="button" className="button small subtle" onClick={() => removeZone(z.id)} aria-label={t('zones.remove', { zone: name })}>
                  ×
                </button>
              </span>
            </div>
            {zoneEditId === z.id && <ZoneRegionList zone={z} name={name} />}
            {renderSteps?.(z, name)}
          </div>
        );
      })}
      {zoneEditId && <p className="studio-hint">{t('zones.pickHint')}</p>}
      <button type="button" className="button small" disabled={zones.length >= RF_ZONES_MAX} onClick={() => addZone([])} data-testid="add-zone">
        {t('zones.add')}
      </button>
    </div>
  );
}
