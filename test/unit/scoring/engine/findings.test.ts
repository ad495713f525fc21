// Findings part: ids, aggregation, live warnings, end-of-session additions, severities and clause order.
import { describe, expect, it } from 'vitest';
import { compareClause, createFindingSink, effectiveSeverity, findingKey, NO_WARNINGS } from '../../../../core/scoring/engine/findings';

const ev = { zh: '证据', en: 'evidence' };

describe('finding sink', () => {
  it('keys a finding by rule, then suffix, then region', () => {
    expect(findingKey('r')).toBe('r');
    expect(findingKey('r', 'forehead')).toBe('r:forehead');
    expect(findingKey('r', 'forehead', 'zone-1')).toBe('r:zone-1');
  });

  it('aggregates repeats into one finding with its span and occurrences, and warns once', () => {
    const sink = createFindingSink();
    sink.beginPush();
    sink.raise('no-treat-contact', 500, ev, { region: 'eye-left' }, 'eye-left');
    const first = sink.warnings();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ ruleId: 'no-treat-contact', severity: 'critical', region: 'eye-left', tMs: 500 });
    sink.beginPush();
    sink.raise('no-treat-contact', 200, ev, {}, 'eye-left');
    sink.raise('no-treat-contact', 900, ev, {}, 'eye-left');
    expect(sink.warnings()).toBe(NO_WARNINGS);
    const f = sink.toFinding(sink.accs.get('no-treat-contact:eye-left')!);
    expect(f).toMatchObject({ id: 'no-treat-contact:eye-left', clause: '8.5', span: { startMs: 200, endMs: 900 }, evidence: { text: ev, values: { region: 'eye-left', occurrences: 3 } } });
  });

  it('raises nothing for a disabled rule and applies severity overrides, never below critical', () => {
    const sink = createFindingSink({ id: 's', disabledRules: ['rf-skin-tension'], severity: { 'rf-perpendicular': 'info', 'no-treat-contact': 'minor' } });
    sink.beginPush();
    sink.raise('rf-skin-tension', 1, ev, {}, 'forehead');
    expect(sink.accs.size).toBe(0);
    sink.raise('rf-perpendicular', 1, ev, {});
    sink.raise('no-treat-contact', 1, ev, {}, 'eye-left');
    expect(sink.toFinding(sink.accs.get('rf-perpendicular')!).severity).toBe('info');
    expect(sink.toFinding(sink.accs.get('no-treat-contact:eye-left')!).severity).toBe('critical');
  });

  it("adds an end-of-session finding once, and not over one raised during the session", () => {
    const sink = createFindingSink();
    sink.raise('rf-perpendicular', 1, ev, {});
    const { add, extra } = sink.finishCollector();
    add('rf-perpendicular', 2, ev, {});
    add('rf-zone-count', 0, ev, { zones: 1 });
    add('rf-zone-count', 0, ev, { zones: 1 });
    add('rf-no-miss', 5, ev, {}, 'forehead', undefined, [3, 7]);
    expect(extra.map((a) => [a.key, a.startMs, a.endMs])).toEqual([
      ['rf-zone-count', 0, 0],
      ['rf-no-miss:forehead', 3, 7],
    ]);
    // Each finish() starts afresh.
    expect(sink.finishCollector().extra).toEqual([]);
  });
});

describe('severity and clause order', () => {
  it('a critical rule stays critical', () => {
    expect(effectiveSeverity('critical', 'minor')).toBe('critical');
    expect(effectiveSeverity('major', 'minor')).toBe('minor');
    expect(effectiveSeverity('minor')).toBe('minor');
  });
  it('orders clauses numerically', () => {
    expect(['8.5.10', '8.5.9', '8.5', '10.1', '9.2'].sort(compareClause)).toEqual(['8.5', '8.5.9', '8.5.10', '9.2', '10.1']);
  });
});
