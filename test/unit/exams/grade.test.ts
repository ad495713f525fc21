// Grading on constructed responses, with expectations taken from the standard: the clause that makes a
// finding critical, and the arithmetic of the part scores and the pass rule.

import { describe, expect, it } from 'vitest';
import type { CaseState } from '../../../core/api/schemas/exams';
import { instantiateAttempt } from '../../../core/exams/attempt';
import { gradeCase } from '../../../core/exams/grade-case';
import { isCorrect, markVignette } from '../../../core/exams/grade-items';
import { gradeAttempt } from '../../../core/exams/grade';
import type { Question } from '../../../core/exams/format/question';
import { HISTORY_TOPIC_IDS } from '../../../core/exams/format/history-topics';
import { emptyState } from '../../../core/exams/replay';
import { loadExamsDir } from '../../../core/node/exams-dir';

const catalog = loadExamsDir();
const caseOf = (id: string) => catalog.cases.get(id)!;
const base = { id: 'q', version: 1, clauses: ['8.5.1'], difficulty: 1 as const, stem: { zh: '题', en: 'Q' }, explanation: { zh: '因', en: 'why' } };
const opts = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: { zh: id, en: id } }));

describe('items', () => {
  it('marks single, multiple (all or nothing), true/false and region questions', () => {
    const single: Question = { ...base, type: 'single', options: opts, key: ['b'] };
    const multiple: Question = { ...base, type: 'multiple', options: opts, key: ['a', 'c'] };
    const tf: Question = { ...base, type: 'true-false', key: false };
    const anyRegion: Question = { ...base, type: 'region', answerMode: 'any', key: ['upper-eyelid-left', 'lower-eyelid-left'] };
    const allRegions: Question = { ...base, type: 'region', answerMode: 'all', key: ['cheek-left', 'neck'] };
    expect(isCorrect(single, { kind: 'choice', optionIds: ['b'] })).toBe(true);
    expect(isCorrect(single, { kind: 'choice', optionIds: ['a'] })).toBe(false);
    expect(isCorrect(multiple, { kind: 'choice', optionIds: ['c', 'a'] })).toBe(true);
    expect(isCorrect(multiple, { kind: 'choice', optionIds: ['a'] })).toBe(false);
    expect(isCorrect(multiple, { kind: 'choice', optionIds: ['a', 'b', 'c'] })).toBe(false);
    expect(isCorrect(tf, { kind: 'true-false', value: false })).toBe(true);
    expect(isCorrect(tf, undefined)).toBe(false);
    expect(isCorrect(anyRegion, { kind: 'regions', regions: ['lower-eyelid-left'] })).toBe(true);
    expect(isCorrect(anyRegion, { kind: 'regions', regions: ['lower-eyelid-left', 'forehead'] })).toBe(false);
    expect(isCorrect(anyRegion, { kind: 'regions', regions: [] })).toBe(false);
    expect(isCorrect(allRegions, { kind: 'regions', regions: ['neck'] })).toBe(false);
    expect(isCorrect(allRegions, { kind: 'regions', regions: ['neck', 'cheek-left'] })).toBe(true);
  });

  it('marks a vignette: right choices count, wrong ones take away, a harmful one is reported', () => {
    const v = catalog.complications.get('herpes-recurrence')!;
    const right = v.options.filter((o) => o.correct).map((o) => o.id);
    expect(markVignette(v, right)).toMatchObject({ fraction: 1, harmful: [], missed: [] });
    expect(markVignette(v, []).fraction).toBe(0);
    const harmful = v.options.find((o) => o.harmful);
    if (harmful) expect(markVignette(v, [...right, harmful.id]).harmful).toEqual([harmful.id]);
  });
});

const allAsked = (doc: ReturnType<typeof caseOf>): CaseState => ({
  asked: HISTORY_TOPIC_IDS.map((topic) => ({ topic, answer: { zh: '', en: '' } })),
  examined: [...new Set([...doc.plannedRegions, ...doc.findings.flatMap((f) => f.regions)])].map((region) => ({ region, findings: [] })),
  marked: [],
  decision: null,
  consent: { goalsDiscussed: true, risksExplained: ['13.1', '13.2', '13.3', '13.4', '13.5', '13.6', '13.7', '13.8', '13.9', '13.10'], signed: true },
});
const treat = { kind: 'treat' as const, excludeRegions: [], needleLimits: [], pretreatments: [] };
const critical = (r: ReturnType<typeof gradeCase>) => r.findings.filter((f) => f.severity === 'critical').map((f) => f.clause);

describe('case screening (6, 7, 8.5.2, 13.6)', () => {
  it('active herpes on the lip (6.3): treating is critical; leaving the lips and perioral skin out with antivirals, or deferring, is right', () => {
    const doc = caseOf('roller-herpes-active-lip');
    expect(critical(gradeCase(doc, { ...allAsked(doc), decision: treat }))).toEqual(['6.3']);
    const limited = gradeCase(doc, { ...allAsked(doc), marked: ['local-infection'], decision: { kind: 'limit', excludeRegions: ['lips', 'perioral'], needleLimits: [], pretreatments: ['antiviral-prophylaxis'] } });
    expect(limited).toMatchObject({ score: 100, findings: [] });
    const deferred = gradeCase(doc, { ...allAsked(doc), marked: ['local-infection'], decision: { kind: 'defer', excludeRegions: [], needleLimits: [], pretreatments: [] } });
    expect(critical(deferred)).toEqual([]);
    expect(deferred.score).toBe(100);
    // The lips are never in a plan (a no-treat zone): leaving out the planned perioral skin is what counts.
    expect(doc.plannedRegions).toContain('perioral');
    const planned = gradeCase(doc, { ...allAsked(doc), marked: ['local-infection'], decision: { kind: 'limit', excludeRegions: ['perioral'], needleLimits: [], pretreatments: ['antiviral-prophylaxis'] } });
    expect(planned).toMatchObject({ score: 100, findings: [] });
    const partly = gradeCase(doc, { ...allAsked(doc), marked: ['local-infection'], decision: { kind: 'limit', excludeRegions: [], needleLimits: [], pretreatments: ['antiviral-prophylaxis'] } });
    expect(critical(partly)).toEqual(['6.3']);
  });

  it('a nasal implant (8.5.2): the nose is avoided or limited to 0.25 mm, else critical', () => {
    const doc = caseOf('roller-nasal-implant');
    expect(critical(gradeCase(doc, { ...allAsked(doc), decision: treat }))).toEqual(['8.5.2']);
    expect(critical(gradeCase(doc, { ...allAsked(doc), decision: { kind: 'limit', excludeRegions: [], needleLimits: [{ region: 'nose', maxNeedleMm: 0.5 }], pretreatments: [] } }))).toEqual(['8.5.2']);
    expect(gradeCase(doc, { ...allAsked(doc), decision: { kind: 'limit', excludeRegions: [], needleLimits: [{ region: 'nose', maxNeedleMm: 0.25 }], pretreatments: [] } }).score).toBe(100);
  });

  it('a whole-patient contraindication (6.6 anticoagulants) allows only deferring; treating without consent is critical (7.3)', () => {
    const doc = caseOf('rf-anticoagulant');
    expect(critical(gradeCase(doc, { ...allAsked(doc), marked: ['anticoagulants'], decision: { kind: 'limit', excludeRegions: ['forehead'], needleLimits: [], pretreatments: [] } }))).toContain('6.6');
    const clean = caseOf('rf-clean-face-laxity');
    expect(critical(gradeCase(clean, { ...allAsked(clean), consent: { goalsDiscussed: true, risksExplained: [], signed: false }, decision: treat }))).toEqual(['7.3']);
    const declined = gradeCase(clean, { ...allAsked(clean), decision: { kind: 'defer', excludeRegions: [], needleLimits: [], pretreatments: [] } });
    expect(critical(declined)).toEqual([]);
    expect(declined.score).toBe(80);
  });

  it('history not taken and findings not examined cost their share, with a finding each', () => {
    const doc = caseOf('roller-herpes-active-lip');
    const r = gradeCase(doc, { asked: [], examined: [], marked: ['local-infection'], decision: { kind: 'defer', excludeRegions: [], needleLimits: [], pretreatments: [] }, consent: null });
    expect(r.score).toBe(0 + 0 + 25 + 25 + 10);
    expect(r.findings.filter((f) => f.clause === '7.1').length).toBeGreaterThanOrEqual(6);
    expect(r.findings.some((f) => f.clause === '7.2' && f.severity === 'major')).toBe(true);
  });
});

describe('the pass rule', () => {
  it('weights the parts, fails a part under its minimum, and counts no question marked outside the standard', () => {
    const module = catalog.modules.get('theory@1')!;
    const content = instantiateAttempt(module.module, module.hash, catalog, 'seed-1', { questionIds: new Set(), caseIds: [], vignetteIds: new Set() });
    const empty = gradeAttempt(module.module, content, emptyState(), {}, '2026-12-01T00:00:00.000Z');
    expect(empty).toMatchObject({ score: 0, passed: false, criticalFailure: false });
    expect(empty.failReasons.map((r) => r.en)).toEqual([expect.stringMatching(/scored 0, below the part's minimum of 70/), 'Overall score 0 is below the pass mark of 70']);

    const state = emptyState();
    const part = content.parts[0]!;
    if (part.kind !== 'knowledge') throw new Error('theory starts with knowledge');
    part.items.forEach(({ itemId, question: q }, i) => {
      // The first 28 right, the rest unanswered: 70 % of the counted questions.
      if (i < 28) state.answers[`${part.partId}/${itemId}`] = q.type === 'true-false' ? { kind: 'true-false', value: q.key } : q.type === 'region' ? { kind: 'regions', regions: q.answerMode === 'all' ? [...q.key] : [q.key[0]!] } : { kind: 'choice', optionIds: [...q.key] };
    });
    const graded = gradeAttempt(module.module, content, state, {}, '2026-12-01T00:00:00.000Z');
    expect(graded.parts[0]!.score).toBe(70);
    expect(graded.passed).toBe(true);

    // A marked question from outside the standard is listed but not counted.
    const outside = [...catalog.questions.values()].find((q) => q.outsideStandard)!;
    const withOutside = { ...content, parts: [{ ...part, items: [...part.items, { itemId: 'k41', question: outside, hash: 'x' }] }] };
    const regraded = gradeAttempt(module.module, withOutside, state, {}, '2026-12-01T00:00:00.000Z');
    expect(regraded.parts[0]!.score).toBe(70);
    expect(regraded.parts[0]!.items.at(-1)!.correct).toBeNull();
  });
});
