// A practical task as the editor edits it: a new task's skeleton, each device's starting settings
// (switching procedure starts from these), and the places the editor shows problems at.

import type { DeviceSettings } from '../../../../core/recording/types';
import type { PracticalTask } from '../../../../core/exams/format/module';
import { SIMULATOR_DEFAULT_KEYS } from '../../../../core/rules/simulator-defaults';
import { getAt, list, type Placed } from '../case/doc-edit';

export type Procedure = PracticalTask['procedure'];

/** Settings a task starts with on each device: mid-range, conventional values the trainee then adjusts. */
export function defaultSettings(procedure: Procedure): DeviceSettings {
  if (procedure === 'rf') return { device: 'rf', tipSizeMm: 10, depthMm: 1.0, powerW: 20, pulseWidthMs: 100, suction: true, bipolar: true, tipId: 'tip-1' };
  if (procedure === 'nano') return { device: 'nano', needleHeightUm: 100, technique: 'point-lift', level: 2 };
  return { device: 'roller', needleLengthMm: 0.5, drumWidthMm: 20 };
}

/** The endpoint a procedure is usually taught with. */
export const DEFAULT_ENDPOINT: Record<Procedure, PracticalTask['goal']['endpoint']> = { roller: 'pink', rf: 'tightening', nano: 'delivery' };

export function newPracticalTask(procedure: Procedure = 'roller'): PracticalTask {
  return {
    procedure,
    brief: { zh: '', en: '' },
    goal: { indication: '', endpoint: DEFAULT_ENDPOINT[procedure], targetRegions: [] },
    case: { id: 'task-patient', age: 30, sex: 'female', skinType: 'normal', fitzpatrick: 3, conditions: [] },
    initialSettings: defaultSettings(procedure),
  };
}

export const SETTING_KEYS: Record<Procedure, readonly string[]> = {
  roller: ['needleLengthMm', 'drumWidthMm'],
  rf: ['tipSizeMm', 'depthMm', 'powerW', 'pulseWidthMs', 'suction', 'bipolar', 'tipId'],
  nano: ['needleHeightUm', 'technique', 'level'],
};

export function taskPlaces(task: unknown): Placed[] {
  const exact = (...pointers: string[]): Placed[] => pointers.map((pointer) => ({ pointer }));
  const deep = (...pointers: string[]): Placed[] => pointers.map((pointer) => ({ pointer, deep: true }));
  const places: Placed[] = [
    ...exact('/procedure', '/goal/indication', '/goal/endpoint', '/case', '/case/id', '/case/age', '/case/sex', '/case/skinType', '/case/fitzpatrick', '/initialSettings', '/initialSettings/device', '/suggestedZones', '/scenario/passMark', '/scenario/defaults'),
    ...deep('/brief', '/goal/targetRegions', '/case/conditions', '/case/nasalImplant', '/case/hairBearingScalp', '/scenario/requiredSteps'),
    ...SIMULATOR_DEFAULT_KEYS.map((k) => ({ pointer: `/scenario/defaults/${k}` })),
  ];
  const procedure = getAt(task, ['procedure']);
  for (const key of SETTING_KEYS[procedure === 'rf' || procedure === 'nano' ? procedure : 'roller']) places.push({ pointer: `/initialSettings/${key}` });
  list(getAt(task, ['suggestedZones'])).forEach((_, i) => places.push({ pointer: `/suggestedZones/${i}`, deep: true }));
  return places;
}
