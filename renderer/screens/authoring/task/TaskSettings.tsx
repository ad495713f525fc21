// The device settings a task starts with (the trainee may change them), and for RF the zones it starts
// with (9.2: two to five zones, each picked on the head).

import { useTranslation } from 'react-i18next';
import type { RegionId } from '../../../../core/anatomy/regions';
import { getAt, list, num, problemsAt, str, strList } from '../case/doc-edit';
import { Checkbox, NumberInput, ProblemText, RegionField, SelectInput, TextInput } from '../case/fields';
import type { SectionProps } from '../case/CaseHistory';

const NUMBERS: Record<string, { unit: string; integer?: boolean }> = {
  needleLengthMm: { unit: 'mm' },
  drumWidthMm: { unit: 'mm' },
  tipSizeMm: { unit: 'mm' },
  depthMm: { unit: 'mm' },
  powerW: { unit: 'W' },
  pulseWidthMs: { unit: 'ms' },
  needleHeightUm: { unit: 'µm' },
  level: { unit: '', integer: true },
};

export function TaskSettings({ doc, problems, edit }: SectionProps) {
  const { t } = useTranslation('authoring-case');
  const settings = getAt(doc, ['initialSettings']);
  const device = str(getAt(settings, ['device']));
  const number = (key: string) => (
    <NumberInput
      key={key}
      label={t(`settings.${key}`, { unit: NUMBERS[key].unit })}
      problems={problemsAt(problems, `/initialSettings/${key}`)}
      value={num(getAt(settings, [key]))}
      onValue={(v) => edit(['initialSettings', key], v !== undefined && NUMBERS[key].integer ? Math.round(v) : v)}
    />
  );
  return (
    <section className="authoring-section" aria-labelledby="authoring-task-settings">
      <h3 id="authoring-task-settings">{t('settings.title', { device: device ? t(`procedure.${device}`) : '' })}</h3>
      <p className="field-hint">{t('settings.hint')}</p>
      <div className="authoring-row">
        {device === 'roller' && ['needleLengthMm', 'drumWidthMm'].map(number)}
        {device === 'rf' && (
          <>
            {['tipSizeMm', 'depthMm', 'powerW', 'pulseWidthMs'].map(number)}
            <TextInput label={t('settings.tipId')} lang="en" problems={problemsAt(problems, '/initialSettings/tipId')} value={str(getAt(settings, ['tipId']))} onValue={(v) => edit(['initialSettings', 'tipId'], v)} />
            <Checkbox label={t('settings.suction')} checked={getAt(settings, ['suction']) === true} onValue={(v) => edit(['initialSettings', 'suction'], v)} />
            <Checkbox label={t('settings.bipolar')} checked={getAt(settings, ['bipolar']) === true} onValue={(v) => edit(['initialSettings', 'bipolar'], v)} />
          </>
        )}
        {device === 'nano' && (
          <>
            {number('needleHeightUm')}
            <SelectInput label={t('settings.technique')} problems={problemsAt(problems, '/initialSettings/technique')} value={str(getAt(settings, ['technique']))} options={(['point-lift', 'sliding'] as const).map((v) => ({ value: v, label: t(`settings.techniques.${v}`) }))} onValue={(v) => edit(['initialSettings', 'technique'], v)} />
            {number('level')}
          </>
        )}
      </div>
      <ProblemText messages={[...problemsAt(problems, '/initialSettings'), ...problemsAt(problems, '/initialSettings/device'), ...problemsAt(problems, '/initialSettings/suction'), ...problemsAt(problems, '/initialSettings/bipolar')]} />
    </section>
  );
}

export function TaskZones({ doc, problems, edit }: SectionProps) {
  const { t } = useTranslation('authoring-case');
  const zones = list(getAt(doc, ['suggestedZones'])).map((z) => strList(z) as RegionId[]);
  const write = (next: RegionId[][]) => edit(['suggestedZones'], next.length > 0 ? next : undefined);
  return (
    <section className="authoring-section" aria-labelledby="authoring-task-zones">
      <h3 id="authoring-task-zones">{t('zones.title')}</h3>
      <p className="field-hint">{t('zones.hint')}</p>
      {zones.map((zone, i) => (
        <div key={i} className="authoring-item">
          <RegionField label={t('zones.zone', { n: i + 1 })} pointer={`/suggestedZones/${i}`} problems={problems} value={zone} onValue={(v) => write(zones.map((z, j) => (j === i ? v : z)))} />
          <button type="button" className="button button-small" onClick={() => write(zones.filter((_, j) => j !== i))}>
            {t('zones.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      {zones.length < 5 && (
        <button type="button" className="button" onClick={() => write([...zones, []])}>
          {t('zones.add')}
        </button>
      )}
      <ProblemText messages={problemsAt(problems, '/suggestedZones')} />
    </section>
  );
}
