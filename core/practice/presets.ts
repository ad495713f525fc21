// Built-in practice scenarios: a goal (indication, endpoint, target regions) and a patient case for each
// procedure. Instructors' own scenarios come from exam modules; these let a trainee start at once. Shared by
// the studio and the main process, which mints an attempt's id and builds its header from the preset.

import type { RegionId } from '../anatomy/regions';
import type { DeviceSettings, PatientCase, Procedure, SessionGoal, SessionMode } from '../recording/types';
import type { RecordingHeader } from '../scoring/live-contract';

export interface PracticePreset {
  id: string;
  procedure: Procedure;
  title: { zh: string; en: string };
  goal: SessionGoal;
  case: PatientCase;
  /** Device settings the session starts with (the trainee chooses the right ones). */
  initialSettings: DeviceSettings;
  /** Suggested RF zones (9.2); the trainee may redefine them. */
  suggestedZones?: RegionId[][];
}

const rollerStart: DeviceSettings = { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 };
const rfStart: DeviceSettings = { device: 'rf', tipSizeMm: 10, depthMm: 1.0, powerW: 20, pulseWidthMs: 100, suction: true, bipolar: true, tipId: 'tip-1' };
const nanoStart: DeviceSettings = { device: 'nano', needleHeightUm: 100, technique: 'point-lift', level: 2 };

export const PRACTICE_PRESETS: readonly PracticePreset[] = [
  {
    id: 'roller-forehead-pink',
    procedure: 'roller',
    title: { zh: '额部滚轮微针：常规终点（皮肤发红）', en: 'Forehead roller: conventional endpoint (skin turns pink)' },
    goal: { indication: 'skin-aging', endpoint: 'pink', targetRegions: ['forehead'] },
    case: { id: 'case-forehead-normal', age: 38, sex: 'female', skinType: 'normal', fitzpatrick: 3, conditions: [], summary: { zh: '38 岁女性，额部细纹，皮肤正常，无禁忌证。', en: '38-year-old woman, fine forehead lines, normal skin, no contraindications.' } },
    initialSettings: rollerStart,
  },
  {
    id: 'roller-cheeks-absorption',
    procedure: 'roller',
    title: { zh: '双颊滚轮微针：促进透皮吸收', en: 'Cheek roller: increase transdermal absorption' },
    goal: { indication: 'dull-skin', endpoint: 'absorption', targetRegions: ['cheek-left', 'cheek-right'] },
    case: { id: 'case-cheeks-dull', age: 32, sex: 'female', skinType: 'normal', fitzpatrick: 3, conditions: [], summary: { zh: '32 岁女性，肤色暗沉，希望导入功效成分。', en: '32-year-old woman with dull skin who wants a functional product delivered.' } },
    initialSettings: rollerStart,
  },
  {
    id: 'roller-cheeks-scars',
    procedure: 'roller',
    title: { zh: '双颊滚轮微针：痤疮瘢痕（出血性紫癜终点）', en: 'Cheek roller: acne scars (haemorrhagic purpura endpoint)' },
    goal: { indication: 'acne-scars', endpoint: 'texture-scars', targetRegions: ['cheek-left', 'cheek-right'] },
    case: { id: 'case-cheeks-scars', age: 27, sex: 'male', skinType: 'oily', fitzpatrick: 4, conditions: [], summary: { zh: '27 岁男性，双颊萎缩性痤疮瘢痕，皮肤偏油。', en: '27-year-old man with atrophic acne scars on both cheeks, oily skin.' } },
    initialSettings: rollerStart,
  },
  {
    id: 'roller-scalp-alopecia',
    procedure: 'roller',
    title: { zh: '头皮滚轮微针：雄激素性脱发', en: 'Scalp roller: androgenetic alopecia' },
    goal: { indication: 'alopecia', endpoint: 'pink', targetRegions: ['scalp'] },
    case: { id: 'case-scalp', age: 35, sex: 'male', skinType: 'normal', conditions: [], hairBearingScalp: true, summary: { zh: '35 岁男性，头顶部毛发稀疏。', en: '35-year-old man with thinning hair at the crown.' } },
    initialSettings: rollerStart,
  },
  {
    id: 'rf-face-tightening',
    procedure: 'rf',
    title: { zh: '射频微针：面部紧致提升（分 3 区）', en: 'RF microneedle: facial tightening (3 zones)' },
    goal: { indication: 'skin-laxity', endpoint: 'tightening', targetRegions: ['forehead', 'cheek-left', 'cheek-right'] },
    case: { id: 'case-face-laxity', age: 45, sex: 'female', skinType: 'normal', fitzpatrick: 3, conditions: [], summary: { zh: '45 岁女性，面部皮肤松弛。', en: '45-year-old woman with facial skin laxity.' } },
    initialSettings: rfStart,
    suggestedZones: [['forehead'], ['cheek-left'], ['cheek-right']],
  },
  {
    id: 'rf-neck',
    procedure: 'rf',
    title: { zh: '射频微针：颈部（负压）', en: 'RF microneedle: neck (suction)' },
    goal: { indication: 'skin-laxity', endpoint: 'tightening', targetRegions: ['neck', 'mandible-left', 'mandible-right'] },
    case: { id: 'case-neck', age: 50, sex: 'female', skinType: 'thin', fitzpatrick: 2, conditions: [], summary: { zh: '50 岁女性，颈部松弛、皮肤较薄。', en: '50-year-old woman, lax neck, thin skin.' } },
    initialSettings: rfStart,
    suggestedZones: [['neck'], ['mandible-left', 'mandible-right']],
  },
  {
    id: 'nano-face-delivery',
    procedure: 'nano',
    title: { zh: '纳米微针：面部导入', en: 'Nano needle: facial delivery' },
    goal: { indication: 'dull-skin', endpoint: 'delivery', targetRegions: ['forehead', 'cheek-left', 'cheek-right'] },
    case: { id: 'case-nano-face', age: 29, sex: 'female', skinType: 'sensitive', fitzpatrick: 3, conditions: [], summary: { zh: '29 岁女性，敏感肌，希望导入修复成分。', en: '29-year-old woman with sensitive skin who wants a repair product delivered.' } },
    initialSettings: nanoStart,
  },
  {
    id: 'nano-scalp',
    procedure: 'nano',
    title: { zh: '纳米微针：有毛发的头皮（只能点提）', en: 'Nano needle: hair-bearing scalp (point-lift only)' },
    goal: { indication: 'alopecia', endpoint: 'delivery', targetRegions: ['scalp'] },
    case: { id: 'case-nano-scalp', age: 40, sex: 'male', skinType: 'normal', conditions: [], hairBearingScalp: true, summary: { zh: '40 岁男性，头皮毛发稀疏，头发未剃除。', en: '40-year-old man with thinning, unshaven scalp hair.' } },
    initialSettings: nanoStart,
  },
];

export function presetsFor(procedure: Procedure): PracticePreset[] {
  return PRACTICE_PRESETS.filter((p) => p.procedure === procedure);
}

export function findPreset(id: string): PracticePreset | undefined {
  return PRACTICE_PRESETS.find((p) => p.id === id);
}

/** The header a session on this preset starts with: RF gets the preset's suggested zones as zone-1..n. */
export function recordingHeaderForPreset(preset: PracticePreset, options: { id: string; mode: SessionMode; trainee?: RecordingHeader['trainee'] }): RecordingHeader {
  const zones = preset.procedure === 'rf' ? (preset.suggestedZones ?? []).map((regions, i) => ({ id: `zone-${i + 1}`, regions: [...regions] })) : [];
  return {
    id: options.id,
    procedure: preset.procedure,
    mode: options.mode,
    goal: preset.goal,
    case: preset.case,
    zones,
    scenarioId: preset.id,
    ...(options.trainee ? { trainee: options.trainee } : {}),
  };
}
