// The trainee-facing wording of findings and warnings (issue 11 §2): one number format for lengths, no
// brackets inside a live warning's own brackets, direction verdicts that give each 米 direction's share
// instead of calling a rolled direction missing, and the standard's own term for the 8.4.1 endpoint.
// Expected texts are written from the standard's ranges (8.5.5, 8.5.6, 9.6.4) and the fixtures' settings.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_REGION_IDS } from '../../../core/anatomy/regions';
import { scoringSurfaceFor } from '../../../core/node/surface';
import { PRACTICE_PRESETS } from '../../../core/practice/presets';
import type { Endpoint } from '../../../core/recording/types';
import { parseRecording } from '../../../core/recording/validate';
import { formatMm, formatRanges, recommendationText, RF_SITE_TABLE, rollerNeedleRecommendation } from '../../../core/rules/sites';
import { crossPatternEvidence } from '../../../core/scoring/engine/roller-coverage';
import { createFindingSink } from '../../../core/scoring/engine/findings';
import { score } from '../../../core/scoring/score';
import { CLAUSES } from '../../../core/standard/clauses';

const fixture = (name: string) => {
  const parsed = parseRecording(readFileSync(new URL(`../../fixtures/recordings/${name}.json`, import.meta.url), 'utf8'), name);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  // On the head the fixture's case is treated on, as main scores an attempt.
  return score(parsed.recording, { surface: scoringSurfaceFor(parsed.recording).surface });
};
const finding = (name: string, ruleId: string) => {
  const f = fixture(name).findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`${name}: no ${ruleId}`);
  return f;
};
const BRACKETS = /[（）()]/;

describe('lengths in mm', () => {
  it('always with one decimal at least, as the standard writes them', () => {
    expect([1, 2, 0.5, 0.25, 1.1, 0.8, 3].map(formatMm)).toEqual(['1.0', '2.0', '0.5', '0.25', '1.1', '0.8', '3.0']);
    expect(formatRanges([[0.5, 1]])).toBe('0.5-1.0 mm');
    expect(formatRanges([[0, 0.25]])).toBe('≤0.25 mm');
    expect(formatRanges([[0.5, 0.5], [1, 2]])).toBe('0.5 / 1.0-2.0 mm');
  });
});

describe('site recommendations', () => {
  it('read as words with no brackets of their own, for every region, endpoint and case', () => {
    const endpoints: Endpoint[] = ['pink', 'absorption', 'texture-scars', 'tightening', 'delivery'];
    const cases = [{ skinType: 'normal' }, { skinType: 'thin' }, { skinType: 'normal', nasalImplant: true }] as const;
    for (const region of ALL_REGION_IDS)
      for (const endpoint of endpoints)
        for (const patient of cases) {
          const { advice } = rollerNeedleRecommendation(region, endpoint, patient);
          expect(advice.zh, `${region} ${endpoint}`).not.toMatch(BRACKETS);
          expect(advice.en, `${region} ${endpoint}`).not.toMatch(BRACKETS);
          // No internal endpoint id on screen.
          expect(advice.en).not.toMatch(/\b(pink|texture-scars)\b/);
        }
    for (const site of RF_SITE_TABLE) expect(recommendationText([site.depthMm], site.basis).zh).not.toMatch(BRACKETS);
  });

  it('say when each of the neck\'s two ranges applies (8.5.6), and the endpoint\'s purpose elsewhere', () => {
    expect(rollerNeedleRecommendation('neck', 'pink', { skinType: 'normal' }).advice).toEqual({
      zh: '颈部推荐常规 0.5 mm，按皱纹深浅 1.0-2.0 mm',
      en: 'recommended for the neck: 0.5 mm routinely, 1.0-2.0 mm by wrinkle depth',
    });
    // 8.5.5 with thin skin: the low end of 0.5-1.0 mm.
    expect(rollerNeedleRecommendation('forehead', 'pink', { skinType: 'thin' }).advice.zh).toBe('皮肤薄的额部推荐 0.5 mm');
    // A cheek on the absorption endpoint: 8.4.2's 0.25-0.5 mm.
    expect(rollerNeedleRecommendation('cheek-left', 'absorption', { skinType: 'normal' }).advice).toEqual({ zh: '促进透皮吸收推荐 0.25-0.5 mm', en: 'recommended for better transdermal absorption: 0.25-0.5 mm' });
  });
});

describe('the site-needle and depth evidence', () => {
  it('a 1.5 mm needle on the forehead (8.5.5: 0.5-1.0 mm): one format, no nested brackets in the live warning', () => {
    const f = finding('roller-forehead-needle-wholly-wrong', 'roller-needle-forehead');
    expect(f.evidence.text).toEqual({ zh: '针长 1.5 mm；额部推荐 0.5-1.0 mm', en: 'needle 1.5 mm; recommended for the forehead: 0.5-1.0 mm' });
    // The live warning wraps the evidence in brackets after the rule's statement: one pair, never two.
    const sink = createFindingSink();
    sink.beginPush();
    sink.raise('roller-needle-forehead', 0, f.evidence.text, {}, 'forehead');
    const [warning] = sink.warnings();
    for (const [open, close, text] of [['（', '）', warning.message.zh], ['(', ')', warning.message.en]] as const) {
      expect(text.split(open).length - 1, text).toBe(1);
      expect(text.split(close).length - 1, text).toBe(1);
      expect(text.endsWith(close)).toBe(true);
    }
    expect(warning.message.zh).not.toMatch(/\d-1 mm/);
  });

  it('RF at 2 mm periocular (9.6.4: 0.5-1.5 mm) reads the same way', () => {
    expect(finding('rf-periocular-monopolar-deep', 'rf-depth-periocular').evidence.text).toEqual({ zh: '进针 2.0 mm；眼周推荐 0.5-1.5 mm', en: 'depth 2.0 mm; recommended for periocular skin: 0.5-1.5 mm' });
  });
});

describe('the 米 direction verdict (8.2)', () => {
  it('gives each direction its share of the region against the requirement, never "missing"', () => {
    // 12.34 % with all four; shares 31.26 %, 20 %, 0 %, 79.96 % of 100 mm²; 80 % required.
    const [text, values] = crossPatternEvidence(0.1234, [31.26, 20, 0, 79.96], 100, 0.8);
    expect(text.zh).toBe('四向覆盖 12.3%，要求 ≥ 80%；各方向滚过的面积：横向 31.2%、斜向 / 20%、竖向 0%、斜向 \\ 79.9%（每个方向都要 ≥ 80%）');
    expect(text.en).toBe('all four directions on 12.3% of the region, required ≥ 80%; each direction: horizontal 31.2%, diagonal / 20%, vertical 0%, diagonal \\ 79.9% (each needs ≥ 80%)');
    // Cut, not rounded: 79.96 % never reads as the 80 % it falls short of.
    expect(values).toMatchObject({ directionPct: [31.2, 20, 0, 79.9], missingDirections: 4, requiredPct: 80 });
  });

  it('a forehead rolled horizontally only: horizontal has its share, the other three 0 %', () => {
    const f = finding('roller-horizontal-only', 'roller-cross-pattern');
    expect(f.evidence.text.zh).not.toContain('不足');
    const m = /各方向滚过的面积：横向 ([\d.]+)%、斜向 \/ ([\d.]+)%、竖向 ([\d.]+)%、斜向 \\ ([\d.]+)%/.exec(f.evidence.text.zh);
    expect(m, f.evidence.text.zh).not.toBeNull();
    const [h, slash, v, back] = m!.slice(1).map(Number);
    expect(h).toBeGreaterThan(0);
    expect([slash, v, back]).toEqual([0, 0, 0]);
    expect(f.evidence.values.directionPct).toEqual([h, slash, v, back]);
  });
});

describe('8.4.1 in the standard\'s words', () => {
  it('皮肤发红 (pink), never 潮红, in the presets, the clause summaries and every UI text', () => {
    expect(CLAUSES.find((c) => c.id === '8.4.1')!.heading.zh).toContain('皮肤发红');
    expect(PRACTICE_PRESETS.find((p) => p.id === 'roller-forehead-pink')!.title.zh).toContain('皮肤发红');
    const texts = [...PRACTICE_PRESETS.map((p) => p.title.zh), ...CLAUSES.map((c) => c.heading.zh)];
    const locales = path.resolve(__dirname, '../../../renderer/i18n/locales/zh');
    for (const file of readdirSync(locales)) texts.push(readFileSync(path.join(locales, file), 'utf8'));
    expect(texts.filter((t) => t.includes('潮红'))).toEqual([]);
  });
});
