// Learn mode: the procedure's steps, to perform in the standard's order and record with their time; for
// RF, the 2-5 zones (9.2) with their per-zone steps (./ZoneEditor). Every step button is named by its step
// (and zone); focus moves to the first step when the session starts and on to the next step after each
// one. Test mode shows none of this: the action palette instead (./ActionPalette, ../test-mode).

import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepEvent, StepId } from '../../../core/recording/types';
import { PROCEDURE_STEPS, type StepDef } from '../procedure-steps';
import { useStudio } from '../store';
import { feedbackVisible } from '../test-mode';
import { ActionPalette } from './ActionPalette';
import { formatSessionTime } from './session-time';
import { ZoneEditor } from './ZoneEditor';

export { formatSessionTime };

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

/** Learn mode: the standard's steps in order. Test mode (feedbackVisible): the neutral action palette. */
export function ProcedurePanel() {
  const hints = useStudio((s) => feedbackVisible(s.mode));
  return hints ? <StandardSteps /> : <ActionPalette />;
}

function StandardSteps() {
  const { t } = useTranslation('studio');
  const procedure = useStudio((s) => s.procedure);
  const steps = useStudio((s) => s.steps);
  const running = useStudio((s) => s.phase === 'running');
  const def = PROCEDURE_STEPS[procedure];
  const section = useRef<HTMLElement>(null);
  useStepFocus(section, running, steps.length);
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
        <ZoneEditor
          renderSteps={(z, name) => (
            <ol className="studio-steps">
              {def.perZone.map((d) => (
                <StepRow key={d.step} def={d} done={doneOf(d.step, z.id)} zoneId={z.id} zoneLabel={name} disabled={!running} />
              ))}
            </ol>
          )}
        />
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
