// Grading an attempt from its content, the replayed responses and main's own reports of the practical
// parts. Each part scores 0-100 against its minimum; the overall score is the parts' weighted mean; one
// critical finding anywhere fails the attempt whatever the total (the non-compensable safety class).
// Questions marked as outside the standard are shown but never counted.

import type { ExamFinding, ExamResult, PartResult, ResponseState } from '../api/schemas/exams';
import { CRITERION_NAMES, type ScoreReport } from '../scoring/report';
import type { ExamAttemptContent } from './attempt';
import { partDef } from './attempt';
import type { ExamModule } from './format/module';
import { gradeCase } from './grade-case';
import { isCorrect, keyOf, markVignette } from './grade-items';

const round1 = (x: number) => Math.round(x * 10) / 10;

export interface PracticalOutcome {
  attemptId: string;
  /** main's stored report; null when the recording could not be scored. */
  report: ScoreReport | null;
}

export function gradeAttempt(module: ExamModule, content: ExamAttemptContent, state: ResponseState, practicals: Readonly<Record<string, PracticalOutcome | undefined>>, gradedAt: string): ExamResult {
  const parts = content.parts.map((inst): PartResult => {
    const def = partDef(module, inst.partId);
    const head = { id: def.id, kind: inst.kind, title: def.title, minScore: def.minScore, weight: def.weight };
    const findings: ExamFinding[] = [];
    let score = 0;
    let items: PartResult['items'] = [];
    let practicalAttemptId: string | null = null;
    switch (inst.kind) {
      case 'knowledge': {
        let counted = 0;
        let right = 0;
        items = inst.items.map(({ itemId, question: q }) => {
          const r = state.answers[`${inst.partId}/${itemId}`];
          const ok = isCorrect(q, r);
          const outside = q.outsideStandard !== undefined;
          if (!outside) {
            counted++;
            if (ok) right++;
          }
          return { itemId, correct: outside ? null : ok, answered: r !== undefined, solution: { key: keyOf(q), explanation: q.explanation, clauses: [...q.clauses] } };
        });
        score = counted === 0 ? 0 : (100 * right) / counted;
        break;
      }
      case 'case': {
        const g = gradeCase(inst.case, state.cases[inst.partId] ?? { asked: [], examined: [], marked: [], decision: null, consent: null });
        score = g.score;
        findings.push(...g.findings);
        break;
      }
      case 'practical': {
        const outcome = practicals[inst.partId];
        practicalAttemptId = outcome?.attemptId ?? null;
        if (!outcome) {
          findings.push({ clause: '15.2', severity: 'major', message: { zh: '实操任务未完成', en: 'The practical task was not done' } });
        } else if (!outcome.report) {
          findings.push({ clause: '15.2', severity: 'major', message: { zh: '实操记录无法评分', en: 'The practical recording could not be scored' } });
        } else {
          score = outcome.report.score;
          for (const f of outcome.report.findings) {
            if (f.severity === 'critical' || f.severity === 'major' || f.severity === 'minor') findings.push({ clause: f.clause, severity: f.severity, message: f.message });
          }
          // A criterion the task required that the session gave no evidence for (nothing rolled, no pulse...) is named, with why.
          for (const c of outcome.report.criteria) {
            if (c.weight !== 0 && !c.assessed && c.notAssessed?.required) findings.push({ clause: '15.2', severity: 'major', message: { zh: `实操「${CRITERION_NAMES[c.criterion].zh}」未评分：${c.notAssessed.text.zh}`, en: `Practical: ${CRITERION_NAMES[c.criterion].en} not assessed: ${c.notAssessed.text.en}` } });
          }
          if (outcome.report.criticalFailure && !findings.some((f) => f.severity === 'critical')) {
            findings.push({ clause: '15.2', severity: 'critical', message: { zh: '实操出现严重错误', en: 'The practical task had a critical error' } });
          }
        }
        break;
      }
      case 'complication': {
        let sum = 0;
        items = inst.items.map(({ itemId, vignette: v }) => {
          const chosen = state.choices[`${inst.partId}/${itemId}`];
          const m = markVignette(v, chosen);
          sum += m.fraction;
          for (const h of m.harmful) {
            const o = v.options.find((x) => x.id === h)!;
            findings.push({ clause: v.clauses[0]!, severity: 'critical', message: { zh: `${v.title.zh}：选择了有害的处理——${o.text.zh}`, en: `${v.title.en}: chose a harmful management: ${o.text.en}` } });
          }
          return {
            itemId,
            correct: m.fraction === 1 && m.wrong.length === 0,
            answered: chosen !== undefined && chosen.length > 0,
            solution: { key: v.options.filter((o) => o.correct).map((o) => o.id), explanation: { zh: v.options.map((o) => `${o.id}. ${o.why.zh}`).join('\n'), en: v.options.map((o) => `${o.id}. ${o.why.en}`).join('\n') }, clauses: [...v.clauses] },
          };
        });
        score = inst.items.length === 0 ? 0 : (100 * sum) / inst.items.length;
        break;
      }
    }
    score = round1(Math.max(0, Math.min(100, score)));
    const critical = findings.some((f) => f.severity === 'critical');
    return { ...head, score, passed: score >= def.minScore && !critical, critical, findings, items, practicalAttemptId };
  });

  const totalWeight = parts.reduce((w, p) => w + p.weight, 0);
  const score = round1(parts.reduce((s, p) => s + p.score * p.weight, 0) / totalWeight);
  const criticalFailure = parts.some((p) => p.critical);
  const overallMin = module.passRule.overallMin;
  const failReasons: ExamResult['failReasons'] = [];
  for (const p of parts) for (const f of p.findings) if (f.severity === 'critical') failReasons.push({ zh: `严重错误（${p.title.zh}，${f.clause}）：${f.message.zh}`, en: `Critical error (${p.title.en}, ${f.clause}): ${f.message.en}` });
  for (const p of parts) if (p.score < p.minScore) failReasons.push({ zh: `${p.title.zh}得分 ${p.score}，低于本部分最低分 ${p.minScore}`, en: `${p.title.en} scored ${p.score}, below the part's minimum of ${p.minScore}` });
  if (score < overallMin) failReasons.push({ zh: `总分 ${score}，低于合格线 ${overallMin}`, en: `Overall score ${score} is below the pass mark of ${overallMin}` });
  return { score, passed: failReasons.length === 0, criticalFailure, overallMin, failReasons, parts, gradedAt };
}

/** The result as the caller may see it: solutions only where they are visible. */
export function withoutSolutions(result: ExamResult): ExamResult {
  return { ...result, parts: result.parts.map((p) => ({ ...p, items: p.items.map((i) => ({ ...i, solution: null })) })) };
}
