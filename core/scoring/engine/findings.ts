// Findings: how broken rules become Finding objects. During the session `raise` accumulates one entry per
// finding id (rule, plus region / zone / condition / step), counting occurrences and widening its span, and
// `warnLive` queues the learn-mode warning the first time an id is raised. At the end `add` contributes the
// session-level findings once each, and `toFinding` turns an entry into the report's Finding.

import type { RegionId } from '../../anatomy/regions';
import { ruleById } from '../../rules/catalogue';
import type { LiveWarning } from '../live-contract';
import type { Finding, FindingExtent, LocalizedText, Severity } from '../report';
import type { Scenario } from '../scenario';

export type Values = Record<string, number | string | boolean | number[]>;

/** One finding being accumulated. */
export interface Acc {
  ruleId: string;
  clause: string;
  region?: RegionId;
  key: string;
  count: number;
  startMs: number;
  endMs: number;
  evidence: LocalizedText;
  values: Values;
  /** How bad the reported occurrence is (see Raise's `worst`). */
  worst?: number;
}

export const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The finding id: `${ruleId}:${keySuffix}`, else `${ruleId}:${region}`, else the rule id. */
export const findingKey = (ruleId: string, region?: RegionId, keySuffix?: string): string =>
  keySuffix !== undefined ? `${ruleId}:${keySuffix}` : region ? `${ruleId}:${region}` : ruleId;

/** The empty result of a push: one shared frozen array, so a push that raises nothing allocates nothing. */
export const NO_WARNINGS: LiveWarning[] = [];
Object.freeze(NO_WARNINGS);

/**
 * Raises a finding during the session; raised again, it counts the occurrence. With `worst` (a measure such as
 * the times a site was touched or the seconds a contact dwelt), the finding's evidence is that of its worst
 * occurrence, so a site touched five times says five, not the four at which it was first raised.
 */
export type Raise = (ruleId: string, tMs: number, evidence: LocalizedText, values: Values, region?: RegionId, keySuffix?: string, warn?: boolean, worst?: number) => void;
export type WarnLive = (key: string, ruleId: string, tMs: number, evidence: LocalizedText, region?: RegionId) => void;
/** End-of-session findings: added once, never over one raised during the session. */
export type Add = (ruleId: string, tMs: number, evidence: LocalizedText, values: Values, region?: RegionId, keySuffix?: string, span?: [number, number]) => void;

/**
 * A finding's extent and the severity it gives (extent.severityBySimulatorBands: the band limits chose it).
 * Without `extent`: a severity graded on another measure (the endpoint rules grade by area, engine/endpoint.ts).
 */
export interface GradedExtent {
  severity: Severity;
  extent?: FindingExtent;
}

export interface FindingSink {
  /** Findings raised while events arrived, by id, in first-raised order. */
  readonly accs: Map<string, Acc>;
  raise: Raise;
  warnLive: WarnLive;
  /** Starts a push: forgets the previous push's warnings. */
  beginPush(): void;
  /** Warnings raised since beginPush (NO_WARNINGS when none). */
  warnings(): LiveWarning[];
  /** A collector for one finish(): its `add` and the entries it added. */
  finishCollector(): { add: Add; extra: Acc[] };
  /** The report's Finding; `graded`: the severity its extent gives and the extent (engine/extent.ts), for rules graded by extent. */
  toFinding(a: Acc, graded?: GradedExtent): Finding;
}

export function createFindingSink(scenario?: Scenario): FindingSink {
  const disabled = new Set(scenario?.disabledRules ?? []);
  const accs = new Map<string, Acc>();
  const warned = new Set<string>();
  let pending: LiveWarning[] = NO_WARNINGS;

  const warnLive: WarnLive = (key, ruleId, tMs, evidence, region) => {
    if (warned.has(key) || disabled.has(ruleId)) return;
    warned.add(key);
    const rule = ruleById(ruleId);
    if (pending === NO_WARNINGS) pending = [];
    pending.push({
      ruleId,
      clause: rule.clause,
      severity: scenario?.severity?.[ruleId] ?? rule.severity,
      message: { zh: `${rule.statement.zh}（${evidence.zh}）`, en: `${rule.statement.en} (${evidence.en})` },
      region,
      tMs,
    });
  };

  const raise: Raise = (ruleId, tMs, evidence, values, region, keySuffix, warn = true, worst) => {
    if (disabled.has(ruleId)) return;
    const key = findingKey(ruleId, region, keySuffix);
    const acc = accs.get(key);
    if (acc) {
      acc.count++;
      if (tMs < acc.startMs) acc.startMs = tMs;
      if (tMs > acc.endMs) acc.endMs = tMs;
      if (worst !== undefined && (acc.worst === undefined || worst > acc.worst)) {
        acc.worst = worst;
        acc.evidence = evidence;
        acc.values = values;
      }
      return;
    }
    accs.set(key, { ruleId, clause: ruleById(ruleId).clause, region, key, count: 1, startMs: tMs, endMs: tMs, evidence, values, ...(worst !== undefined ? { worst } : {}) });
    if (warn) warnLive(key, ruleId, tMs, evidence, region);
  };

  const finishCollector = () => {
    const extra: Acc[] = [];
    const add: Add = (ruleId, tMs, evidence, values, region, keySuffix, span) => {
      if (disabled.has(ruleId)) return;
      const key = findingKey(ruleId, region, keySuffix);
      if (accs.has(key) || extra.some((a) => a.key === key)) return;
      extra.push({ ruleId, clause: ruleById(ruleId).clause, region, key, count: 1, startMs: span?.[0] ?? tMs, endMs: span?.[1] ?? tMs, evidence, values });
    };
    return { add, extra };
  };

  const toFinding: FindingSink['toFinding'] = (a, graded) => {
    const rule = ruleById(a.ruleId);
    const values: Values = { ...a.values };
    if (a.count > 1) values.occurrences = a.count;
    return {
      id: a.key,
      ruleId: a.ruleId,
      clause: a.clause,
      severity: effectiveSeverity(graded?.severity ?? rule.severity, scenario?.severity?.[a.ruleId]),
      criterion: rule.criterion,
      message: rule.statement,
      region: a.region,
      span: { startMs: a.startMs, endMs: a.endMs },
      evidence: { text: a.evidence, values },
      // The rule's own threshold: the standard's number or a simulator default (extent bands say theirs in extent).
      simulatorDefault: rule.source === 'simulator-default',
      ...(graded?.extent ? { extent: graded.extent } : {}),
    };
  };

  return {
    accs,
    raise,
    warnLive,
    beginPush: () => {
      pending = NO_WARNINGS;
    },
    warnings: () => pending,
    finishCollector,
    toFinding,
  };
}

/** A scenario may raise or lower severities, but never lower a critical safety rule below critical. */
export function effectiveSeverity(base: Severity, override?: Severity): Severity {
  if (!override) return base;
  if (base === 'critical') return 'critical';
  return override;
}

/** Numeric clause order: 8.5.10 after 8.5.9; a clause before its sub-clauses. */
export function compareClause(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** The report's order of findings: by clause, then id. */
export const compareFindings = (x: Finding, y: Finding): number => compareClause(x.clause, y.clause) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
