// Words for the simulator's pressure scale (docs/recording-format.md, "Pressure"): what a trainee reads
// instead of a raw 0-1 number. The scale names three levels, light 0.25, moderate 0.55 and firm 0.85; a
// reading belongs to the nearest one (the boundaries lie halfway, at 0.4 and 0.7). The numbers stay in a
// finding's values for instructors and exports.

/** The named levels of the scale (docs/recording-format.md): what the mouse's levels record. */
export const PRESSURE_LEVELS = { light: 0.25, moderate: 0.55, firm: 0.85 } as const;

export type PressureWord = 'lifted' | 'light' | 'moderate' | 'firm';
type LocalizedText = { zh: string; en: string };

export const PRESSURE_WORDS: Readonly<Record<PressureWord, LocalizedText>> = {
  lifted: { zh: '未接触', en: 'lifted' },
  light: { zh: '轻触', en: 'light' },
  moderate: { zh: '适度用力', en: 'moderate' },
  firm: { zh: '用力按压', en: 'firm' },
};

/** The scale's word for a reading: lifted at 0 (or anything not above it), then light, moderate, firm. */
export function pressureWord(pressure: number): PressureWord {
  if (!(pressure > 0)) return 'lifted';
  if (pressure < 0.4) return 'light';
  if (pressure < 0.7) return 'moderate';
  return 'firm';
}

export const pressureText = (pressure: number): LocalizedText => PRESSURE_WORDS[pressureWord(pressure)];
