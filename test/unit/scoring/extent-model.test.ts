// The scoring model of docs/scoring.md on the recordings built for it (scripts/fixture-specs-extent.ts):
// severity follows the extent's band in the table of core/rules/extent-severity.ts, criteria without evidence
// are not assessed, and every fail says why in the trainee's language. Expectations come from the table and
// from counting the recording's own events, not from the scorer's output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreReportSchema } from '../../../core/api/schemas/attempts';
import { loadScoringSurface } from '../../../core/node/surface';
import { recordingEvents } from '../../../core/recording/event-order';
import type { Recording } from '../../../core/recording/types';
import { parseRecording } from '../../../core/recording/validate';
import { RULES_BY_ID, ruleById } from '../../../core/rules/catalogue';
import { EXTENT_BANDS, EXTENT_SEVERITY, extentBand } from '../../../core/rules/extent-severity';
import { SIMULATOR_DEFAULTS } from '../../../core/rules/simulator-defaults';
import { NOT_ASSESSED_TEXT } from '../../../core/scoring/engine/report';
import { CRITERION_NAMES } from '../../../core/scoring/report';
import { failReasons } from '../../../core/scoring/fail-reasons';
import { createLiveScorer } from '../../../core/scoring/live';
import type { Scenario } from '../../../core/scoring/scenario';
import { score } from '../../../core/scoring/score';

const dir = new URL('../../fixtures/recordings/', import.meta.url);
const { surface } = loadScoringSurface();
const TRACE = SIMULATOR_DEFAULTS.extentTraceFraction.value;
const MOST = SIMULATOR_DEFAULTS.extentMostFraction.value;

function recording(name: string): Recording {
  const parsed = parseRecording(readFileSync(new URL(`${name}.json`, dir), 'utf8'), name);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.recording;
}
const scored = (name: string, scenario?: Scenario) => score(recording(name), { surface, scenario });

/** Share of a region's roller contact samples with a needle longer than `maxMm` in force, counted from the recording. */
function longNeedleShare(r: Recording, region: string, maxMm: number): number {
  let wrong = 0, all = 0;
  for (const s of r.samples) {
    if (!s.contact || s.pressure <= 0 || s.region !== region) continue;
    const inForce = r.settings.filter((c) => c.tMs <= s.tMs).at(-1)!.settings;
    all++;
    if (inForce.device === 'roller' && inForce.needleLengthMm > maxMm) wrong++;
  }
  return wrong / all;
}

describe('the severity-by-extent table', () => {
  it('grades only session rules of the catalogue, and never lowers a critical one', () => {
    for (const [id, t] of Object.entries(EXTENT_SEVERITY)) {
      const rule = RULES_BY_ID.get(id);
      expect(rule, id).toBeDefined();
      expect(rule!.use, id).toBe('session');
      if (rule!.severity === 'critical') for (const b of EXTENT_BANDS) expect(t.bands[b], id).toBe('critical');
      // Severity never falls as the extent grows.
      const rank = { info: 0, minor: 1, major: 2, critical: 3 };
      for (const bands of [t.bands, t.shortBands].filter((x) => x !== undefined)) expect(rank[bands.trace] <= rank[bands.notable] && rank[bands.notable] <= rank[bands.most], id).toBe(true);
      expect(t.why.zh.length * t.why.en.length, id).toBeGreaterThan(0);
    }
  });

  it('is written down in docs/scoring.md, rule by rule', () => {
    const doc = readFileSync(new URL('../../../docs/scoring.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('### Severity by extent'), doc.indexOf('### Deductions'));
    expect(section.length).toBeGreaterThan(0);
    for (const id of Object.keys(EXTENT_SEVERITY)) {
      const named = section.includes(`\`${id}\``) || (id.startsWith('roller-needle-') && section.includes(`\`-${id.slice('roller-needle-'.length)}\``));
      expect(named, id).toBe(true);
    }
  });

  it('bands: a trace below the trace share, most from the most share', () => {
    expect(extentBand(0.049, TRACE, MOST)).toBe('trace');
    expect(extentBand(0.05, TRACE, MOST)).toBe('notable');
    expect(extentBand(0.499, TRACE, MOST)).toBe('notable');
    expect(extentBand(0.5, TRACE, MOST)).toBe('most');
  });
});

describe('sessions wholly, mostly, partly and barely wrong', () => {
  const forehead = EXTENT_SEVERITY['roller-needle-forehead'].bands;
  it.each([
    ['roller-forehead-needle-wholly-wrong', forehead.most, false],
    ['roller-forehead-needle-mostly-wrong', forehead.most, false],
    ['roller-forehead-needle-partly-wrong', forehead.notable, true],
    ['roller-forehead-needle-slip', forehead.trace, true],
  ] as const)('%s: the forehead needle finding is %s, passed %s', (name, severity, passed) => {
    const r = recording(name);
    const report = score(r, { surface });
    const share = longNeedleShare(r, 'forehead', 1.0);
    const f = report.findings.find((x) => x.id === 'roller-needle-forehead:forehead')!;
    expect(f.extent!.fraction).toBeCloseTo(share, 3);
    expect(extentBand(share, TRACE, MOST)).toBe(({ critical: 'most', major: 'notable', minor: 'trace', info: undefined } as const)[severity]);
    expect(f.severity).toBe(severity);
    expect(report.passed).toBe(passed);
    // The deduction grows with the extent: parameters = 100 − points × (1 + share).
    const points = { critical: 100, major: 25, minor: 10, info: 0 }[severity];
    expect(report.criteria.find((c) => c.criterion === 'parameters')!.score).toBeCloseTo(Math.max(0, 100 - points * (1 + share)), 0);
  });

  it('a whole session on the wrong length at a site fails with the critical finding named in zh and en', () => {
    const report = scored('roller-forehead-needle-wholly-wrong');
    const rule = ruleById('roller-needle-forehead');
    expect(failReasons(report)[0]).toMatchObject({ kind: 'critical', ruleId: rule.id, clause: '8.5.5', region: 'forehead', message: { zh: rule.statement.zh, en: rule.statement.en } });
    expect(rule.statement.zh).toContain('0.5-1.0 mm');
    expect(rule.statement.en).toContain('0.5-1.0 mm');
  });

  it('1.0 mm on the periorbital region for 80 % of its contact: critical on thin periocular skin, while the forehead is fine', () => {
    const r = recording('roller-periorbital-long-needle');
    const share = longNeedleShare(r, 'periorbital-left', 0.25);
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.85);
    const report = score(r, { surface });
    // The needle is the critical finding; the narrow ring around the open eye also falls short of the 米 pattern.
    expect(report.findings.map((f) => [f.id, f.severity])).toEqual([['roller-cross-pattern:periorbital-left', 'major'], ['roller-needle-eyelid:periorbital-left', 'critical']]);
    expect(report.passed).toBe(false);
    expect(failReasons(report)[0]).toMatchObject({ kind: 'critical', clause: '8.5.1', region: 'periorbital-left', message: ruleById('roller-needle-eyelid').statement });
    // The same 80 % on the forehead, whose skin is not thin, is critical only because it is most of the site.
    expect(EXTENT_SEVERITY['roller-needle-eyelid'].bands.notable).toBe('critical');
    expect(EXTENT_SEVERITY['roller-needle-forehead'].bands.notable).toBe('major');
  });

  it('RF depth and nano dwell follow the same bands', () => {
    expect(scored('rf-cheeks-depth-wholly-wrong').findings.map((f) => f.severity)).toEqual(['critical', 'critical']);
    expect(scored('rf-cheeks-depth-mostly-wrong').findings.map((f) => f.extent!.fraction)).toEqual([expect.any(Number), expect.any(Number)]);
    const slip = scored('rf-cheeks-depth-slip');
    expect(slip.findings).toHaveLength(1);
    expect(slip.findings[0]).toMatchObject({ severity: 'minor', extent: { basis: 'region-events', units: 1 } });
    expect(slip.passed).toBe(true);
    // Dwell is graded major at most (10.5 is technique, not safety): wholly wrong fails on the technique floor.
    const nano = scored('nano-cheek-dwell-wholly-wrong');
    expect(nano.findings[0]).toMatchObject({ severity: 'major', extent: { fraction: 1 } });
    expect(failReasons(nano)).toEqual([{ kind: 'criterion', criterion: 'technique', score: 50, floor: 60, simulatorDefault: true }]);
    expect(scored('nano-cheek-dwell-slip')).toMatchObject({ passed: true, findings: [{ severity: 'minor' }] });
  });

  it('the band thresholds are simulator defaults a scenario overrides', () => {
    // With a 1 % trace share the 2 % slip is a notable part: major.
    const strict: Scenario = { id: 'strict-trace', defaults: { extentTraceFraction: 0.01 } };
    expect(scored('roller-forehead-needle-slip', strict).findings[0].severity).toBe('major');
    // With "most" from 80 %, the 70 % session is a notable part: major, and it passes.
    const lenient: Scenario = { id: 'lenient-most', defaults: { extentMostFraction: 0.8 } };
    const mostly = scored('roller-forehead-needle-mostly-wrong', lenient);
    expect(mostly.findings[0].severity).toBe('major');
    // The severity came from the band limits (simulator defaults); the forehead's range itself is 8.5.5's.
    expect(mostly.findings[0].extent?.severityBySimulatorBands).toBe(true);
    expect(mostly.findings[0].simulatorDefault).toBe(false);
  });

  it('live and batch agree on extent and severity', () => {
    for (const name of ['roller-forehead-needle-partly-wrong', 'rf-cheeks-depth-slip', 'nano-cheek-dwell-mostly-wrong']) {
      const r = recording(name);
      const live = createLiveScorer(surface, r);
      for (const e of recordingEvents(r)) live.push(e);
      const batch = score(r, { surface });
      expect(live.report().findings.map((f) => [f.id, f.severity, f.extent])).toEqual(batch.findings.map((f) => [f.id, f.severity, f.extent]));
    }
  });
});

describe('sessions that did almost nothing', () => {
  it.each([
    ['roller-forehead-almost-nothing', ['roller-target-untreated:forehead']],
    ['rf-cheeks-almost-nothing', ['rf-target-untreated:cheek-left', 'rf-target-untreated:cheek-right']],
    ['nano-forehead-almost-nothing', ['nano-target-untreated:forehead']],
  ])('%s fails: untreated target, technique and parameters not assessed (never 100)', (name, untreatedIds) => {
    const report = scored(name);
    expect(report.passed).toBe(false);
    const technique = report.criteria.find((c) => c.criterion === 'technique')!;
    expect(technique).toMatchObject({ assessed: false, score: 0, notAssessed: { reason: 'targets-untreated', required: true } });
    const reasons = failReasons(report);
    expect(reasons.filter((r) => r.kind === 'critical').map((r) => (r.kind === 'critical' ? r.findingId : ''))).toEqual(untreatedIds);
    const notAssessed = reasons.filter((r) => r.kind === 'not-assessed');
    expect(notAssessed.map((r) => r.criterion)).toEqual(['technique', 'parameters']);
    for (const r of notAssessed) expect(r.text).toEqual(NOT_ASSESSED_TEXT['targets-untreated']);
    expect(NOT_ASSESSED_TEXT['targets-untreated'].zh).toContain('未治疗');
    expect(NOT_ASSESSED_TEXT['targets-untreated'].en).toContain('untreated');
    // Two required criteria count 0: the total is at most 4 × 100 / 6 with coverage 0, never a comfortable 90+.
    expect(report.score).toBeLessThanOrEqual(50);
  });

  it('a session with no treatment at all: nothing but coverage is assessed', () => {
    const r = recording('roller-forehead-almost-nothing');
    const report = score({ ...r, samples: [] }, { surface });
    expect(report.criteria.filter((c) => c.assessed).map((c) => c.criterion)).toEqual(['coverage']);
    expect(report.criteria.filter((c) => !c.assessed).every((c) => c.notAssessed?.reason === 'no-treatment')).toBe(true);
    expect(report.score).toBe(0);
    expect(report.passed).toBe(false);
  });

  it('the reports keep the API shape and no null, NaN or Infinity', () => {
    for (const name of ['roller-forehead-almost-nothing', 'rf-cheeks-almost-nothing', 'roller-periorbital-long-needle', 'roller-scalp-left-right']) {
      const report = scored(name);
      expect(() => scoreReportSchema.parse(report), name).not.toThrow();
      expect(JSON.stringify(report), name).not.toMatch(/null|NaN|Infinity/);
      expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    }
  });
});

describe('criterion names composed in core', () => {
  it('are the debrief\'s own labels, zh and en', () => {
    for (const lang of ['zh', 'en'] as const) {
      const labels = JSON.parse(readFileSync(new URL(`../../../renderer/i18n/locales/${lang}/studio.json`, import.meta.url), 'utf8')).criterion;
      for (const [c, name] of Object.entries(CRITERION_NAMES)) expect(name[lang], `${lang} ${c}`).toBe(labels[c]);
    }
  });
});
