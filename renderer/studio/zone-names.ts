// RF zones are shown by the regions they hold (REGION_NAMES, in the UI language), never by their ids:
// "额部、左颞部" rather than zone-1. A zone with no region yet is named by its position.

import { REGION_NAMES } from '../../core/anatomy/regions';
import type { Zone } from '../../core/recording/types';

export type Lang = 'zh' | 'en';

export function regionList(regions: readonly Zone['regions'][number][], lang: Lang): string {
  return regions.map((r) => REGION_NAMES[r][lang]).join(lang === 'zh' ? '、' : ', ');
}

/** The zone's name: its regions, or the empty-zone label (given, in the UI language, for its position). */
export function zoneName(zone: Zone, lang: Lang, emptyLabel: string): string {
  return zone.regions.length > 0 ? regionList(zone.regions, lang) : emptyLabel;
}

/**
 * Replaces zone ids in a message (core's findings and warnings name zones by id, e.g. "zone zone-2: …")
 * with the zones' names.
 */
export function nameZonesIn(text: string, zones: readonly Zone[], lang: Lang, emptyLabel: (n: number) => string): string {
  if (zones.length === 0) return text;
  // Longest ids first, so zone-1 never eats the start of zone-10; only whole ids are replaced.
  const named = zones.map((z, i) => ({ id: z.id, name: zoneName(z, lang, emptyLabel(i + 1)) })).sort((a, b) => b.id.length - a.id.length);
  return named.reduce((out, z) => out.replace(new RegExp(`(?<![\\w-])${z.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'), z.name), text);
}
