// Fields every authored document has: its id (typed for a new item, fixed once published), its version
// (read-only: publishing makes the next one), and the optional "outside the standard" source.

import { useTranslation } from 'react-i18next';
import { asLocalized, EMPTY_TEXT, LocalizedField, TextInput } from '../fields';

export function IdentityFields({ doc, isNew, onChange }: { doc: Record<string, unknown>; isNew: boolean; onChange: (patch: Record<string, unknown>) => void }) {
  const { t } = useTranslation('authoring');
  return (
    <div className="form-columns authoring-identity">
      <TextInput pointer="/id" label={t('fields.id')} value={typeof doc.id === 'string' ? doc.id : ''} readOnly={!isNew} lang="en" onChange={(id) => onChange({ id })} />
      <TextInput pointer="/version" label={t('fields.version')} value={String(doc.version ?? '')} readOnly />
      {isNew && <p className="field-hint">{t('fields.idHint')}</p>}
    </div>
  );
}

export function OutsideStandardField({ doc, onChange }: { doc: Record<string, unknown>; onChange: (doc: Record<string, unknown>) => void }) {
  const { t } = useTranslation('authoring');
  const current = doc.outsideStandard as { source?: unknown } | undefined;
  const on = current !== undefined;
  return (
    <div className="authoring-outside">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => {
            const { outsideStandard: _drop, ...rest } = doc;
            onChange(e.target.checked ? { ...rest, outsideStandard: { source: { ...EMPTY_TEXT } } } : rest);
          }}
        />
        <span>{t('fields.outsideStandard')}</span>
      </label>
      <p className="field-hint">{t('fields.outsideStandardHint')}</p>
      {on && <LocalizedField pointer="/outsideStandard/source" label={t('fields.outsideSource')} value={asLocalized(current?.source)} onChange={(source) => onChange({ ...doc, outsideStandard: { source } })} />}
    </div>
  );
}
