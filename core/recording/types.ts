// The session recording: everything needed to score a session without the UI.
// Field-by-field documentation lives in docs/recording-format.md; the zod schema in ./schema.ts
// and the published JSON Schema are derived from these types and must stay in step with them.
// Units: millimetres (head frame, see PRODUCT.md), milliseconds from session start, micrometres for nano height.

import type { RegionId } from '../anatomy/regions';

export const RECORDING_FORMAT = 'microneedle-session' as const;
export const RECORDING_VERSION = 2 as const;

export type Vec3 = [number, number, number];

export type Procedure = 'roller' | 'rf' | 'nano';
export type SessionMode = 'learn' | 'test';
export type TraineeRole = 'technician' | 'nurse' | 'physician';

/** Treatment endpoints of 8.4 (roller) and generic ones for RF and nano. */
export type Endpoint =
  | 'pink' // 8.4.1 conventional: skin turns pink
  | 'absorption' // 8.4.2 increase transdermal absorption: 0.25-0.5 mm, 3-5 passes, no visible change
  | 'texture-scars' // 8.4.3 skin texture or scars: 1.0-1.5 mm, haemorrhagic purpura
  | 'tightening' // RF: tightening and lifting (3.4)
  | 'delivery'; // nano: transdermal delivery of a functional product (3.5)

export type SkinType = 'normal' | 'thin' | 'sensitive' | 'dry-rough' | 'oily';

export interface PatientCase {
  id: string;
  /** Free text shown to the trainee; not used by the scorer. */
  summary?: { zh: string; en: string };
  age?: number;
  sex?: 'female' | 'male';
  skinType: SkinType;
  /** Fitzpatrick I-VI; darker skin raises PIH risk (13.9). */
  fitzpatrick?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Contraindication and risk flags present in this patient; ids from the rules catalogue (e.g. 'keloid-constitution'). */
  conditions: CaseCondition[];
  /** Nasal implant present (8.5.2). */
  nasalImplant?: boolean;
  /** Whether the scalp bears hair (10.4: no sliding there). Absent means it does; false is a shaved or hairless scalp. */
  hairBearingScalp?: boolean;
  /** Products the patient has never used before; 13.4 requires a skin trial. */
  newProducts?: string[];
}

export interface CaseCondition {
  /** Catalogue id of the condition, e.g. 'active-eczema', 'herpes-history', 'anticoagulants'. */
  id: string;
  /** Restricted to these regions when the condition is local (e.g. a wart on the chin); absent = whole patient. */
  regions?: RegionId[];
}

export interface SessionGoal {
  indication: string;
  endpoint: Endpoint;
  targetRegions: RegionId[];
}

export interface Zone {
  id: string;
  regions: RegionId[];
}

/** Procedure step identifiers; the order the standard requires is in the rules catalogue. */
export type StepId =
  | 'take-history' // 7.1
  | 'examine' // 7.2
  | 'consent' // 7.3
  | 'remove-makeup' // 10.1
  | 'cleanse' // 8.1 / 9.1 / 10.1
  | 'photograph' // 8.1 / 9.1 / 10.1
  | 'anaesthesia' // 8.1 / 9.1
  | 'remove-anaesthetic' // 9.2 per zone
  | 'cleanse-again' // 8.1 / 9.2 per zone
  | 'disinfect' // 8.1 / 9.2 per zone / 10.1
  | 'skin-trial' // 13.4
  | 'antiviral-prophylaxis' // 13.6
  | 'mount-needle' // 10.2
  | 'fit-new-tip' // 9.5
  | 'apply-product' // 10.3 before, 9.4 after
  | 'treat-start' // marks the start of work in a zone (zoneId)
  | 'treat-end'
  | 'wipe-blood' // 8.3
  | 'cold-compress' // 12.1 / 13.1
  | 'wet-compress' // 10.6 (20 min)
  | 'phototherapy' // 9.4 optional
  | 'dispose-needle' // 10.7
  | 'aftercare-instructions'; // 12.2, 13.9

export interface StepEvent {
  step: StepId;
  tMs: number;
  zoneId?: string;
  /** Duration the trainee declared for timed steps (e.g. wet compress, minutes converted to ms). */
  durationMs?: number;
}

export interface RollerSettings {
  device: 'roller';
  needleLengthMm: number;
  drumWidthMm: number;
}

export interface RfSettings {
  device: 'rf';
  tipSizeMm: number;
  depthMm: number;
  powerW: number;
  pulseWidthMs: number;
  suction: boolean;
  bipolar: boolean;
  /** Identifier of the fitted tip; a change means a new tip was fitted (9.5). */
  tipId: string;
}

export interface NanoSettings {
  device: 'nano';
  needleHeightUm: number;
  technique: 'point-lift' | 'sliding';
  /** Instrument level (档位, 10.4). */
  level: number;
}

export type DeviceSettings = RollerSettings | RfSettings | NanoSettings;

export interface SettingsChange {
  tMs: number;
  settings: DeviceSettings;
}

/** One roller input sample: the drum centre on the skin. */
export interface InputSample {
  tMs: number;
  /** Drum centre on the skin surface, head frame, mm. */
  p: Vec3;
  /** Outward surface normal at p (unit). */
  n: Vec3;
  region: RegionId;
  /** Normalised 0..1 pressure (pen pressure or the modifier scheme). 0 = lifted. */
  pressure: number;
  /** True while the device touches the skin; false samples mark lifts between strokes. */
  contact: boolean;
  /** Skin held under tension (8.5.1 eyelids pulled over bone; 9.6.2/9.6.3). */
  skinTension?: boolean;
}

export interface RfPulse {
  tMs: number;
  p: Vec3;
  n: Vec3;
  /** Handpiece axis pointing into the skin (unit); perpendicular insertion means axis = -n (9.6.3). */
  axis: Vec3;
  region: RegionId;
  zoneId?: string;
  /** Settings in force when the pulse fired (copied so a pulse scores on its own). */
  depthMm: number;
  powerW: number;
  pulseWidthMs: number;
  tipSizeMm: number;
  suction: boolean;
  bipolar: boolean;
  tipId: string;
  skinTension?: boolean;
  pressure?: number;
}

export interface NanoContact {
  tStartMs: number;
  tEndMs: number;
  /** Contact position (point-lift) or the start of the slide. */
  p: Vec3;
  n: Vec3;
  region: RegionId;
  technique: 'point-lift' | 'sliding';
  needleHeightUm: number;
  /** Path on the skin while in contact (sliding or circling), head frame; may be empty for a point-lift. */
  path: { tMs: number; p: Vec3 }[];
}

/**
 * The trainee states that the treatment endpoint (8.4) is reached in these regions (the studio sends the
 * target region chosen, or all of them): treatment of those regions is over. Judged by the simulator's
 * skin-reaction model at tMs (docs/scoring.md, "Treatment endpoints").
 */
export interface EndpointDeclaration {
  tMs: number;
  /** One or more regions; those not among the target regions are not judged. */
  regions: RegionId[];
}

export interface SessionEnd {
  tMs: number;
  reason: 'completed' | 'aborted';
}

export interface Recording {
  format: typeof RECORDING_FORMAT;
  version: typeof RECORDING_VERSION;
  id: string;
  /** ISO time the session started; informational, the scorer never reads clocks. */
  startedAt: string;
  app?: { name: string; version: string };
  trainee?: { id: string; name: string; role: TraineeRole };
  /** Exam or scenario this session was taken under, when any. */
  scenarioId?: string;
  procedure: Procedure;
  mode: SessionMode;
  goal: SessionGoal;
  case: PatientCase;
  zones: Zone[];
  steps: StepEvent[];
  settings: SettingsChange[];
  samples: InputSample[];
  pulses: RfPulse[];
  contacts: NanoContact[];
  /** Endpoint declarations (version 2 on); absent in a recording made before the studio offered them. */
  endpoints?: EndpointDeclaration[];
  end: SessionEnd;
}
