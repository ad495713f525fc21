// The pressure scale in words (docs/recording-format.md): the named levels read as themselves, boundaries
// halfway between them; and a trainee's evidence over an implant or in suction mode names the level, never
// the raw 0-1 number (issue 11 §2), while the finding's values keep the number for instructors.

import { describe, expect, it } from 'vitest';
import { pressureText, pressureWord } from '../../../core/recording/pressure-words';
import { readFileSync } from 'node:fs';
import { loadScoringSurface } from '../../../core/node/surface';
import { parseRecording } from '../../../core/recording/validate';
import { score } from '../../../core/scoring/score';

const { surface } = loadScoringSurface();
const scored = (name: string) => {
  const parsed = parseRecording(readFileSync(new URL(`../../fixtures/recordings/${name}.json`, import.meta.url), 'utf8'), name);
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  const expected = JSON.parse(readFileSync(new URL(`../../fixtures/recordings/${name}.expected.json`, import.meta.url), 'utf8')) as { scenario?: Parameters<typeof score>[1]['scenario'] };
  return score(parsed.recording, { surface, scenario: expected.scenario });
};

describe('pressure in words', () => {
  it('names the scale’s levels and splits halfway between them', () => {
    expect([0, -1, Number.NaN].map(pressureWord)).toEqual(['lifted', 'lifted', 'lifted']);
    expect([0.01, 0.25, 0.399].map(pressureWord)).toEqual(['light', 'light', 'light']);
    expect([0.4, 0.55, 0.699].map(pressureWord)).toEqual(['moderate', 'moderate', 'moderate']);
    expect([0.7, 0.85, 1].map(pressureWord)).toEqual(['firm', 'firm', 'firm']);
    expect(pressureText(0.55)).toEqual({ zh: '适度用力', en: 'moderate' });
  });

  it('is what a trainee reads over an implant and in suction mode; the number stays in the values', () => {
    for (const [name, ruleId] of [
      ['roller-nose-implant-pressure', 'roller-nasal-implant-pressure'],
      ['rf-pressing-without-tension', 'rf-suction-no-press'],
    ] as const) {
      const finding = scored(name).findings.find((f) => f.ruleId === ruleId);
      if (!finding) throw new Error(`${name} has no ${ruleId} finding`);
      for (const text of [finding.evidence.text.zh, finding.evidence.text.en]) expect(text, name).not.toMatch(/\b0\.\d+\b/);
      expect(typeof finding.evidence.values.pressure, name).toBe('number');
    }
    const uneven = scored('roller-uneven-pressure-no-aftercare').findings.find((f) => f.ruleId === 'roller-even-pressure');
    expect(uneven?.evidence.text.zh).toMatch(/^用力不均匀：压力波动 \d+%，上限 35%$/);
    const implant = scored('roller-nose-implant-pressure').findings.find((f) => f.ruleId === 'roller-nasal-implant-pressure');
    expect(implant?.evidence.text.zh).toMatch(/鼻假体上仍有压力（(轻触|适度用力|用力按压)）/);
  });
});
