// Item analysis (core/exams/analysis.ts) on constructed matrices whose statistics are worked out by hand
// from the definitions in docs/item-analysis.md; the arithmetic is written out next to each expectation.

import { describe, expect, it } from 'vitest';
import type { AnalysedAttempt, QuestionStat } from '../../../core/exams/analysis';
import { analyseModule, ANALYSIS_THRESHOLDS } from '../../../core/exams/analysis';

/** Attempts from a 0/1 matrix: rows are attempts, columns questions q1, q2, … (version 1, max mark 1). */
function fromMatrix(rows: number[][], prefix = 'a'): AnalysedAttempt[] {
  return rows.map((row, i) => ({
    attemptId: `${prefix}${i + 1}`,
    responses: row.map((mark, j) => ({ questionId: `q${j + 1}`, version: 1, mark, maxMark: 1 })),
  }));
}
const repeat = <T>(xs: T[], times: number): T[] => Array.from({ length: times }, () => xs).flat();
const stat = (qs: QuestionStat[], id: string, version = 1) => {
  const q = qs.find((s) => s.questionId === id && s.version === version);
  if (!q) throw new Error(`no statistics for ${id}@${version}`);
  return q;
};

describe('thresholds', () => {
  it('has the documented defaults', () => {
    expect(ANALYSIS_THRESHOLDS).toEqual({ minAttempts: 10, easyFacility: 0.9, hardFacility: 0.2, poorDiscrimination: 20, lowEfficiency: 15, rareDistractorShare: 0.05, groupFraction: 0.27 });
  });
});

describe('per-question statistics', () => {
  // A Guttman pattern: everyone who gets a harder item also gets every easier one.
  //        q1 q2 q3  total
  //   a1:  1  1  1   3
  //   a2:  1  1  0   2
  //   a3:  1  0  0   1
  //   a4:  0  0  0   0
  const guttman = [
    [1, 1, 1],
    [1, 1, 0],
    [1, 0, 0],
    [0, 0, 0],
  ];

  it('computes facility, sample SD, DI and DE of a 4 × 3 matrix', () => {
    const { questions, attempts } = analyseModule(fromMatrix(guttman));
    expect(attempts).toBe(4);
    expect(questions.map((q) => `${q.questionId}@${q.version}`)).toEqual(['q1@1', 'q2@1', 'q3@1']);

    // q1: x = 1,1,1,0 (mean .75), rest = 2,1,0,0 (mean .75).
    //   Σdx² = 3·.0625 + .5625 = .75; Σdr² = 1.5625 + .0625 + .5625 + .5625 = 2.75;
    //   Σdx·dr = .3125 + .0625 − .1875 + .5625 = .75  →  r = .75 / √(.75·2.75) = √(3/11).
    //   Sorted pairing x 0,1,1,1 with rest 0,0,1,2 gives the same Σ = .75 → DE 100.
    //   Sample SD = √(.75 / 3) = .5.
    const q1 = stat(questions, 'q1');
    expect(q1.n).toBe(4);
    expect(q1.facility).toBe(0.75);
    expect(q1.sd).toBeCloseTo(0.5, 12);
    expect(q1.discriminationIndex).toBeCloseTo(100 * Math.sqrt(3 / 11), 10); // 52.22
    expect(q1.discriminativeEfficiency).toBeCloseTo(100, 10);

    // q2: x = 1,1,0,0 (mean .5), rest = 2,1,1,0 (mean 1): Σdx·dr = .5 + 0 + 0 + .5 = 1, Σdx² = 1, Σdr² = 2
    //   → r = 1/√2; sorted rest 0,1,1,2 pairs the same way → DE 100. SD = √(1/3).
    const q2 = stat(questions, 'q2');
    expect(q2.facility).toBe(0.5);
    expect(q2.sd).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(q2.discriminationIndex).toBeCloseTo(100 / Math.SQRT2, 10); // 70.71
    expect(q2.discriminativeEfficiency).toBeCloseTo(100, 10);

    // q3 mirrors q1: x = 1,0,0,0, rest = 2,2,1,0 → r = .75/√(.75·2.75).
    const q3 = stat(questions, 'q3');
    expect(q3.facility).toBe(0.25);
    expect(q3.discriminationIndex).toBeCloseTo(100 * Math.sqrt(3 / 11), 10);
    expect(q3.discriminativeEfficiency).toBeCloseTo(100, 10);

    // Only four attempts: no discrimination flags, only 'too-few-attempts'.
    for (const q of questions) expect(q.flags).toEqual(['too-few-attempts']);
    for (const q of questions) expect(q.distractors).toEqual([]);
  });

  it('gives DE below 100 when the item is not ordered like the rest (partial marks, rest in marks)', () => {
    // q1 (max 1): x = 0,1,0,1. q2 (max 3): marks 0,1,2,3 — so q1's rest = 0,1,2,3 (mean 1.5).
    //   dx = −.5,.5,−.5,.5; dr = −1.5,−.5,.5,1.5 → Σdx·dr = .75 − .25 − .25 + .75 = 1; Σdx² = 1; Σdr² = 5
    //   → DI = 100/√5 = 44.72. Sorted pairing x 0,0,1,1 with rest 0,1,2,3: Σ = .75 + .25 + .25 + .75 = 2 → DE 50.
    // q2: fractions 0,1/3,2/3,1 → facility .5; Σd² = .25 + 1/36 + 1/36 + .25 = 5/9 → sample SD √(5/27).
    const marks = [
      [0, 0],
      [1, 1],
      [0, 2],
      [1, 3],
    ];
    const attempts: AnalysedAttempt[] = marks.map(([m1, m2], i) => ({
      attemptId: `p${i}`,
      responses: [
        { questionId: 'q1', version: 1, mark: m1, maxMark: 1 },
        { questionId: 'q2', version: 1, mark: m2, maxMark: 3 },
      ],
    }));
    const { questions } = analyseModule(attempts);
    const q1 = stat(questions, 'q1');
    expect(q1.discriminationIndex).toBeCloseTo(100 / Math.sqrt(5), 10);
    expect(q1.discriminativeEfficiency).toBeCloseTo(50, 10);
    expect(q1.sd).toBeCloseTo(Math.sqrt(1 / 3), 12);
    const q2 = stat(questions, 'q2');
    expect(q2.facility).toBeCloseTo(0.5, 12);
    expect(q2.sd).toBeCloseTo(Math.sqrt(5 / 27), 12);
  });

  it('a perfectly discriminating item has DI 100 and DE 100', () => {
    // q1 and q2 both 0,0,1,1: each one's rest is the other → r = 1, sorted pairing = actual pairing.
    const { questions } = analyseModule(fromMatrix(repeat([[0, 0], [0, 0], [1, 1], [1, 1]], 3)));
    const q1 = stat(questions, 'q1');
    expect(q1.n).toBe(12);
    expect(q1.discriminationIndex).toBeCloseTo(100, 10);
    expect(q1.discriminativeEfficiency).toBeCloseTo(100, 10);
    expect(q1.flags).toEqual([]);
  });

  it('an item everybody gets right: facility 1, SD 0, DI and DE null, flagged too-easy', () => {
    const rows = repeat([[1, 1], [1, 0], [1, 1], [1, 0], [1, 1]], 2); // 10 attempts
    const q1 = stat(analyseModule(fromMatrix(rows)).questions, 'q1');
    expect(q1.facility).toBe(1);
    expect(q1.sd).toBe(0);
    expect(q1.discriminationIndex).toBeNull();
    expect(q1.discriminativeEfficiency).toBeNull();
    expect(q1.flags).toEqual(['too-easy']);
  });

  it('an item nobody gets right is too hard', () => {
    const rows = repeat([[0, 1], [0, 0]], 5);
    const q1 = stat(analyseModule(fromMatrix(rows)).questions, 'q1');
    expect(q1.facility).toBe(0);
    expect(q1.flags).toEqual(['too-hard']);
  });

  it('flags an uncorrelated item as poor and low-efficiency, and a reversed one as negative', () => {
    // q1 uncorrelated: x = 1,0,1,0, rest (q2+q3) = 1,2,1,0 (mean 1): Σdx·dr = 0 − .5 + 0 + .5 = 0 → DI 0,
    //   DE 0 (cov_max = 1/3 > 0). Replicating the rows 3× leaves correlations unchanged (n = 12).
    const uncorrelated = repeat(
      [
        [1, 0, 1],
        [0, 1, 1],
        [1, 1, 0],
        [0, 0, 0],
      ],
      3,
    );
    const q1 = stat(analyseModule(fromMatrix(uncorrelated)).questions, 'q1');
    expect(q1.discriminationIndex).toBe(0);
    expect(q1.discriminativeEfficiency).toBe(0);
    expect(q1.flags).toEqual(['poor-discrimination', 'low-efficiency']);

    // q1 reversed: x = 0,0,1,1, rest (q2+q3) = 2,2,0,0: Σdx·dr = −2, Σdx² = 1, Σdr² = 4 → DI −100;
    //   cov_max pairs x 0,0,1,1 with rest 0,0,2,2: Σ = 2 → DE −100.
    const reversed = repeat(
      [
        [0, 1, 1],
        [0, 1, 1],
        [1, 0, 0],
        [1, 0, 0],
      ],
      3,
    );
    const r1 = stat(analyseModule(fromMatrix(reversed)).questions, 'q1');
    expect(r1.discriminationIndex).toBeCloseTo(-100, 10);
    expect(r1.discriminativeEfficiency).toBeCloseTo(-100, 10);
    expect(r1.flags).toEqual(['negative-discrimination', 'low-efficiency']);
  });

  it('keeps question versions apart and counts only the attempts that saw each', () => {
    const attempts: AnalysedAttempt[] = [
      { attemptId: 'x1', responses: [{ questionId: 'q1', version: 1, mark: 1, maxMark: 1 }, { questionId: 'q2', version: 1, mark: 0, maxMark: 1 }] },
      { attemptId: 'x2', responses: [{ questionId: 'q1', version: 2, mark: 0, maxMark: 1 }, { questionId: 'q2', version: 1, mark: 1, maxMark: 1 }] },
      { attemptId: 'x3', responses: [{ questionId: 'q1', version: 2, mark: 1, maxMark: 1 }, { questionId: 'q3', version: 1, mark: 1, maxMark: 2 }] },
    ];
    const { questions } = analyseModule(attempts);
    expect(questions.map((q) => [`${q.questionId}@${q.version}`, q.n])).toEqual([
      ['q1@1', 1],
      ['q1@2', 2],
      ['q2@1', 2],
      ['q3@1', 1],
    ]);
    expect(stat(questions, 'q1', 2).facility).toBe(0.5);
    expect(stat(questions, 'q3').facility).toBe(0.5);
    // q1@2: x = 0,1 with rest 1 (x2's q2) and 1 (x3's q3 mark): rest has no variance → DI null.
    expect(stat(questions, 'q1', 2).discriminationIndex).toBeNull();
  });

  it('no attempts: nothing to analyse', () => {
    expect(analyseModule([])).toEqual({ attempts: 0, questions: [], alpha: { value: null, items: 0, attempts: 0, reason: 'too-few-attempts' } });
  });

  it('one attempt: facility is its mark, SD 0, DI and DE null', () => {
    const { questions, alpha } = analyseModule([{ attemptId: 'solo', responses: [{ questionId: 'q1', version: 3, mark: 2, maxMark: 4 }, { questionId: 'q2', version: 1, mark: 1, maxMark: 1 }] }]);
    const q1 = stat(questions, 'q1', 3);
    expect(q1).toMatchObject({ n: 1, facility: 0.5, sd: 0, discriminationIndex: null, discriminativeEfficiency: null, flags: ['too-few-attempts'] });
    expect(alpha).toEqual({ value: null, items: 2, attempts: 1, reason: 'too-few-attempts' });
  });

  it('ignores responses with no max mark and duplicate responses to the same version', () => {
    const { questions } = analyseModule([
      {
        attemptId: 'd',
        responses: [
          { questionId: 'q1', version: 1, mark: 1, maxMark: 1 },
          { questionId: 'q1', version: 1, mark: 0, maxMark: 1 },
          { questionId: 'outside', version: 1, mark: 0, maxMark: 0 },
        ],
      },
    ]);
    expect(questions.map((q) => [q.questionId, q.facility])).toEqual([['q1', 1]]);
  });
});

describe("Cronbach's alpha", () => {
  // 10 attempts × 5 items (0/1), KR-20 by hand:
  //   p = .8, .7, .5, .3, .2 → Σpq = .16 + .21 + .25 + .21 + .16 = .99
  //   totals 5,4,4,3,3,2,2,1,1,0: mean 2.5, Σt² = 85 → population variance 8.5 − 6.25 = 2.25
  //   KR-20 = 5/4 · (1 − .99/2.25) = 1.25 · .56 = .70 (sample variances give the same ratio).
  const kr20 = [
    [1, 1, 1, 1, 1],
    [1, 1, 1, 1, 0],
    [1, 1, 1, 0, 1],
    [1, 1, 0, 1, 0],
    [1, 1, 1, 0, 0],
    [1, 0, 1, 0, 0],
    [1, 1, 0, 0, 0],
    [0, 1, 0, 0, 0],
    [1, 0, 0, 0, 0],
    [0, 0, 0, 0, 0],
  ];

  it('equals KR-20 on 0/1 items (hand-computed 0.70)', () => {
    const { alpha } = analyseModule(fromMatrix(kr20));
    expect(alpha.reason).toBe('ok');
    expect(alpha.items).toBe(5);
    expect(alpha.attempts).toBe(10);
    expect(alpha.value).toBeCloseTo(0.7, 12);
  });

  it('the Guttman 4 × 3 matrix replicated to 12 attempts has alpha 0.75', () => {
    // item variances (sample) .25, 1/3, .25; totals 3,2,1,0 → 5/3; 3/2 · (1 − (5/6)/(5/3)) = .75.
    const { alpha } = analyseModule(
      fromMatrix(
        repeat(
          [
            [1, 1, 1],
            [1, 1, 0],
            [1, 0, 0],
            [0, 0, 0],
          ],
          3,
        ),
      ),
    );
    expect(alpha).toEqual({ value: expect.closeTo(0.75, 12), items: 3, attempts: 12, reason: 'ok' });
  });

  it('uses only the question versions every attempt saw', () => {
    const attempts = fromMatrix(kr20);
    // q6 seen by half of the attempts, and a second version of q1 in one more: neither joins alpha.
    for (const a of attempts.slice(0, 5)) a.responses.push({ questionId: 'q6', version: 1, mark: 1, maxMark: 1 });
    attempts.push({ attemptId: 'late', responses: [{ questionId: 'q1', version: 2, mark: 1, maxMark: 1 }, ...kr20[0].slice(1).map((mark, j) => ({ questionId: `q${j + 2}`, version: 1, mark, maxMark: 1 }))] });
    const { alpha, questions } = analyseModule(attempts);
    expect(stat(questions, 'q6').n).toBe(5);
    expect(stat(questions, 'q1', 2).n).toBe(1);
    expect(alpha.items).toBe(4); // q2..q5
    expect(alpha.attempts).toBe(11);
    expect(alpha.reason).toBe('ok');
    // q2..q5 over the 10 rows plus the row 1,1,1,1: p = 8/11, 6/11, 4/11, 3/11 … checked against the formula.
    const rows = [...kr20.map((r) => r.slice(1)), [1, 1, 1, 1]];
    const popVar = (xs: number[]) => xs.reduce((s, x) => s + x * x, 0) / xs.length - (xs.reduce((s, x) => s + x, 0) / xs.length) ** 2;
    const sumPq = [0, 1, 2, 3].reduce((s, j) => s + popVar(rows.map((r) => r[j])), 0);
    const totalVar = popVar(rows.map((r) => r.reduce((s, x) => s + x, 0)));
    expect(alpha.value).toBeCloseTo((4 / 3) * (1 - sumPq / totalVar), 12);
  });

  it('reports too few attempts, too few shared items and no variance', () => {
    expect(analyseModule(fromMatrix(kr20.slice(0, 9))).alpha).toEqual({ value: null, items: 5, attempts: 9, reason: 'too-few-attempts' });
    const disjoint: AnalysedAttempt[] = Array.from({ length: 10 }, (_, i) => ({
      attemptId: `d${i}`,
      responses: [
        { questionId: 'common', version: 1, mark: i % 2, maxMark: 1 },
        { questionId: `own${i}`, version: 1, mark: 1, maxMark: 1 },
      ],
    }));
    expect(analyseModule(disjoint).alpha).toEqual({ value: null, items: 1, attempts: 10, reason: 'too-few-shared-items' });
    expect(analyseModule(fromMatrix(repeat([[1, 1]], 10))).alpha).toEqual({ value: null, items: 2, attempts: 10, reason: 'no-variance' });
  });
});

describe('distractors', () => {
  // 20 attempts. An anchor question (max 40, mark 2i) ranks attempt i strictly by total whatever its
  // choice on "mc" (key b, max 1). Groups: round(.27 · 20) = 5 → lower i = 0..4, upper i = 15..19.
  //   i = 0:      e   → share 1/20 = .05 (not < .05), lower 1/5, upper 0 → no flag
  //   i = 1..4:   a   → share .2, lower .8, upper 0 → no flag
  //   i = 5..16:  b   (key)
  //   i = 17, 18: c   → share .1, upper .4 > lower 0 → attracts-stronger
  //   i = 19:     b   (key) → key share 13/20 = .65, upper 3/5 (15, 16, 19), lower 0
  //   d: nobody → share 0 < .05 → rarely-chosen
  const choiceOf = (i: number) => (i === 0 ? 'e' : i <= 4 ? 'a' : i <= 16 || i === 19 ? 'b' : 'c');
  const attempts: AnalysedAttempt[] = Array.from({ length: 20 }, (_, i) => ({
    attemptId: `t${i}`,
    responses: [
      { questionId: 'anchor', version: 1, mark: 2 * i, maxMark: 40 },
      { questionId: 'mc', version: 2, mark: choiceOf(i) === 'b' ? 1 : 0, maxMark: 1, chosen: [choiceOf(i)] },
    ],
  }));
  const optionsOf = (id: string, version: number) => (id === 'mc' && version === 2 ? { ids: ['a', 'b', 'c', 'd', 'e'], key: ['b'] } : undefined);

  it('computes shares over all, upper and lower groups and flags wrong options', () => {
    const mc = stat(analyseModule(attempts, { optionsOf }).questions, 'mc', 2);
    expect(mc.facility).toBeCloseTo(0.65, 12);
    const by = Object.fromEntries(mc.distractors.map((d) => [d.optionId, d]));
    expect(mc.distractors.map((d) => d.optionId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(by.a).toEqual({ optionId: 'a', isKey: false, share: 0.2, upperShare: 0, lowerShare: 0.8, flag: null });
    expect(by.b).toEqual({ optionId: 'b', isKey: true, share: 0.65, upperShare: 0.6, lowerShare: 0, flag: null });
    expect(by.c).toEqual({ optionId: 'c', isKey: false, share: 0.1, upperShare: 0.4, lowerShare: 0, flag: 'attracts-stronger' });
    expect(by.d).toEqual({ optionId: 'd', isKey: false, share: 0, upperShare: 0, lowerShare: 0, flag: 'rarely-chosen' });
    expect(by.e).toEqual({ optionId: 'e', isKey: false, share: 0.05, upperShare: 0, lowerShare: 0.2, flag: null });
    expect(mc.flags).toContain('non-functioning-distractor');
    expect(mc.flags).toContain('distractor-attracts-stronger');
  });

  it('without optionsOf, or for questions it does not know, there is no distractor analysis', () => {
    expect(stat(analyseModule(attempts).questions, 'mc', 2).distractors).toEqual([]);
    expect(stat(analyseModule(attempts, { optionsOf }).questions, 'anchor').distractors).toEqual([]);
  });

  it('below minAttempts the shares are reported but nothing is flagged', () => {
    const few = attempts.filter((_, i) => i % 2 === 1); // 10 → still enough; drop one more
    const nine = few.slice(1);
    const mc = stat(analyseModule(nine, { optionsOf }).questions, 'mc', 2);
    expect(mc.distractors.find((d) => d.optionId === 'd')!.share).toBe(0);
    expect(mc.distractors.every((d) => d.flag === null)).toBe(true);
    expect(mc.flags).toEqual(['too-few-attempts']);
  });
});
