// Learn mode only (feedbackVisible): what the heat map shows, the rule and recommended needle or depth for the region under
// the device (with its clause), and warnings the moment a rule is broken, each
// with a labelled chip: the rule's catalogue severity, or for a rule graded by extent the severity at the extent
// so far (the debrief gives the final one, over the whole session).

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_NAMES } from '../../../core/anatomy/regions';
import { DIRECTION_COUNT_RGB, HEAT_STOPS, RF_GAP_RGB, type HeadView, type Rgb } from '../feedback/colors';
import { formatRanges, siteGuidance } from '../feedback/site-guidance';
import { useStudio } from '../store';
import { feedbackVisible } from '../test-mode';
import type { LiveWarning } from '../../../core/scoring/live-contract';
import type { ScoreReport, Severity } from '../../../core/scoring/report';
import { EXTENT_SEVERITY } from '../../../core/rules/extent-severity';
import { OUTSIDE_TARGET_WARNING } from '../feedback/live';
import { nameZonesIn } from '../zone-names';
import { ProgressTable } from './ProgressTable';

const css = (c: Rgb) => `rgb(${Math.round(c[0] * 255)}, ${Math.round(c[1] * 255)}, ${Math.round(c[2] * 255)})`;

export function ViewPicker() {
  const { t } = useTranslation('studio');
  const procedure = useStudio((s) => s.procedure);
  const view = useStudio((s) => s.view);
  const setView = useStudio((s) => s.setView);
  const showRegions = useStudio((s) => s.showRegions);
  const setShowRegions = useStudio((s) => s.setShowRegions);
  const visible = useStudio((s) => feedbackVisible(s.mode));
  if (!visible) return null;
  const views: HeadView[] = procedure === 'roller' ? ['skin', 'passes', 'directions'] : procedure === 'rf' ? ['skin', 'rf'] : ['skin', 'nano'];
  return (
    <div className="studio-views">
      <fieldset className="studio-segmented">
        <legend>{t('view.title')}</legend>
        {views.map((v) => (
          <label key={v}>
            <input type="radio" name="head-view" checked={view === v} onChange={() => setView(v)} data-testid={`view-${v}`} />
            {t(`view.${v}`)}
          </label>
        ))}
      </fieldset>
      <label className="studio-check">
        <input type="checkbox" checked={showRegions} onChange={(e) => setShowRegions(e.target.checked)} />
        {t('view.regions')}
      </label>
      <Legend view={view} />
    </div>
  );
}

export function Legend({ view }: { view: HeadView }) {
  const { t } = useTranslation('studio');
  if (view === 'skin') return <p className="studio-hint">{t('legend.skin')}</p>;
  if (view === 'directions')
    return (
      <ul className="studio-legend" aria-label={t('legend.title')}>
        {DIRECTION_COUNT_RGB.map((c, i) => (
          <li key={i}>
            <span className="swatch" ref={(el) => void (el && (el.style.background = css(c)))} />
            {t('legend.directions', { count: i + 1 })}
          </li>
        ))}
      </ul>
    );
  // Counts of what this view shows, each labelled with its unit: passes (roller), pulses (RF), contacts (nano).
  const unit = view === 'passes' ? 'legend.passesN' : view === 'rf' ? 'legend.pulsesN' : 'legend.contactsN';
  return (
    <ul className="studio-legend" aria-label={t(`legend.${view}`)} data-testid="legend" data-view={view}>
      <li className="studio-muted studio-legend-title">{t(`legend.${view}`)}</li>
      {HEAT_STOPS.map((c, i) => (
        <li key={i}>
          <span className="swatch" ref={(el) => void (el && (el.style.background = css(c)))} />
          {/* The last colour is every count from its own up. */}
          {i === HEAT_STOPS.length - 1 ? t(`${unit}Plus`, { count: i + 1 }) : t(unit, { count: i + 1 })}
        </li>
      ))}
      {view === 'rf' && (
        <li>
          <span className="swatch" ref={(el) => void (el && (el.style.background = css(RF_GAP_RGB)))} />
          {t('legend.rfGap')}
        </li>
      )}
    </ul>
  );
}

export function FeedbackPanel() {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const procedure = useStudio((s) => s.procedure);
  const hover = useStudio((s) => s.hoverRegion);
  const preset = useStudio((s) => s.preset);
  const feedback = useStudio((s) => s.feedback);
  const counts = useStudio((s) => s.counts);
  const visible = useStudio((s) => feedbackVisible(s.mode));
  // The live scorer's report so far, recomputed when the device lifts or a step is recorded (counts changes):
  // the progress figures and the warnings' severity at the extent so far come from it.
  const report = useMemo(() => (visible && feedback && counts ? feedback.report() : null), [visible, feedback, counts]);
  if (!visible) return null;
  const guidance = hover ? siteGuidance(procedure, hover, preset.goal, preset.case) : null;
  return (
    <section className="studio-panel" aria-labelledby="studio-feedback-title">
      <h2 id="studio-feedback-title">{t('feedback.title')}</h2>
      <ViewPicker />
      <ProgressTable metrics={report?.metrics ?? {}} />
      <div className="studio-guidance" data-testid="region-guidance">
        {hover && guidance ? (
          <>
            <h3>{REGION_NAMES[hover][lang]}</h3>
            {guidance.noTreat && (
              <p className="studio-no-treat" data-testid="no-treat-guidance">
                <strong>{t('feedback.noTreat')}</strong>
              </p>
            )}
            <p className="studio-clause">{t('feedback.clause', { clause: guidance.clause })}</p>
            <ul className="studio-rule-list">
              {guidance.statements.map((st) => (
                <li key={st.en}>{st[lang]}</li>
              ))}
            </ul>
            {guidance.rangesMm && (
              <p>
                <strong>{t(procedure === 'roller' ? 'feedback.recommendedNeedle' : 'feedback.recommendedDepth', { range: formatRanges(guidance.rangesMm) })}</strong>
              </p>
            )}
          </>
        ) : (
          <p className="studio-hint">{t('feedback.hoverHint')}</p>
        )}
      </div>
      <LiveWarnings report={report} />
    </section>
  );
}

/**
 * The severity a live warning shows: for a rule graded by extent (core/rules/extent-severity.ts) whose finding
 * the report so far already holds, the severity at the extent so far (the worst of its findings for that
 * region); otherwise the rule's own (catalogue) severity, as core raised it (a task's override included).
 */
export function warningSeverity(w: LiveWarning, report: ScoreReport | null): { severity: Severity; soFar: boolean } {
  if (!EXTENT_SEVERITY[w.ruleId] || !report) return { severity: w.severity, soFar: false };
  const rank: Record<Severity, number> = { info: 0, minor: 1, major: 2, critical: 3 };
  const graded = report.findings.filter((f) => f.ruleId === w.ruleId && f.region === w.region && f.extent);
  if (graded.length === 0) return { severity: w.severity, soFar: false };
  return { severity: graded.reduce((worst, f) => (rank[f.severity] > rank[worst] ? f.severity : worst), graded[0].severity), soFar: true };
}

/** The latest warnings, newest first, each with a labelled severity chip (text, not only colour). */
function LiveWarnings({ report }: { report: ScoreReport | null }) {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const warnings = useStudio((s) => s.warnings);
  const zones = useStudio((s) => s.zones);
  const shown = warnings.slice(0, 6);
  const anyGraded = shown.some((w) => EXTENT_SEVERITY[w.ruleId]);
  return (
    <>
      <h3 id="studio-warnings-title">{t('feedback.warnings')}</h3>
      {shown.length === 0 && <p className="studio-hint">{t('feedback.noWarnings')}</p>}
      {/* Always there, so a screen reader announces the first warning too (a live region added with its
          content is often not read). */}
      <ul className="studio-warnings" aria-live="polite" aria-labelledby="studio-warnings-title" data-testid="live-warnings">
        {shown.map((w, i) => {
          // The studio's own teaching hint (rolling off the targets) is no rule and never scored.
          const hint = w.ruleId === OUTSIDE_TARGET_WARNING;
          const { severity, soFar } = hint ? { severity: w.severity, soFar: false } : warningSeverity(w, report);
          const label = t(`severity.${severity}`);
          return (
            <li key={`${w.ruleId}-${w.tMs}-${i}`} className={`sev-${severity}`} data-rule={w.ruleId} data-severity={severity}>
              <span className={`studio-sev-chip chip-${severity}`} data-testid="warning-severity">
                {hint ? t('feedback.teachingHint') : soFar ? t('feedback.severitySoFar', { severity: label }) : t('feedback.ruleSeverity', { severity: label })}
              </span>{' '}
              {nameZonesIn(w.message[lang], zones, lang, (n) => t('zones.unnamed', { n }))} <span className="studio-clause">{t('feedback.clause', { clause: w.clause })}</span>
            </li>
          );
        })}
      </ul>
      {anyGraded && (
        <p className="studio-hint" data-testid="warnings-extent-note">
          {t('feedback.extentNote')}
        </p>
      )}
    </>
  );
}
