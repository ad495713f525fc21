import { describe, expect, it } from 'vitest';
import { ALL_REGION_IDS, TREATMENT_REGION_IDS } from '../../../core/anatomy/regions';
import { RULES, RULES_BY_ID } from '../../../core/rules/catalogue';
import { CONDITIONS } from '../../../core/rules/conditions';
import { AFTERCARE_STEPS, PREPARATION_STEPS, PRE_TREATMENT_STEPS, STEP_CLAUSES, STEP_NAMES } from '../../../core/rules/procedure';
import { SIMULATOR_DEFAULTS, SIMULATOR_DEFAULT_KEYS, defaultValues } from '../../../core/rules/simulator-defaults';
import { inRanges, RF_SITE_TABLE, rfSiteRule, ROLLER_SITE_TABLE, rollerNeedleRecommendation } from '../../../core/rules/sites';
import { STEP_IDS } from '../../../core/recording/schema';

/** Every clause issue 3 lists for the catalogue. */
const REQUIRED_CLAUSES = [
  '4.1.2',
  ...Array.from({ length: 10 }, (_, i) => `6.${i + 1}`),
  '7.1', '7.2', '7.3',
  '8.1', '8.2', '8.3', '8.4.1', '8.4.2', '8.4.3',
  '8.5.1', '8.5.2', '8.5.3', '8.5.4', '8.5.5', '8.5.6', '8.5.7',
  '9.1', '9.2', '9.3', '9.4', '9.5', '9.6.1', '9.6.2', '9.6.3', '9.6.4', '9.6.5', '9.6.6', '9.6.7', '9.7',
  '10.1', '10.2', '10.3', '10.4', '10.5', '10.6', '10.7',
  '12.1', '12.2',
  ...Array.from({ length: 10 }, (_, i) => `13.${i + 1}`),
  '15.1.1', '15.1.2', '15.2.1', '15.2.2', '15.2.3',
];

describe('rules catalogue', () => {
  it('covers every clause the issue lists', () => {
    const clauses = new Set(RULES.map((r) => r.clause));
    expect(REQUIRED_CLAUSES.filter((c) => !clauses.has(c))).toEqual([]);
  });

  it('has unique ids and complete bilingual statements', () => {
    expect(RULES_BY_ID.size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z0-9.-]+$/);
      expect(r.clause).toMatch(/^\d+(\.\d+)*$/);
      expect(r.statement.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.statement.en.length).toBeGreaterThan(10);
    }
  });

  it('labels rules whose thresholds are simulator defaults, and every such parameter names its default', () => {
    for (const r of RULES) {
      const simParams = Object.values(r.parameters).filter((p) => p.source === 'simulator-default');
      expect(r.source).toBe(simParams.length > 0 ? 'simulator-default' : 'standard');
      for (const p of simParams) {
        expect(SIMULATOR_DEFAULT_KEYS).toContain(p.defaultKey);
        expect(p.value).toBe(SIMULATOR_DEFAULTS[p.defaultKey as keyof typeof SIMULATOR_DEFAULTS].value);
      }
    }
  });

  it('has a critical case-screening rule for every contraindication 6.1-6.10', () => {
    for (const c of CONDITIONS.filter((c) => c.kind === 'contraindication')) {
      const rule = RULES_BY_ID.get(`contra-${c.id}`);
      expect(rule).toMatchObject({ clause: c.clause, severity: 'critical', use: 'case-screening', criterion: 'safety' });
    }
    const clauses = new Set(CONDITIONS.filter((c) => c.kind === 'contraindication').map((c) => c.clause));
    for (let i = 1; i <= 10; i++) expect(clauses.has(`6.${i}`)).toBe(true);
  });

  it('gives complications their management, e.g. antiviral prophylaxis for herpes (13.6)', () => {
    for (let i = 1; i <= 10; i++) {
      const rules = RULES.filter((r) => r.clause === `13.${i}`);
      expect(rules.some((r) => r.management || r.use === 'session')).toBe(true);
    }
    expect(RULES_BY_ID.get('antiviral-prophylaxis')!.parameters.startDaysBefore.value).toBe(3);
  });
});

describe('site tables', () => {
  it('map only known region ids', () => {
    for (const row of ROLLER_SITE_TABLE) for (const r of row.regions) expect(ALL_REGION_IDS).toContain(r);
    for (const row of RF_SITE_TABLE) for (const r of row.regions) expect(ALL_REGION_IDS).toContain(r);
  });

  it('give a roller recommendation for every treatment region and endpoint', () => {
    for (const region of TREATMENT_REGION_IDS) {
      for (const endpoint of ['pink', 'absorption', 'texture-scars'] as const) {
        const rec = rollerNeedleRecommendation(region, endpoint, { skinType: 'normal' });
        expect(rec.ranges.length).toBeGreaterThan(0);
        expect(rec.clause).toMatch(/^(8\.5\.\d|8\.4\.[23]|4\.1\.2)$/);
      }
    }
  });

  it('carry the standard\'s numbers', () => {
    const rec = (region: Parameters<typeof rollerNeedleRecommendation>[0], extra = {}) => rollerNeedleRecommendation(region, 'pink', { skinType: 'normal', ...extra });
    expect(rec('upper-eyelid-left').ranges).toEqual([[0.25, 0.25]]);
    expect(rec('nose').ranges).toEqual([[0.5, 1.0]]);
    expect(rec('nose', { nasalImplant: true })).toMatchObject({ clause: '8.5.2', ranges: [[0, 0.25]] });
    expect(rec('nasolabial-right').ranges).toEqual([[1.0, 1.5]]);
    expect(rec('perioral').ranges).toEqual([[0.5, 1.0]]);
    expect(rec('forehead', { skinType: 'thin' }).ranges).toEqual([[0.5, 0.5]]);
    expect(inRanges(1.5, rec('neck').ranges)).toBe(true);
    expect(inRanges(0.8, rec('neck').ranges)).toBe(false);
    expect(rec('scalp').ranges).toEqual([[0.5, 0.8]]);
    expect(rollerNeedleRecommendation('cheek-left', 'absorption', { skinType: 'normal' })).toMatchObject({ clause: '8.4.2', ranges: [[0.25, 0.5]] });
    expect(rollerNeedleRecommendation('cheek-left', 'texture-scars', { skinType: 'normal' })).toMatchObject({ clause: '8.4.3', ranges: [[1.0, 1.5]] });
    expect(rfSiteRule('lower-eyelid-right')).toMatchObject({ clause: '9.6.4', depthMm: [0.5, 1.5], bipolarRequired: true });
    expect(rfSiteRule('cheek-right')).toMatchObject({ clause: '9.6.5', depthMm: [1.0, 2.5] });
    expect(rfSiteRule('neck')).toMatchObject({ clause: '9.6.6', depthMm: [1.0, 2.5], suction: 'required' });
    expect(rfSiteRule('abdomen')).toMatchObject({ depthMm: [1.0, 3.5] });
    expect(rfSiteRule('axilla-left')).toMatchObject({ clause: '9.6.7', depthMm: [3.5, 5.5] });
  });
});

describe('procedure steps and defaults', () => {
  it('give every step a clause and reference only known steps and rules', () => {
    for (const s of STEP_IDS) {
      expect(STEP_CLAUSES[s]).toMatch(/^\d+(\.\d+)*$/);
      expect(STEP_NAMES[s].zh).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const req of [...PRE_TREATMENT_STEPS, ...Object.values(AFTERCARE_STEPS).flat()]) expect(RULES_BY_ID.has(req.ruleId)).toBe(true);
    for (const p of Object.values(PREPARATION_STEPS)) expect(RULES_BY_ID.has(p.ruleId)).toBe(true);
  });

  it('keep every simulator default with a value, unit, clause and bilingual description; overrides apply', () => {
    for (const k of SIMULATOR_DEFAULT_KEYS) {
      const d = SIMULATOR_DEFAULTS[k];
      expect(Number.isFinite(d.value)).toBe(true);
      expect(d.unit.length).toBeGreaterThan(0);
      expect(d.clause).toMatch(/^\d+(\.\d+)*$/);
      expect(d.description.zh.length * d.description.en.length).toBeGreaterThan(0);
    }
    expect(defaultValues({ passMark: 90 })).toMatchObject({ passMark: 90, strokeChunkMm: SIMULATOR_DEFAULTS.strokeChunkMm.value });
  });
});

describe('docs/scoring.md', () => {
  it('lists every simulator default with its value', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../docs/scoring.md', import.meta.url), 'utf8');
    for (const k of SIMULATOR_DEFAULT_KEYS) expect(doc).toContain(`| \`${k}\` | ${SIMULATOR_DEFAULTS[k].value} |`);
  });
});

/** The scorer's own code: the parts of the engine (core/scoring/engine/*.ts), not the file that composes them. */
async function engineParts(): Promise<string> {
  const { readFileSync, readdirSync } = await import('node:fs');
  const dir = new URL('../../../core/scoring/engine/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .join('\n');
}

describe('session rules are all checked by the engine', () => {
  it('every rule used on sessions is raised somewhere in the engine parts or the procedure tables', async () => {
    const { readFileSync } = await import('node:fs');
    const src = (await engineParts()) + readFileSync(new URL('../../../core/rules/procedure.ts', import.meta.url), 'utf8');
    const unchecked = RULES.filter((r) => r.use === 'session' && !src.includes(`'${r.id}'`)).map((r) => r.id);
    expect(unchecked).toEqual([]);
  });
});

describe('simulator defaults are all in use', () => {
  it('the engine parts read every one of them', async () => {
    const src = await engineParts();
    expect(SIMULATOR_DEFAULT_KEYS.filter((k) => !new RegExp(`\\bcfg\\.${k}\\b`).test(src))).toEqual([]);
  });
});
