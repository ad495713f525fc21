// Marking the case-screening part against what core/exams/case-screening.ts expects. Points: history 25,
// examination 15, contraindications 25, decision 25, preparation and consent (section 7) 10. Critical
// (non-compensable) findings: treating a patient with a contraindication of section 6 (or over a local
// one), treating over a nasal implant without avoiding the nose or limiting the needle (8.5.2), treating
// without signed consent (7.3), and no decision at all. Documented in docs/exams.md.

import type { CaseState, ExamFinding } from '../api/schemas/exams';
import { REGION_NAMES, type RegionId } from '../anatomy/regions';
import { conditionById } from '../rules/conditions';
import { STEP_NAMES } from '../rules/procedure';
import { expectedCaseDecision, IMPLANT_MAX_NEEDLE_MM } from './case-screening';
import type { PatientCaseDoc } from './format/case';
import { ALWAYS_ASKED_TOPICS, HISTORY_TOPICS } from './format/history-topics';

export const CASE_POINTS = { history: 25, examination: 15, contraindications: 25, decision: 25, consent: 10 } as const;

const names = (regions: readonly RegionId[]) => ({ zh: regions.map((r) => REGION_NAMES[r].zh).join('、'), en: regions.map((r) => REGION_NAMES[r].en).join(', ') });

export function gradeCase(doc: PatientCaseDoc, state: CaseState): { score: number; findings: ExamFinding[] } {
  const expected = expectedCaseDecision(doc);
  const findings: ExamFinding[] = [];
  const add = (clause: string, severity: ExamFinding['severity'], zh: string, en: string) => findings.push({ clause, severity, message: { zh, en } });

  // History (7.1): the always-asked topics and every topic whose answer reveals something.
  const essentialTopics = new Set<string>(ALWAYS_ASKED_TOPICS);
  for (const [topic, a] of Object.entries(doc.history)) if ((a.reveals?.length ?? 0) > 0) essentialTopics.add(topic);
  const asked = new Set(state.asked.map((a) => a.topic));
  const missedTopics = [...essentialTopics].filter((t) => !asked.has(t));
  const history = CASE_POINTS.history * (1 - missedTopics.length / essentialTopics.size);
  for (const t of missedTopics) {
    const topic = HISTORY_TOPICS.find((h) => h.id === t)!;
    const reveals = (doc.history[t as keyof typeof doc.history].reveals?.length ?? 0) > 0;
    add('7.1', reveals ? 'major' : 'minor', `未询问：${topic.question.zh}`, `Not asked: ${topic.question.en}`);
  }

  // Examination (7.2): the planned regions and every region whose finding reveals something.
  const essentialRegions = new Set<RegionId>(doc.plannedRegions);
  const revealing = new Set<RegionId>();
  for (const f of doc.findings) if ((f.reveals?.length ?? 0) > 0) for (const r of f.regions) revealing.add(r);
  // One examined region of a revealing finding is enough to have seen it.
  const seenFinding = (f: PatientCaseDoc['findings'][number]) => f.regions.some((r) => state.examined.some((e) => e.region === r));
  const examined = new Set(state.examined.map((e) => e.region));
  const plannedMissed = [...essentialRegions].filter((r) => !examined.has(r));
  const revealingFindings = doc.findings.filter((f) => (f.reveals?.length ?? 0) > 0);
  const unseen = revealingFindings.filter((f) => !seenFinding(f));
  const exTotal = essentialRegions.size + revealingFindings.length;
  const examination = CASE_POINTS.examination * (1 - (plannedMissed.length + unseen.length) / exTotal);
  if (plannedMissed.length > 0) add('7.2', 'minor', `计划治疗部位未检查：${names(plannedMissed).zh}`, `Planned regions not examined: ${names(plannedMissed).en}`);
  for (const f of unseen) add('7.2', 'major', `未检查到${names(f.regions).zh}的异常表现`, `The finding on ${names(f.regions).en} was not examined`);

  // Contraindications (section 6).
  const truth = new Set(expected.contraindications.map((c) => c.conditionId));
  const marked = state.marked.filter((m) => conditionById(m)?.kind === 'contraindication');
  const hits = marked.filter((m) => truth.has(m)).length;
  const falseMarks = marked.filter((m) => !truth.has(m));
  const contraindications =
    truth.size === 0 ? Math.max(0, CASE_POINTS.contraindications - 8 * falseMarks.length) : CASE_POINTS.contraindications * Math.max(0, (hits - 0.5 * falseMarks.length) / truth.size);
  for (const m of falseMarks) {
    const c = conditionById(m)!;
    add(c.clause, 'minor', `误判禁忌证：${c.name.zh}（病例中不存在）`, `Marked a contraindication the patient does not have: ${c.name.en}`);
  }

  // Decision, with the limits it needs.
  const d = state.decision;
  let decision = 0;
  const treating = d !== null && d.kind !== 'defer';
  if (d === null) {
    add('7.2', 'critical', '未作出治疗决定', 'No treatment decision was made');
  } else {
    const accepted = expected.accepted.includes(d.kind);
    decision = accepted ? CASE_POINTS.decision : 0;
    for (const c of expected.contraindications) {
      const def = conditionById(c.conditionId)!;
      const wasMarked = marked.includes(c.conditionId);
      if (!treating) {
        if (!wasMarked) add(c.clause, 'major', `暂缓治疗正确，但未标记禁忌证：${def.name.zh}`, `Deferred rightly, but the contraindication was not marked: ${def.name.en}`);
        continue;
      }
      if (c.local) {
        // Treating as planned ignores the lesion; a limited plan must leave out the affected regions it planned.
        const uncovered = d.kind === 'treat' ? c.regions : c.regions.filter((r) => doc.plannedRegions.includes(r) && !d.excludeRegions.includes(r));
        if (uncovered.length > 0) {
          decision = 0;
          add(c.clause, 'critical', `存在禁忌证（${def.name.zh}）仍治疗受累部位：${names(uncovered).zh}`, `Treats over a contraindication (${def.name.en}) at ${names(uncovered).en}`);
        }
      } else {
        decision = 0;
        add(c.clause, 'critical', `存在禁忌证（${def.name.zh}）仍决定治疗`, `Decides to treat a patient with a contraindication: ${def.name.en}`);
      }
    }
    if (treating) {
      for (const p of expected.pretreatments) {
        if (!(d.kind === 'limit' && (d.pretreatments as readonly string[]).includes(p.step))) {
          decision = Math.max(0, decision - 10);
          add(p.clause, 'major', `治疗前未安排：${STEP_NAMES[p.step].zh}`, `No ${STEP_NAMES[p.step].en} planned before treatment`);
        }
      }
      if (expected.nasalImplant) {
        const avoided = d.kind === 'limit' && (d.excludeRegions.includes('nose') || d.needleLimits.some((n) => n.region === 'nose' && n.maxNeedleMm <= IMPLANT_MAX_NEEDLE_MM));
        if (!avoided) {
          decision = 0;
          add('8.5.2', 'critical', `鼻部有假体：未避开鼻部，也未限制针长 ≤${IMPLANT_MAX_NEEDLE_MM} mm`, `Nasal implant: the nose is neither avoided nor limited to needles of at most ${IMPLANT_MAX_NEEDLE_MM} mm`);
        }
      }
      if (expected.decision === 'treat' && d.kind === 'limit' && (d.excludeRegions.length > 0 || d.pretreatments.length > 0)) {
        decision = CASE_POINTS.decision - 5;
        add('7.2', 'minor', '无禁忌证却限制了治疗范围或增加了预处理', 'Limits or pre-treats a patient who needs neither');
      }
    } else if (!accepted) {
      decision = 5;
      add('7.2', 'major', '患者可以治疗（必要时加以限制），却暂缓或拒绝了治疗', 'Defers or declines a patient who could be treated (with limits where needed)');
    }
  }

  // Preparation and consent (section 7): needed whenever the patient is treated.
  let consent = CASE_POINTS.consent;
  if (treating) {
    const c = state.consent;
    const risks = new Set(c?.risksExplained ?? []);
    const missedRisks = expected.risksToExplain.filter((r) => !risks.has(r));
    consent = CASE_POINTS.consent * (0.3 * (c?.goalsDiscussed ? 1 : 0) + 0.3 * (c?.signed ? 1 : 0) + 0.4 * (1 - missedRisks.length / expected.risksToExplain.length));
    if (!c?.signed) add('7.3', 'critical', '未签署知情同意书即决定治疗', 'Decides to treat without a signed consent form');
    if (!c?.goalsDiscussed) add('7.1', 'major', '未与患者讨论治疗目的', 'The treatment goals were not discussed with the patient');
    if (missedRisks.length > 0) add('7.3', 'minor', `未告知的并发症风险：${missedRisks.join('、')}`, `Complication risks not explained: ${missedRisks.join(', ')}`);
  }

  const score = Math.round(Math.max(0, Math.min(100, history + examination + contraindications + decision + consent)) * 10) / 10;
  return { score, findings };
}
