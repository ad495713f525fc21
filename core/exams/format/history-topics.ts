// What a trainee can ask a patient (7.1): one fixed list, the same for every case and shown in this order,
// so the list itself never hints at what a case hides. Every case answers every topic.

export const HISTORY_TOPICS = [
  { id: 'goals', clauses: ['7.1', '6.10'], question: { zh: '这次想解决什么问题？希望达到什么效果？', en: 'What would you like treated, and what result do you hope for?' } },
  { id: 'previous-treatments', clauses: ['7.1'], question: { zh: '以前做过哪些医美治疗？效果和反应如何？', en: 'Which aesthetic treatments have you had before, and how did they go?' } },
  { id: 'injections-implants', clauses: ['6.4', '8.5.2'], question: { zh: '面部注射过填充物或放过假体吗？注射的是什么？', en: 'Have you had fillers injected or implants placed in the face? What was used?' } },
  { id: 'general-health', clauses: ['6.6', '7.2'], question: { zh: '有没有心脏、血液、糖尿病等全身性疾病？', en: 'Do you have any heart, blood, diabetes or other general illness?' } },
  { id: 'bleeding', clauses: ['6.6'], question: { zh: '平时容易出血或淤青吗？凝血有问题吗？', en: 'Do you bleed or bruise easily? Any clotting problems?' } },
  { id: 'medications', clauses: ['6.6', '6.7'], question: { zh: '现在在用哪些药（包括抗凝药、阿司匹林、维 A 酸等）？', en: 'Which medicines do you take now (including blood thinners, aspirin, retinoids)?' } },
  { id: 'cancer-treatment', clauses: ['6.5', '6.7'], question: { zh: '有没有肿瘤病史？现在是否在放疗或化疗？', en: 'Any history of cancer? Are you having radiotherapy or chemotherapy now?' } },
  { id: 'allergies', clauses: ['6.1', '13.4'], question: { zh: '对金属、药物、护肤品或医用材料过敏吗？', en: 'Are you allergic to metals, medicines, skin-care products or medical materials?' } },
  { id: 'skin-history', clauses: ['6.2', '13.5', '13.7'], question: { zh: '有湿疹、银屑病、痤疮、玫瑰痤疮等皮肤病吗？现在是否发作？', en: 'Do you have eczema, psoriasis, acne, rosacea or another skin disease? Is it active now?' } },
  { id: 'infections-herpes', clauses: ['6.3', '13.6'], question: { zh: '长过单纯疱疹（嘴边起泡）吗？多久发一次？最近有没有皮肤感染？', en: 'Have you had cold sores? How often? Any skin infection recently?' } },
  { id: 'scarring', clauses: ['6.8'], question: { zh: '伤口愈合后容易长增生性瘢痕或瘢痕疙瘩吗？', en: 'Do wounds tend to heal with raised scars or keloids?' } },
  { id: 'mental-health', clauses: ['6.9'], question: { zh: '有没有精神或心理方面的疾病，正在治疗吗？', en: 'Any psychiatric or psychological illness, now or being treated?' } },
  { id: 'products', clauses: ['13.4', '11.1'], question: { zh: '这次准备导入的产品您以前用过吗？', en: 'Have you used the product we plan to deliver before?' } },
  { id: 'sun-pigmentation', clauses: ['13.9'], question: { zh: '晒后容易变黑或留色斑吗？平时防晒吗？', en: 'Do you tan or get dark marks easily after sun or spots? Do you use sun protection?' } },
] as const;

export type HistoryTopicId = (typeof HISTORY_TOPICS)[number]['id'];
export const HISTORY_TOPIC_IDS: readonly HistoryTopicId[] = HISTORY_TOPICS.map((t) => t.id);

/** Topics every screening must cover whatever the case (7.1 goals and complete history, the safety questions). */
export const ALWAYS_ASKED_TOPICS: readonly HistoryTopicId[] = ['goals', 'general-health', 'medications', 'allergies', 'injections-implants', 'infections-herpes'];
