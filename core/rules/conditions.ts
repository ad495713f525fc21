// Patient conditions a case can carry (PatientCase.conditions[].id): contraindications of section 6,
// and risk conditions whose management section 13 gives. Case screening and the scorer read these.

import type { LocalizedText } from '../scoring/report';

export interface ConditionDef {
  id: string;
  clause: string;
  kind: 'contraindication' | 'risk';
  /** True when the condition bars treatment only where it is (e.g. a local infection). */
  local: boolean;
  name: LocalizedText;
  /** Where this id is not named by the standard itself. */
  note?: LocalizedText;
}

export const CONDITIONS: readonly ConditionDef[] = [
  { id: 'microneedle-material-allergy', clause: '6.1', kind: 'contraindication', local: false, name: { zh: '对微针材料过敏', en: 'Allergy to the microneedle material' } },
  { id: 'active-skin-disease', clause: '6.2', kind: 'contraindication', local: true, name: { zh: '局部活动期/进展期皮肤病或有同形反应的皮肤病（湿疹、银屑病、扁平苔藓等）', en: 'Active or progressing local skin disease, or one with an isomorphic response (eczema, psoriasis, lichen planus...)' } },
  { id: 'local-infection', clause: '6.3', kind: 'contraindication', local: true, name: { zh: '局部病毒、细菌或真菌感染（单纯疱疹发作、疣、毛囊炎、面癣等）', en: 'Local viral, bacterial or fungal infection (active herpes, warts, folliculitis, tinea...)' } },
  { id: 'unknown-injected-material', clause: '6.4', kind: 'contraindication', local: true, name: { zh: '治疗区有不明注射物', en: 'Unknown injected material in the treatment area' } },
  { id: 'malignant-or-undetermined-tumour', clause: '6.5', kind: 'contraindication', local: true, name: { zh: '治疗区有恶性肿瘤或性质未明的皮肤肿物', en: 'Malignant or undetermined skin tumour in the treatment area' } },
  { id: 'coagulation-disorder', clause: '6.6', kind: 'contraindication', local: false, name: { zh: '凝血功能障碍等血液系统疾病', en: 'Coagulation disorder or other blood disease' } },
  { id: 'anticoagulants', clause: '6.6', kind: 'contraindication', local: false, name: { zh: '正在服用抗凝药物', en: 'Taking anticoagulant medication' }, note: { zh: '标准 6.6 写凝血障碍；抗凝药由种子文件 001（家用微针文章）点名，本模拟器按 6.6 处理', en: 'The standard (6.6) names coagulation disorders; anticoagulants are named by seed file 001 (home-use article), which the simulator treats under 6.6' } },
  { id: 'systemic-intolerance', clause: '6.6', kind: 'contraindication', local: false, name: { zh: '不能耐受微针治疗的全身性疾病', en: 'Systemic disease that cannot tolerate microneedling' } },
  { id: 'chemo-radiotherapy', clause: '6.7', kind: 'contraindication', local: false, name: { zh: '正在放化疗', en: 'Currently on chemotherapy or radiotherapy' } },
  { id: 'keloid-constitution', clause: '6.8', kind: 'contraindication', local: false, name: { zh: '瘢痕疙瘩或瘢痕体质', en: 'Keloids or keloid-prone constitution' } },
  { id: 'psychiatric-disorder', clause: '6.9', kind: 'contraindication', local: false, name: { zh: '精神疾病', en: 'Psychiatric disorder' } },
  { id: 'unrealistic-expectations', clause: '6.10', kind: 'contraindication', local: false, name: { zh: '对疗效期望过高', en: 'Excessively high expectations of the outcome' } },
  { id: 'product-allergy-history', clause: '13.4', kind: 'risk', local: false, name: { zh: '产品过敏史', en: 'History of allergy to products' } },
  { id: 'acne', clause: '13.5', kind: 'risk', local: false, name: { zh: '痤疮', en: 'Acne' } },
  { id: 'herpes-history', clause: '13.6', kind: 'risk', local: false, name: { zh: '反复发作单纯疱疹史', en: 'History of recurrent herpes simplex' } },
  { id: 'rosacea', clause: '13.7', kind: 'risk', local: false, name: { zh: '玫瑰痤疮', en: 'Rosacea' } },
];

export const CONDITION_IDS: ReadonlySet<string> = new Set(CONDITIONS.map((c) => c.id));

export function conditionById(id: string): ConditionDef | undefined {
  return CONDITIONS.find((c) => c.id === id);
}
