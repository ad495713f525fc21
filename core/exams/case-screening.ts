// What an examiner expects of a case: the decision (treat, treat with limits, defer) that follows from
// core/rules/screening.ts, and the limits it needs. One definition: the catalogue checks each shipped case
// against it and the grader marks the trainee against it.

import type { RegionId } from '../anatomy/regions';
import { conditionById } from '../rules/conditions';
import { screenCase } from '../rules/screening';
import type { PatientCase, StepId } from '../recording/types';
import type { CaseDecisionKind, PatientCaseDoc } from './format/case';

/** 8.5.2: over a nasal implant, avoid the nose or use needles of at most this length. */
export const IMPLANT_MAX_NEEDLE_MM = 0.25;

export interface ExpectedDecision {
  decision: CaseDecisionKind;
  /** Decisions that are also right (a local contraindication may be handled by deferring the whole session). */
  accepted: CaseDecisionKind[];
  /** Contraindications of section 6 that are true of the patient. */
  contraindications: { conditionId: string; clause: string; local: boolean; regions: RegionId[] }[];
  /** Regions the plan must leave out. */
  excludedRegions: RegionId[];
  /** Pre-treatment the case needs (13.6 antiviral prophylaxis, 13.4 skin trial). */
  pretreatments: { step: StepId; clause: string }[];
  /** 8.5.2: the nose is left out or treated with needles of at most IMPLANT_MAX_NEEDLE_MM. */
  nasalImplant: boolean;
  /** Risks of section 13 the consent conversation (7.3) must name, by clause. */
  risksToExplain: string[];
  why: { zh: string; en: string };
}

/** Risks every microneedling consent names: oedema, erythema, petechiae (13.1-13.3), infection (13.8). */
export const COMMON_RISK_CLAUSES = ['13.1', '13.2', '13.3', '13.8'] as const;

export function asPatientCase(doc: PatientCaseDoc): PatientCase {
  return {
    id: doc.id,
    age: doc.patient.age,
    sex: doc.patient.sex,
    skinType: doc.patient.skinType,
    fitzpatrick: doc.patient.fitzpatrick,
    conditions: doc.conditions.map((c) => ({ id: c.id, ...(c.regions ? { regions: [...c.regions] } : {}) })),
    ...(doc.nasalImplant !== undefined ? { nasalImplant: doc.nasalImplant } : {}),
    ...(doc.hairBearingScalp !== undefined ? { hairBearingScalp: doc.hairBearingScalp } : {}),
    ...(doc.newProducts ? { newProducts: [...doc.newProducts] } : {}),
  };
}

export function expectedCaseDecision(doc: PatientCaseDoc): ExpectedDecision {
  const screening = screenCase(asPatientCase(doc), doc.procedure);
  const contraindications = screening.contraindications.map((c) => ({
    conditionId: c.conditionId,
    clause: c.clause,
    local: conditionById(c.conditionId)?.local === true && (c.regions?.length ?? 0) > 0,
    regions: c.regions ?? [],
  }));
  const pretreatments = screening.precautions.map((p) => ({ step: p.step, clause: p.clause }));
  const nasalImplant = doc.nasalImplant === true && doc.plannedRegions.includes('nose');
  const risks = new Set<string>([...COMMON_RISK_CLAUSES, ...screening.risks.map((r) => r.clause)]);
  if (doc.patient.skinType === 'sensitive' || doc.patient.skinType === 'thin') risks.add('13.4');
  const risksToExplain = [...risks].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const base = { contraindications, excludedRegions: screening.excludedRegions, pretreatments, nasalImplant, risksToExplain };
  if (screening.decision === 'decline') {
    const names = contraindications.filter((c) => !c.local).map((c) => `${c.clause}`);
    return { ...base, decision: 'defer', accepted: ['defer'], why: { zh: `存在全身性禁忌证（${names.join('、')}），本次不宜治疗`, en: `a whole-patient contraindication (${names.join(', ')}): no treatment now` } };
  }
  if (screening.decision === 'limit') {
    return { ...base, decision: 'limit', accepted: ['limit', 'defer'], why: { zh: '存在局部禁忌证：避开受累部位，或待其痊愈后再治疗', en: 'a local contraindication: leave the affected area out, or wait until it has healed' } };
  }
  if (pretreatments.length > 0 || nasalImplant) {
    return { ...base, decision: 'limit', accepted: ['limit'], why: { zh: '可以治疗，但须先做预处理或限制部位/针长', en: 'treatable, with pre-treatment or a limit on a site or needle length first' } };
  }
  return { ...base, decision: 'treat', accepted: ['treat'], why: { zh: '无禁忌证，可按计划治疗', en: 'no contraindication: treat as planned' } };
}
