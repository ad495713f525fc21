// The practical part (the brief, its time limit and where its studio attempt stands, and the way into the
// studio) and the complication part (each vignette with its options, choose all that apply).

import { useTranslation } from 'react-i18next';
import type { ExamSession, ResponseState } from '../../../../core/api/contract';
import type { ExamStep } from '../../../../core/exams/format/steps';
import { itemKey } from './apply-step';
import { useLt } from './text';

type PartView = ExamSession['parts'][number];

export function PracticalPart({ part, state, readOnly, onStart }: { part: Extract<PartView, { kind: 'practical' }>; state: ResponseState; readOnly: boolean; onStart: () => void }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  const practical = state.practicals[part.id];
  const status = practical?.status ?? 'none';
  return (
    <section className="panel exam-practical" aria-labelledby={`${part.id}-brief`}>
      <h2 id={`${part.id}-brief`}>{t('practical.brief')}</h2>
      <p className="exam-brief">{lt(part.brief)}</p>
      <p className="exam-time-limit">{t('practical.timeLimit', { min: part.timeLimitMin })}</p>
      <dl className="facts">
        <div className="detail-item">
          <dt>{t('case.procedure')}</dt>
          <dd>{t(`common:procedures.${part.procedure}`)}</dd>
        </div>
        <div className="detail-item">
          <dt>{t('practical.status')}</dt>
          <dd className="exam-practical-status">{t(`practical.statuses.${status}`)}</dd>
        </div>
      </dl>
      {status === 'finished' && <p className="muted">{t('practical.recordedNote')}</p>}
      {!readOnly && (
        <button type="button" className="button button-primary" disabled={status === 'finished'} onClick={onStart}>
          {status === 'running' ? t('practical.continue') : t('practical.start')}
        </button>
      )}
    </section>
  );
}

export function ComplicationPart({ part, state, send, readOnly }: { part: Extract<PartView, { kind: 'complication' }>; state: ResponseState; send: (s: ExamStep) => void; readOnly: boolean }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  return (
    <div className="exam-complications">
      {part.vignettes.map((v, i) => {
        const chosen = state.choices[itemKey(part.id, v.itemId)] ?? [];
        const titleId = `${part.id}-${v.itemId}`;
        return (
          <section key={v.itemId} className="panel exam-vignette" aria-labelledby={titleId}>
            <h2 id={titleId}>
              {t('complication.vignette', { n: i + 1 })} · {lt(v.title)}
            </h2>
            <p className="exam-stem">{lt(v.presentation)}</p>
            <fieldset className="exam-options" aria-labelledby={titleId}>
              <p className="field-hint">{t('complication.chooseAll')}</p>
              {v.options.map((o) => (
                <label key={o.id} className="checkbox exam-option">
                  <input
                    type="checkbox"
                    checked={chosen.includes(o.id)}
                    disabled={readOnly}
                    onChange={(e) => {
                      const next = e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id);
                      send({ kind: 'choose', partId: part.id, itemId: v.itemId, optionIds: [...next].sort() });
                    }}
                  />
                  <span>
                    <span className="exam-option-letter">{o.id.toUpperCase()}.</span> {lt(o.text)}
                  </span>
                </label>
              ))}
            </fieldset>
          </section>
        );
      })}
    </div>
  );
}
