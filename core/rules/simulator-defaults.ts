// Every number the scorer needs that the standard does not give, in one place: value, unit, the clause it
// serves and why. These are the simulator's defaults, not the standard's; the UI and docs say so, and a
// scenario may override any of them (Scenario.defaults).

import type { LocalizedText } from '../scoring/report';

export interface SimulatorDefault {
  value: number;
  unit: string;
  clause: string;
  description: LocalizedText;
}

const d = (value: number, unit: string, clause: string, zh: string, en: string): SimulatorDefault => ({ value, unit, clause, description: { zh, en } });

export const SIMULATOR_DEFAULTS = {
  // Roller stroke analysis (8.2).
  strokeChunkMm: d(3, 'mm', '8.2', '滚轮轨迹每移动该距离更新一次覆盖和方向', 'Roller travel between footprint and direction updates'),
  strokeGapMs: d(250, 'ms', '8.2', '接触样本间隔超过该时间视为新的一划', 'A gap between contact samples longer than this starts a new stroke'),
  reversalAngleDeg: d(120, 'deg', '8.2', '方向变化超过该角度（折返）即开始新的一次滚动', 'A turn sharper than this (a reversal) starts a new pass'),
  directionToleranceDeg: d(22.5, 'deg', '8.5.7', '头皮“左右方向”允许偏离投影左右轴的角度（米字四类本身各占 45°）', 'Scalp strokes within this angle of the projected left-right axis count as left-right (the four 米 classes themselves are 45° sectors)'),
  maxStrokeLengthMm: d(40, 'mm', '8.2', '“短距离”滚动：单次滚动长度上限', '"Short" strokes: longest single pass'),
  minStrokeSpeedMmPerS: d(20, 'mm/s', '8.2', '“快速”滚动：单次滚动平均速度下限', '"Rapid" strokes: slowest mean speed of a pass'),
  maxBadStrokeFraction: d(0.25, 'fraction', '8.2', '过长或过慢的滚动次数占比超过该值即记录问题', 'Share of too long or too slow passes above which a finding is raised'),
  footprintDepthToleranceMm: d(3, 'mm', '8.2', '滚筒覆盖只计入距接触切平面该距离内的表面', 'Drum footprint counts surface within this distance of the contact tangent plane'),
  borderBandMm: d(3, 'mm', '9.3', '覆盖率和遗漏只在区域边界向内该距离以内的部分计算（边界带不计）', 'Coverage and misses are measured inside the region, leaving out a band this wide along its border'),
  minJudgedAreaFraction: d(0.5, 'fraction', '9.3', '边界带不得使判定面积少于区域面积的该比例：窄小区域（如下眼睑）边界带依次减半，直至满足', 'The border band may not leave less than this share of a region to judge: on narrow regions (the lower eyelids) it is halved until it does'),
  untreatedCoverageFraction: d(0.05, 'fraction', '8.2', '目标区域覆盖低于该比例视为未治疗（任务未完成，严重）', 'A target region covered less than this counts as untreated (task not done, critical)'),
  minCoverageFraction: d(0.9, 'fraction', '8.2', '目标区域内至少被滚过一次的面积比例', 'Share of a target region that must be rolled at least once'),
  minCrossPatternFraction: d(0.8, 'fraction', '8.2', '目标区域内四个方向都覆盖的面积比例（米字完整度）', 'Share of a target region covered in all four directions (米 completeness)'),
  roundsPercentile: d(0.2, 'fraction', '8.4.2', '区域遍数取逐顶点遍数的该面积分位数：0.2 即至少 80% 面积四向都达到的遍数', 'Region rounds = this area-weighted percentile of per-vertex rounds: 0.2 = the rounds at least 80% of the area has in all four directions'),
  overTreatmentPercentile: d(0.8, 'fraction', '13.9', '过度治疗看逐顶点遍数的该面积分位数：0.8 即最多的 20% 面积', 'Over-treatment looks at this area-weighted percentile of per-vertex rounds: 0.8 = the most-rolled 20% of the area'),
  maxRoundsGeneral: d(5, 'rounds', '13.9', '非 8.4.2 终点时，超过该遍数视为过度治疗', 'Rounds above this count as over-treatment when the endpoint is not 8.4.2'),
  maxZoneRevisits: d(2, 'count', '8.2', '分区治疗：回到已完成分区的次数上限', 'Zone by zone: most returns to a zone already left'),
  minZoneDwellMs: d(1500, 'ms', '8.2', '在一个分区内连续停留不足该时间的经过不计为“回到”', 'Passing through a zone for less than this does not count as a return'),
  pressureCvMax: d(0.35, 'ratio', '13.10', '接触压力的变异系数上限（用力均匀）', 'Largest coefficient of variation of contact pressure (even force)'),
  implantPressureMax: d(0.15, 'pressure 0..1', '8.5.2', '鼻假体区视为“不施压”的压力上限', 'Highest pressure that still counts as "no pressure" over a nasal implant'),
  noTreatMinSamples: d(1, 'samples', '8.5', '接触禁区的样本数达到该值即为严重错误', 'Contact samples in a no-treat zone that make a critical error'),
  // RF (9.x).
  rfMaxAxisAngleDeg: d(15, 'deg', '9.6.3', '治疗头轴线与皮肤法线夹角上限（垂直进针）', 'Largest angle between the handpiece axis and the skin normal (perpendicular insertion)'),
  rfMaxOffAxisFraction: d(0.1, 'fraction', '9.6.3', '倾斜脉冲占比超过该值即记录问题', 'Share of tilted pulses above which a finding is raised'),
  rfMissedPatchCm2: d(1, 'cm²', '9.3', '区内连通的未覆盖面积超过该值即为“遗漏”', 'A connected uncovered patch larger than this is a miss'),
  rfMinCoverageFraction: d(0.95, 'fraction', '9.3', '每个分区被脉冲覆盖的面积比例下限', 'Share of each zone that pulses must cover'),
  rfMaxStack: d(2, 'pulses', '13.10', '同一点被脉冲覆盖超过该次数视为叠加过度', 'Pulses over one point above this count are stacking (over-treatment)'),
  rfStackPatchCm2: d(1, 'cm²', '13.10', '叠加过度的面积超过该值即记录问题', 'Stacked area above which a finding is raised'),
  rfReferencePowerW: d(20, 'W', '9.7', '常规皮肤的参考能量（功率）', 'Reference power for normal skin'),
  rfThinSkinPowerFraction: d(0.8, 'fraction', '9.7', '薄/敏感皮肤功率应不高于参考值的该比例', 'Thin or sensitive skin: power at most this share of the reference'),
  rfSuctionPressureMax: d(0.3, 'pressure 0..1', '9.6.2', '负压操作时视为“避免下压”的压力上限', 'Highest pressure that still counts as "no pressing" in suction mode'),
  // Nano (10.x).
  nanoHeadDiameterMm: d(8, 'mm', '10.5', '纳米微针头接触面直径（定义“同一部位”）', 'Nano head contact diameter (defines "the same site")'),
  nanoCirclingTurnDeg: d(300, 'deg', '10.5', '一次接触内累计转角超过该值视为“打圈”', 'Accumulated turning within one contact above this is circling'),
  wetCompressMinMin: d(20, 'min', '10.6', '湿敷时长（标准给出 20 分钟）', 'Wet compress time (the standard gives 20 minutes)'),
  // Skin-reaction model (core/scoring/engine/skin-reaction.ts): a simulator model, not the standard's. The dose of a
  // vertex is the sum over the roller passes that covered it of needle length × force relative to the scale's
  // moderate level (pass·mm), plus a fixed dose per RF pulse and per nano contact.
  skinVisibleDosePassMm: d(12, 'pass·mm', '8.4.2', '皮肤反应模型（模拟器）：剂量超过该值皮肤开始出现肉眼可见变化（0.5 mm、适度用力 5 遍仍低于此值，符合 8.4.2“肉眼无明显变化”）', 'Skin-reaction model (simulator): above this dose the skin shows a visible change (0.5 mm at moderate force for 5 rounds stays below it, as 8.4.2\'s "no visible change" asks)'),
  skinPinkDosePassMm: d(14, 'pass·mm', '8.4.1', '皮肤反应模型（模拟器）：剂量达到该值皮肤呈粉红（8.4.1 常规终点）', 'Skin-reaction model (simulator): at this dose the skin is pink (8.4.1 conventional endpoint)'),
  skinPurpuraDosePassMm: d(20, 'pass·mm', '8.4.3', '皮肤反应模型（模拟器）：出血针（见下）剂量达到该值出现出血性紫癜（8.4.3 终点）；从粉红剂量起逐渐出现', 'Skin-reaction model (simulator): at this dose from bleeding needles (below) haemorrhagic purpura is established (8.4.3 endpoint); it begins at the pink dose'),
  skinBleedingNeedleMm: d(1, 'mm', '8.4.3', '皮肤反应模型（模拟器）：该长度及以上的滚轮针才会致点状出血和紫癜（8.4.3 用 1.0-1.5 mm；8.4.2 的 0.25-0.5 mm 不出血）', 'Skin-reaction model (simulator): roller needles this long or longer draw pinpoint bleeding and purpura (8.4.3 uses 1.0-1.5 mm; 8.4.2\'s 0.25-0.5 mm do not bleed)'),
  skinRfPulseDosePassMm: d(6, 'pass·mm', '13.2', '皮肤反应模型（模拟器）：每个射频脉冲计入的剂量（只致红斑，不致紫癜）', 'Skin-reaction model (simulator): dose of one RF pulse over a vertex (erythema only, never purpura)'),
  skinNanoContactDosePassMm: d(1, 'pass·mm', '10.5', '皮肤反应模型（模拟器）：每次纳米微针接触计入的剂量（同一部位 3 次以内不可见）', 'Skin-reaction model (simulator): dose of one nano contact (three on a site, 10.5\'s most, stay invisible)'),
  endpointReachedAreaFraction: d(0.8, 'fraction', '8.4', '宣布治疗终点时，区域内须有该比例的面积呈现终点体征（粉红或出血性紫癜）才算达到', 'When the endpoint is declared, at least this share of the region must show the endpoint sign (pink, or haemorrhagic purpura) for it to count as reached'),
  // Extent of a finding (core/rules/extent-severity.ts): the standard names the sites and ranges, not how much of a session may stray.
  extentTraceFraction: d(0.05, 'fraction', '8.5', '违规只占该部位（或全程）操作的该比例以下时视为“偶发”（轻微程度）', 'A finding concerning less than this share of the site\'s (or session\'s) work is a trace'),
  extentMostFraction: d(0.5, 'fraction', '8.5', '违规达到该部位（或全程）操作的该比例及以上时视为“大部分”（最高程度）', 'A finding concerning at least this share of the site\'s (or session\'s) work covers most of it'),
  // Scoring.
  passMark: d(80, 'points', '15.2', '通过分数线（总分 0-100）', 'Pass mark (score 0-100)'),
  criterionFloor: d(60, 'points', '15.2', '每个评分维度都须达到该分数才能通过（防止以高分维度弥补缺项）', 'Every criterion must reach this score for a pass (a strong criterion cannot make up for a missing one)'),
  deductCritical: d(100, 'points', '15.2', '每条严重（critical）问题在其维度扣分', 'Points a critical finding takes off its criterion'),
  deductMajor: d(25, 'points', '15.2', '每条主要问题扣分', 'Points a major finding takes off its criterion'),
  deductMinor: d(10, 'points', '15.2', '每条次要问题扣分', 'Points a minor finding takes off its criterion'),
} as const satisfies Record<string, SimulatorDefault>;

export type SimulatorDefaultKey = keyof typeof SIMULATOR_DEFAULTS;
export type SimulatorDefaultValues = { [K in SimulatorDefaultKey]: number };

export const SIMULATOR_DEFAULT_KEYS = Object.keys(SIMULATOR_DEFAULTS) as SimulatorDefaultKey[];

export function defaultValues(overrides: Partial<SimulatorDefaultValues> = {}): SimulatorDefaultValues {
  const out = {} as SimulatorDefaultValues;
  for (const k of SIMULATOR_DEFAULT_KEYS) out[k] = overrides[k] ?? SIMULATOR_DEFAULTS[k].value;
  return out;
}
