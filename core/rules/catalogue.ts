// The rules catalogue: every rule of sections 4-15 that a session, a case or an exam can check, as data.
// Statements are our own short wording of the clause; numbers are the standard's unless a parameter says
// it is a simulator default (then its value lives in SIMULATOR_DEFAULTS and scenarios may override it).

import type { Criterion, LocalizedText, Severity } from '../scoring/report';
import { CONDITIONS } from './conditions';
import { SIMULATOR_DEFAULTS, type SimulatorDefaultKey } from './simulator-defaults';
import { std, type Rule, type RuleParameter, type RuleTopic, type RuleUse } from './types';

const sim = (key: SimulatorDefaultKey): RuleParameter => ({ value: SIMULATOR_DEFAULTS[key].value, unit: SIMULATOR_DEFAULTS[key].unit, source: 'simulator-default', defaultKey: key });

function rule(
  id: string,
  clause: string,
  topic: RuleTopic,
  use: RuleUse,
  severity: Severity,
  criterion: Criterion,
  zh: string,
  en: string,
  parameters: Record<string, RuleParameter> = {},
  management?: LocalizedText,
): Rule {
  const source = Object.values(parameters).some((p) => p.source === 'simulator-default') ? 'simulator-default' : 'standard';
  return { id, clause, topic, use, severity, criterion, statement: { zh, en }, parameters, source, management };
}

const contraindicationRules: Rule[] = CONDITIONS.filter((c) => c.kind === 'contraindication').map((c) =>
  rule(
    `contra-${c.id}`,
    c.clause,
    'contraindication',
    'case-screening',
    'critical',
    'safety',
    `禁忌证：${c.name.zh}${c.local ? '（该部位）' : ''}时不得进行微针治疗`,
    `Contraindication: do not treat ${c.local ? 'the affected area ' : ''}when the patient has: ${c.name.en}`,
  ),
);

export const RULES: readonly Rule[] = [
  // 4 Devices.
  rule('roller-needle-range', '4.1.2', 'device', 'session', 'major', 'parameters', '未专门规定的部位，滚轮针长一般在 0.5-3 mm 之间', 'Where no site rule applies, roller needles are generally 0.5-3 mm long', { needleLengthMm: std([0.5, 3], 'mm') }),
  rule('device-types', '4.1.1', 'device', 'knowledge', 'info', 'parameters', '按给药方式，微针分实心、涂层、中空、溶解型和水凝胶五类', 'By drug-delivery mode there are five microneedle types: solid, coated, hollow, dissolving and hydrogel'),
  // 6 Contraindications (case screening; treating anyway is critical).
  ...contraindicationRules,
  // 7 Preparation.
  rule('history-before-treatment', '7.1', 'preparation', 'session', 'major', 'protocol', '治疗前明确治疗目标、与患者沟通并采集完整病史', 'Before treating, agree the goals with the patient and take a full history'),
  rule('examine-before-treatment', '7.2', 'preparation', 'session', 'major', 'safety', '治疗前做专科和全身检查，排除禁忌证', 'Before treating, examine the skin and the patient to rule out contraindications'),
  rule('consent-before-treatment', '7.3', 'preparation', 'session', 'critical', 'safety', '治疗前告知并发症风险，签署知情同意书', 'Before treating, explain the risks and have the consent form signed'),
  rule('preparation-order', '7.1', 'preparation', 'session', 'minor', 'protocol', '病史、检查、知情同意按顺序进行', 'History, then examination, then consent'),
  // 8 Roller.
  rule('roller-preparation', '8.1', 'roller', 'session', 'major', 'protocol', '滚轮治疗前：清洁、标准化拍照、麻醉、再次清洁并消毒', 'Before rolling: cleanse, standard photos, anaesthesia, cleanse again, disinfect'),
  rule('roller-preparation-order', '8.1', 'roller', 'session', 'minor', 'protocol', '8.1 的准备步骤按规定顺序进行', 'The 8.1 preparation steps in their order'),
  rule('roller-cross-pattern', '8.2', 'roller', 'session', 'major', 'coverage', '横、竖、两条斜线（米字）方向都要滚到', 'Roll horizontally, vertically and along both diagonals (the 米 pattern)', { minCrossPatternFraction: sim('minCrossPatternFraction') }),
  rule('roller-coverage', '8.2', 'roller', 'session', 'major', 'coverage', '目标区域应完整滚到，不留空白', 'Cover the whole target area', { minCoverageFraction: sim('minCoverageFraction') }),
  rule('roller-target-untreated', '8.2', 'roller', 'session', 'critical', 'coverage', '计划治疗的区域必须实际治疗', 'Every planned target region must actually be treated', { untreatedCoverageFraction: sim('untreatedCoverageFraction') }),
  rule('roller-short-rapid-strokes', '8.2', 'roller', 'session', 'minor', 'technique', '握持滚轮快速、短距离滚动', 'Roll in rapid, short strokes', { maxStrokeLengthMm: sim('maxStrokeLengthMm'), minStrokeSpeedMmPerS: sim('minStrokeSpeedMmPerS'), maxBadStrokeFraction: sim('maxBadStrokeFraction') }),
  rule('roller-zone-by-zone', '8.2', 'roller', 'session', 'minor', 'technique', '分区逐一完成，不在各区之间来回跳', 'Finish one zone before the next; do not hop between zones', { maxZoneRevisits: sim('maxZoneRevisits'), minZoneDwellMs: sim('minZoneDwellMs') }),
  rule('roller-wipe-blood', '8.3', 'roller', 'session', 'minor', 'protocol', '操作中用生理盐水纱布擦去渗血，以免凝血影响吸收', 'Wipe oozing blood with saline gauze during the work so clots do not block absorption'),
  rule('roller-endpoint-pink', '8.4.1', 'roller', 'knowledge', 'info', 'technique', '常规终点：皮肤发红（粉红）', 'Conventional endpoint: the skin turns pink'),
  rule('roller-needle-absorption', '8.4.2', 'roller', 'session', 'major', 'parameters', '促进透皮吸收：针长 0.25-0.5 mm，力度适中', 'For absorption: 0.25-0.5 mm needles, moderate force', { needleLengthMm: std([0.25, 0.5], 'mm') }),
  rule('roller-rounds-absorption', '8.4.2', 'roller', 'session', 'major', 'coverage', '促进透皮吸收：滚 3-5 遍，术后肉眼无明显变化', 'For absorption: 3-5 rounds, no visible change afterwards', { rounds: std([3, 5], 'rounds'), roundsPercentile: sim('roundsPercentile'), overTreatmentPercentile: sim('overTreatmentPercentile') }),
  rule('roller-needle-texture', '8.4.3', 'roller', 'session', 'major', 'parameters', '改善肤质或瘢痕：针长 1.0-1.5 mm，终点为出血性紫癜', 'For texture or scars: 1.0-1.5 mm needles, endpoint haemorrhagic purpura', { needleLengthMm: std([1.0, 1.5], 'mm') }),
  // Endpoints declared by the trainee and judged by the simulator's skin-reaction model (core/scoring/engine/skin-reaction.ts).
  rule('roller-endpoint-undeclared', '8.4', 'roller', 'session', 'major', 'technique', '按治疗目的选择终点，并在达到时明确判断（本任务要求宣布终点）', 'Choose the endpoint for the purpose and judge when it is reached (this task asks for the endpoint to be declared)'),
  rule('roller-endpoint-pink-not-reached', '8.4.1', 'roller', 'session', 'major', 'technique', '宣布达到常规终点时皮肤应已发红（粉红）', 'When the conventional endpoint is declared, the skin has turned pink', { endpointReachedAreaFraction: sim('endpointReachedAreaFraction'), skinPinkDosePassMm: sim('skinPinkDosePassMm') }),
  rule('roller-endpoint-beyond-pink', '8.4.1', 'roller', 'session', 'major', 'technique', '常规终点为粉红，达到即止，不应治疗到出血性紫癜', 'The conventional endpoint is pink: stop there, short of haemorrhagic purpura', { skinPurpuraDosePassMm: sim('skinPurpuraDosePassMm'), skinBleedingNeedleMm: sim('skinBleedingNeedleMm') }),
  rule('roller-endpoint-absorption-not-reached', '8.4.2', 'roller', 'session', 'major', 'technique', '促进吸收：宣布终点前应已滚满 3 遍', 'For absorption: at least 3 rounds before the endpoint is declared', { rounds: std([3, 5], 'rounds'), roundsPercentile: sim('roundsPercentile') }),
  rule('roller-endpoint-absorption-visible', '8.4.2', 'roller', 'session', 'major', 'technique', '促进吸收：术后皮肤肉眼无明显变化', 'For absorption: no change visible to the naked eye afterwards', { skinVisibleDosePassMm: sim('skinVisibleDosePassMm') }),
  rule('roller-endpoint-absorption-purpura', '8.4.2', 'roller', 'session', 'major', 'technique', '促进吸收：不应造成出血性紫癜', 'For absorption: no haemorrhagic purpura', { skinPurpuraDosePassMm: sim('skinPurpuraDosePassMm'), skinBleedingNeedleMm: sim('skinBleedingNeedleMm') }),
  rule('roller-endpoint-texture-not-reached', '8.4.3', 'roller', 'session', 'major', 'technique', '改善肤质或瘢痕：宣布终点时应已出现出血性紫癜', 'For texture or scars: haemorrhagic purpura by the time the endpoint is declared', { endpointReachedAreaFraction: sim('endpointReachedAreaFraction'), skinPurpuraDosePassMm: sim('skinPurpuraDosePassMm') }),
  rule('roller-needle-eyelid', '8.5.1', 'roller-site', 'session', 'major', 'parameters', '眼睑：推荐针长 0.25 mm', 'Eyelids: 0.25 mm needles', { needleLengthMm: std([0.25, 0.25], 'mm') }),
  rule('roller-eyelid-tension', '8.5.1', 'roller-site', 'session', 'major', 'technique', '眉部和上下眼睑皮肤应尽量拉到骨面上再操作', 'Stretch eyebrow and eyelid skin over the bone while rolling'),
  rule('roller-needle-nose', '8.5.2', 'roller-site', 'session', 'major', 'parameters', '鼻部凹凸不平、骨突处进针更深：推荐 0.5-1.0 mm', 'Nose: uneven, deeper over bone; 0.5-1.0 mm needles', { needleLengthMm: std([0.5, 1.0], 'mm') }),
  rule('roller-nasal-implant-needle', '8.5.2', 'roller-site', 'session', 'major', 'safety', '鼻部有假体时应避开，或用不超过 0.25 mm 的针', 'With a nasal implant avoid the nose, or use needles of 0.25 mm at most', { maxNeedleLengthMm: std(0.25, 'mm') }),
  rule('roller-nasal-implant-pressure', '8.5.2', 'roller-site', 'session', 'major', 'safety', '鼻部有假体时操作不得施压', 'With a nasal implant, do not press', { implantPressureMax: sim('implantPressureMax') }),
  rule('roller-needle-folds', '8.5.3', 'roller-site', 'session', 'major', 'parameters', '鼻唇沟、颏唇沟：要达到皱纹深部，推荐 1.0-1.5 mm，避免过激治疗', 'Nasolabial and mentolabial folds: reach the fold depth with 1.0-1.5 mm, without over-treating', { needleLengthMm: std([1.0, 1.5], 'mm') }),
  rule('roller-needle-perioral', '8.5.4', 'roller-site', 'session', 'major', 'parameters', '口周敏感、易色沉和口周皮炎：避免过长针，推荐 0.5-1.0 mm', 'Perioral skin is sensitive and prone to pigmentation and dermatitis: 0.5-1.0 mm, not longer', { needleLengthMm: std([0.5, 1.0], 'mm') }),
  rule('roller-needle-forehead', '8.5.5', 'roller-site', 'session', 'major', 'parameters', '额部：推荐 0.5-1.0 mm，皮肤很薄时应缩短', 'Forehead: 0.5-1.0 mm, shorter when the skin is very thin', { needleLengthMm: std([0.5, 1.0], 'mm') }),
  rule('roller-needle-neck', '8.5.6', 'roller-site', 'session', 'major', 'parameters', '颈部：常规 0.5 mm，按皱纹深浅可用 1.0-2.0 mm', 'Neck: 0.5 mm routinely, 1.0-2.0 mm depending on wrinkle depth', { routineMm: std(0.5, 'mm'), wrinkleMm: std([1.0, 2.0], 'mm') }),
  rule('roller-needle-scalp', '8.5.7', 'roller-site', 'session', 'major', 'parameters', '头皮：推荐 0.5-0.8 mm', 'Scalp: 0.5-0.8 mm needles', { needleLengthMm: std([0.5, 0.8], 'mm') }),
  rule('roller-scalp-direction', '8.5.7', 'roller-site', 'session', 'major', 'technique', '头皮只能左右横向滚动，以免缠住头发', 'On the scalp roll left-right only, so hair is not caught'),
  rule('no-treat-contact', '8.5', 'roller-site', 'session', 'critical', 'safety', '器械不得接触眼球、唇红、鼻孔等禁区（模拟器对特殊部位的界定）', 'The device must not touch the eyes, red lips or nostrils (the simulator\'s no-treat zones for the special sites)', { noTreatMinSamples: sim('noTreatMinSamples') }),
  rule('roller-over-treatment', '13.9', 'roller', 'session', 'major', 'technique', '避免过度治疗（过度治疗是炎症后色沉的诱因之一）', 'Avoid over-treatment, a cause of post-inflammatory pigmentation', { maxRoundsGeneral: sim('maxRoundsGeneral'), overTreatmentPercentile: sim('overTreatmentPercentile') }),
  rule('roller-even-pressure', '13.10', 'roller', 'session', 'minor', 'technique', '用力均匀、滚动顺畅，避免划伤', 'Even force and smooth rolling, to avoid scratches', { pressureCvMax: sim('pressureCvMax') }),
  // 9 RF.
  rule('rf-preparation', '9.1', 'rf', 'session', 'major', 'protocol', '射频微针治疗前：清洁、标准化拍照、麻醉', 'Before RF: cleanse, standard photos, anaesthesia'),
  rule('rf-preparation-order', '9.1', 'rf', 'session', 'minor', 'protocol', '9.1 的准备步骤按规定顺序进行', 'The 9.1 preparation steps in their order'),
  rule('rf-zone-count', '9.2', 'rf', 'session', 'major', 'protocol', '治疗部位分为 2-5 个区', 'Divide the site into 2-5 zones', { zones: std([2, 5], 'zones') }),
  rule('rf-zone-preparation', '9.2', 'rf', 'session', 'major', 'protocol', '每个区依次去除麻药、再次清洁、消毒后再治疗', 'For each zone in turn: remove the anaesthetic, cleanse again and disinfect, then treat'),
  rule('rf-zone-by-zone', '9.3', 'rf', 'session', 'minor', 'technique', '逐区治疗', 'Treat zone by zone', { maxZoneRevisits: sim('maxZoneRevisits') }),
  rule('rf-no-miss', '9.3', 'rf', 'session', 'major', 'coverage', '遵循“不遗漏”原则，区内不留未治疗的空隙', 'No-miss: leave no untreated gaps in a zone', { rfMissedPatchCm2: sim('rfMissedPatchCm2'), rfMinCoverageFraction: sim('rfMinCoverageFraction') }),
  rule('rf-target-untreated', '9.3', 'rf', 'session', 'critical', 'coverage', '计划治疗的区域必须逐区治疗', 'Every planned target region must be treated, zone by zone', { untreatedCoverageFraction: sim('untreatedCoverageFraction') }),
  rule('rf-aftercare-product', '9.4', 'aftercare', 'session', 'major', 'aftercare', '治疗后立即外用药物或功效成分', 'Right after treatment, apply the drug or functional product'),
  rule('rf-phototherapy', '9.4', 'aftercare', 'knowledge', 'info', 'aftercare', '可加 830 nm 近红外和/或 590 nm 黄光照射辅助修复', 'Optional 830 nm near-infrared and/or 590 nm yellow light to aid repair'),
  rule('rf-single-use-tip', '9.5', 'rf', 'session', 'major', 'safety', '治疗头一次性使用', 'Treatment tips are single-use'),
  rule('rf-suction-recommended', '9.6.1', 'rf-site', 'session', 'minor', 'parameters', '眼周、颈、腹部松弛皮肤及额、颊部推荐用负压射频微针', 'Suction RF is recommended for lax periocular, neck and abdominal skin and for the forehead and cheeks'),
  rule('rf-suction-no-press', '9.6.2', 'rf', 'session', 'minor', 'technique', '负压操作：轻绷皮肤，吸起后上提逐步治疗，避免下压', 'Suction mode: light tension, lift after the skin is drawn in, do not press', { rfSuctionPressureMax: sim('rfSuctionPressureMax') }),
  rule('rf-skin-tension', '9.6.3', 'rf', 'session', 'minor', 'technique', '操作时绷紧皮肤（负压轻度、非负压适度）', 'Keep the skin under tension (light with suction, moderate without)'),
  rule('rf-perpendicular', '9.6.3', 'rf', 'session', 'major', 'technique', '进针须垂直于皮肤（9.6.3；非负压时治疗头轻压皮肤）', 'Insert the needles perpendicular to the skin (9.6.3; without suction, press the tip only lightly)', { rfMaxAxisAngleDeg: sim('rfMaxAxisAngleDeg'), rfMaxOffAxisFraction: sim('rfMaxOffAxisFraction') }),
  rule('rf-depth-periocular', '9.6.4', 'rf-site', 'session', 'major', 'parameters', '眼周：用负压射频的双极功能，进针 0.5-1.5 mm', 'Periocular: bipolar suction RF, 0.5-1.5 mm deep', { depthMm: std([0.5, 1.5], 'mm') }),
  rule('rf-bipolar-periocular', '9.6.4', 'rf-site', 'session', 'major', 'parameters', '眼周治疗使用双极功能', 'Use the bipolar function around the eyes'),
  rule('rf-depth-face', '9.6.5', 'rf-site', 'session', 'major', 'parameters', '面部：额 0.5-1.5 mm，颊 1.0-2.5 mm，下颌与颧部 0.5-1.5 mm', 'Face: forehead 0.5-1.5 mm, cheeks 1.0-2.5 mm, mandible and zygoma 0.5-1.5 mm', { foreheadMm: std([0.5, 1.5], 'mm'), cheeksMm: std([1.0, 2.5], 'mm'), mandibleZygomaMm: std([0.5, 1.5], 'mm') }),
  rule('rf-depth-neck-abdomen', '9.6.6', 'rf-site', 'session', 'major', 'parameters', '颈部 1.0-2.5 mm，腹部 1.0-3.5 mm，使用负压', 'Neck 1.0-2.5 mm, abdomen 1.0-3.5 mm, with suction', { neckMm: std([1.0, 2.5], 'mm'), abdomenMm: std([1.0, 3.5], 'mm') }),
  rule('rf-suction-required', '9.6.6', 'rf-site', 'session', 'major', 'parameters', '眼周（9.6.4）、颈腹（9.6.6）、腋部（9.6.7）须使用负压射频微针', 'Periocular (9.6.4), neck and abdomen (9.6.6) and axilla (9.6.7) require suction RF'),
  rule('rf-depth-axilla', '9.6.7', 'rf-site', 'session', 'major', 'parameters', '腋部：负压、肿胀麻醉、范围超出腋毛区 2 cm、先冰敷 5-10 分钟，进针 3.5-5.5 mm，目标温度 70-80℃，术后冰敷 30 分钟并涂抗生素或烧伤膏', 'Axilla: suction, tumescent anaesthesia, 2 cm beyond the hair, ice 5-10 min first, 3.5-5.5 mm at 70-80 °C, ice 30 min after, then antibiotic or burn ointment', { depthMm: std([3.5, 5.5], 'mm'), marginCm: std(2, 'cm'), targetTempC: std([70, 80], '°C'), iceBeforeMin: std([5, 10], 'min'), iceAfterMin: std(30, 'min') }),
  rule('rf-thin-skin-energy', '9.7', 'rf', 'session', 'minor', 'parameters', '面部皮肤较薄或敏感时适当降低能量', 'Lower the energy for thin or sensitive facial skin', { rfReferencePowerW: sim('rfReferencePowerW'), rfThinSkinPowerFraction: sim('rfThinSkinPowerFraction') }),
  rule('rf-stacking', '13.10', 'rf', 'session', 'major', 'technique', '避免脉冲过度叠加（射频微针后可能出现网格状瘢痕）', 'Avoid stacking pulses (RF microneedling can leave grid-like scars)', { rfMaxStack: sim('rfMaxStack'), rfStackPatchCm2: sim('rfStackPatchCm2') }),
  // 10 Nano.
  rule('nano-preparation', '10.1', 'nano', 'session', 'major', 'protocol', '卸妆、洁面、拍照后消毒皮肤', 'Remove make-up, cleanse, photograph, then disinfect'),
  rule('nano-preparation-order', '10.1', 'nano', 'session', 'minor', 'protocol', '先卸妆、洁面、拍照，最后消毒', 'Make-up off, cleanse and photograph first, disinfect last'),
  rule('nano-mount-needle', '10.2', 'nano', 'session', 'minor', 'protocol', '将纳米微针拧紧在配套仪器上，按皮肤状况和部位厚度选针', 'Screw the nano needle firmly onto its instrument; choose it for the skin and site thickness'),
  rule('nano-product-first', '10.3', 'nano', 'session', 'major', 'protocol', '先在治疗区涂上要导入的药物或功效产品', 'Apply the product to be delivered before the needle touches the skin'),
  rule('nano-sliding-not-allowed', '10.4', 'nano', 'session', 'major', 'technique', '滑动手法不适用于有毛发的头皮、干涩粗糙皮肤和针高超过 150 μm 的针', 'No sliding on hair-bearing scalp, on dry rough skin, or with needles taller than 150 μm', { maxSlidingHeightUm: std(150, 'μm') }),
  rule('nano-target-untreated', '10.4', 'nano', 'session', 'critical', 'coverage', '计划导入的区域必须实际操作', 'Every planned target region must actually be worked', { untreatedCoverageFraction: sim('untreatedCoverageFraction') }),
  rule('nano-times-per-site', '10.5', 'nano', 'session', 'major', 'technique', '同一部位操作不超过 3 次', 'At most 3 times on one site', { maxTimes: std(3, 'times'), nanoHeadDiameterMm: sim('nanoHeadDiameterMm') }),
  rule('nano-dwell', '10.5', 'nano', 'session', 'major', 'technique', '每次停留不超过 3 秒', 'Each contact lasts at most 3 s', { maxDwellS: std(3, 's') }),
  rule('nano-circling', '10.5', 'nano', 'session', 'major', 'technique', '不得打圈操作', 'No circling motions', { nanoCirclingTurnDeg: sim('nanoCirclingTurnDeg') }),
  rule('nano-wet-compress', '10.6', 'aftercare', 'session', 'major', 'aftercare', '导入结束后用含药或功效成分的敷料湿敷 20 分钟，全程保持湿润', 'After delivery, a wet compress with the product-soaked dressing for 20 minutes, kept moist', { minutes: std(20, 'min') }),
  rule('nano-dispose', '10.7', 'nano', 'session', 'major', 'safety', '纳米微针不得重复使用，用后放入医用污染物专用桶', 'Nano needles are not reused; discard them as contaminated medical waste'),
  rule('nano-barrier-recovery', '10.8', 'nano', 'knowledge', 'info', 'aftercare', '纳米微针后屏障 20-30 分钟恢复，1 小时后按正常皮肤对待', 'The barrier recovers in 20-30 min after nano needling; after 1 h the skin counts as normal'),
  // 11-12 Products and precautions.
  rule('products-damaged-skin', '11.1', 'aftercare', 'knowledge', 'info', 'aftercare', '皮肤破损期只导入药品、二类及以上械字号或经临床验证安全有效的产品', 'On damaged skin deliver only drugs, class II+ registered devices or clinically proven products'),
  rule('cold-compress', '12.1', 'aftercare', 'session', 'minor', 'aftercare', '炎症反应明显时用医用冷敷贴、生理盐水或冰袋缓解', 'When inflammation is marked, relieve it with medical cold packs, saline or ice'),
  rule('aftercare-instructions', '12.2', 'aftercare', 'session', 'major', 'aftercare', '术后交代保持创面清洁 24-48 小时，需要时用生理盐水纱布或无菌喷雾清洁', 'Tell the patient to keep the area clean for 24-48 h, cleaning with saline gauze or sterile spray if needed', { hours: std([24, 48], 'h') }),
  // 13 Complications (knowledge, plus the two managed in the session).
  rule('complication-edema', '13.1', 'complication', 'knowledge', 'info', 'aftercare', '水肿：多为轻中度，24-48 小时自行消退', 'Oedema: mild to moderate, settles by itself in 24-48 h', { resolvesH: std([24, 48], 'h') }, { zh: '术后立即冷湿敷可减轻', en: 'A cold wet compress right after the procedure reduces it' }),
  rule('complication-erythema', '13.2', 'complication', 'knowledge', 'info', 'aftercare', '红斑：弥漫性，可有轻度渗出、薄痂，数天内消退', 'Erythema: diffuse, may ooze and crust thinly, fades within days', {}, { zh: '术后立即冷湿敷可减轻', en: 'A cold wet compress right after the procedure reduces it' }),
  rule('complication-purpura', '13.3', 'complication', 'knowledge', 'info', 'aftercare', '瘀点/瘀斑：中高强度治疗可致点状出血，皮薄处（如下睑）可出现瘀斑，5-7 天吸收', 'Petechiae/ecchymoses: from moderate or high intensity; bruises on thin skin (lower lid) clear in 5-7 days', { clearsDays: std([5, 7], 'days') }, { zh: '术后立即冷湿敷可减轻', en: 'A cold wet compress right after the procedure reduces it' }),
  rule('skin-trial', '13.4', 'complication', 'session', 'major', 'safety', '对患者从未用过的产品，治疗前先做皮肤试用', 'Trial any product the patient has never used on the skin before treatment', {}, { zh: '轻中度过敏口服抗组胺药并外用抗炎药；重度可短期系统用糖皮质激素', en: 'Mild or moderate allergy: oral antihistamine plus topical anti-inflammatory; severe: a short course of systemic glucocorticoid' }),
  rule('complication-acneiform', '13.5', 'complication', 'knowledge', 'info', 'aftercare', '痤疮样皮损：排除过敏和感染后按痤疮常规处理', 'Acneiform lesions: once allergy and infection are excluded, treat as acne', {}, { zh: '按痤疮常规治疗', en: 'Routine acne treatment' }),
  rule('antiviral-prophylaxis', '13.6', 'complication', 'session', 'major', 'safety', '有反复疱疹史者，术前 3 天开始常规抗病毒，直至水肿消退、表皮修复（约 5-7 天）', 'With recurrent herpes, start routine antivirals 3 days before and continue until the oedema settles and the epidermis heals (about 5-7 days)', { startDaysBefore: std(3, 'days'), continueDays: std([5, 7], 'days') }, { zh: '预防性抗病毒治疗', en: 'Prophylactic antiviral treatment' }),
  rule('complication-rosacea', '13.7', 'complication', 'case-screening', 'info', 'safety', '玫瑰痤疮患者术后可能复发，按玫瑰痤疮处理', 'Rosacea may flare after treatment; treat it as rosacea', {}, { zh: '按玫瑰痤疮治疗', en: 'Treat as rosacea' }),
  rule('complication-infection', '13.8', 'complication', 'knowledge', 'info', 'safety', '感染源于消毒不充分或器械、产品污染；遵守无菌原则', 'Infection comes from poor disinfection or contaminated tools and products; keep asepsis', {}, { zh: '按临床评估外用药，泛发者加系统抗生素', en: 'Topical treatment by clinical assessment; add systemic antibiotics when widespread' }),
  rule('complication-pih', '13.9', 'complication', 'case-screening', 'info', 'aftercare', '炎症后色沉：与准备不足、过度治疗、护理不当有关；深肤色风险更高，术后严格防晒', 'Post-inflammatory pigmentation: from poor preparation, over-treatment or poor care; higher risk in darker skin; strict sun protection afterwards', {}, { zh: '严格防晒，愈合后尽早用防晒产品，可酌情配合美白/祛斑产品', en: 'Strict sun protection, sunscreen once healed, whitening products where suitable' }),
  rule('complication-scratch-scar', '13.10', 'complication', 'knowledge', 'info', 'technique', '用力不均或滚动受阻可致划伤，处理不当留疤；射频微针后可出现网格状瘢痕', 'Uneven force or a catching roller scratches; mishandled scratches scar; RF can leave grid-like scars', {}, { zh: '按划伤程度抗炎、促修复', en: 'Anti-inflammatory and repair treatment by the extent of the scratch' }),
  // 15 Qualifications.
  rule('qualification-supervisor-licence', '15.1.1', 'qualification', 'knowledge', 'info', 'safety', '指导医师持有执业医师资格证书', 'The supervising physician holds a physician licence'),
  rule('qualification-supervisor-experience', '15.1.2', 'qualification', 'knowledge', 'info', 'safety', '指导医师有医疗美容相关科室主治医师 3 年以上工作经历', 'The supervising physician has 3+ years as attending physician in a related department', { years: std(3, 'years') }),
  rule('qualification-operator-physician', '15.2.1', 'qualification', 'knowledge', 'info', 'safety', '医师操作者：执业医师资格，经系统培训并考核合格', 'Physician operator: licensed, trained in the technique and passed the exam'),
  rule('qualification-operator-technician', '15.2.2', 'qualification', 'knowledge', 'info', 'safety', '技师操作者：技师职业资格证书，经系统培训并考核合格', 'Technician operator: technician certificate, trained and passed the exam'),
  rule('qualification-operator-nurse', '15.2.3', 'qualification', 'knowledge', 'info', 'safety', '护士操作者：护理资格证书，经系统培训并考核合格', 'Nurse operator: nursing certificate, trained and passed the exam'),
  // Scenario requirements (the clause is that of the step asked for).
  rule('scenario-required-step', '7.1', 'preparation', 'session', 'major', 'protocol', '完成本任务要求的步骤', 'Carry out the steps this task requires'),
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule {
  const r = RULES_BY_ID.get(id);
  if (!r) throw new Error(`rules catalogue: no rule "${id}"`);
  return r;
}
