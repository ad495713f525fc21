// Region names on the head in the UI language: the scenario's targets, the no-treat zones and the region
// under the pointer. Placed a little off the surface along the direction from the head's centre.

import { Html } from '@react-three/drei';
import { useTranslation } from 'react-i18next';
import { isNoTreatRegion, REGION_NAMES, type RegionId } from '../../../core/anatomy/regions';
import type { RegionInfo } from '../../../core/surface/surface';

export function RegionLabels({ regions, targets, hover }: { regions: readonly RegionInfo[]; targets: ReadonlySet<RegionId>; hover: RegionId | null }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const shown = regions.filter((r) => targets.has(r.id) || isNoTreatRegion(r.id) || r.id === hover);
  return (
    <>
      {shown.map((r) => {
        const [x, y, z] = r.centroid;
        const len = Math.hypot(x, y - 20, z) || 1;
        const out = 14;
        const kind = isNoTreatRegion(r.id) ? 'no-treat' : targets.has(r.id) ? 'target' : 'hover';
        return (
          <Html key={r.id} position={[x + (x / len) * out, y + ((y - 20) / len) * out, z + (z / len) * out]} center zIndexRange={[10, 0]}>
            <span className={`studio-label studio-label-${kind}`} data-region={r.id}>
              {REGION_NAMES[r.id][lang]}
            </span>
          </Html>
        );
      })}
    </>
  );
}
