// A question in a form: its type, stem, options A-F and explanation with Chinese and English side by side,
// the key (radio, checkboxes, true/false, or regions picked on the 3D head), clause tags, difficulty and
// an optional "outside the standard" source. Every change goes to the draft as it is typed.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HEAD_REGION_IDS, type RegionId } from '../../../../core/anatomy/regions';
import { QUESTION_IMAGE_TYPES, QUESTION_TYPES, type QuestionImageType, type QuestionType } from '../../../../core/exams/format/question';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { useAppStore } from '../../../app/store';
import type { ApiError } from '../../../../core/api/errors';
import { QuestionImage } from '../../exams/take/QuestionImage';
import { RegionPicker } from '../../exams/head/RegionHead';
import { ClausePicker } from '../ClausePicker';
import { asRecord } from '../documents';
import { asLocalized, EMPTY_TEXT, LocalizedField, removeAt, replaceAt, Section, SelectInput, type Localized } from '../fields';
import { GroupProblems } from '../problems';
import { IdentityFields, OutsideStandardField } from './common';

const LETTERS = 'abcdef';

interface Option {
  id: string;
  text: Localized;
}

export function QuestionForm({ document, onChange, isNew }: { document: unknown; onChange: (doc: Record<string, unknown>) => void; isNew: boolean }) {
  const { t } = useTranslation('authoring');
  const doc = asRecord(document);
  const type = (QUESTION_TYPES as readonly unknown[]).includes(doc.type) ? (doc.type as QuestionType) : 'single';
  const options: Option[] = Array.isArray(doc.options) ? doc.options.map((o) => ({ id: String(asRecord(o).id ?? ''), text: asLocalized(asRecord(o).text) })) : [];
  const set = (patch: Record<string, unknown>) => onChange({ ...doc, ...patch });
  const clauses = Array.isArray(doc.clauses) ? (doc.clauses as string[]) : [];

  const setType = (next: QuestionType) => {
    const { options: _o, key: _k, answerMode: _a, ...rest } = doc;
    const keep = options.length >= 2 ? options : ['a', 'b', 'c', 'd'].map((id) => ({ id, text: { ...EMPTY_TEXT } }));
    if (next === 'single' || next === 'multiple') onChange({ ...rest, type: next, options: keep, key: next === type && Array.isArray(doc.key) ? doc.key : [] });
    else if (next === 'true-false') onChange({ ...rest, type: next });
    else onChange({ ...rest, type: next, answerMode: 'any', key: [] });
  };

  return (
    <>
      <Section title={t('question.basics')}>
        <IdentityFields doc={doc} isNew={isNew} onChange={set} />
        <SelectInput
          pointer="/type"
          label={t('question.type')}
          value={type}
          options={QUESTION_TYPES.map((v) => ({ value: v, label: t(`question.types.${v}`) }))}
          onChange={setType}
        />
        <SelectInput
          pointer="/difficulty"
          label={t('question.difficulty')}
          value={String(doc.difficulty ?? 1) as '1' | '2' | '3'}
          options={(['1', '2', '3'] as const).map((v) => ({ value: v, label: t(`question.difficulties.${v}`) }))}
          onChange={(v) => set({ difficulty: Number(v) })}
        />
        <LocalizedField pointer="/stem" label={t('question.stem')} value={asLocalized(doc.stem)} multiline onChange={(stem) => set({ stem })} />
      </Section>
      <ImageField doc={doc} onChange={onChange} />
      {(type === 'single' || type === 'multiple') && <ChoiceOptions type={type} options={options} docKey={doc.key} onChange={set} />}
      {type === 'true-false' && <TrueFalseKey value={doc.key} onChange={(key) => set({ key })} />}
      {type === 'region' && <RegionKey value={doc.key} mode={doc.answerMode === 'all' ? 'all' : 'any'} onChange={set} />}
      <Section title={t('question.explanationSection')}>
        <LocalizedField pointer="/explanation" label={t('question.explanation')} value={asLocalized(doc.explanation)} multiline onChange={(explanation) => set({ explanation })} />
        <ClausePicker pointer="/clauses" legend={t('clauses.legend')} selected={clauses} onChange={(c) => set({ clauses: c })} />
        <OutsideStandardField doc={doc} onChange={onChange} />
      </Section>
    </>
  );
}

function ChoiceOptions({ type, options, docKey, onChange }: { type: 'single' | 'multiple'; options: Option[]; docKey: unknown; onChange: (patch: Record<string, unknown>) => void }) {
  const { t } = useTranslation('authoring');
  const key = Array.isArray(docKey) ? (docKey as string[]) : [];
  const remove = (i: number) => {
    const remaining = removeAt(options, i);
    // Options stay lettered in order; keys follow their option's new letter, a removed key goes.
    const rename = new Map(remaining.map((o, j) => [o.id, LETTERS[j] ?? o.id]));
    onChange({ options: remaining.map((o, j) => ({ ...o, id: LETTERS[j] ?? o.id })), key: key.flatMap((k) => (rename.has(k) ? [rename.get(k) as string] : [])) });
  };
  const toggleKey = (id: string, on: boolean) => onChange({ key: type === 'single' ? [id] : on ? [...key, id].sort() : key.filter((k) => k !== id) });
  return (
    <Section
      title={t('question.options')}
      actions={
        <button type="button" className="button button-small" disabled={options.length >= 6} onClick={() => onChange({ options: [...options, { id: LETTERS[options.length] ?? 'f', text: { ...EMPTY_TEXT } }] })}>
          {t('question.addOption')}
        </button>
      }
    >
      <GroupProblems pointer="/options" />
      <p className="field-hint">{type === 'single' ? t('question.keyHintSingle') : t('question.keyHintMultiple')}</p>
      <fieldset className="fieldset authoring-key" aria-label={t('question.key')}>
        <legend>{t('question.key')}</legend>
        <GroupProblems pointer="/key" />
        {options.map((o, i) => (
          <div key={i} className="authoring-option">
            <label className="checkbox authoring-option-key">
              <input
                type={type === 'single' ? 'radio' : 'checkbox'}
                name="question-key"
                checked={key.includes(o.id)}
                onChange={(e) => toggleKey(o.id, e.target.checked)}
                aria-label={t('question.isKey', { letter: o.id.toUpperCase() })}
              />
              <span className="authoring-option-letter">{o.id.toUpperCase()}</span>
            </label>
            <LocalizedField pointer={`/options/${i}/text`} label={t('question.option', { letter: o.id.toUpperCase() })} value={o.text} onChange={(text) => onChange({ options: replaceAt(options, i, { ...o, text }) })} />
            <GroupProblems pointer={`/options/${i}/id`} />
            <button type="button" className="button button-small" disabled={options.length <= 2} onClick={() => remove(i)}>
              {t('question.removeOption', { letter: o.id.toUpperCase() })}
            </button>
          </div>
        ))}
      </fieldset>
    </Section>
  );
}

function TrueFalseKey({ value, onChange }: { value: unknown; onChange: (key: boolean) => void }) {
  const { t } = useTranslation('authoring');
  return (
    <Section title={t('question.key')}>
      <fieldset className="fieldset authoring-key">
        <legend>{t('question.keyTrueFalse')}</legend>
        <GroupProblems pointer="/key" />
        {[true, false].map((v) => (
          <label key={String(v)} className="checkbox">
            <input type="radio" name="question-tf" checked={value === v} onChange={() => onChange(v)} />
            <span>{v ? t('question.true') : t('question.false')}</span>
          </label>
        ))}
      </fieldset>
    </Section>
  );
}

function RegionKey({ value, mode, onChange }: { value: unknown; mode: 'any' | 'all'; onChange: (patch: Record<string, unknown>) => void }) {
  const { t } = useTranslation('authoring');
  const key = Array.isArray(value) ? (value as RegionId[]) : [];
  const pick = (r: RegionId) => onChange({ key: key.includes(r) ? key.filter((k) => k !== r) : [...key, r] });
  return (
    <Section title={t('question.key')}>
      <SelectInput
        pointer="/answerMode"
        label={t('question.answerMode')}
        value={mode}
        options={(['any', 'all'] as const).map((v) => ({ value: v, label: t(`question.answerModes.${v}`) }))}
        onChange={(answerMode) => onChange({ answerMode })}
      />
      <p className="field-hint">{t('question.regionHint')}</p>
      <GroupProblems pointer="/key" />
      <RegionPicker regions={HEAD_REGION_IDS} selected={new Set(key)} onPick={pick} listLabel={t('question.keyRegions')} />
    </Section>
  );
}

/** Bytes of a picked file as base64 (chunked: a 2 MB image in one String.fromCharCode call would overflow the stack). */
async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function ImageField({ doc, onChange }: { doc: Record<string, unknown>; onChange: (doc: Record<string, unknown>) => void }) {
  const { t } = useTranslation('authoring');
  const api = useAppStore((s) => s.api);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const image = doc.image === undefined ? null : asRecord(doc.image);
  const sha256 = typeof image?.sha256 === 'string' ? image.sha256 : null;
  const mediaType = typeof image?.mediaType === 'string' ? image.mediaType : 'image/png';
  const alt = asLocalized(image?.alt);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setBusy(true);
    const type = (QUESTION_IMAGE_TYPES as readonly string[]).includes(file.type) ? (file.type as QuestionImageType) : 'image/png';
    const r = await api.authoring.uploadMedia({ mediaType: type, base64: await fileBase64(file) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onChange({ ...doc, image: { sha256: r.value.sha256, mediaType: r.value.mediaType, alt } });
  };
  const remove = () => {
    const { image: _i, ...rest } = doc;
    void _i;
    onChange(rest);
  };
  return (
    <Section
      title={t('question.image')}
      actions={
        image && (
          <button type="button" className="button button-small" onClick={remove}>
            {t('question.removeImage')}
          </button>
        )
      }
    >
      <p className="field-hint">{t('question.imageHint')}</p>
      <GroupProblems pointer="/image" />
      <GroupProblems pointer="/image/sha256" />
      <GroupProblems pointer="/image/mediaType" />
      <div className="field">
        <label htmlFor="question-image-file">{t('question.imageFile')}</label>
        <input id="question-image-file" type="file" accept={QUESTION_IMAGE_TYPES.join(',')} disabled={busy} onChange={(e) => void pick(e.target.files?.[0])} />
      </div>
      {busy && <p className="muted">{t('question.imageUploading')}</p>}
      {error && <ErrorNotice error={error} />}
      {image && (
        <>
          {sha256 && (
            <div aria-label={t('question.imagePreview')} role="group">
              <QuestionImage image={{ sha256, mediaType, alt }} />
            </div>
          )}
          <LocalizedField pointer="/image/alt" label={t('question.imageAlt')} value={alt} onChange={(next) => onChange({ ...doc, image: { ...image, alt: next } })} />
        </>
      )}
    </Section>
  );
}
