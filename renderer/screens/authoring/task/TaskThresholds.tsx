// The task's thresholds: every simulator default (SIMULATOR_DEFAULTS, numbers the standard does not give)
// with its value and unit beside an input that overrides it for this task (empty = the default), and below
// them the standard's own numbers (rule parameters with source 'standard'), shown read-only: they cannot be
// changed per task.

import { useTranslation } from 'react-i18next';
import { RULES } from '../../../../core/rules/catalogue';
import { SIMULATOR_DEFAULT_KEYS, SIMULATOR_DEFAULTS } from '../../../../core/rules/simulator-defaults';
import type { RuleParameter } from '../../../../core/rules/types';
import { getAt, num, problemsAt } from '../case/doc-edit';
import { NumberInput } from '../case/fields';
import type { SectionProps } from '../case/CaseHistory';

/** Units said in words (translated); the others (mm, W, cm²…) are written as they are. */
const WORD_UNITS: Record<string, string> = {
  fraction: 'fraction',
  deg: 'deg',
  count: 'count',
  ratio: 'ratio',
  'pressure 0..1': 'pressure',
  samples: 'samples',
  pulses: 'pulses',
  points: 'points',
  rounds: 'rounds',
  days: 'days',
  zones: 'zones',
  years: 'years',
  times: 'times',
  min: 'min',
  h: 'h',
  s: 's',
};

export function useUnit() {
  const { t } = useTranslation('authoring-case');
  return (unit: string | undefined) => (unit === undefined ? '' : WORD_UNITS[unit] ? t(`units.${WORD_UNITS[unit]}`) : unit);
}

function showValue(p: RuleParameter, unit: string, yes: string, no: string): string {
  const v = p.value;
  const text = Array.isArray(v) ? (v[0] === v[1] ? String(v[0]) : `${v[0]}–${v[1]}`) : typeof v === 'boolean' ? (v ? yes : no) : String(v);
  return unit ? `${text} ${unit}` : text;
}

const STANDARD_PARAMETERS = RULES.flatMap((rule) => Object.entries(rule.parameters).filter(([, p]) => p.source === 'standard').map(([name, p]) => ({ rule, name, p })));

export function TaskThresholds({ doc, problems, edit }: SectionProps) {
  const { t, i18n } = useTranslation('authoring-case');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const unit = useUnit();
  const defaults = getAt(doc, ['scenario', 'defaults']);
  return (
    <section className="authoring-section" aria-labelledby="authoring-task-thresholds">
      <h3 id="authoring-task-thresholds">{t('thresholds.title')}</h3>
      <p className="field-hint">{t('thresholds.hint')}</p>
      <table className="authoring-table" aria-label={t('thresholds.simulatorTable')}>
        <thead>
          <tr>
            <th scope="col">{t('thresholds.name')}</th>
            <th scope="col">{t('thresholds.default')}</th>
            <th scope="col">{t('thresholds.override')}</th>
            <th scope="col">{t('thresholds.clause')}</th>
          </tr>
        </thead>
        <tbody>
          {SIMULATOR_DEFAULT_KEYS.map((key) => {
            const d = SIMULATOR_DEFAULTS[key];
            const u = unit(d.unit);
            return (
              <tr key={key} data-key={key}>
                <td>
                  {d.description[lang]}
                  <br />
                  <code lang="en">{key}</code>
                </td>
                <td>{u ? `${d.value} ${u}` : String(d.value)}</td>
                <td>
                  <NumberInput label={t('thresholds.overrideFor', { key })} placeholder={String(d.value)} problems={problemsAt(problems, `/scenario/defaults/${key}`)} value={num(getAt(defaults, [key]))} onValue={(v) => edit(['scenario', 'defaults', key], v)} />
                </td>
                <td>{d.clause}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h4>{t('thresholds.standardTitle')}</h4>
      <p className="field-hint">{t('thresholds.standardNote')}</p>
      <table className="authoring-table" aria-label={t('thresholds.standardTable')}>
        <thead>
          <tr>
            <th scope="col">{t('thresholds.rule')}</th>
            <th scope="col">{t('thresholds.parameter')}</th>
            <th scope="col">{t('thresholds.value')}</th>
            <th scope="col">{t('thresholds.clause')}</th>
          </tr>
        </thead>
        <tbody>
          {STANDARD_PARAMETERS.map(({ rule, name, p }) => (
            <tr key={`${rule.id}/${name}`}>
              <td>{rule.statement[lang]}</td>
              <td>
                <code lang="en">{name}</code>
              </td>
              <td>
                <output>{showValue(p, unit(p.unit), t('common.yes'), t('common.no'))}</output>
              </td>
              <td>{rule.clause}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
