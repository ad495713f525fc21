// Case screening (sections 6, 7 and 13): what a correct pre-treatment decision for a patient case is.
// Exams compare a trainee's decision with this; the scorer uses the same conditions when a session treats
// a contraindicated patient anyway.

import type { RegionId } from '../anatomy/regions';
import type { PatientCase, Procedure, StepId } from '../recording/types';
import type { LocalizedText } from '../scoring/report';
import { conditionById } from './conditions';

export type ScreeningDecision = 'treat' | 'limit' | 'decline';

export interface Precaution {
  step: StepId;
  clause: string;
  ruleId: string;
  reason: LocalizedText;
}

export interface ScreeningResult {
  /** decline: a whole-patient contraindication; limit: only local ones (treat elsewhere); treat: none. */
  decision: ScreeningDecision;
  /** Contraindications found, with their clauses (6.x). */
  contraindications: { conditionId: string; clause: string; regions?: RegionId[] }[];
  /** Regions that must not be treated (local contraindications). */
  excludedRegions: RegionId[];
  /** Steps the case needs before treatment beyond 7.1-7.3 (13.4 skin trial, 13.6 antiviral prophylaxis). */
  precautions: Precaution[];
  /** Steps every case needs first (7.1-7.3). */
  preparation: { step: StepId; clause: string }[];
  /** Risks to tell the patient about (13.x), for consent (7.3) and aftercare. */
  risks: { clause: string; text: LocalizedText }[];
}

export function screenCase(patient: PatientCase, procedure: Procedure): ScreeningResult {
  const contraindications: ScreeningResult['contraindications'] = [];
  const excluded = new Set<RegionId>();
  let wholePatient = false;
  const precautions: Precaution[] = [];
  const risks: ScreeningResult['risks'] = [];
  for (const c of patient.conditions) {
    const def = conditionById(c.id);
    if (!def) throw new Error(`screenCase: unknown condition "${c.id}" in case ${patient.id}`);
    if (def.kind === 'contraindication') {
      contraindications.push({ conditionId: c.id, clause: def.clause, regions: c.regions });
      if (def.local && c.regions && c.regions.length > 0) for (const r of c.regions) excluded.add(r);
      else wholePatient = true;
    } else if (c.id === 'herpes-history') {
      precautions.push({ step: 'antiviral-prophylaxis', clause: '13.6', ruleId: 'antiviral-prophylaxis', reason: { zh: '反复疱疹史：术前 3 天开始抗病毒至表皮修复', en: 'recurrent herpes: antivirals from 3 days before until the epidermis heals' } });
    } else if (c.id === 'rosacea') {
      risks.push({ clause: '13.7', text: { zh: '玫瑰痤疮可能复发', en: 'rosacea may flare' } });
    } else if (c.id === 'acne') {
      risks.push({ clause: '13.5', text: { zh: '痤疮样皮损可能加重或新发', en: 'acneiform lesions may worsen or appear' } });
    } else if (c.id === 'product-allergy-history') {
      risks.push({ clause: '13.4', text: { zh: '过敏史：谨慎选择导入产品', en: 'allergy history: choose delivered products with care' } });
    }
  }
  if ((patient.newProducts?.length ?? 0) > 0) {
    precautions.push({ step: 'skin-trial', clause: '13.4', ruleId: 'skin-trial', reason: { zh: `新产品需先做皮肤试用：${patient.newProducts!.join('、')}`, en: `new products need a skin trial first: ${patient.newProducts!.join(', ')}` } });
  }
  if ((patient.fitzpatrick ?? 0) >= 4) risks.push({ clause: '13.9', text: { zh: '深肤色，炎症后色沉风险高：严格防晒', en: 'darker skin, higher risk of pigmentation: strict sun protection' } });
  if (procedure === 'rf') risks.push({ clause: '13.10', text: { zh: '射频微针后可能出现网格状瘢痕', en: 'RF microneedling can leave grid-like scars' } });
  return {
    decision: wholePatient ? 'decline' : excluded.size > 0 ? 'limit' : 'treat',
    contraindications,
    excludedRegions: [...excluded],
    precautions,
    preparation: [
      { step: 'take-history', clause: '7.1' },
      { step: 'examine', clause: '7.2' },
      { step: 'consent', clause: '7.3' },
    ],
    risks,
  };
}
