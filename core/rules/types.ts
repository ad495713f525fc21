// Shape of a rule in the catalogue: the standard (or a labelled simulator default) as typed data.

import type { Criterion, LocalizedText, Severity } from '../scoring/report';

export type RuleSource = 'standard' | 'simulator-default';

/** How a rule is used: scored from a recording, screened on a case, or examined as knowledge only. */
export type RuleUse = 'session' | 'case-screening' | 'knowledge';

export type RuleTopic =
  | 'device'
  | 'contraindication'
  | 'preparation'
  | 'roller'
  | 'roller-site'
  | 'rf'
  | 'rf-site'
  | 'nano'
  | 'aftercare'
  | 'complication'
  | 'qualification';

export interface RuleParameter {
  value: number | string | boolean | readonly number[];
  unit?: string;
  /** Where the value comes from: the standard, or a simulator default (configurable per scenario). */
  source: RuleSource;
  /** Key in SIMULATOR_DEFAULTS when the value is a simulator default. */
  defaultKey?: string;
}

export interface Rule {
  /** Stable id used in findings, exams and records. */
  id: string;
  /** Clause of 《微针治疗操作规范》, e.g. '8.5.7'. */
  clause: string;
  topic: RuleTopic;
  use: RuleUse;
  /** Short statement in our own words. */
  statement: LocalizedText;
  parameters: Record<string, RuleParameter>;
  severity: Severity;
  criterion: Criterion;
  /** 'simulator-default' when the threshold that triggers the rule is ours, not the standard's. */
  source: RuleSource;
  /** Management or follow-up the standard gives (complications, risk conditions). */
  management?: LocalizedText;
}

export const std = (value: RuleParameter['value'], unit?: string): RuleParameter => ({ value, unit, source: 'standard' });
