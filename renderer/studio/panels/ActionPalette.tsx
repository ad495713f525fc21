// Test mode's procedure panel: every action the recording format knows, in one fixed neutral order (sorted
// by id, the same for every procedure, including actions that belong to other procedures), with no
// clauses, no "as needed", nothing marked done and no focus moving on. Pressing an action records it (it
// may be pressed again); timed actions ask for their minutes, starting empty. RF zones are defined as in
// learn mode and an action applies to the zone chosen here, or to none. Below, a neutral log of what was
// done, with its session time.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepId } from '../../../core/recording/types';
import { useStudio } from '../store';
import { ACTION_PALETTE, TIMED_ACTIONS } from '../test-mode';
import { zoneName } from '../zone-names';
import { formatSessionTime } from './session-time';
import { ZoneEditor } from './ZoneEditor';

const MAX_MINUTES = 120;

/** Whole minutes, 1 to 120, typed by the trainee; null while the field is empty or not such a number. */
export function parseMinutes(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= MAX_MINUTES ? n : null;
}

function ActionRow({ step, zoneId, zoneLabel, disabled }: { step: StepId; zoneId: string | null; zoneLabel: string | null; disabled: boolean }) {
  const { t } = useTranslation('studio');
  const recordStep = useStudio((s) => s.recordStep);
  const fitNewTip = useStudio((s) => s.fitNewTip);
  // A new RF tip is fitted on the device too (its tip id changes), as the device panel's button does.
  const fitsTip = useStudio((s) => step === 'fit-new-tip' && s.settings.device === 'rf');
  const timed = TIMED_ACTIONS.has(step);
  const [minutes, setMinutes] = useState('');
  const parsed = parseMinutes(minutes);
  const name = t(`steps.${step}`);
  return (
    <li className="studio-step studio-action">
      <span className="studio-step-name">{name}</span>
      {timed && (
        <label className="studio-minutes">
          <input
            type="number"
            min={1}
            max={MAX_MINUTES}
            inputMode="numeric"
            value={minutes}
            placeholder="—"
            onChange={(e) => setMinutes(e.target.value)}
            aria-label={t('palette.minutesFor', { action: name })}
            data-testid={`action-minutes-${step}`}
          />
          {t('procedure.min')}
        </label>
      )}
      <button
        type="button"
        className="button small"
        disabled={disabled || (timed && parsed === null)}
        data-testid={`action-${step}`}
        aria-label={zoneLabel ? t('palette.performZone', { action: name, zone: zoneLabel }) : t('palette.perform', { action: name })}
        onClick={() => {
          if (fitsTip && !zoneId) return fitNewTip();
          recordStep(step, { ...(zoneId ? { zoneId } : {}), ...(timed && parsed !== null ? { durationMs: parsed * 60_000 } : {}) });
          if (timed) setMinutes('');
        }}
      >
        {t('palette.do')}
      </button>
    </li>
  );
}

export function ActionPalette() {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const procedure = useStudio((s) => s.procedure);
  const running = useStudio((s) => s.phase === 'running');
  const zones = useStudio((s) => s.zones);
  const steps = useStudio((s) => s.steps);
  const [chosen, setChosen] = useState<string>('');
  const emptyLabel = (n: number) => t('zones.unnamed', { n });
  const nameOf = (id: string | undefined) => {
    const i = zones.findIndex((z) => z.id === id);
    return i < 0 ? null : zoneName(zones[i], lang, emptyLabel(i + 1));
  };
  // A zone removed after it was chosen: the actions apply to none.
  const zoneId = zones.some((z) => z.id === chosen) ? chosen : null;
  const zoneLabel = nameOf(zoneId ?? undefined);
  return (
    <section className="studio-panel" aria-labelledby="studio-palette-title" data-testid="action-palette">
      <h2 id="studio-palette-title">{t('palette.title')}</h2>
      <p className="studio-hint">{t('palette.hint')}</p>
      {procedure === 'rf' && (
        <>
          <ZoneEditor />
          <label className="studio-field">
            <span>{t('palette.zone')}</span>
            <select value={zoneId ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="action-zone">
              <option value="">{t('palette.noZone')}</option>
              {zones.map((z, i) => (
                <option key={z.id} value={z.id}>
                  {zoneName(z, lang, emptyLabel(i + 1))}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <ul className="studio-steps studio-actions" data-testid="action-list">
        {ACTION_PALETTE.map((step) => (
          <ActionRow key={step} step={step} zoneId={zoneId} zoneLabel={zoneLabel} disabled={!running} />
        ))}
      </ul>
      <h3>{t('palette.log')}</h3>
      {steps.length === 0 ? (
        <p className="studio-hint">{t('palette.logEmpty')}</p>
      ) : (
        <ol className="studio-action-log" data-testid="action-log">
          {steps.map((e, i) => {
            const zone = nameOf(e.zoneId);
            return (
              <li key={i}>
                <span className="studio-log-time">{formatSessionTime(e.tMs)}</span> {t(`steps.${e.step}`)}
                {zone && <span className="studio-muted">{t('palette.logZone', { zone })}</span>}
                {e.durationMs !== undefined && <span className="studio-muted">{t('palette.logMinutes', { n: Math.round(e.durationMs / 60_000) })}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
