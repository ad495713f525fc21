// Item analysis of exam questions as Moodle's quiz statistics compute it: facility, standard deviation,
// discrimination index (corrected item-total correlation), discriminative efficiency, Cronbach's alpha for
// the module, and a distractor analysis for choice questions. Pure: the caller passes each attempt's
// marks per question version. Definitions, thresholds and sources: docs/item-analysis.md.

export interface AnalysedResponse {
  questionId: string;
  version: number;
  mark: number;
  maxMark: number;
  /** option ids chosen (choice questions), else undefined */
  chosen?: string[];
}
export interface AnalysedAttempt {
  attemptId: string;
  responses: AnalysedResponse[];
}
export interface DistractorStat {
  optionId: string;
  isKey: boolean;
  share: number;
  upperShare: number;
  lowerShare: number;
  flag: 'rarely-chosen' | 'attracts-stronger' | null;
}
export interface QuestionStat {
  questionId: string;
  version: number;
  n: number;
  facility: number;
  sd: number;
  discriminationIndex: number | null;
  discriminativeEfficiency: number | null;
  distractors: DistractorStat[];
  flags: QuestionFlag[];
}
export type QuestionFlag =
  | 'too-easy'
  | 'too-hard'
  | 'poor-discrimination'
  | 'negative-discrimination'
  | 'low-efficiency'
  | 'non-functioning-distractor'
  | 'distractor-attracts-stronger'
  | 'too-few-attempts';
export interface ModuleAnalysis {
  attempts: number;
  questions: QuestionStat[];
  alpha: { value: number | null; items: number; attempts: number; reason: 'ok' | 'too-few-attempts' | 'too-few-shared-items' | 'no-variance' };
}

export const ANALYSIS_THRESHOLDS: {
  minAttempts: number;
  easyFacility: number;
  hardFacility: number;
  poorDiscrimination: number;
  lowEfficiency: number;
  rareDistractorShare: number;
  groupFraction: number;
} = Object.freeze({
  /** Below this many attempts a question is flagged 'too-few-attempts' and gets no discrimination flags; alpha needs it too. */
  minAttempts: 10,
  /** facility above this: 'too-easy'. */
  easyFacility: 0.9,
  /** facility below this: 'too-hard'. */
  hardFacility: 0.2,
  /** discrimination index (×100) below this: 'poor-discrimination' (Ebel & Frisbie: < 0.20 poor). */
  poorDiscrimination: 20,
  /** discriminative efficiency (%) below this: 'low-efficiency' (Moodle: under 15 % dubious). */
  lowEfficiency: 15,
  /** a wrong option chosen by fewer than this share of attempts is non-functioning (Tarrant et al. 2009). */
  rareDistractorShare: 0.05,
  /** upper and lower groups: this fraction of the attempts at each end by total score (Kelley's 27 %). */
  groupFraction: 0.27,
});

/** Variances and covariances under this are taken as 0 (floating-point noise of constant columns). */
const EPS = 1e-12;

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** Sample covariance (divisor n − 1); 0 when n < 2. */
function cov(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = mean(xs);
  const my = mean(ys);
  let s = 0;
  for (let i = 0; i < n; i++) s += (xs[i] - mx) * (ys[i] - my);
  return s / (n - 1);
}

const keyOf = (questionId: string, version: number) => `${questionId}@${version}`;

interface Seen {
  attemptIndex: number;
  /** mark / maxMark, 0..1 */
  fraction: number;
  mark: number;
  chosen: string[] | undefined;
}

export function analyseModule(
  attempts: readonly AnalysedAttempt[],
  options?: { optionsOf?: (questionId: string, version: number) => { ids: string[]; key: string[] } | undefined },
): ModuleAnalysis {
  const T = ANALYSIS_THRESHOLDS;
  // Each attempt's scorable responses, one per question version (the first wins; maxMark ≤ 0 is not scored).
  const perAttempt = attempts.map((a) => {
    const byKey = new Map<string, AnalysedResponse>();
    for (const r of a.responses) {
      if (!(r.maxMark > 0) || !Number.isFinite(r.mark)) continue;
      const k = keyOf(r.questionId, r.version);
      if (!byKey.has(k)) byKey.set(k, r);
    }
    let marks = 0;
    let max = 0;
    for (const r of byKey.values()) {
      marks += r.mark;
      max += r.maxMark;
    }
    return { byKey, totalMarks: marks, totalFraction: max > 0 ? marks / max : 0 };
  });

  // Question versions in a stable order: by id, then version.
  const items = new Map<string, { questionId: string; version: number; seen: Seen[] }>();
  perAttempt.forEach((a, attemptIndex) => {
    for (const [k, r] of a.byKey) {
      let item = items.get(k);
      if (!item) items.set(k, (item = { questionId: r.questionId, version: r.version, seen: [] }));
      item.seen.push({ attemptIndex, fraction: r.mark / r.maxMark, mark: r.mark, chosen: r.chosen });
    }
  });
  const ordered = [...items.values()].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : a.version - b.version));

  const questions = ordered.map(({ questionId, version, seen }): QuestionStat => {
    const n = seen.length;
    const x = seen.map((s) => s.fraction);
    const rest = seen.map((s) => perAttempt[s.attemptIndex].totalMarks - s.mark);
    const facility = mean(x);
    const vx = cov(x, x);
    const vr = cov(rest, rest);
    const sd = Math.sqrt(Math.max(0, vx));
    const c = cov(x, rest);
    const discriminationIndex = n < 2 || vx < EPS || vr < EPS ? null : (100 * c) / Math.sqrt(vx * vr);
    const covMax = cov(
      [...x].sort((a, b) => a - b),
      [...rest].sort((a, b) => a - b),
    );
    const discriminativeEfficiency = n < 2 || covMax < EPS ? null : (100 * c) / covMax;
    const enough = n >= T.minAttempts;

    const distractors = distractorStats(seen, perAttempt, options?.optionsOf?.(questionId, version), enough);

    const flags: QuestionFlag[] = [];
    if (facility > T.easyFacility) flags.push('too-easy');
    if (facility < T.hardFacility) flags.push('too-hard');
    if (!enough) flags.push('too-few-attempts');
    else {
      if (discriminationIndex !== null) {
        if (discriminationIndex < 0) flags.push('negative-discrimination');
        else if (discriminationIndex < T.poorDiscrimination) flags.push('poor-discrimination');
      }
      if (discriminativeEfficiency !== null && discriminativeEfficiency < T.lowEfficiency) flags.push('low-efficiency');
      if (distractors.some((d) => d.flag === 'rarely-chosen')) flags.push('non-functioning-distractor');
      if (distractors.some((d) => d.flag === 'attracts-stronger')) flags.push('distractor-attracts-stronger');
    }
    return { questionId, version, n, facility, sd, discriminationIndex, discriminativeEfficiency, distractors, flags };
  });

  return { attempts: attempts.length, questions, alpha: cronbachAlpha(perAttempt.map((a) => a.byKey)) };
}

function distractorStats(
  seen: readonly Seen[],
  perAttempt: readonly { totalFraction: number }[],
  opts: { ids: string[]; key: string[] } | undefined,
  enough: boolean,
): DistractorStat[] {
  if (!opts || seen.length === 0) return [];
  const T = ANALYSIS_THRESHOLDS;
  const n = seen.length;
  // Best first; ties broken by position in the input, so the groups are deterministic.
  const ranked = [...seen].sort((a, b) => perAttempt[b.attemptIndex].totalFraction - perAttempt[a.attemptIndex].totalFraction || a.attemptIndex - b.attemptIndex);
  const g = Math.min(n, Math.max(1, Math.round(T.groupFraction * n)));
  const upper = ranked.slice(0, g);
  const lower = ranked.slice(n - g);
  const shareOf = (group: readonly Seen[], id: string) => group.filter((s) => s.chosen?.includes(id) ?? false).length / group.length;
  return opts.ids.map((optionId): DistractorStat => {
    const isKey = opts.key.includes(optionId);
    const share = shareOf(seen, optionId);
    const upperShare = shareOf(upper, optionId);
    const lowerShare = shareOf(lower, optionId);
    let flag: DistractorStat['flag'] = null;
    if (!isKey && enough) {
      if (share < T.rareDistractorShare) flag = 'rarely-chosen';
      else if (upperShare > lowerShare) flag = 'attracts-stronger';
    }
    return { optionId, isKey, share, upperShare, lowerShare, flag };
  });
}

/**
 * Cronbach's alpha over the attempt × item matrix restricted to the question versions every included
 * attempt (one with at least one scored response) saw; item scores in marks, total = their sum.
 */
function cronbachAlpha(attempts: readonly ReadonlyMap<string, AnalysedResponse>[]): ModuleAnalysis['alpha'] {
  const included = attempts.filter((a) => a.size > 0);
  const m = included.length;
  const shared = m === 0 ? [] : [...included[0].keys()].filter((k) => included.every((a) => a.has(k))).sort();
  const k = shared.length;
  if (m < ANALYSIS_THRESHOLDS.minAttempts) return { value: null, items: k, attempts: m, reason: 'too-few-attempts' };
  if (k < 2) return { value: null, items: k, attempts: m, reason: 'too-few-shared-items' };
  const columns = shared.map((key) => included.map((a) => a.get(key)!.mark));
  const totals = included.map((_, i) => columns.reduce((s, col) => s + col[i], 0));
  const sumItemVar = columns.reduce((s, col) => s + cov(col, col), 0);
  const totalVar = cov(totals, totals);
  if (totalVar < EPS) return { value: null, items: k, attempts: m, reason: 'no-variance' };
  return { value: (k / (k - 1)) * (1 - sumItemVar / totalVar), items: k, attempts: m, reason: 'ok' };
}
