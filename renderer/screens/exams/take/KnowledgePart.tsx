// A knowledge part: the question navigator (numbered buttons showing answered, flagged and current), the
// current question, previous/next, and the flag for review. Every answer and flag is sent as it is given.

import { useTranslation } from 'react-i18next';
import type { ExamSession, ResponseState } from '../../../../core/api/contract';
import type { ExamStep } from '../../../../core/exams/format/steps';
import { isAnswered, itemKey } from './apply-step';
import { QuestionView } from './QuestionView';
import { useJoin } from './text';

type Part = Extract<ExamSession['parts'][number], { kind: 'knowledge' }>;

export function KnowledgePart({
  part,
  state,
  send,
  readOnly,
  index,
  onIndex,
}: {
  part: Part;
  state: ResponseState;
  send: (step: ExamStep) => void;
  readOnly: boolean;
  index: number;
  onIndex: (index: number) => void;
}) {
  const { t } = useTranslation('exam');
  const join = useJoin();
  const total = part.questions.length;
  const current = Math.min(index, total - 1);
  const question = part.questions[current];
  if (!question) return null;
  const key = itemKey(part.id, question.itemId);
  const flagged = state.flags.includes(key);
  return (
    <div className="exam-knowledge">
      <nav className="exam-navigator" aria-label={t('knowledge.navigator')}>
        {part.questions.map((q, i) => {
          const k = itemKey(part.id, q.itemId);
          const answered = isAnswered(state.answers[k]);
          const isFlagged = state.flags.includes(k);
          const states = [answered ? t('knowledge.answered') : t('knowledge.unanswered'), ...(isFlagged ? [t('knowledge.flagged')] : []), ...(i === current ? [t('knowledge.current')] : [])];
          return (
            <button
              key={q.itemId}
              type="button"
              className={`exam-nav-item${answered ? ' is-answered' : ''}${isFlagged ? ' is-flagged' : ''}`}
              aria-current={i === current ? 'step' : undefined}
              aria-label={`${t('knowledge.navItem', { n: i + 1 })}: ${join(states)}`}
              title={join(states)}
              onClick={() => onIndex(i)}
            >
              {i + 1}
              {isFlagged && (
                <span className="exam-nav-flag" aria-hidden="true">
                  ⚑
                </span>
              )}
            </button>
          );
        })}
      </nav>
      <section className="panel exam-question-panel" aria-label={t('knowledge.questionOf', { n: current + 1, total })}>
        <QuestionView
          key={key}
          question={question}
          heading={t('knowledge.questionOf', { n: current + 1, total })}
          response={state.answers[key]}
          disabled={readOnly}
          onAnswer={(response) => send({ kind: 'answer', partId: part.id, itemId: question.itemId, response })}
        />
        <div className="exam-question-actions">
          <button type="button" className="button" disabled={current === 0} onClick={() => onIndex(current - 1)}>
            {t('knowledge.prev')}
          </button>
          <label className="checkbox inline-field exam-flag">
            <input type="checkbox" checked={flagged} disabled={readOnly} onChange={(e) => send({ kind: 'flag', partId: part.id, itemId: question.itemId, flagged: e.target.checked })} />
            <span>{t('knowledge.flag')}</span>
          </label>
          <button type="button" className="button" disabled={current === total - 1} onClick={() => onIndex(current + 1)}>
            {t('knowledge.next')}
          </button>
        </div>
      </section>
    </div>
  );
}
