import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/head-model/sha256';
import { readShippedHeadModelFiles, shippedHeadModelSha256 } from '../../../core/node/head-model-file';
import { rulesCatalogueHash, scenarioHash, SCORING_ENGINE_VERSION, scoreProvenance } from '../../../core/scoring/provenance';
import { canonicalJson } from '../../../core/canonical-json';
import { RULES } from '../../../core/rules/catalogue';
import { ENDPOINT_OVERSHOOT_SEVERITY } from '../../../core/rules/endpoint-severity';
import { EXTENT_SEVERITY } from '../../../core/rules/extent-severity';
import { SIMULATOR_DEFAULTS } from '../../../core/rules/simulator-defaults';

const HEX64 = /^[0-9a-f]{64}$/;

describe('score provenance', () => {
  it('has a semver engine version', () => {
    expect(SCORING_ENGINE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('hashes the rules catalogue, defaults and severity-by-extent table: 64 hex, stable, the sha256 of their canonical JSON', () => {
    const h = rulesCatalogueHash();
    expect(h).toMatch(HEX64);
    expect(rulesCatalogueHash()).toBe(h);
    expect(h).toBe(sha256Hex(new TextEncoder().encode(canonicalJson({ rules: RULES, defaults: SIMULATOR_DEFAULTS, extent: EXTENT_SEVERITY, endpoint: ENDPOINT_OVERSHOOT_SEVERITY }))));
  });

  it('hashes scenarios: none is the hash of null, different scenarios differ, key order does not matter', () => {
    expect(scenarioHash(undefined)).toBe(sha256Hex(new TextEncoder().encode('null')));
    const a = scenarioHash({ id: 'drill', passMark: 80, disabledRules: ['roller-zone-by-zone'] });
    expect(a).toMatch(HEX64);
    expect(scenarioHash({ disabledRules: ['roller-zone-by-zone'], passMark: 80, id: 'drill' })).toBe(a);
    expect(scenarioHash({ id: 'drill', passMark: 85, disabledRules: ['roller-zone-by-zone'] })).not.toBe(a);
    expect(scenarioHash(undefined)).not.toBe(a);
  });

  it('collects engine, rules, scenario and head model', () => {
    const head = shippedHeadModelSha256();
    expect(head).toBe(readShippedHeadModelFiles().meta.binary.sha256);
    expect(head).toMatch(HEX64);
    expect(scoreProvenance({ scenario: undefined, headModelSha256: head })).toEqual({
      engineVersion: SCORING_ENGINE_VERSION,
      rulesHash: rulesCatalogueHash(),
      scenarioHash: scenarioHash(undefined),
      headModelSha256: head,
    });
  });
});
