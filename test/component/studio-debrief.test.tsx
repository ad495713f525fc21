import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createStandInSurface } from '../../core/surface/stand-in';
import { score } from '../../core/scoring/score';
import { RULES_BY_ID } from '../../core/rules/catalogue';
import type { Finding } from '../../core/scoring/report';
import { initI18n, setLanguage } from '../../renderer/i18n';
import { groupFindingsByClause, ReportView } from '../../renderer/studio/debrief/Debrief';
import { createStudioStore } from '../../renderer/studio/store';

afterEach(cleanup);

const surface = createStandInSurface({ rings: 60, segments: 120 });

/** A short real session: one step, a few forehead samples with a 2.5 mm needle, then the end. */
function sessionReport() {
  let clock = 0;
  const store = createStudioStore({ procedure: 'roller', surface, now: () => clock, newId: () => 'rec-debrief' });
  void store.getState().startSession(); // no main process here: a local session, started at once
  store.getState().updateSettings({ needleLengthMm: 2.5 });
  const rec = store.getState().recorder!;
  for (let i = 0; i <= 20; i++) rec.push({ kind: 'sample', sample: { tMs: 1000 + i * 10, p: [-10 + i, 70, 70], n: [0, 0.6, 0.8], region: 'forehead', pressure: 0.55, contact: true } });
  rec.push({ kind: 'sample', sample: { tMs: 1300, p: [10, 70, 70], n: [0, 0.6, 0.8], region: 'forehead', pressure: 0, contact: false } });
  clock = 5000;
  const recording = store.getState().closeRecording()!.recording;
  return score(recording, { surface });
}

describe('debrief report', () => {
  it('groups findings by clause in clause order', () => {
    const f = (clause: string, id: string): Finding => ({ id, ruleId: id, clause, severity: 'minor', criterion: 'technique', message: { zh: id, en: id }, evidence: { text: { zh: '', en: '' }, values: {} }, simulatorDefault: false });
    const groups = groupFindingsByClause([f('8.5.7', 'a'), f('10.5', 'b'), f('8.1', 'c'), f('8.5.7', 'd'), f('8.10', 'e')]);
    expect(groups.map((g) => g.clause)).toEqual(['8.1', '8.5.7', '8.10', '10.5']);
    expect(groups[1].findings.map((x) => x.id)).toEqual(['a', 'd']);
  });

  it('shows score, pass or fail, criteria and the findings of a real session under their clause text (zh and en)', async () => {
    const report = sessionReport();
    expect(report.findings.length).toBeGreaterThan(0);
    await initI18n('zh');
    await setLanguage('zh');
    render(<ReportView state={{ status: 'ready', report }} />);
    expect(screen.getByTestId('score').textContent).toContain(String(Math.round(report.score)));
    expect(screen.getByTestId('score').textContent).toContain(report.passed ? '通过' : '未通过');
    for (const c of report.criteria) expect(screen.getByText({ safety: '安全', protocol: '流程', technique: '手法', coverage: '覆盖', parameters: '参数', aftercare: '术后护理' }[c.criterion])).toBeTruthy();
    const forehead = report.findings.find((x) => x.clause === '8.5.5');
    expect(forehead).toBeDefined();
    const group = document.querySelector('[data-clause="8.5.5"]')!;
    expect(group.textContent).toContain(RULES_BY_ID.get(forehead!.ruleId)!.statement.zh);
    expect(group.textContent).toContain(forehead!.message.zh);

    cleanup();
    await setLanguage('en');
    render(<ReportView state={{ status: 'ready', report }} />);
    expect(document.querySelector('[data-clause="8.5.5"]')!.textContent).toContain(RULES_BY_ID.get(forehead!.ruleId)!.statement.en);
  });

  it('says plainly when there is no score: not stored yet, or stored without one with main\'s note', async () => {
    await initI18n('en');
    await setLanguage('en');
    render(<ReportView state={{ status: 'not-stored' }} />);
    expect(screen.getByTestId('score-error').textContent).toBe('Not scored yet: this attempt is not stored in the training file yet.');
    cleanup();
    render(<ReportView state={{ status: 'none', note: 'abandoned before the end: kept, not counted' }} />);
    expect(screen.getByTestId('score-error').textContent).toBe('This attempt has no score. abandoned before the end: kept, not counted');
  });
});
