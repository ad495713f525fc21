// Device parameters in the side panel. Every change is recorded (settings changes, with their time).

import { useTranslation } from 'react-i18next';
import type { DeviceSettings } from '../../../core/recording/types';
import { PRESSURE_LEVELS } from '../input/pressure';
import { useStudio } from '../store';

export const ROLLER_NEEDLE_LENGTHS_MM = [0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0] as const;
// Simulator choices (the standard gives none): drum widths, RF tips and ranges, nano heights and levels.
export const ROLLER_DRUM_WIDTHS_MM = [10, 15, 20, 25] as const;
export const RF_TIP_SIZES_MM = [5, 10, 15, 20] as const;
export const RF_DEPTHS_MM = [0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 3.5] as const;
export const RF_POWERS_W = [5, 10, 15, 20, 25, 30, 40] as const;
export const RF_PULSE_WIDTHS_MS = [50, 100, 150, 200, 300] as const;
export const NANO_HEIGHTS_UM = [50, 100, 150, 200, 300, 500] as const;
export const NANO_LEVELS = [1, 2, 3, 4, 5] as const;

function NumberSelect({ id, label, unit, value, options, onChange }: { id: string; label: string; unit: string; value: number; options: readonly number[]; onChange: (v: number) => void }) {
  return (
    <label className="studio-field" htmlFor={id}>
      <span>{label}</span>
      <select id={id} value={String(value)} onChange={(e) => onChange(Number(e.target.value))} data-testid={id}>
        {options.map((o) => (
          <option key={o} value={String(o)}>
            {o} {unit}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DevicePanel() {
  const { t } = useTranslation('studio');
  const settings = useStudio((s) => s.settings);
  const update = useStudio((s) => s.updateSettings);
  const fitNewTip = useStudio((s) => s.fitNewTip);
  const running = useStudio((s) => s.phase === 'running');
  const tension = useStudio((s) => s.skinTensionToggle || s.skinTensionKey);
  const setTension = useStudio((s) => s.setSkinTensionToggle);
  const mousePressure = useStudio((s) => s.mousePressure);
  const lightKey = useStudio((s) => s.lightKey);
  const setMousePressure = useStudio((s) => s.setMousePressure);
  const set = (changes: Partial<DeviceSettings>) => update(changes);
  // The studio numbers the tips it fits tip-1, tip-2…: shown as the trainee counts them, not as an id.
  // An id of another form (a task's own) is shown as it is.
  const tipLabel = (tipId: string) => {
    const n = /^tip-(\d+)$/.exec(tipId)?.[1];
    return n ? t('device.tipNumber', { n: Number(n) }) : tipId;
  };

  return (
    <section className="studio-panel" aria-labelledby="studio-device-title">
      <h2 id="studio-device-title">{t(`device.${settings.device}`)}</h2>
      {settings.device === 'roller' && (
        <>
          <NumberSelect id="needle-length" label={t('device.needleLength')} unit="mm" value={settings.needleLengthMm} options={ROLLER_NEEDLE_LENGTHS_MM} onChange={(v) => set({ needleLengthMm: v })} />
          <NumberSelect id="drum-width" label={t('device.drumWidth')} unit="mm" value={settings.drumWidthMm} options={ROLLER_DRUM_WIDTHS_MM} onChange={(v) => set({ drumWidthMm: v })} />
        </>
      )}
      {settings.device === 'rf' && (
        <>
          <NumberSelect id="tip-size" label={t('device.tipSize')} unit="mm" value={settings.tipSizeMm} options={RF_TIP_SIZES_MM} onChange={(v) => set({ tipSizeMm: v })} />
          <NumberSelect id="rf-depth" label={t('device.depth')} unit="mm" value={settings.depthMm} options={RF_DEPTHS_MM} onChange={(v) => set({ depthMm: v })} />
          <NumberSelect id="rf-power" label={t('device.power')} unit="W" value={settings.powerW} options={RF_POWERS_W} onChange={(v) => set({ powerW: v })} />
          <NumberSelect id="rf-pulse-width" label={t('device.pulseWidth')} unit="ms" value={settings.pulseWidthMs} options={RF_PULSE_WIDTHS_MS} onChange={(v) => set({ pulseWidthMs: v })} />
          <label className="studio-check">
            <input type="checkbox" checked={settings.suction} onChange={(e) => set({ suction: e.target.checked })} data-testid="rf-suction" />
            {t('device.suction')}
          </label>
          <fieldset className="studio-segmented">
            <legend>{t('device.polarity')}</legend>
            <label>
              <input type="radio" name="rf-polarity" checked={settings.bipolar} onChange={() => set({ bipolar: true })} />
              {t('device.bipolar')}
            </label>
            <label>
              <input type="radio" name="rf-polarity" checked={!settings.bipolar} onChange={() => set({ bipolar: false })} />
              {t('device.monopolar')}
            </label>
          </fieldset>
          <p className="studio-hint">
            {t('device.tipFitted', { tip: tipLabel(settings.tipId) })}{' '}
            <button type="button" className="button small" onClick={fitNewTip} disabled={!running} data-testid="fit-new-tip">
              {t('device.fitNewTip')}
            </button>
          </p>
        </>
      )}
      {settings.device === 'nano' && (
        <>
          <NumberSelect id="nano-height" label={t('device.needleHeight')} unit="µm" value={settings.needleHeightUm} options={NANO_HEIGHTS_UM} onChange={(v) => set({ needleHeightUm: v })} />
          <NumberSelect id="nano-level" label={t('device.level')} unit="" value={settings.level} options={NANO_LEVELS} onChange={(v) => set({ level: v })} />
          <fieldset className="studio-segmented">
            <legend>{t('device.technique')}</legend>
            <label>
              <input type="radio" name="nano-technique" checked={settings.technique === 'point-lift'} onChange={() => set({ technique: 'point-lift' })} />
              {t('device.pointLift')}
            </label>
            <label>
              <input type="radio" name="nano-technique" checked={settings.technique === 'sliding'} onChange={() => set({ technique: 'sliding' })} />
              {t('device.sliding')}
            </label>
          </fieldset>
        </>
      )}
      {settings.device !== 'nano' && (
        <fieldset className="studio-segmented" data-testid="mouse-pressure">
          <legend>{t('device.pressure')}</legend>
          {PRESSURE_LEVELS.map((level) => (
            <label key={level}>
              <input type="radio" name="mouse-pressure" checked={(lightKey ? 'light' : mousePressure) === level} onChange={() => setMousePressure(level)} data-testid={`pressure-${level}`} />
              {t(`device.pressureLevel.${level}`)}
            </label>
          ))}
        </fieldset>
      )}
      <label className="studio-check">
        <input type="checkbox" checked={tension} onChange={(e) => setTension(e.target.checked)} data-testid="skin-tension" />
        {t('device.skinTension')}
      </label>
      <div className="studio-keys" aria-label={t('controls.title')}>
        <p>{t(`controls.${settings.device}`)}</p>
        {settings.device !== 'nano' && <p>{t('controls.pressure')}</p>}
        <p>{t('controls.tension')}</p>
        <p>{t('controls.view')}</p>
      </div>
    </section>
  );
}
