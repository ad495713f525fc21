// A complication vignette (section 13): title, what the patient presents with, and 3-6 management options,
// each correct or not, possibly harmful (choosing it is a critical finding), with why, in both languages.

import { useTranslation } from 'react-i18next';
import { ClausePicker } from '../ClausePicker';
import { asRecord } from '../documents';
import { asLocalized, EMPTY_TEXT, LocalizedField, removeAt, replaceAt, Section, type Localized } from '../fields';
import { GroupProblems } from '../problems';
import { IdentityFields, OutsideStandardField } from './common';

const LETTERS = 'abcdef';

interface VignetteOption {
  id: string;
  text: Localized;
  correct: boolean;
  harmful?: boolean;
  why: Localized;
}

function asOption(v: unknown): VignetteOption {
  const o = asRecord(v);
  return { id: String(o.id ?? ''), text: asLocalized(o.text), correct: o.correct === true, ...(o.harmful === true ? { harmful: true } : {}), why: asLocalized(o.why) };
}

export function VignetteForm({ document, onChange, isNew }: { document: unknown; onChange: (doc: Record<string, unknown>) => void; isNew: boolean }) {
  const { t } = useTranslation('authoring');
  const doc = asRecord(document);
  const set = (patch: Record<string, unknown>) => onChange({ ...doc, ...patch });
  const options = Array.isArray(doc.options) ? doc.options.map(asOption) : [];
  const setOptions = (next: VignetteOption[]) => set({ options: next.map((o, i) => ({ ...o, id: LETTERS[i] ?? o.id })) });
  const setOption = (i: number, patch: Partial<VignetteOption>) => {
    const o = { ...options[i], ...patch } as VignetteOption;
    if (!o.harmful) delete o.harmful;
    setOptions(replaceAt(options, i, o));
  };
  return (
    <>
      <Section title={t('vignette.basics')}>
        <IdentityFields doc={doc} isNew={isNew} onChange={set} />
        <LocalizedField pointer="/title" label={t('fields.title')} value={asLocalized(doc.title)} onChange={(title) => set({ title })} />
        <LocalizedField pointer="/presentation" label={t('vignette.presentation')} value={asLocalized(doc.presentation)} multiline onChange={(presentation) => set({ presentation })} />
        <ClausePicker pointer="/clauses" legend={t('clauses.legend')} selected={Array.isArray(doc.clauses) ? (doc.clauses as string[]) : []} onChange={(clauses) => set({ clauses })} />
      </Section>
      <Section
        title={t('vignette.options')}
        actions={
          <button
            type="button"
            className="button button-small"
            disabled={options.length >= 6}
            onClick={() => setOptions([...options, { id: LETTERS[options.length] ?? 'f', text: { ...EMPTY_TEXT }, correct: false, why: { ...EMPTY_TEXT } }])}
          >
            {t('vignette.addOption')}
          </button>
        }
      >
        <GroupProblems pointer="/options" />
        {options.map((o, i) => {
          const letter = o.id.toUpperCase();
          return (
            <fieldset key={i} className="fieldset authoring-vignette-option">
              <legend>{t('question.option', { letter })}</legend>
              <LocalizedField pointer={`/options/${i}/text`} label={t('vignette.optionText', { letter })} value={o.text} onChange={(text) => setOption(i, { text })} />
              <div className="authoring-flags">
                <label className="checkbox">
                  <input type="checkbox" checked={o.correct} onChange={(e) => setOption(i, { correct: e.target.checked })} />
                  <span>{t('vignette.correct', { letter })}</span>
                </label>
                <label className="checkbox">
                  <input type="checkbox" checked={o.harmful === true} onChange={(e) => setOption(i, { harmful: e.target.checked })} />
                  <span>{t('vignette.harmful', { letter })}</span>
                </label>
              </div>
              <GroupProblems pointer={`/options/${i}/harmful`} />
              <LocalizedField pointer={`/options/${i}/why`} label={t('vignette.why', { letter })} value={o.why} multiline onChange={(why) => setOption(i, { why })} />
              <button type="button" className="button button-small" disabled={options.length <= 3} onClick={() => setOptions(removeAt(options, i))}>
                {t('question.removeOption', { letter })}
              </button>
            </fieldset>
          );
        })}
      </Section>
      <Section title={t('fields.sourceSection')}>
        <OutsideStandardField doc={doc} onChange={onChange} />
      </Section>
    </>
  );
}
