import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScoringSurface } from '../../core/node/surface';
import { parseRecording } from '../../core/recording/validate';
import { createStandInSurface } from '../../core/surface/stand-in';
import { score } from '../../core/scoring/score';
import { RULES_BY_ID } from '../../core/rules/catalogue';
import type { Finding } from '../../core/scoring/report';
import { initI18n, setLanguage } from '../../renderer/i18n';
import { groupFindingsByClause, ReportView } from '../../renderer/studio/debrief/Debrief';
import { createStudioStore } from '../../renderer/studio/store';
import { findUntranslatedText } from './shell-text-audit';

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

describe('why a failed attempt did not pass', () => {
  // happy-dom's URL is not Node's: fixture paths from __dirname.
  const dir = path.resolve(__dirname, '../fixtures/recordings');
  const head = loadScoringSurface().surface;
  const scored = (name: string) => {
    const parsed = parseRecording(readFileSync(path.join(dir, `${name}.json`), 'utf8'), name);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return score(parsed.recording, { surface: head });
  };
  const reasons = () => within(screen.getByTestId('fail-reasons')).getAllByRole('listitem').map((li) => li.textContent);
  /** The reasons come before the criteria table in the report. */
  const atTop = () => {
    const box = screen.getByTestId('fail-reasons');
    const table = document.querySelector('.studio-criteria')!;
    expect(box.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByTestId('score').compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  };

  it('a session without consent: the critical finding of 7.3 and safety under the floor, in zh and in en', async () => {
    const report = scored('roller-no-consent');
    const consent = report.findings.find((f) => f.ruleId === 'consent-before-treatment')!;
    await initI18n('zh');
    await setLanguage('zh');
    const zh = render(<ReportView state={{ status: 'ready', report }} />);
    expect(screen.getByRole('heading', { name: '未通过的原因' })).toBeTruthy();
    expect(findUntranslatedText(zh.container, 'zh')).toEqual([]);
    expect(reasons()).toEqual([`严重问题（第 7.3 条）：${consent.message.zh}`, '「安全」得分 0，低于每项最低分 60（模拟器默认值）']);
    atTop();

    cleanup();
    await setLanguage('en');
    const en = render(<ReportView state={{ status: 'ready', report }} />);
    expect(screen.getByRole('heading', { name: 'Why it did not pass' })).toBeTruthy();
    expect(findUntranslatedText(en.container, 'en')).toEqual([]);
    expect(reasons()).toEqual([`Critical finding (clause 7.3): ${consent.message.en}`, 'Safety scored 0, below the per-criterion minimum of 60 (simulator default)']);
    atTop();
  });

  it('touching the eye names the region; a criterion floor alone is a reason too', async () => {
    const eye = scored('roller-touches-eye');
    const contact = eye.findings.find((f) => f.ruleId === 'no-treat-contact')!;
    await initI18n('zh');
    await setLanguage('zh');
    render(<ReportView state={{ status: 'ready', report: eye }} />);
    expect(reasons()[0]).toBe(`严重问题（第 8.5 条）：${contact.message.zh}；部位：左眼（禁区）`);
    cleanup();
    const skipped = scored('roller-preparation-skipped');
    expect(skipped.score).toBeGreaterThanOrEqual(skipped.passMark);
    render(<ReportView state={{ status: 'ready', report: skipped }} />);
    expect(reasons()).toEqual(['「流程」得分 50，低于每项最低分 60（模拟器默认值）']);

    cleanup();
    await setLanguage('en');
    render(<ReportView state={{ status: 'ready', report: eye }} />);
    expect(reasons()[0]).toBe(`Critical finding (clause 8.5): ${contact.message.en}; region: Left eye (no-treat)`);
    cleanup();
    render(<ReportView state={{ status: 'ready', report: skipped }} />);
    expect(reasons()).toEqual(['Protocol scored 50, below the per-criterion minimum of 60 (simulator default)']);
  });

  it("the total under a scenario's pass mark, which is not a simulator default", async () => {
    const parsed = parseRecording(readFileSync(path.join(dir, 'roller-preparation-skipped.json'), 'utf8'), 'skipped');
    if (!parsed.ok) throw new Error('bad fixture');
    const scenario = { id: 'strict', passMark: 90 };
    const report = score(parsed.recording, { surface: head, scenario });
    await initI18n('zh');
    await setLanguage('zh');
    render(<ReportView state={{ status: 'ready', report }} scenario={scenario} />);
    expect(reasons()).toEqual(['「流程」得分 50，低于每项最低分 60（模拟器默认值）', `总分 ${report.score}，低于及格线 90`]);
    cleanup();
    await setLanguage('en');
    render(<ReportView state={{ status: 'ready', report }} scenario={scenario} />);
    expect(reasons().at(-1)).toBe(`Total ${report.score} is below the pass mark 90`);
  });

  it('a session that did almost nothing: technique and parameters read "not assessed" with why, never a score, in zh and en', async () => {
    const report = scored('roller-forehead-almost-nothing');
    const untreated = report.findings.find((f) => f.ruleId === 'roller-target-untreated')!;
    const row = (criterion: string) => document.querySelector(`.studio-criteria tr[data-criterion="${criterion}"]`)!;
    await initI18n('zh');
    await setLanguage('zh');
    const zh = render(<ReportView state={{ status: 'ready', report }} />);
    expect(findUntranslatedText(zh.container, 'zh')).toEqual([]);
    expect(reasons()).toEqual([
      `严重问题（第 8.2 条）：${untreated.message.zh}；部位：额部`,
      '「手法」未评估：目标区域几乎未治疗，操作太少，无从评价；本任务要求的操作没有完成',
      '「参数」未评估：目标区域几乎未治疗，操作太少，无从评价；本任务要求的操作没有完成',
      '「覆盖」得分 0，低于每项最低分 60（模拟器默认值）',
      '总分 50，低于及格线 80（模拟器默认值）',
    ]);
    for (const c of ['technique', 'parameters']) {
      expect(row(c).getAttribute('data-assessed')).toBe('false');
      expect(row(c).textContent).toContain('未评估');
      expect(row(c).querySelector('meter')).toBeNull();
    }
    expect(row('safety').querySelector('meter')).not.toBeNull();

    cleanup();
    await setLanguage('en');
    const en = render(<ReportView state={{ status: 'ready', report }} />);
    expect(findUntranslatedText(en.container, 'en')).toEqual([]);
    expect(reasons().slice(1, 3)).toEqual([
      'Technique not assessed: the target regions were left (almost) untreated, too little work to judge; the work this task requires was not done',
      'Parameters not assessed: the target regions were left (almost) untreated, too little work to judge; the work this task requires was not done',
    ]);
    expect(row('technique').textContent).toContain('Not assessed');
    expect(row('technique').textContent).not.toMatch(/\d/);
  });

  it('a finding graded by extent says how much of the site it concerns', async () => {
    const report = scored('roller-periorbital-long-needle');
    const e = report.findings.find((f) => f.extent)!.extent!;
    const pct = Math.round(e.fraction * 1000) / 10;
    await initI18n('zh');
    await setLanguage('zh');
    render(<ReportView state={{ status: 'ready', report }} />);
    expect(screen.getByTestId('finding-extent').textContent).toBe(`范围：占左眶周滚压的 ${pct}%`);
    cleanup();
    await setLanguage('en');
    render(<ReportView state={{ status: 'ready', report }} />);
    expect(screen.getByTestId('finding-extent').textContent).toBe(`Extent: ${pct}% of the rolling in Left periorbital`);
    // The counts behind the share (contact samples) are internal: never on the trainee's screen.
    expect(screen.getByTestId('finding-extent').textContent).not.toMatch(/\d\s*\/\s*\d/);
  });

  it('a passed session shows no reasons', async () => {
    const report = scored('roller-forehead-good');
    expect(report.passed).toBe(true);
    for (const language of ['zh', 'en'] as const) {
      await initI18n(language);
      await setLanguage(language);
      render(<ReportView state={{ status: 'ready', report }} />);
      expect(screen.getByTestId('score')).toBeTruthy();
      expect(screen.queryByTestId('fail-reasons')).toBeNull();
      cleanup();
    }
  });
});
