// A running attempt: header and clock, the parts in the module's order, the current part, the save status
// (saving / saved / failed, with a retry), and the submit button with its confirmation.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../app/ErrorNotice';
import { countItems } from './apply-step';
import { CasePart } from './CasePart';
import { ExamHeader } from './ExamHeader';
import { KnowledgePart } from './KnowledgePart';
import { ComplicationPart, PracticalPart } from './OtherParts';
import { SubmitDialog } from './SubmitDialog';
import { useLt } from './text';
import type { ExamController } from './useExamSession';

export function RunningExam({ exam, readOnly, onStartPractical }: { exam: ExamController; readOnly: boolean; onStartPractical: (partId: string) => void }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  const [partIndex, setPartIndex] = useState(0);
  const [questionIndex, setQuestionIndex] = useState<Record<string, number>>({});
  const [confirming, setConfirming] = useState(false);
  const session = exam.session;
  const state = exam.state;
  if (!session || !state) return null;
  const part = session.parts[Math.min(partIndex, session.parts.length - 1)];
  const counts = countItems(session.parts, state);
  const timeUp = exam.remainingMs <= 0;
  const locked = readOnly || timeUp || exam.submitting;

  return (
    <section className="screen exam-screen" aria-labelledby="exam-title">
      <ExamHeader session={session} remainingMs={exam.remainingMs} readOnly={readOnly} />
      {readOnly && <p className="notice notice-info">{t('header.readOnly')}</p>}
      <nav className="exam-parts" aria-label={t('parts.nav')}>
        {session.parts.map((p, i) => (
          <button key={p.id} type="button" className="segment exam-part-tab" aria-current={p === part ? 'page' : undefined} onClick={() => setPartIndex(i)}>
            {t(`parts.kinds.${p.kind}`) !== lt(p.title) && <span className="exam-part-kind">{t(`parts.kinds.${p.kind}`)}</span>}
            <span className="exam-part-title">{lt(p.title)}</span>
          </button>
        ))}
      </nav>
      <div className="exam-part" key={part.id}>
        <h2 className="exam-part-heading">{lt(part.title)}</h2>
        <p className="muted">
          {t('parts.timeLimit', { min: part.timeLimitMin })} · {t('parts.minScore', { min: part.minScore })}
        </p>
        {part.kind === 'knowledge' && (
          <KnowledgePart
            part={part}
            state={state}
            send={exam.send}
            readOnly={locked}
            index={questionIndex[part.id] ?? 0}
            onIndex={(i) => setQuestionIndex((q) => ({ ...q, [part.id]: i }))}
          />
        )}
        {part.kind === 'case' && <CasePart part={part} state={state} send={exam.send} pending={exam.pending} readOnly={locked} />}
        {part.kind === 'practical' && <PracticalPart part={part} state={state} readOnly={locked} onStart={() => onStartPractical(part.id)} />}
        {part.kind === 'complication' && <ComplicationPart part={part} state={state} send={exam.send} readOnly={locked} />}
      </div>
      <footer className="exam-footer">
        {!readOnly && <SaveIndicator exam={exam} />}
        {exam.submitError && <ErrorNotice error={exam.submitError} title={t('errors.submit')} />}
        {!readOnly && (
          <button type="button" className="button button-primary exam-submit" disabled={exam.submitting || timeUp} onClick={() => setConfirming(true)}>
            {exam.submitting ? t('submit.submitting') : t('submit.button')}
          </button>
        )}
      </footer>
      {confirming && !readOnly && (
        <SubmitDialog
          counts={counts}
          unsaved={exam.pending.length === 0 ? null : exam.save.status === 'failed' ? 'failed' : 'saving'}
          submitting={exam.submitting}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void exam.submit().then(() => setConfirming(false))}
        />
      )}
    </section>
  );
}

function SaveIndicator({ exam }: { exam: ExamController }) {
  const { t } = useTranslation('exam');
  const { save, pending } = exam;
  return (
    <div className="exam-save">
      <p className={`status exam-save-status exam-save-${save.status}`} role="status">
        {save.status === 'saving' ? t('save.saving') : save.status === 'saved' ? t('save.saved') : save.status === 'failed' ? t('save.failed', { count: pending.length }) : ''}
      </p>
      {save.status === 'failed' && save.error && (
        <>
          <ErrorNotice error={save.error} title={t('errors.save')} />
          <button type="button" className="button button-small" onClick={exam.retry}>
            {t('save.retry')}
          </button>
        </>
      )}
      {save.refused && <ErrorNotice error={save.refused} title={t('save.refused')} />}
    </div>
  );
}
