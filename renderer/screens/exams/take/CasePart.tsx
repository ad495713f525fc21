// A case-screening part (sections 6-7): the patient card, taking the history topic by topic, examining
// the head (painted findings coloured by appearance, with a legend), then the contraindications, the
// decision and the preparation and consent (./CaseDecision.tsx).

import { useTranslation } from 'react-i18next';
import type { RegionId } from '../../../../core/anatomy/regions';
import type { ExamSession, ResponseState } from '../../../../core/api/contract';
import type { FindingAppearance } from '../../../../core/exams/format/case';
import type { ExamStep } from '../../../../core/exams/format/steps';
import { headVariantForCase } from '../../../../core/head-model/variants';
import { RegionPicker } from '../head/RegionHead';
import { EMPTY_CASE } from './apply-step';
import { CaseConsent, CaseContraindications, CaseDecisionForm } from './CaseDecision';
import { roman, useJoin, useLt, useRegionName } from './text';

export type CasePartView = Extract<ExamSession['parts'][number], { kind: 'case' }>;

export const APPEARANCE_COLORS: Record<FindingAppearance, string> = {
  vesicles: '#d9534f',
  crust: '#8a5a2b',
  erythema: '#e5736b',
  telangiectasia: '#b0305a',
  'papules-pustules': '#e0a526',
  'plaque-scale': '#9a8f7a',
  eczema: '#c7684a',
  wart: '#6d7b3a',
  nodule: '#7b4fa0',
  keloid: '#a0522d',
  'atrophic-scar': '#6f8fa6',
  pigmentation: '#5a3d2b',
  'fine-lines': '#3f7fbf',
  laxity: '#4aa39a',
  normal: '#c9b6a6',
};

export function CasePart({ part, state, send, pending, readOnly }: { part: CasePartView; state: ResponseState; send: (s: ExamStep) => void; pending: readonly ExamStep[]; readOnly: boolean }) {
  const c = state.cases[part.id] ?? EMPTY_CASE;
  return (
    <div className="exam-case">
      <PatientCard part={part} />
      <CaseHistory part={part} asked={c.asked} send={send} pending={pending} readOnly={readOnly} />
      <CaseExamine part={part} examined={c.examined} send={send} pending={pending} readOnly={readOnly} />
      <CaseContraindications part={part} marked={c.marked} send={send} readOnly={readOnly} />
      <CaseDecisionForm part={part} decision={c.decision} send={send} readOnly={readOnly} />
      <CaseConsent part={part} consent={c.consent} send={send} readOnly={readOnly} />
    </div>
  );
}

function PatientCard({ part }: { part: CasePartView }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  const regionName = useRegionName();
  const join = useJoin();
  const { patient } = part;
  return (
    <section className="panel exam-patient" aria-labelledby={`${part.id}-patient`}>
      <h2 id={`${part.id}-patient`}>{t('case.patient')}</h2>
      <dl className="facts">
        <div className="detail-item">
          <dt>{t('case.age')}</dt>
          <dd>{t('case.ageValue', { age: patient.age })}</dd>
        </div>
        <div className="detail-item">
          <dt>{t('case.sex')}</dt>
          <dd>{patient.sex === 'female' ? t('case.female') : t('case.male')}</dd>
        </div>
        <div className="detail-item">
          <dt>{t('case.fitzpatrick')}</dt>
          <dd>{t('case.fitzpatrickValue', { type: roman(patient.fitzpatrick) })}</dd>
        </div>
        <div className="detail-item">
          <dt>{t('case.presenting')}</dt>
          <dd>{lt(patient.presenting)}</dd>
        </div>
        <div className="detail-item">
          <dt>{t('case.procedure')}</dt>
          <dd>{t(`common:procedures.${part.procedure}`)}</dd>
        </div>
        <div className="detail-item">
          <dt>{t('case.plannedRegions')}</dt>
          <dd>{join(part.plannedRegions.map(regionName))}</dd>
        </div>
      </dl>
    </section>
  );
}

function CaseHistory({ part, asked, send, pending, readOnly }: { part: CasePartView; asked: ResponseState['cases'][string]['asked']; send: (s: ExamStep) => void; pending: readonly ExamStep[]; readOnly: boolean }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  return (
    <section className="panel exam-history" aria-labelledby={`${part.id}-history`}>
      <h2 id={`${part.id}-history`}>{t('case.history')}</h2>
      <p className="muted">{t('case.historyHint')}</p>
      <ol className="exam-topics">
        {part.historyTopics.map((topic) => {
          const answer = asked.find((a) => a.topic === topic.id);
          const asking = pending.some((s) => s.kind === 'ask' && s.partId === part.id && s.topic === topic.id);
          return (
            <li key={topic.id} className="exam-topic">
              <div className="exam-topic-question">
                <span>{lt(topic.question)}</span>
                {answer ? (
                  <span className="pill pill-muted">{t('case.askedMark')}</span>
                ) : (
                  <button type="button" className="button button-small" disabled={readOnly || asking} aria-label={`${t('case.ask')}: ${lt(topic.question)}`} onClick={() => send({ kind: 'ask', partId: part.id, topic: topic.id })}>
                    {asking ? t('save.saving') : t('case.ask')}
                  </button>
                )}
              </div>
              {answer && <p className="exam-topic-answer">{lt(answer.answer)}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function CaseExamine({ part, examined, send, pending, readOnly }: { part: CasePartView; examined: ResponseState['cases'][string]['examined']; send: (s: ExamStep) => void; pending: readonly ExamStep[]; readOnly: boolean }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  const regionName = useRegionName();
  const colors = new Map<RegionId, string>();
  for (const f of part.paintedFindings) for (const r of f.regions) colors.set(r, APPEARANCE_COLORS[f.appearance]);
  const appearances = [...new Set(part.paintedFindings.map((f) => f.appearance))];
  const done = new Set<RegionId>(examined.map((e) => e.region));
  const examining = pending.filter((s): s is Extract<ExamStep, { kind: 'examine' }> => s.kind === 'examine' && s.partId === part.id).map((s) => s.region);
  const examine = (region: RegionId) => {
    if (!done.has(region) && !examining.includes(region)) send({ kind: 'examine', partId: part.id, region });
  };
  return (
    <section className="panel exam-examine" aria-labelledby={`${part.id}-examine`}>
      <h2 id={`${part.id}-examine`}>{t('case.examine')}</h2>
      <p className="muted">{t('case.examineHint')}</p>
      <div className="exam-legend" role="group" aria-label={t('case.legend')}>
        <span className="exam-label">{t('case.legend')}</span>
        {appearances.length === 0 && <span className="muted">{t('case.noVisible')}</span>}
        {appearances.map((a) => (
          <span key={a} className="exam-legend-item">
            <span className="region-swatch" aria-hidden="true" style={{ background: APPEARANCE_COLORS[a] }} />
            {t(`case.appearances.${a}`)}
          </span>
        ))}
      </div>
      <RegionPicker selected={done} colors={colors} onPick={examine} disabled={readOnly} variant={headVariantForCase(part.patient)} />
      <h3>{t('case.examined')}</h3>
      {examined.length === 0 ? (
        <p className="muted">{t('case.notExamined')}</p>
      ) : (
        <ul className="exam-findings" aria-live="polite">
          {examined.map((e) => (
            <li key={e.region}>
              <strong>{regionName(e.region)}</strong>
              {' '}
              {e.findings.length === 0 ? t('case.nothingFound') : e.findings.map((f) => lt(f.description)).join(' ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
