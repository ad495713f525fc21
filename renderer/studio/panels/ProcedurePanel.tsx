// The procedure's steps, to perform in the standard's order and record with their time; for RF, the
// 2-5 zones (9.2) with their per-zone steps, and zone definition by picking regions on the head.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_NAMES } from '../../../core/anatomy/regions';
import type { StepEvent, StepId } from '../../../core/recording/types';
import { PROCEDURE_STEPS, RF_ZONES_MAX, RF_ZONES_MIN, type StepDef } from '../procedure-steps';
import { useStudio } from '../store';

export function formatSessionTime(tMs: number): string {
  const s = Math.floor(tMs / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function StepRow({ def, done, zoneId, disabled }: { def: StepDef; done: StepEvent | undefined; zoneId?: string; disabled: boolean }) {
  const { t } = useTranslation('studio');
  const recordStep = useStudio((s) => s.recordStep);
  const [minutes, setMinutes] = useState(def.defaultMinutes ?? 0);
  const testId = `step-${def.step}${zoneId ? `-${zoneId}` : ''}`;
  return (
    <li className={done ? 'studio-step done' : 'studio-step'}>
      <span className="studio-step-name">
        {t(`steps.${def.step}`)} <small className="studio-clause">{def.clause}</small>
        {def.optional && <small className="studio-muted"> {t('procedure.optional')}</small>}
      </span>
      {def.defaultMinutes !== undefined && (
        <label className="studio-minutes">
          <input type="number" min={1} max={120} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} aria-label={t('procedure.minutes')} />
          {t('procedure.min')}
        </label>
      )}
      {done ? (
        <span className="studio-step-time">{formatSessionTime(done.tMs)}</span>
      ) : (
        <button
          type="button"
          className="button small"
          disabled={disabled}
          data-testid={testId}
          onClick={() => recordStep(def.step as StepId, { ...(zoneId ? { zoneId } : {}), ...(def.defaultMinutes !== undefined ? { durationMs: minutes * 60_000 } : {}) })}
        >
          {t('procedure.done')}
        </button>
      )}
    </li>
  );
}

export function ProcedurePanel() {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const procedure = useStudio((s) => s.procedure);
  const steps = useStudio((s) => s.steps);
  const running = useStudio((s) => s.phase === 'running');
  const zones = useStudio((s) => s.zones);
  const activeZoneId = useStudio((s) => s.activeZoneId);
  const zoneEditId = useStudio((s) => s.zoneEditId);
  const setActiveZone = useStudio((s) => s.setActiveZone);
  const setZoneEdit = useStudio((s) => s.setZoneEdit);
  const addZone = useStudio((s) => s.addZone);
  const removeZone = useStudio((s) => s.removeZone);
  const def = PROCEDURE_STEPS[procedure];
  const doneOf = (step: StepId, zoneId?: string) => steps.find((e) => e.step === step && (zoneId ? e.zoneId === zoneId : !e.zoneId));

  return (
    <section className="studio-panel" aria-labelledby="studio-procedure-title">
      <h2 id="studio-procedure-title">{t('procedure.title')}</h2>
      <ol className="studio-steps">
        {def.before.map((d) => (
          <StepRow key={d.step} def={d} done={doneOf(d.step)} disabled={!running} />
        ))}
      </ol>
      {procedure === 'rf' && (
        <div className="studio-zones">
          <h3>{t('zones.title', { min: RF_ZONES_MIN, max: RF_ZONES_MAX })}</h3>
          {zones.length < RF_ZONES_MIN && <p className="studio-warning-inline">{t('zones.tooFew', { min: RF_ZONES_MIN })}</p>}
          {zones.map((z, i) => (
            <div key={z.id} className={z.id === activeZoneId ? 'studio-zone active' : 'studio-zone'} data-testid={`zone-${z.id}`}>
              <div className="studio-zone-head">
                <label>
                  <input type="radio" name="active-zone" checked={z.id === activeZoneId} onChange={() => setActiveZone(z.id)} />
                  {t('zones.zone', { n: i + 1 })}
                </label>
                <span className="studio-zone-regions">{z.regions.length ? z.regions.map((r) => REGION_NAMES[r][lang]).join(lang === 'zh' ? '、' : ', ') : t('zones.empty')}</span>
                <button type="button" className="button small" aria-pressed={zoneEditId === z.id} onClick={() => setZoneEdit(zoneEditId === z.id ? null : z.id)}>
                  {zoneEditId === z.id ? t('zones.finishPicking') : t('zones.pick')}
                </button>
                <button type="button" className="button small subtle" onClick={() => removeZone(z.id)} aria-label={t('zones.remove', { n: i + 1 })}>
                  ×
                </button>
              </div>
              <ol className="studio-steps">
                {def.perZone.map((d) => (
                  <StepRow key={d.step} def={d} done={doneOf(d.step, z.id)} zoneId={z.id} disabled={!running} />
                ))}
              </ol>
            </div>
          ))}
          {zoneEditId && <p className="studio-hint">{t('zones.pickHint')}</p>}
          <button type="button" className="button small" disabled={zones.length >= RF_ZONES_MAX} onClick={() => addZone([])} data-testid="add-zone">
            {t('zones.add')}
          </button>
        </div>
      )}
      <ol className="studio-steps">
        {def.after.map((d) => (
          <StepRow key={d.step} def={d} done={doneOf(d.step)} disabled={!running} />
        ))}
      </ol>
    </section>
  );
}
