// The clauses of 《微针治疗操作规范》 sections 3-15, as ids with a short heading in our own words. Exam
// questions, cases and syllabi cite these ids; the coverage test checks that every leaf clause of sections
// 5-15 is examined by at least one question. A clause is a leaf when no other clause id extends it.

export interface ClauseEntry {
  id: string;
  /** Top-level section number (3..15). */
  section: number;
  heading: { zh: string; en: string };
}

const c = (id: string, zh: string, en: string): ClauseEntry => ({ id, section: Number(id.split('.')[0]), heading: { zh, en } });

export const CLAUSES: readonly ClauseEntry[] = [
  c('3.1', '术语范围', 'Terms covered'),
  c('3.2', '微针治疗的定义', 'Definition of microneedle therapy'),
  c('3.3', '滚轮微针的定义', 'Definition of the roller microneedle'),
  c('3.4', '射频微针的定义', 'Definition of RF microneedling'),
  c('3.5', '单晶硅纳米微针的定义', 'Definition of monocrystalline silicon nano needles'),
  c('4.1', '常用微针器械', 'Common microneedle devices'),
  c('4.1.1', '按给药方式分五类微针', 'Five kinds of microneedle by drug delivery'),
  c('4.1.2', '临床常见微针器械与设备', 'Devices seen in clinical practice'),
  c('4.2', '微针材料', 'Microneedle materials'),
  c('5.1', '适应证：皮肤老化与亚健康状态', 'Indications: skin ageing and sub-health'),
  c('5.2', '适应证：损容性皮肤病', 'Indications: disfiguring skin diseases'),
  c('5.3', '适应证：萎缩纹与瘢痕', 'Indications: striae and scars'),
  c('6.1', '禁忌：微针材料过敏', 'Contraindication: allergy to the needle material'),
  c('6.2', '禁忌：活动期皮肤病或同形反应', 'Contraindication: active skin disease or isomorphic response'),
  c('6.3', '禁忌：局部感染性疾病', 'Contraindication: local infection'),
  c('6.4', '禁忌：不明注射物', 'Contraindication: unknown injected material'),
  c('6.5', '禁忌：恶性或性质未明肿物', 'Contraindication: malignant or undetermined tumour'),
  c('6.6', '禁忌：凝血障碍等血液及全身疾病', 'Contraindication: coagulation and systemic disease'),
  c('6.7', '禁忌：正在放化疗', 'Contraindication: chemotherapy or radiotherapy'),
  c('6.8', '禁忌：瘢痕疙瘩或瘢痕体质', 'Contraindication: keloids or keloid tendency'),
  c('6.9', '禁忌：精神疾病', 'Contraindication: psychiatric disorder'),
  c('6.10', '禁忌：期望过高', 'Contraindication: excessive expectations'),
  c('7.1', '了解治疗目的并完整采集病史', 'Goals discussed and full history taken'),
  c('7.2', '专科与全身检查以排除禁忌', 'Specialist and general examination'),
  c('7.3', '告知风险并签署知情同意书', 'Risks explained and consent signed'),
  c('8.1', '滚轮术前：清洁、拍照、麻醉、再清洁、消毒', 'Roller preparation sequence'),
  c('8.2', '米字样短促滚动、分区治疗', 'Short fast 米-pattern passes, zone by zone'),
  c('8.3', '生理盐水纱布擦拭渗血', 'Wiping blood with saline gauze'),
  c('8.4', '按目的选择治疗终点', 'Choosing the endpoint'),
  c('8.4.1', '常规终点：皮肤发红（粉红）', 'Conventional endpoint: the skin turns pink'),
  c('8.4.2', '促透皮吸收终点', 'Endpoint for transdermal absorption'),
  c('8.4.3', '改善质地或瘢痕的终点', 'Endpoint for texture or scars'),
  c('8.5', '特殊部位注意事项（滚轮）', 'Special sites (roller)'),
  c('8.5.1', '眼睑：0.25 mm，拉至骨面', 'Eyelids: 0.25 mm over bone'),
  c('8.5.2', '鼻部与鼻假体', 'Nose and nasal implants'),
  c('8.5.3', '鼻唇沟与颏唇沟', 'Nasolabial and mentolabial folds'),
  c('8.5.4', '口周', 'Perioral skin'),
  c('8.5.5', '额部', 'Forehead'),
  c('8.5.6', '颈部', 'Neck'),
  c('8.5.7', '头皮：只左右横向滚动', 'Scalp: left-right rolling only'),
  c('9.1', '射频术前：清洁、拍照、麻醉', 'RF preparation'),
  c('9.2', '分 2-5 区，逐区去麻药、清洁、消毒', 'Two to five zones, each prepared in turn'),
  c('9.3', '设定参数、逐区不遗漏', 'Parameters set; zone by zone without misses'),
  c('9.4', '射频术后护理', 'RF aftercare'),
  c('9.5', '治疗头一次性使用', 'Single-use tips'),
  c('9.6', '特殊部位注意事项（射频）', 'Special sites (RF)'),
  c('9.6.1', '宜用负压射频的部位', 'Where suction RF is recommended'),
  c('9.6.2', '负压操作要点', 'Suction technique'),
  c('9.6.3', '非负压操作要点', 'Non-suction technique'),
  c('9.6.4', '眼周：负压双极，0.5-1.5 mm', 'Periocular: suction bipolar, 0.5-1.5 mm'),
  c('9.6.5', '面部进针深度', 'Facial insertion depths'),
  c('9.6.6', '颈部与腹部进针深度', 'Neck and abdomen depths'),
  c('9.6.7', '腋下治疗', 'Axillary treatment'),
  c('9.7', '薄或敏感皮肤降低能量', 'Lower energy for thin or sensitive skin'),
  c('10.1', '纳米微针术前准备', 'Nano preparation'),
  c('10.2', '安装并按皮肤选择纳米微针', 'Mounting and choosing the nano needle'),
  c('10.3', '涂抹拟导入的产品', 'Applying the product'),
  c('10.4', '垂直轻触，滑动或点提', 'Light perpendicular contact: sliding or point-lift'),
  c('10.5', '同一部位不超过 3 次、每次不超过 3 秒、不画圈', 'At most 3 times, 3 s, no circling'),
  c('10.6', '导入后湿敷 20 分钟', 'Wet compress for 20 minutes'),
  c('10.7', '不得重复使用，按医疗废物处置', 'No reuse; medical waste'),
  c('10.8', '屏障 20-30 分钟恢复，1 小时后视为正常皮肤', 'Barrier recovery and the one-hour mark'),
  c('11.1', '皮肤受损期间选择导入产品', 'Products while the skin is open'),
  c('11.2', '恢复期的护肤品', 'Skin care as the skin recovers'),
  c('12.1', '炎症反应明显时冷敷', 'Cooling a marked inflammatory reaction'),
  c('12.2', '术后 24-48 小时保持创面清洁', 'Keeping the area clean for 24-48 h'),
  c('13.1', '水肿', 'Oedema'),
  c('13.2', '红斑', 'Erythema'),
  c('13.3', '瘀点与瘀斑', 'Petechiae and ecchymoses'),
  c('13.4', '过敏反应与皮肤试用', 'Allergic reactions and skin trials'),
  c('13.5', '痤疮样皮损', 'Acneiform lesions'),
  c('13.6', '单纯疱疹复发与预防', 'Herpes recurrence and prophylaxis'),
  c('13.7', '玫瑰痤疮复发', 'Rosacea flare'),
  c('13.8', '病原微生物感染', 'Infection'),
  c('13.9', '炎症后色素沉着', 'Post-inflammatory hyperpigmentation'),
  c('13.10', '机械性划伤与瘢痕', 'Scratches and scars'),
  c('14.1', '机构类型', 'Kinds of institution'),
  c('14.2', '急救设备与药品', 'Emergency equipment and drugs'),
  c('14.3', '微针治疗所需器械药品', 'Instruments and drugs for microneedling'),
  c('15.1', '指导医师资质', 'Supervising physician'),
  c('15.1.1', '执业医师资格证书', 'Licensed physician certificate'),
  c('15.1.2', '主治医师 3 年以上经历', 'Three years as attending physician'),
  c('15.2', '操作师资质', 'Operator qualifications'),
  c('15.2.1', '医师操作资质', 'Physicians as operators'),
  c('15.2.2', '技师操作资质', 'Technicians as operators'),
  c('15.2.3', '护士操作资质', 'Nurses as operators'),
];

const BY_ID = new Map(CLAUSES.map((e) => [e.id, e]));

export function clauseById(id: string): ClauseEntry | undefined {
  return BY_ID.get(id);
}

export function isKnownClause(id: string): boolean {
  return BY_ID.has(id);
}

/** Clauses no other clause extends (8.5.1 is a leaf; 8.5 is not). */
export const LEAF_CLAUSES: readonly ClauseEntry[] = CLAUSES.filter((e) => !CLAUSES.some((o) => o.id.startsWith(`${e.id}.`)));

/** Whether `clause` is `prefix` or lies under it: 8.5.1 lies under 8 and 8.5, not under 8.4 or 8.51. */
export function clauseWithin(clause: string, prefix: string): boolean {
  return clause === prefix || clause.startsWith(`${prefix}.`);
}
