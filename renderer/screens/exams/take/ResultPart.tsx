// One part of a result: its score against its minimum, passed or not, the critical marker, the findings
// (severity, message, clause), and item by item correct / incorrect / not answered / not counted, with
// the key, explanation and clauses when solutions are visible (item ids mapped back to the part's views).

import { useTranslation } from 'react-i18next';
import { isRegionId } from '../../../../core/anatomy/regions';
import type { ExamSession, PartResult } from '../../../../core/api/contract';
import { QuestionImage } from './QuestionImage';
import { formatScore, useJoin, useLt, useRegionName, type Lt } from './text';

type PartView = ExamSession['parts'][number];

/** Names for the ids a key may hold in this part: options, conditions, risks, topics, pre-treatments. */
function keyNames(view: PartView | undefined, itemId: string): Map<string, Lt> {
  const names = new Map<string, Lt>();
  if (!view) return names;
  if (view.kind === 'knowledge') for (const o of view.questions.find((q) => q.itemId === itemId)?.options ?? []) names.set(o.id, o.text);
  if (view.kind === 'complication') for (const o of view.vignettes.find((v) => v.itemId === itemId)?.options ?? []) names.set(o.id, o.text);
  if (view.kind === 'case') {
    for (const o of view.contraindicationOptions) names.set(o.conditionId, o.name);
    for (const o of view.riskOptions) names.set(o.clause, o.name);
    for (const o of view.pretreatmentOptions) names.set(o.step, o.name);
    for (const o of view.historyTopics) names.set(o.id, o.question);
  }
  return names;
}

function itemStem(view: PartView | undefined, itemId: string): Lt | null {
  if (view?.kind === 'knowledge') return view.questions.find((q) => q.itemId === itemId)?.stem ?? null;
  if (view?.kind === 'complication') {
    const v = view.vignettes.find((x) => x.itemId === itemId);
    return v ? v.title : null;
  }
  return null;
}

export function ResultPart({ result, view, solutionsVisible }: { result: PartResult; view: PartView | undefined; solutionsVisible: boolean }) {
  const { t } = useTranslation('exam');
  const lt = useLt();
  const regionName = useRegionName();
  const join = useJoin();
  const keyText = (itemId: string, key: string[]) => {
    const names = keyNames(view, itemId);
    const isTf = view?.kind === 'knowledge' && view.questions.find((q) => q.itemId === itemId)?.type === 'true-false';
    return join(
      key.map((k) => {
        if (isTf) return k === 'true' ? t('knowledge.true') : t('knowledge.false');
        const name = names.get(k);
        if (name) return /^[a-f]$/.test(k) ? `${k.toUpperCase()}. ${lt(name)}` : lt(name);
        return isRegionId(k) ? regionName(k) : k;
      }),
    );
  };
  const titleId = `result-${result.id}`;
  return (
    <section className="panel exam-result-part" aria-labelledby={titleId}>
      <h3 id={titleId}>{lt(result.title)}</h3>
      <p className="exam-result-line">
        <span className={`pill ${result.passed ? 'pill-pass' : 'pill-fail'}`}>{result.passed ? t('result.partPassed') : t('result.partFailed')}</span>{' '}
        {t('result.partScore', { score: formatScore(result.score), min: result.minScore })}
        {result.critical && <span className="critical-mark"> {t('result.critical')}</span>}
      </p>
      {result.kind === 'practical' && <p>{result.practicalAttemptId ? t('result.practicalAttempt', { id: result.practicalAttemptId }) : t('result.noPracticalAttempt')}</p>}
      {result.findings.length > 0 && (
        <>
          <h4>{t('result.findings')}</h4>
          <ul className="exam-result-findings">
            {result.findings.map((f, i) => (
              <li key={i} className={`exam-finding exam-finding-${f.severity}`}>
                <span className="pill pill-muted">{t(`result.severity.${f.severity}`)}</span> {lt(f.message)} <span className="muted">{t('result.clause', { clause: f.clause })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.items.length > 0 && (
        <>
          <h4>{t('result.items')}</h4>
          <ol className="exam-result-items">
            {result.items.map((item, i) => {
              const stem = itemStem(view, item.itemId);
              const image = view?.kind === 'knowledge' ? (view.questions.find((q) => q.itemId === item.itemId)?.image ?? null) : null;
              const status = item.correct === null ? 'notCounted' : !item.answered ? 'notAnswered' : item.correct ? 'correct' : 'incorrect';
              return (
                <li key={item.itemId} className={`exam-result-item exam-item-${status}`}>
                  <p>
                    <span className="exam-label">{t('result.item', { n: i + 1 })}</span> {stem ? lt(stem) : null}{' '}
                    <span className={`pill ${status === 'correct' ? 'pill-pass' : status === 'notCounted' ? 'pill-muted' : 'pill-fail'}`}>{t(`result.${status}`)}</span>
                  </p>
                  {image && <QuestionImage image={image} />}
                  {solutionsVisible && item.solution && (
                    <dl className="exam-solution">
                      <div>
                        <dt>{t('result.key')}</dt>
                        <dd>{keyText(item.itemId, item.solution.key)}</dd>
                      </div>
                      <div>
                        <dt>{t('result.explanation')}</dt>
                        <dd>{lt(item.solution.explanation)}</dd>
                      </div>
                      <div>
                        <dt>{t('result.clauses')}</dt>
                        <dd>{join(item.solution.clauses)}</dd>
                      </div>
                    </dl>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
