// Learn mode only (feedbackVisible): what the heat map shows, the rule and recommended needle or depth for the region under
// the device (with its clause), and warnings the moment a rule is broken.

import { useTranslation } from 'react-i18next';
import { REGION_NAMES } from '../../../core/anatomy/regions';
import { DIRECTION_COUNT_RGB, HEAT_STOPS, RF_GAP_RGB, type HeadView, type Rgb } from '../feedback/colors';
import { formatRanges, siteGuidance } from '../feedback/site-guidance';
import { useStudio } from '../store';
import { feedbackVisible } from '../test-mode';
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
            {t('legend.directions', { n: i + 1 })}
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
          {t(unit, { n: i === HEAT_STOPS.length - 1 ? `${i + 1}+` : i + 1 })}
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
  const warnings = useStudio((s) => s.warnings);
  const preset = useStudio((s) => s.preset);
  const zones = useStudio((s) => s.zones);
  const visible = useStudio((s) => feedbackVisible(s.mode));
  if (!visible) return null;
  const guidance = hover ? siteGuidance(procedure, hover, preset.goal, preset.case) : null;
  return (
    <section className="studio-panel" aria-labelledby="studio-feedback-title">
      <h2 id="studio-feedback-title">{t('feedback.title')}</h2>
      <ViewPicker />
      <ProgressTable />
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
      <h3>{t('feedback.warnings')}</h3>
      {warnings.length === 0 ? (
        <p className="studio-hint">{t('feedback.noWarnings')}</p>
      ) : (
        <ul className="studio-warnings" aria-live="polite" data-testid="live-warnings">
          {warnings.slice(0, 6).map((w, i) => (
            <li key={`${w.ruleId}-${w.tMs}-${i}`} className={`sev-${w.severity}`}>
              <strong>{t(`severity.${w.severity}`)}</strong> {nameZonesIn(w.message[lang], zones, lang, (n) => t('zones.unnamed', { n }))} <span className="studio-clause">{t('feedback.clause', { clause: w.clause })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
