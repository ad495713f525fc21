// Live feedback for learn mode and the replay: the scoring engine's incremental LiveScorer (core), so
// the heat maps, warnings and the final score come from the same primitives and cannot disagree.
// The studio adds one teaching warning of its own in learn mode (never scored): rolling outside the
// session's target regions, said once per excursion (when the drum first leaves the targets, not per
// sample), computed here from the region under each sample.

import { isNoTreatRegion, REGION_NAMES, type RegionId } from '../../../core/anatomy/regions';
import type { LiveScorer, LiveWarning, RecordingEvent, RecordingHeader } from '../../../core/scoring/live-contract';
import { createLiveScorer } from '../../../core/scoring/live';
import type { TreatmentSurface } from '../../../core/surface/surface';

export type StudioFeedback = LiveScorer;

/** The studio's own warning id (not a catalogue rule, never in a report). */
export const OUTSIDE_TARGET_WARNING = 'studio-outside-target';

export function outsideTargetWarning(region: RegionId, targets: readonly RegionId[], tMs: number): LiveWarning {
  const list = (lang: 'zh' | 'en') => targets.map((r) => REGION_NAMES[r][lang]).join(lang === 'zh' ? '、' : ', ');
  return {
    ruleId: OUTSIDE_TARGET_WARNING,
    clause: '8.2',
    // A teaching hint, not a rule of the catalogue: never scored, so no severity beyond information.
    severity: 'info',
    region,
    tMs,
    message: { zh: `滚到了治疗部位以外：${REGION_NAMES[region].zh}（本次治疗部位：${list('zh')}）`, en: `Rolling outside the target regions: ${REGION_NAMES[region].en} (this session's targets: ${list('en')})` },
  };
}

/** Watches roller samples for excursions outside the target regions; one warning per excursion. */
export function createExcursionWatch(targets: readonly RegionId[]): (event: RecordingEvent) => LiveWarning | null {
  const inTarget = new Set<RegionId>(targets);
  // Within one excursion (from leaving the targets until the drum is back on one or lifted), warned yet?
  let warned = false;
  return (event) => {
    if (event.kind !== 'sample') return null;
    const s = event.sample;
    if (!s.contact || inTarget.has(s.region)) {
      warned = false;
      return null;
    }
    // A no-treat zone is core's critical warning (8.5); saying more there would only repeat it.
    if (warned || isNoTreatRegion(s.region)) return null;
    warned = true;
    return outsideTargetWarning(s.region, targets, s.tMs);
  };
}

export function createStudioFeedback(surface: TreatmentSurface, header: RecordingHeader): StudioFeedback {
  const scorer = createLiveScorer(surface, header);
  if (header.procedure !== 'roller' || header.mode !== 'learn' || header.goal.targetRegions.length === 0) return scorer;
  const watch = createExcursionWatch(header.goal.targetRegions);
  return {
    get state() {
      return scorer.state;
    },
    report: () => scorer.report(),
    push(event) {
      const warnings = scorer.push(event);
      const extra = watch(event);
      return extra ? [...warnings, extra] : warnings;
    },
  };
}
