// Clause tags from the standard's clause list (sections 3-15), searchable by number or heading, each shown
// with its heading in the UI language. The chosen clauses are listed first and can be taken off.

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAUSES, clauseById } from '../../../core/standard/clauses';
import { useLocalized } from '../exams/catalog/localized';
import { FieldProblems, useField } from './problems';

export function clauseLabel(id: string, lt: (t: { zh: string; en: string }) => string): string {
  const entry = clauseById(id);
  return entry ? `${id} ${lt(entry.heading)}` : id;
}

/** Text with its Chinese characters marked as Chinese (an English heading may quote the standard: "米-pattern"). */
export function MixedText({ text }: { text: string }) {
  const parts = text.split(/([\u3400-\u9fff\uf900-\ufaff]+)/);
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <span key={i} lang="zh">
            {p}
          </span>
        ) : (
          p
        ),
      )}
    </>
  );
}

/** A clause's number and heading in the UI language. */
export function ClauseLabel({ id }: { id: string }) {
  const lt = useLocalized();
  const { i18n } = useTranslation();
  const label = clauseLabel(id, lt);
  return i18n.language === 'en' ? <MixedText text={label} /> : <>{label}</>;
}

export function ClausePicker({ pointer, legend, selected, onChange }: { pointer: string; legend: string; selected: readonly string[]; onChange: (clauses: string[]) => void }) {
  const { t } = useTranslation('authoring');
  const lt = useLocalized();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const { errorId, problems } = useField(pointer);
  const q = query.trim().toLowerCase();
  const shown = CLAUSES.filter((c) => q === '' || c.id.startsWith(q) || c.heading.zh.includes(query.trim()) || c.heading.en.toLowerCase().includes(q));
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((c) => c !== id) : [...selected, id]);
  return (
    <fieldset className="fieldset authoring-clauses" aria-describedby={problems.length ? errorId : undefined}>
      <legend>{legend}</legend>
      <FieldProblems id={errorId} problems={problems} />
      {selected.length === 0 ? (
        <p className="muted">{t('clauses.none')}</p>
      ) : (
        <ul className="authoring-chips" aria-label={t('clauses.chosen')}>
          {selected.map((id) => (
            <li key={id} className="pill">
              <ClauseLabel id={id} />{' '}
              <button type="button" className="button button-small" aria-label={t('clauses.remove', { clause: id })} onClick={() => toggle(id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={searchId}>{t('clauses.search')}</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <div className="authoring-clause-list" role="group" aria-label={t('clauses.list')}>
        {shown.map((c) => (
          <label key={c.id} className="checkbox">
            <input type="checkbox" checked={selected.includes(c.id)} onChange={() => toggle(c.id)} />
            <span>
              <span className="authoring-clause-id">{c.id}</span> <MixedText text={lt(c.heading)} />
            </span>
          </label>
        ))}
        {shown.length === 0 && <p className="muted">{t('clauses.noMatch')}</p>}
      </div>
    </fieldset>
  );
}
