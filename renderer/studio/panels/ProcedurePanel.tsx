// The procedure's steps, to perform in the standard's order and record with their time; for RF, the
// 2-5 zones (9.2) with their per-zone steps, each zone named by its regions and defined by picking
// regions on the head or from the list. Every step button is named by its step (and zone); focus moves to
// the first step when the session starts and on to the next step after each one.

import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepEvent, StepId } from '../../../core/recording/types';
import { PROCEDURE_STEPS, RF_ZONES_MAX, RF_ZONES_MIN, type StepDef } from '../procedure-steps';
import { useStudio } from '../store';
import { zoneName } from '../zone-names';
import { ZoneRegionList } from './ZoneRegionList';

export function formatSessionTime(tMs: number): string {
  const s = Math.floor(tMs / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function StepRow({ def, done, zoneId, zoneLabel, disabled }: { def: StepDef; done: StepEvent | undefined; zoneId?: string; zoneLabel?: string; disabled: boolean }) {
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
          data-step-button
          aria-label={zoneLabel ? t('procedure.doneZoneStep', { step: t(`steps.${def.step}`), zone: zoneLabel }) : t('procedure.doneStep', { step: t(`steps.${def.step}`) })}
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
  const section = useRef<HTMLElement>(null);
  useStepFocus(section, running, steps.length);
  const emptyLabel = (n: number) => t('zones.unnamed', { n });
  const doneOf = (step: StepId, zoneId?: string) => steps.find((e) => e.step === step && (zoneId ? e.zoneId === zoneId : !e.zoneId));

  return (
    <section ref={section} className="studio-panel" aria-labelledby="studio-procedure-title">
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
          {zones.map((z, i) => {
            const name = zoneName(z, lang, emptyLabel(i + 1));
            return (
              <div key={z.id} className={z.id === activeZoneId ? 'studio-zone active' : 'studio-zone'} data-testid={`zone-${z.id}`}>
                <div className="studio-zone-head">
                  <label className="studio-zone-name">
                    <input type="radio" name="active-zone" checked={z.id === activeZoneId} onChange={() => setActiveZone(z.id)} aria-label={t('zones.activate', { zone: name })} />
                    <span data-testid="zone-name">{name}</span>
                  </label>
                  <button type="button" className="button small" aria-pressed={zoneEditId === z.id} onClick={() => setZoneEdit(zoneEditId === z.id ? null : z.id)} aria-label={t(zoneEditId === z.id ? 'zones.finishPickingFor' : 'zones.pickFor', { zone: name })}>
                    {zoneEditId === z.id ? t('zones.finishPicking') : t('zones.pick')}
                  </button>
                  <button type="button" className="button small subtle" onClick={() => removeZone(z.id)} aria-label={t('zones.remove', { zone: name })}>
                    ×
                  </button>
                </div>
                {zoneEditId === z.id && <ZoneRegionList zone={z} name={name} />}
                <ol className="studio-steps">
                  {def.perZone.map((d) => (
                    <StepRow key={d.step} def={d} done={doneOf(d.step, z.id)} zoneId={z.id} zoneLabel={name} disabled={!running} />
                  ))}
                </ol>
              </div>
            );
          })}
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

/**
 * Keyboard flow: when the session starts, focus goes to the first step; after each step, to the next step
 * still to do after it (the button just pressed is gone once its step is done).
 */
function useStepFocus(section: RefObject<HTMLElement | null>, running: boolean, stepCount: number) {
  const last = useRef<{ running: boolean; count: number } | null>(null);
  const pressed = useRef<Element | null>(null);
  useEffect(() => {
    const root = section.current;
    const before = last.current;
    last.current = { running, count: stepCount };
    if (!root || !running) return;
    const buttons = () => Array.from(root.querySelectorAll<HTMLButtonElement>('button[data-step-button]:not(:disabled)'));
    // The session has just started (this panel was there before, or mounts with it).
    if ((!before || !before.running) && stepCount === 0) {
      buttons()[0]?.focus();
      return;
    }
    if (!before || stepCount <= before.count) return;
    // Only when the step was pressed here: focus is on nothing (its button is gone) or still in the list.
    const active = document.activeElement;
    if (active && active !== document.body && !root.contains(active)) return;
    const from = pressed.current;
    const next = buttons().find((b) => from && from.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) ?? buttons()[0];
    next?.focus();
  }, [section, running, stepCount]);
  useEffect(() => {
    const root = section.current;
    if (!root) return;
    // Remember the row of the step button pressed: the next step is the first one after it.
    const onClick = (e: Event) => {
      const b = e.target instanceof Element ? e.target.closest('button[data-step-button]') : null;
      if (b) pressed.current = b.closest('li');
    };
    root.addEventListener('click', onClick, true);
    return () => root.removeEventListener('click', onClick, true);
  }, [section]);
}
