// What the learn-mode panel teaches for the region under the device: the recommended roller needle length
// (8.5.1-8.5.7) or RF insertion depth (9.6.4-9.6.6) with its clause, and the nano rules (10.4, 10.5).
// Numbers are the standard's; where a region has no site clause the general endpoint rules (8.4) apply.

import type { RegionId } from '../../../core/anatomy/regions';
import type { Procedure } from '../../../core/recording/types';

export interface SiteGuidance {
  clause: string;
  /** Recommended range, mm (needle length for the roller, insertion depth for RF); absent when none. */
  rangeMm?: [number, number];
  /** i18n key (studio namespace) of the rule text in our own words. */
  ruleKey: string;
}

const ROLLER: Partial<Record<RegionId, SiteGuidance>> = {
  'upper-eyelid-left': { clause: '8.5.1', rangeMm: [0.25, 0.25], ruleKey: 'guide.roller.eyelid' },
  'upper-eyelid-right': { clause: '8.5.1', rangeMm: [0.25, 0.25], ruleKey: 'guide.roller.eyelid' },
  'lower-eyelid-left': { clause: '8.5.1', rangeMm: [0.25, 0.25], ruleKey: 'guide.roller.eyelid' },
  'lower-eyelid-right': { clause: '8.5.1', rangeMm: [0.25, 0.25], ruleKey: 'guide.roller.eyelid' },
  'eyebrow-left': { clause: '8.5.1', rangeMm: [0.25, 0.25], ruleKey: 'guide.roller.eyelid' },
  'eyebrow-right': { clause: '8.5.1', rangeMm: [0.25, 0.25], ruleKey: 'guide.roller.eyelid' },
  nose: { clause: '8.5.2', rangeMm: [0.5, 1.0], ruleKey: 'guide.roller.nose' },
  'nasolabial-left': { clause: '8.5.3', rangeMm: [1.0, 1.5], ruleKey: 'guide.roller.folds' },
  'nasolabial-right': { clause: '8.5.3', rangeMm: [1.0, 1.5], ruleKey: 'guide.roller.folds' },
  mentolabial: { clause: '8.5.3', rangeMm: [1.0, 1.5], ruleKey: 'guide.roller.folds' },
  perioral: { clause: '8.5.4', rangeMm: [0.5, 1.0], ruleKey: 'guide.roller.perioral' },
  forehead: { clause: '8.5.5', rangeMm: [0.5, 1.0], ruleKey: 'guide.roller.forehead' },
  neck: { clause: '8.5.6', rangeMm: [0.5, 2.0], ruleKey: 'guide.roller.neck' },
  scalp: { clause: '8.5.7', rangeMm: [0.5, 0.8], ruleKey: 'guide.roller.scalp' },
};

const RF: Partial<Record<RegionId, SiteGuidance>> = {
  'periorbital-left': { clause: '9.6.4', rangeMm: [0.5, 1.5], ruleKey: 'guide.rf.periocular' },
  'periorbital-right': { clause: '9.6.4', rangeMm: [0.5, 1.5], ruleKey: 'guide.rf.periocular' },
  'upper-eyelid-left': { clause: '9.6.4', rangeMm: [0.5, 1.5], ruleKey: 'guide.rf.periocular' },
  'upper-eyelid-right': { clause: '9.6.4', rangeMm: [0.5, 1.5], ruleKey: 'guide.rf.periocular' },
  'lower-eyelid-left': { clause: '9.6.4', rangeMm: [0.5, 1.5], ruleKey: 'guide.rf.periocular' },
  'lower-eyelid-right': { clause: '9.6.4', rangeMm: [0.5, 1.5], ruleKey: 'guide.rf.periocular' },
  forehead: { clause: '9.6.5', rangeMm: [0.5, 1.5], ruleKey: 'guide.rf.face' },
  'cheek-left': { clause: '9.6.5', rangeMm: [1.0, 2.5], ruleKey: 'guide.rf.face' },
  'cheek-right': { clause: '9.6.5', rangeMm: [1.0, 2.5], ruleKey: 'guide.rf.face' },
  'mandible-left': { clause: '9.6.5', rangeMm: [0.5, 1.5], ruleKey: 'guide.rf.face' },
  'mandible-right': { clause: '9.6.5', rangeMm: [0.5, 1.5], ruleKey: 'guide.rf.face' },
  'zygoma-left': { clause: '9.6.5', rangeMm: [0.5, 1.5], ruleKey: 'guide.rf.face' },
  'zygoma-right': { clause: '9.6.5', rangeMm: [0.5, 1.5], ruleKey: 'guide.rf.face' },
  neck: { clause: '9.6.6', rangeMm: [1.0, 2.5], ruleKey: 'guide.rf.neck' },
};

export function siteGuidance(procedure: Procedure, region: RegionId): SiteGuidance {
  if (procedure === 'roller') return ROLLER[region] ?? { clause: '8.4', ruleKey: 'guide.roller.general' };
  if (procedure === 'rf') return RF[region] ?? { clause: '9.3', ruleKey: 'guide.rf.general' };
  return region === 'scalp' ? { clause: '10.4', ruleKey: 'guide.nano.scalp' } : { clause: '10.5', ruleKey: 'guide.nano.general' };
}
