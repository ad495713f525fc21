// failReasons on reports score() gives for the hand-built fixtures: critical findings first, then the criteria
// under the floor the scorer used, then the total under the pass mark; nothing for a pass.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScoringSurface } from '../../../core/node/surface';
import { parseRecording } from '../../../core/recording/validate';
import { SIMULATOR_DEFAULTS } from '../../../core/rules/simulator-defaults';
import { criterionFloor, failReasons } from '../../../core/scoring/fail-reasons';
import type { Scenario } from '../../../core/scoring/scenario';
import { score } from '../../../core/scoring/score';

const dir = new URL('../../fixtures/recordings/', import.meta.url);
const { surface } = loadScoringSurface();

function fixture(name: string): { report: ReturnType<typeof score>; scenario?: Scenario } {
  const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), 'utf8')) as { scenario?: Scenario };
  const parsed = parseRecording(readFileSync(new URL(`${name}.json`, dir), 'utf8'), name);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { report: score(parsed.recording, { surface, scenario: expected.scenario }), scenario: expected.scenario };
}

function scoredWith(name: string, scenario: Scenario) {
  const parsed = parseRecording(readFileSync(new URL(`${name}.json`, dir), 'utf8'), name);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return score(parsed.recording, { surface, scenario });
}

describe('failReasons', () => {
  it('reads the floor where the scorer does: the simulator default unless the scenario overrides it', () => {
    expect(criterionFloor()).toEqual({ floor: SIMULATOR_DEFAULTS.criterionFloor.value, simulatorDefault: true });
    expect(criterionFloor({ id: 's', defaults: { criterionFloor: 40 } })).toEqual({ floor: 40, simulatorDefault: false });
  });

  it('a session without consent: the critical finding of 7.3, then safety under the floor', () => {
    const { report } = fixture('roller-no-consent');
    const consent = report.findings.find((f) => f.ruleId === 'consent-before-treatment')!;
    expect(failReasons(report)).toEqual([
      { kind: 'critical', findingId: consent.id, ruleId: 'consent-before-treatment', clause: '7.3', message: consent.message },
      { kind: 'criterion', criterion: 'safety', score: 0, floor: 60, simulatorDefault: true },
    ]);
    expect(consent.message.zh.length).toBeGreaterThan(0);
    expect(consent.message.en.length).toBeGreaterThan(0);
  });

  it('touching the eye: the critical no-treat contact with its region', () => {
    const { report } = fixture('roller-touches-eye');
    const reasons = failReasons(report);
    expect(reasons[0]).toMatchObject({ kind: 'critical', ruleId: 'no-treat-contact', clause: '8.5', region: 'eye-left' });
    expect(reasons.filter((r) => r.kind === 'critical')).toHaveLength(report.findings.filter((f) => f.severity === 'critical').length);
    expect(reasons.at(-1)).toEqual({ kind: 'criterion', criterion: 'safety', score: 0, floor: 60, simulatorDefault: true });
  });

  it('a session that fails only on a criterion floor (total above the pass mark, nothing critical)', () => {
    const { report } = fixture('roller-preparation-skipped');
    expect(report.criticalFailure).toBe(false);
    expect(report.score).toBeGreaterThanOrEqual(report.passMark);
    expect(failReasons(report)).toEqual([{ kind: 'criterion', criterion: 'protocol', score: 50, floor: 60, simulatorDefault: true }]);
    // A rule broken on a notable part of the site only: major, scaled by its extent, and parameters holds its floor.
    const partly = fixture('nano-cheek-dwell-mostly-wrong').report;
    expect(partly.criticalFailure).toBe(false);
    // The last 70 % of the contacts (to the nearest contact) dwell too long: major, 25 × (1 + share) off technique.
    const contacts = (JSON.parse(readFileSync(new URL('nano-cheek-dwell-mostly-wrong.json', dir), 'utf8')) as { contacts: { tStartMs: number; tEndMs: number }[] }).contacts;
    const share = contacts.filter((c) => c.tEndMs - c.tStartMs > 3000).length / contacts.length;
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.75);
    const reasons = failReasons(partly);
    expect(reasons).toEqual([{ kind: 'criterion', criterion: 'technique', score: expect.any(Number), floor: 60, simulatorDefault: true }]);
    // The extent is taken to two decimals, so the score agrees with the share to within half a point.
    expect(Math.abs((reasons[0] as { score: number }).score - (100 - 25 * (1 + share)))).toBeLessThan(0.5);
  });

  it("uses the scenario's floor and pass mark, and says they are not simulator defaults", () => {
    // A lower floor lets the same session pass: no reasons.
    const lower: Scenario = { id: 'low-floor', defaults: { criterionFloor: 40 } };
    const passed = scoredWith('roller-preparation-skipped', lower);
    expect(passed.passed).toBe(true);
    expect(failReasons(passed, lower)).toEqual([]);
    // A higher pass mark fails it on the total as well.
    const strict: Scenario = { id: 'strict', passMark: 90 };
    const failed = scoredWith('roller-preparation-skipped', strict);
    expect(failReasons(failed, strict)).toEqual([
      { kind: 'criterion', criterion: 'protocol', score: 50, floor: 60, simulatorDefault: true },
      { kind: 'total', score: failed.score, passMark: 90, simulatorDefault: false },
    ]);
    // A criterion weighted 0 never holds the attempt back.
    const unweighted: Scenario = { id: 'no-protocol', weights: { protocol: 0 } };
    const free = scoredWith('roller-preparation-skipped', unweighted);
    expect(free.passed).toBe(true);
    expect(failReasons(free, unweighted)).toEqual([]);
  });

  it('a passing session has no reasons', () => {
    const { report } = fixture('roller-forehead-good');
    expect(report.passed).toBe(true);
    expect(failReasons(report)).toEqual([]);
  });

  it('every fixture: reasons exactly when it did not pass', () => {
    const names = readdirSync(dir)
      .filter((f) => f.endsWith('.expected.json'))
      .map((f) => f.replace(/\.expected\.json$/, ''));
    for (const name of names) {
      const { report, scenario } = fixture(name);
      const reasons = failReasons(report, scenario);
      expect(reasons.length > 0, name).toBe(!report.passed);
      const kinds = reasons.map((r) => r.kind);
      expect(kinds, name).toEqual([...kinds].sort((a, b) => ['critical', 'not-assessed', 'criterion', 'total'].indexOf(a) - ['critical', 'not-assessed', 'criterion', 'total'].indexOf(b)));
      expect(kinds.filter((k) => k === 'critical').length, name).toBe(report.findings.filter((f) => f.severity === 'critical').length);
    }
  });
});
