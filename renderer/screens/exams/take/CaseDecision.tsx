// The case's contraindications checklist (step 'mark'), the decision (treat / treat with limits / defer,
// sent whole on every change as step 'decide') and the preparation and consent of section 7 ('consent').

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionId } from '../../../../core/anatomy/regions';
import type { CaseDecision, Consent, ExamStep } from '../../../../core/exams/format/steps';
import { headVariantForCase } from '../../../../core/head-model/variants';
import { RegionPicker } from '../head/RegionHead';
import type { CasePartView } from './CasePart';
import { useLt, useRegionName } from './text';

type Send = (s: ExamStep) => void;

export function CaseContraindications({ part, marked, send, readOnly }: { part: CasePartView; marked: string[]; send: Send; readOnly: boolean }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  return (
    <section className="panel" aria-labelledby={`${part.id}-contra`}>
      <h2 id={`${part.id}-contra`}>{t('case.contraindications')}</h2>
      <fieldset className="exam-options" aria-labelledby={`${part.id}-contra`}>
        <p className="field-hint">{t('case.contraindicationsHint')}</p>
        {part.contraindicationOptions.map((o) => (
          <label key={o.conditionId} className="checkbox exam-option">
            <input
              type="checkbox"
              checked={marked.includes(o.conditionId)}
              disabled={readOnly}
              onChange={(e) => send({ kind: 'mark', partId: part.id, conditionId: o.conditionId, marked: e.target.checked })}
            />
            <span>{lt(o.name)}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

const EMPTY_DECISION: CaseDecision = { kind: 'treat', excludeRegions: [], needleLimits: [], pretreatments: [] };

export function CaseDecisionForm({ part, decision, send, readOnly }: { part: CasePartView; decision: CaseDecision | null; send: Send; readOnly: boolean }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  const regionName = useRegionName();
  const current = decision ?? EMPTY_DECISION;
  const decide = (next: Partial<CaseDecision>) => send({ kind: 'decide', partId: part.id, decision: { ...current, ...next } });
  const excluded = new Set<RegionId>(current.excludeRegions);
  const toggleExcluded = (region: RegionId) =>
    decide({ excludeRegions: excluded.has(region) ? current.excludeRegions.filter((r) => r !== region) : [...current.excludeRegions, region] });
  const setLimit = (region: RegionId, mm: number | null) => {
    const rest = current.needleLimits.filter((l) => l.region !== region);
    decide({ needleLimits: mm === null ? rest : [...rest, { region, maxNeedleMm: mm }] });
  };
  return (
    <section className="panel" aria-labelledby={`${part.id}-decision`}>
      <h2 id={`${part.id}-decision`}>{t('case.decision')}</h2>
      <fieldset className="exam-options" aria-labelledby={`${part.id}-decision`}>
        {(['treat', 'limit', 'defer'] as const).map((kind) => (
          <label key={kind} className="checkbox exam-option">
            <input type="radio" name={`${part.id}-decision`} checked={decision?.kind === kind} disabled={readOnly} onChange={() => decide({ kind })} />
            <span>{t(`case.${kind}`)}</span>
          </label>
        ))}
      </fieldset>
      {current.kind === 'limit' && decision && (
        <div className="exam-limits">
          <h3>{t('case.excludeRegions')}</h3>
          <RegionPicker regions={part.plannedRegions} selected={excluded} onPick={toggleExcluded} disabled={readOnly} listLabel={t('case.excludeRegions')} variant={headVariantForCase(part.patient)} />
          <h3>{t('case.needleLimits')}</h3>
          <div className="exam-needle-limits">
            {part.plannedRegions
              .filter((r) => !excluded.has(r))
              .map((region) => (
                <NeedleLimit
                  key={region}
                  label={t('case.needleLimitFor', { region: regionName(region) })}
                  value={current.needleLimits.find((l) => l.region === region)?.maxNeedleMm ?? null}
                  onValue={(mm) => setLimit(region, mm)}
                  disabled={readOnly}
                />
              ))}
          </div>
          <fieldset className="exam-options">
            <legend>{t('case.pretreatments')}</legend>
            {part.pretreatmentOptions.map((o) => (
              <label key={o.step} className="checkbox exam-option">
                <input
                  type="checkbox"
                  checked={(current.pretreatments as string[]).includes(o.step)}
                  disabled={readOnly}
                  onChange={(e) => {
                    const step = o.step as CaseDecision['pretreatments'][number];
                    decide({ pretreatments: e.target.checked ? [...current.pretreatments, step] : current.pretreatments.filter((p) => p !== step) });
                  }}
                />
                <span>{lt(o.name)}</span>
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </section>
  );
}

/** A number in mm, committed when it is a valid length (0 < mm ≤ 3) or cleared, on blur or Enter. */
function NeedleLimit({ label, value, onValue, disabled }: { label: string; value: number | null; onValue: (mm: number | null) => void; disabled: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (value === null ? '' : String(value));
  const commit = () => {
    if (draft === null) return;
    const text = draft.trim().replace(',', '.');
    const mm = text === '' ? null : Number(text);
    setDraft(null);
    if (mm === null || (Number.isFinite(mm) && mm > 0 && mm <= 3)) {
      if (mm !== value) onValue(mm);
    }
  };
  return (
    <label className="inline-field exam-needle-limit">
      <span>{label}</span>
      <input
        type="number"
        min={0.05}
        max={3}
        step={0.05}
        inputMode="decimal"
        value={shown}
        disabled={disabled}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </label>
  );
}

export function CaseConsent({ part, consent, send, readOnly }: { part: CasePartView; consent: Consent | null; send: Send; readOnly: boolean }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  const current: Consent = consent ?? { goalsDiscussed: false, risksExplained: [], signed: false };
  const change = (next: Partial<Consent>) => send({ kind: 'consent', partId: part.id, consent: { ...current, ...next } });
  return (
    <section className="panel" aria-labelledby={`${part.id}-consent`}>
      <h2 id={`${part.id}-consent`}>{t('case.consent')}</h2>
      <label className="checkbox exam-option">
        <input type="checkbox" checked={current.goalsDiscussed} disabled={readOnly} onChange={(e) => change({ goalsDiscussed: e.target.checked })} />
        <span>{t('case.goals')}</span>
      </label>
      <fieldset className="exam-options">
        <legend>{t('case.risks')}</legend>
        {part.riskOptions.map((o) => (
          <label key={o.clause} className="checkbox exam-option">
            <input
              type="checkbox"
              checked={current.risksExplained.includes(o.clause)}
              disabled={readOnly}
              onChange={(e) => change({ risksExplained: e.target.checked ? [...current.risksExplained, o.clause] : current.risksExplained.filter((c) => c !== o.clause) })}
            />
            <span>{lt(o.name)}</span>
          </label>
        ))}
      </fieldset>
      <label className="checkbox exam-option">
        <input type="checkbox" checked={current.signed} disabled={readOnly} onChange={(e) => change({ signed: e.target.checked })} />
        <span>{t('case.signed')}</span>
      </label>
    </section>
  );
}
