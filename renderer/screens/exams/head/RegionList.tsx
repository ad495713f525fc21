// The labelled alternative to the head: one toggle button per region, named in the UI language, doing
// exactly what clicking the region on the head does. Always shown (happy-dom and assistive technology
// have no WebGL); the head itself carries no labels during a running exam.

import { useTranslation } from 'react-i18next';
import { REGION_NAMES, type RegionId } from '../../../../core/anatomy/regions';

export function RegionList({
  regions,
  selected,
  colors,
  onPick,
  disabled,
  label,
}: {
  regions: readonly RegionId[];
  selected: ReadonlySet<RegionId>;
  colors?: ReadonlyMap<RegionId, string>;
  onPick: (region: RegionId) => void;
  disabled?: boolean;
  label?: string;
}) {
  const { t, i18n } = useTranslation('exam');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <fieldset className="region-list">
      <legend>{label ?? t('head.list')}</legend>
      <div className="region-list-buttons">
        {regions.map((region) => (
          <button
            key={region}
            type="button"
            className="region-chip"
            aria-pressed={selected.has(region)}
            disabled={disabled}
            onClick={() => onPick(region)}
          >
            {colors?.get(region) && <span className="region-swatch" aria-hidden="true" style={{ background: colors.get(region) }} />}
            {REGION_NAMES[region][lang]}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
