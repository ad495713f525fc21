// Procedure steps and their order per device (7.1-7.3, 8.1, 8.3, 9.1-9.5, 10.1-10.7, 12.1-12.2).

import type { Procedure, StepId } from '../recording/types';

export interface StepRequirement {
  step: StepId;
  clause: string;
  ruleId: string;
  /** 'before' the first treatment event, 'after' the last one, or 'during' treatment. */
  when: 'before' | 'after' | 'during';
}

/** Which clause a step serves; used for scenario-required steps and docs. */
export const STEP_CLAUSES: Record<StepId, string> = {
  'take-history': '7.1',
  examine: '7.2',
  consent: '7.3',
  'remove-makeup': '10.1',
  cleanse: '8.1',
  photograph: '8.1',
  anaesthesia: '8.1',
  'remove-anaesthetic': '9.2',
  'cleanse-again': '8.1',
  disinfect: '8.1',
  'skin-trial': '13.4',
  'antiviral-prophylaxis': '13.6',
  'mount-needle': '10.2',
  'fit-new-tip': '9.5',
  'apply-product': '10.3',
  'treat-start': '8.2',
  'treat-end': '8.2',
  'wipe-blood': '8.3',
  'cold-compress': '12.1',
  'wet-compress': '10.6',
  phototherapy: '9.4',
  'dispose-needle': '10.7',
  'aftercare-instructions': '12.2',
};

/** 7.1-7.3, for every procedure, in this order. */
export const PRE_TREATMENT_STEPS: readonly StepRequirement[] = [
  { step: 'take-history', clause: '7.1', ruleId: 'history-before-treatment', when: 'before' },
  { step: 'examine', clause: '7.2', ruleId: 'examine-before-treatment', when: 'before' },
  { step: 'consent', clause: '7.3', ruleId: 'consent-before-treatment', when: 'before' },
];

/** Device preparation, in the order the standard lists it. */
export const PREPARATION_STEPS: Record<Procedure, { clause: string; ruleId: string; orderRuleId?: string; steps: readonly StepId[] }> = {
  roller: { clause: '8.1', ruleId: 'roller-preparation', orderRuleId: 'roller-preparation-order', steps: ['cleanse', 'photograph', 'anaesthesia', 'cleanse-again', 'disinfect'] },
  rf: { clause: '9.1', ruleId: 'rf-preparation', orderRuleId: 'rf-preparation-order', steps: ['cleanse', 'photograph', 'anaesthesia'] },
  nano: { clause: '10.1', ruleId: 'nano-preparation', orderRuleId: 'nano-preparation-order', steps: ['remove-makeup', 'cleanse', 'photograph', 'disinfect'] },
};

/** 9.2: per zone, before its first pulse. */
export const RF_ZONE_STEPS: readonly StepId[] = ['remove-anaesthetic', 'cleanse-again', 'disinfect'];

/** Steps after treatment, by procedure (12.2 for all). */
export const AFTERCARE_STEPS: Record<Procedure, readonly StepRequirement[]> = {
  roller: [{ step: 'aftercare-instructions', clause: '12.2', ruleId: 'aftercare-instructions', when: 'after' }],
  rf: [
    { step: 'apply-product', clause: '9.4', ruleId: 'rf-aftercare-product', when: 'after' },
    { step: 'aftercare-instructions', clause: '12.2', ruleId: 'aftercare-instructions', when: 'after' },
  ],
  nano: [
    { step: 'wet-compress', clause: '10.6', ruleId: 'nano-wet-compress', when: 'after' },
    { step: 'dispose-needle', clause: '10.7', ruleId: 'nano-dispose', when: 'after' },
    { step: 'aftercare-instructions', clause: '12.2', ruleId: 'aftercare-instructions', when: 'after' },
  ],
};

/** Display names of the steps, for findings and the UI. */
export const STEP_NAMES: Record<StepId, { zh: string; en: string }> = {
  'take-history': { zh: '采集病史', en: 'take the history' },
  examine: { zh: '专科与全身检查', en: 'examine' },
  consent: { zh: '签署知情同意', en: 'informed consent' },
  'remove-makeup': { zh: '卸妆', en: 'remove make-up' },
  cleanse: { zh: '清洁', en: 'cleanse' },
  photograph: { zh: '标准化拍照', en: 'standard photographs' },
  anaesthesia: { zh: '麻醉', en: 'anaesthesia' },
  'remove-anaesthetic': { zh: '去除麻药', en: 'remove the anaesthetic' },
  'cleanse-again': { zh: '再次清洁', en: 'cleanse again' },
  disinfect: { zh: '消毒', en: 'disinfect' },
  'skin-trial': { zh: '皮肤试用试验', en: 'skin trial' },
  'antiviral-prophylaxis': { zh: '预防性抗病毒', en: 'antiviral prophylaxis' },
  'mount-needle': { zh: '安装纳米微针', en: 'mount the nano needle' },
  'fit-new-tip': { zh: '更换新治疗头', en: 'fit a new tip' },
  'apply-product': { zh: '涂抹药物或功效产品', en: 'apply the product' },
  'treat-start': { zh: '开始分区治疗', en: 'start a zone' },
  'treat-end': { zh: '结束分区治疗', en: 'finish a zone' },
  'wipe-blood': { zh: '擦拭渗血', en: 'wipe blood' },
  'cold-compress': { zh: '冷敷', en: 'cold compress' },
  'wet-compress': { zh: '湿敷', en: 'wet compress' },
  phototherapy: { zh: '光疗', en: 'phototherapy' },
  'dispose-needle': { zh: '医疗废物处置', en: 'dispose of the needle' },
  'aftercare-instructions': { zh: '术后护理交代', en: 'aftercare instructions' },
};
