// The endpoint rules (8.4.1-8.4.3, core/scoring/engine/endpoint.ts): a declaration judged by the skin-reaction
// model, overshoot graded by the share of the region's area, never-declared regions not assessed unless the
// task requires a declaration; live and batch agree. Expectations from the standard and the model's defaults.
import { describe, expect, it } from 'vitest';
import { scoreReportSchema } from '../../../core/api/schemas/attempts';
import { loadScoringSurface } from '../../../core/node/surface';
import { recordingEvents } from '../../../core/recording/event-order';
import type { Recording } from '../../../core/recording/types';
import { parseRecording } from '../../../core/recording/validate';
import { ruleById } from '../../../core/rules/catalogue';
import { ENDPOINT_OVERSHOOT_SEVERITY } from '../../../core/rules/endpoint-severity';
import { extentBand } from '../../../core/rules/extent-severity';
import { createScoringEngine } from '../../../core/scoring/live';
import type { Finding } from '../../../core/scoring/report';
import { score } from '../../../core/scoring/score';
import { rollerSession } from '../../../scripts/fixture-specs';

const { surface } = loadScoringSurface();
const endpointFindings = (fs: Finding[]) => fs.filter((f) => f.ruleId.startsWith('roller-endpoint-'));
const lastSampleMs = (r: Recording) => r.samples[r.samples.length - 1].tMs;

/** One round of 0.75 mm on the forehead at moderate force: about 7 passes × 0.75 = 5 pass·mm, nowhere visible. */
const oneRound = (name: string) => rollerSession(surface, name, { region: 'forehead', needle: 0.75, rounds: 1, pressure: 0.55 });

describe('endpoint rules', () => {
  it('every endpoint rule cites 8.4.x and scores technique', () => {
    for (const id of ['roller-endpoint-undeclared', 'roller-endpoint-pink-not-reached', 'roller-endpoint-beyond-pink', 'roller-endpoint-absorption-not-reached', 'roller-endpoint-absorption-visible', 'roller-endpoint-absorption-purpura', 'roller-endpoint-texture-not-reached']) {
      const rule = ruleById(id);
      expect(rule.clause).toMatch(/^8\.4(\.[123])?$/);
      expect(rule.use).toBe('session');
      expect(rule.criterion).toBe('technique');
    }
  });

  it('a pink endpoint declared after one round is not reached: major, with the time and the share in words', () => {
    const r = oneRound('ep-early');
    const at = Math.round(lastSampleMs(r)) + 100;
    r.endpoints = [{ tMs: at, regions: ['forehead'] }];
    const found = endpointFindings(score(r, { surface }).findings);
    expect(found.map((f) => [f.id, f.clause, f.severity])).toEqual([['roller-endpoint-pink-not-reached:forehead', '8.4.1', 'major']]);
    expect(found[0].evidence.values).toMatchObject({ declaredAtMs: at, pinkPct: 0, requiredPct: 80 });
    expect(found[0].evidence.text.zh).toMatch(/宣布已达终点时，额部只有 0% 的面积呈粉红（模拟器皮肤反应模型，需 ≥80%）/);
    expect(found[0].simulatorDefault).toBe(true);
  });

  it('never declared: not assessed (no endpoint finding); required by the task: a major finding', () => {
    const r = oneRound('ep-none');
    expect(endpointFindings(score(r, { surface }).findings)).toEqual([]);
    const required = endpointFindings(score(r, { surface, scenario: { id: 't', requireEndpointDeclaration: true } }).findings);
    expect(required.map((f) => [f.id, f.severity])).toEqual([['roller-endpoint-undeclared:forehead', 'major']]);
  });

  it('a region\'s first declaration is the one judged; regions that are not targets are ignored', () => {
    const r = oneRound('ep-twice');
    const t = Math.round(lastSampleMs(r));
    r.endpoints = [{ tMs: t + 100, regions: ['forehead', 'cheek-left'] }, { tMs: t + 200, regions: ['forehead'] }];
    const found = endpointFindings(score(r, { surface }).findings);
    expect(found.map((f) => f.id)).toEqual(['roller-endpoint-pink-not-reached:forehead']);
    expect(found[0].evidence.values.declaredAtMs).toBe(t + 100);
    expect(found[0].evidence.values.occurrences).toBeUndefined();
  });

  it('absorption declared after one round: 8.4.2 asks for 3-5 rounds', () => {
    const r = rollerSession(surface, 'ep-abs', { region: 'cheek-left', needle: 0.25, endpoint: 'absorption', pressure: 0.55 });
    r.endpoints = [{ tMs: Math.round(lastSampleMs(r)) + 100, regions: ['cheek-left'] }];
    const found = endpointFindings(score(r, { surface }).findings);
    expect(found.map((f) => [f.id, f.clause, f.severity])).toEqual([['roller-endpoint-absorption-not-reached:cheek-left', '8.4.2', 'major']]);
    expect(found[0].evidence.values.rounds).toBeLessThan(3);
  });

  it('RF and nano have no declared endpoint: a declaration there is ignored', () => {
    const r = oneRound('ep-rf');
    r.endpoints = [{ tMs: Math.round(lastSampleMs(r)) + 100, regions: ['forehead'] }];
    const asRf = score(r, { surface, scenario: { id: 's', endpoint: 'tightening' } });
    expect(endpointFindings(asRf.findings)).toEqual([]);
  });

  it('overshoot takes the severity of its area\'s band: the table, with the default bands (trace < 5 %, most ≥ 50 %)', () => {
    const band = (share: number) => extentBand(share, 0.05, 0.5);
    expect(ENDPOINT_OVERSHOOT_SEVERITY['roller-endpoint-beyond-pink'].bands[band(0.6)]).toBe('major');
    expect(ENDPOINT_OVERSHOOT_SEVERITY['roller-endpoint-absorption-visible'].bands[band(0.01)]).toBe('minor');
    expect(ENDPOINT_OVERSHOOT_SEVERITY['roller-endpoint-absorption-purpura'].bands[band(0.2)]).toBe('major');
    expect(ENDPOINT_OVERSHOOT_SEVERITY['roller-endpoint-absorption-purpura'].bands[band(0.5)]).toBe('critical');
  });

  it('pink goal rolled to purpura: with purpura at 8 pass·mm (a task default), one round of 1.5 mm is purpura on most of the forehead', () => {
    // One round of 1.5 mm at moderate force: about 7 passes × 1.5 ≈ 10 pass·mm, past the lowered purpura dose everywhere rolled.
    const scenario = { id: 'low-purpura', defaults: { skinVisibleDosePassMm: 2, skinPinkDosePassMm: 4, skinPurpuraDosePassMm: 8 } };
    const r = rollerSession(surface, 'ep-beyond', { region: 'forehead', needle: 1.5, rounds: 1, pressure: 0.55 });
    const report = score(r, { surface, scenario });
    const found = endpointFindings(report.findings);
    expect(found.map((f) => [f.id, f.severity])).toEqual([['roller-endpoint-beyond-pink:forehead', 'major']]);
    expect(found[0].evidence.values.band).toBe('most');
    expect(report.metrics['skinPurpuraPct.forehead']).toBeGreaterThanOrEqual(50);
    expect(scoreReportSchema.safeParse(report).success).toBe(true);
  });

  it('live, pushed event by event, gives the same report as score() (declarations in the merged order)', () => {
    const r = rollerSession(surface, 'ep-live', { region: 'cheek-left', needle: 1.5, endpoint: 'absorption', rounds: 2, pressure: 0.85 });
    // Declared mid-session and at the end: the mid-session one cuts the stroke in progress in both.
    r.endpoints = [{ tMs: r.samples[Math.floor(r.samples.length / 2)].tMs, regions: ['cheek-left'] }];
    const live = createScoringEngine(surface, r);
    for (const e of recordingEvents(r)) live.push(e);
    expect(live.finish(r.end)).toEqual(score(r, { surface }));
  });

  it('the recording round-trips through the reader with its declarations; a version-1 file reads with none', () => {
    const r = oneRound('ep-parse');
    r.endpoints = [{ tMs: Math.round(lastSampleMs(r)) + 100, regions: ['forehead'] }];
    const parsed = parseRecording(JSON.parse(JSON.stringify(r)));
    expect(parsed.ok && parsed.recording.endpoints).toEqual(r.endpoints);
    const v1 = { ...JSON.parse(JSON.stringify(r)), version: 1 };
    delete v1.endpoints;
    const old = parseRecording(v1);
    expect(old.ok && old.fromVersion).toBe(1);
    expect(old.ok && old.recording.version).toBe(2);
    expect(old.ok && old.recording.endpoints).toBeUndefined();
    const bad = parseRecording({ ...JSON.parse(JSON.stringify(r)), endpoints: [{ tMs: 5, regions: [] }] });
    expect(bad.ok).toBe(false);
    const unordered = parseRecording({ ...JSON.parse(JSON.stringify(r)), endpoints: [{ tMs: 500, regions: ['forehead'] }, { tMs: 100, regions: ['forehead'] }] });
    expect(unordered.ok ? [] : unordered.errors.map((e) => e.pointer)).toEqual(['/endpoints/1/tMs']);
  });
});
