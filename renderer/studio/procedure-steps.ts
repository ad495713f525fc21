// The steps a trainee performs and records for each procedure, in the order the standard gives them.
// Per-zone steps (RF, 9.2) are listed separately and recorded with the zone's id.

import type { Procedure, StepId } from '../../core/recording/types';

export interface StepDef {
  step: StepId;
  clause: string;
  /** Timed steps ask for a duration (e.g. the 20-minute wet compress of 10.6), in minutes. */
  defaultMinutes?: number;
  optional?: boolean;
}

const PREPARATION: StepDef[] = [
  { step: 'take-history', clause: '7.1' },
  { step: 'examine', clause: '7.2' },
  { step: 'consent', clause: '7.3' },
];

export const PROCEDURE_STEPS: Record<Procedure, { before: StepDef[]; perZone: StepDef[]; after: StepDef[] }> = {
  roller: {
    before: [
      ...PREPARATION,
      { step: 'cleanse', clause: '8.1' },
      { step: 'photograph', clause: '8.1' },
      { step: 'anaesthesia', clause: '8.1' },
      { step: 'cleanse-again', clause: '8.1' },
      { step: 'disinfect', clause: '8.1' },
    ],
    perZone: [],
    after: [
      { step: 'wipe-blood', clause: '8.3' },
      { step: 'apply-product', clause: '11.1', optional: true },
      { step: 'cold-compress', clause: '12.1', optional: true },
      { step: 'aftercare-instructions', clause: '12.2' },
    ],
  },
  rf: {
    before: [
      ...PREPARATION,
      { step: 'cleanse', clause: '9.1' },
      { step: 'photograph', clause: '9.1' },
      { step: 'anaesthesia', clause: '9.1' },
      { step: 'fit-new-tip', clause: '9.5' },
    ],
    perZone: [
      { step: 'remove-anaesthetic', clause: '9.2' },
      { step: 'cleanse-again', clause: '9.2' },
      { step: 'disinfect', clause: '9.2' },
      { step: 'treat-start', clause: '9.3' },
      { step: 'treat-end', clause: '9.3' },
    ],
    after: [
      { step: 'apply-product', clause: '9.4' },
      { step: 'phototherapy', clause: '9.4', optional: true },
      { step: 'cold-compress', clause: '12.1', optional: true },
      { step: 'aftercare-instructions', clause: '12.2' },
    ],
  },
  nano: {
    before: [
      ...PREPARATION,
      { step: 'remove-makeup', clause: '10.1' },
      { step: 'cleanse', clause: '10.1' },
      { step: 'photograph', clause: '10.1' },
      { step: 'disinfect', clause: '10.1' },
      { step: 'mount-needle', clause: '10.2' },
      { step: 'apply-product', clause: '10.3' },
    ],
    perZone: [],
    after: [
      { step: 'wet-compress', clause: '10.6', defaultMinutes: 20 },
      { step: 'dispose-needle', clause: '10.7' },
      { step: 'aftercare-instructions', clause: '12.2' },
    ],
  },
};

/** RF zones: 2-5 (9.2). */
export const RF_ZONES_MIN = 2;
export const RF_ZONES_MAX = 5;
