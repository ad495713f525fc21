// What the learn-mode panel teaches for the region under the device, from the rules catalogue: the
// recommended roller needle length (8.5.x, else the endpoint's range) or RF insertion depth (9.6.x) with
// its clause and the rule's statement, and the nano technique rules (10.4, 10.5). Over a no-treat zone
// (eyes, lips, nostrils) only that it must not be treated, with the no-treat rule's clause (8.5).

import { isNoTreatRegion, type RegionId } from '../../../core/anatomy/regions';
import type { PatientCase, Procedure, SessionGoal } from '../../../core/recording/types';
import { RULES } from '../../../core/rules/catalogue';
import { formatRanges, rfSiteRule, rollerNeedleRecommendation, type RangeMm } from '../../../core/rules/sites';
import type { LocalizedText } from '../../../core/scoring/report';

export interface SiteGuidance {
  clause: string;
  /** A no-treat zone: it must not be treated; no needle, depth or setting is recommended. */
  noTreat?: true;
  /** Recommended ranges, mm (needle length for the roller, insertion depth for RF); absent when none. */
  rangesMm?: readonly RangeMm[];
  /** The catalogue's statements for the clause (session rules), in both languages. */
  statements: LocalizedText[];
}

function statementsFor(clause: string, topics: readonly string[]): LocalizedText[] {
  return RULES.filter((r) => r.clause === clause && r.use === 'session' && topics.includes(r.topic)).map((r) => r.statement);
}

function catalogueRule(id: string) {
  const rule = RULES.find((r) => r.id === id);
  // The panel teaches from the catalogue; a rule it names and cannot find is a build error, not a guess.
  if (!rule) throw new Error(`the rules catalogue has no rule ${id}`);
  return rule;
}

/** The catalogue's no-treat rule: its clause and statement are all the panel says over a no-treat zone. */
const NO_TREAT_RULE = catalogueRule('no-treat-contact');

export function siteGuidance(procedure: Procedure, region: RegionId, goal: SessionGoal, patient: PatientCase): SiteGuidance {
  if (isNoTreatRegion(region)) return { clause: NO_TREAT_RULE.clause, noTreat: true, statements: [NO_TREAT_RULE.statement] };
  if (procedure === 'roller') {
    const rec = rollerNeedleRecommendation(region, goal.endpoint, patient);
    return { clause: rec.clause, rangesMm: rec.ranges, statements: statementsFor(rec.clause, ['roller-site', 'roller', 'device']) };
  }
  if (procedure === 'rf') {
    const site = rfSiteRule(region);
    if (site) return { clause: site.clause, rangesMm: [site.depthMm], statements: statementsFor(site.clause, ['rf-site']) };
    return { clause: '9.3', statements: statementsFor('9.3', ['rf']) };
  }
  const clause = region === 'scalp' && patient.hairBearingScalp ? '10.4' : '10.5';
  return { clause, statements: statementsFor(clause, ['nano']) };
}

export { formatRanges };
