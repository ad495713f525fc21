// After the session: the report the main process stored with the attempt (returned when it finished it, or
// read back when it is reopened; never scored again here), findings grouped by clause, the heat maps and
// the replay; where the attempt is stored and what kind it is; export as a JSON recording.

import { useContext, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_NAMES } from '../../../core/anatomy/regions';
import type { AccountRole } from '../../../core/api/contract';
import type { Recording, SessionMode, Zone } from '../../../core/recording/types';
import { RULES_BY_ID } from '../../../core/rules/catalogue';
import type { Finding, LocalizedText, ScoreReport } from '../../../core/scoring/report';
import type { Scenario } from '../../../core/scoring/scenario';
import { api as defaultApi } from '../../api/client';
import { AppStoreContext } from '../../app/store';
import type { LoadedHead } from '../StudioScreen';
import { feedbackVisible } from '../test-mode';
import { useStudio, type AttemptOutcome } from '../store';
import { LeaveConfirm, type Leave } from '../panels/LeaveConfirm';
import { formatSessionTime } from '../panels/ProcedurePanel';
import { AttemptKind, AttemptNote } from './AttemptNote';
import { ExpertComparison } from './ExpertComparison';
import { ExpertMarkToggle } from './ExpertMarkToggle';
import { FailReasons } from './FailReasons';
import { Replay } from './Replay';
import { nameZonesIn } from '../zone-names';

/**
 * pending: main is storing and scoring it; ready: main's report; not-stored: main has not got it yet (see
 * the note above); none: main stored it without a score (an abandoned attempt), with main's note.
 */
export type ReportState = { status: 'pending' } | { status: 'ready'; report: ScoreReport } | { status: 'not-stored' } | { status: 'none'; note: string | null };

export function groupFindingsByClause(findings: readonly Finding[]): { clause: string; findings: Finding[] }[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.clause) ?? [];
    list.push(f);
    groups.set(f.clause, list);
  }
  const order = (c: string) => c.split('.').map((n) => Number(n) || 0);
  return [...groups.entries()]
    .sort(([a], [b]) => {
      const x = order(a);
      const y = order(b);
      for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
      return 0;
    })
    .map(([clause, list]) => ({ clause, findings: list }));
}

/** The clause's text for a group: the catalogue statements of the rules its findings come from. */
export function clauseStatements(findings: readonly Finding[]): LocalizedText[] {
  const seen = new Set<string>();
  const out: LocalizedText[] = [];
  for (const f of findings) {
    const rule = RULES_BY_ID.get(f.ruleId);
    if (rule && !seen.has(rule.id)) {
      seen.add(rule.id);
      out.push(rule.statement);
    }
  }
  return out;
}

export function downloadRecording(recording: Recording): void {
  const blob = new Blob([JSON.stringify(recording, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `session-${recording.procedure}-${recording.id}.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Which expert-benchmark panels the debrief shows: both need a stored, finished session of a task (never a
 * file opened here); the mark toggle is for instructors; the comparison only in learn mode (feedbackVisible:
 * test mode judges nothing).
 */
export function expertPanels(outcome: AttemptOutcome | null, role: AccountRole | null, mode: SessionMode): { toggle: ExpertTask | null; compare: ExpertTask | null } {
  const summary = outcome?.summary ?? null;
  const task = summary && summary.status === 'finished' && summary.kind !== 'imported' && summary.presetId ? { attemptId: summary.id, presetId: summary.presetId } : null;
  return { toggle: role === 'instructor' ? task : null, compare: feedbackVisible(mode) ? task : null };
}
type ExpertTask = { attemptId: string; presetId: string };

export function Debrief({ head, recording, leave }: { head: LoadedHead; recording: Recording; leave: Leave }) {
  const { t } = useTranslation('studio');
  const practiseAgain = useStudio((s) => s.practiseAgain);
  const outcome = useStudio((s) => s.outcome);
  const problem = useStudio((s) => s.problem);
  const busy = useStudio((s) => s.busy);
  // The debrief opens with focus on its heading (keyboard and screen-reader users start there).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const report = outcome?.report ?? null;
  const finishProblem = problem?.action === 'finish' ? problem : null;
  const state: ReportState = report
    ? { status: 'ready', report }
    : busy === 'ending'
      ? { status: 'pending' }
      : finishProblem?.retry
        ? { status: 'not-stored' }
        : { status: 'none', note: outcome?.summary?.note ?? null };
  // Expert benchmarks: a stored, finished session of a task (never a file opened here). The shell's API and
  // role (tests give real services); the comparison only in learn mode (test mode judges nothing).
  const appStore = useContext(AppStoreContext);
  const api = appStore?.getState().api ?? defaultApi;
  const role = appStore?.getState().signedIn?.accountRole ?? null;
  const experts = expertPanels(outcome, role, recording.mode);

  return (
    <div className="studio-debrief" data-testid="debrief">
      <header className="studio-bar">
        <h1 ref={heading} tabIndex={-1} data-testid="debrief-title">
          {t('debrief.title')}
        </h1>
        <AttemptKind outcome={outcome} recording={recording} />
        <button type="button" className="button" onClick={() => downloadRecording(recording)} data-testid="export-session">
          {t('debrief.export')}
        </button>
        <button type="button" className="button primary" onClick={practiseAgain} disabled={busy !== null} data-testid="new-session">
          {t('debrief.again')}
        </button>
        <button type="button" className="button subtle" onClick={leave.request} disabled={busy !== null} data-testid="studio-exit">
          {t('exit')}
        </button>
      </header>
      <AttemptNote outcome={outcome} problem={finishProblem} />
      {experts.toggle && <ExpertMarkToggle api={api} attemptId={experts.toggle.attemptId} presetId={experts.toggle.presetId} />}
      <div className="studio-debrief-body">
        <ReportView state={state} zones={recording.zones}>
          {experts.compare && report && <ExpertComparison api={api} presetId={experts.compare.presetId} report={report} />}
        </ReportView>
        <Replay head={head} recording={recording} findings={report?.findings ?? []} />
      </div>
      <LeaveConfirm leave={leave} />
    </div>
  );
}

/**
 * The report half of the debrief: score, pass/fail and why it failed, criteria and findings grouped by
 * clause. `scenario`: the one the report was scored with (main scores studio attempts with none, the
 * simulator defaults), for the floor and pass mark the reasons cite. `children`: shown after the findings (the
 * comparison with the experts).
 */
export function ReportView({ state, zones = [], scenario, children }: { state: ReportState; zones?: readonly Zone[]; scenario?: Scenario; children?: ReactNode }) {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  // How much of the work a finding graded by extent concerns (core/rules/extent-severity.ts): the share in
  // words and percent. The counts behind it (contact samples, pulses) are internal and never shown here.
  const extentText = (f: Finding, procedure: ScoreReport['procedure']) => {
    const e = f.extent!;
    const values = { pct: Math.round(e.fraction * 1000) / 10, what: t(`debrief.extentWhat.${e.basis === 'scalp-passes' ? 'scalpPasses' : procedure}`) };
    if (e.basis === 'session-events') return t('debrief.extentSession', values);
    const region = e.basis === 'scalp-passes' ? 'scalp' : f.region;
    return region ? t('debrief.extentRegion', { ...values, region: REGION_NAMES[region][lang] }) : t('debrief.extentSession', values);
  };
  // Zones by their regions' names, never their ids.
  const named = (text: string) => nameZonesIn(text, zones, lang, (n) => t('zones.unnamed', { n }));
  const report = state.status === 'ready' ? state.report : null;
  return (
    // It scrolls on its own: focusable, so the keyboard can scroll it too.
    <section className="studio-panel studio-report" aria-labelledby="report-title" tabIndex={0}>
      <h2 id="report-title">{t('debrief.report')}</h2>
      {state.status === 'pending' && <p role="status">{t('debrief.scoring')}</p>}
      {state.status === 'not-stored' && <p data-testid="score-error">{t('debrief.noScoreYet')}</p>}
      {state.status === 'none' && (
        <p data-testid="score-error">
          {t('debrief.noScore')}{' '}
          {state.note && (
            <small className="studio-muted" lang="en">
              {state.note}
            </small>
          )}
        </p>
      )}
      {report && (
        <>
          <div className={report.passed ? 'studio-score pass' : 'studio-score fail'} data-testid="score">
            <span className="studio-score-value">{Math.round(report.score)}</span>
            <span>{report.passed ? t('debrief.passed') : t('debrief.failed')}</span>
            <small>{t('debrief.passMark', { mark: report.passMark })}</small>
            {report.criticalFailure && <strong className="studio-critical">{t('debrief.criticalFailure')}</strong>}
            {/* A total at or above the mark that still fails must not read as a pass. */}
            {!report.passed && report.score >= report.passMark && <small className="studio-score-note">{t('debrief.totalButFailed', { score: Math.round(report.score), mark: report.passMark })}</small>}
          </div>
          <FailReasons report={report} scenario={scenario} zones={zones} />
          <table className="studio-criteria">
            <caption>{t('debrief.criteria')}</caption>
            <tbody>
              {report.criteria.map((c) =>
                // A criterion the session gave no evidence for reads "not assessed" with why, never a score.
                c.assessed ? (
                  <tr key={c.criterion} data-criterion={c.criterion}>
                    <th scope="row">{t(`criterion.${c.criterion}`)}</th>
                    <td>
                      <meter min={0} max={100} value={c.score} />
                    </td>
                    <td>{Math.round(c.score)}</td>
                  </tr>
                ) : (
                  <tr key={c.criterion} data-criterion={c.criterion} data-assessed="false" className="studio-not-assessed">
                    <th scope="row">{t(`criterion.${c.criterion}`)}</th>
                    <td>{c.notAssessed?.text[lang]}</td>
                    <td>{t('debrief.notAssessed')}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
          <h3>{t('debrief.findings', { n: report.findings.length })}</h3>
          {report.findings.length === 0 && <p>{t('debrief.noFindings')}</p>}
          <div className="studio-findings" data-testid="findings">
            {groupFindingsByClause(report.findings).map((g) => (
              <section key={g.clause} className="studio-finding-group" data-clause={g.clause}>
                <h4>{t('feedback.clause', { clause: g.clause })}</h4>
                {clauseStatements(g.findings).map((st) => (
                  <p key={st.en} className="studio-clause-text">
                    {st[lang]}
                  </p>
                ))}
                <ul>
                  {g.findings.map((f) => (
                    <li key={f.id} className={`sev-${f.severity}`} data-rule={f.ruleId}>
                      <strong>{t(`severity.${f.severity}`)}</strong> {named(f.message[lang])}
                      {f.region && <span className="studio-muted"> · {REGION_NAMES[f.region][lang]}</span>}
                      {f.span && <span className="studio-muted"> · {formatSessionTime(f.span.startMs)}</span>}
                      <div className="studio-evidence">{named(f.evidence.text[lang])}</div>
                      {f.extent && <div className="studio-muted" data-testid="finding-extent">{extentText(f, report.procedure)}</div>}
                      {f.simulatorDefault && <div className="studio-muted">{t('debrief.simulatorDefault')}</div>}
                      {f.extent?.severityBySimulatorBands && <div className="studio-muted">{t('debrief.severityBySimulatorBands')}</div>}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          {children}
        </>
      )}
    </section>
  );
}
