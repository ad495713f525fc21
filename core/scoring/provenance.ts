// Provenance of a score: which engine, rules, scenario and head model produced it, so a stored report can
// be checked against the code and data that would score it today.

import { canonicalJson } from '../canonical-json';
import { sha256Hex } from '../head-model/sha256';
import { RULES } from '../rules/catalogue';
import { ENDPOINT_OVERSHOOT_SEVERITY } from '../rules/endpoint-severity';
import { EXTENT_SEVERITY } from '../rules/extent-severity';
import { SIMULATOR_DEFAULTS } from '../rules/simulator-defaults';
import type { Scenario } from './scenario';

/** Version of the scoring engine (semver). Bump it whenever a change can alter any score or finding. */
export const SCORING_ENGINE_VERSION = '2.2.1';

export interface ScoreProvenance {
  engineVersion: string;
  /** sha256 (hex) of the rules catalogue, simulator defaults, severity-by-extent and endpoint-overshoot tables, canonical JSON. */
  rulesHash: string;
  /** sha256 (hex) of the scenario scored under, canonical JSON (of null when none). */
  scenarioHash: string;
  /** sha256 (hex) of the head model binary the scorer used. */
  headModelSha256: string;
}

const utf8 = new TextEncoder();
const hashJson = (value: unknown) => sha256Hex(utf8.encode(canonicalJson(value)));

let rulesHash: string | undefined;

/** sha256 hex of canonicalJson({ rules, defaults, extent, endpoint }) (the severity-by-extent and endpoint-overshoot tables); computed once per process. */
export function rulesCatalogueHash(): string {
  rulesHash ??= hashJson({ rules: RULES, defaults: SIMULATOR_DEFAULTS, extent: EXTENT_SEVERITY, endpoint: ENDPOINT_OVERSHOOT_SEVERITY });
  return rulesHash;
}

export function scenarioHash(scenario: Scenario | undefined): string {
  return hashJson(scenario ?? null);
}

export function scoreProvenance(options: { scenario?: Scenario; headModelSha256: string }): ScoreProvenance {
  return {
    engineVersion: SCORING_ENGINE_VERSION,
    rulesHash: rulesCatalogueHash(),
    scenarioHash: scenarioHash(options.scenario),
    headModelSha256: options.headModelSha256,
  };
}
