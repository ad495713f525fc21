// The contract between the scoring engine and the live renderer. The engine (./live.ts, ./score.ts)
// implements it; the studio consumes it. Live feedback and the final score use the same incremental
// primitives, so they can never disagree.

import type { RegionId } from '../anatomy/regions';
import type { EndpointDeclaration, InputSample, NanoContact, Recording, RfPulse, SettingsChange, StepEvent } from '../recording/types';
import type { TreatmentSurface } from '../surface/surface';
import type { LocalizedText, ScoreReport, Severity } from './report';

/** Bits of LiveFeedbackState.directionMask: the four 米 directions (8.2). */
export const DIRECTION_BITS = { horizontal: 1, vertical: 2, diagonalSlash: 4, diagonalBackslash: 8 } as const;
export type DirectionClass = keyof typeof DIRECTION_BITS;

/** Per-vertex accumulators over the treatment surface, for heat maps. Arrays are indexed by surface vertex. */
export interface LiveFeedbackState {
  /** Roller passes: how many stroke segments' drum footprint covered the vertex. */
  readonly passCount: Uint16Array;
  /** Which 米 directions have covered the vertex (DIRECTION_BITS). */
  readonly directionMask: Uint8Array;
  /** RF pulses whose tip footprint covered the vertex. */
  readonly rfHitCount: Uint16Array;
  /** Nano contacts at the vertex. */
  readonly nanoContactCount: Uint16Array;
  /**
   * The skin-reaction model's roller dose, pass·mm (needle × force of each pass), and its part from bleeding
   * needles (core/scoring/engine/skin-reaction.ts): the studio colours the skin from these, so what the
   * trainee sees is what the endpoint rules judge.
   */
  readonly rollerDosePassMm: Float32Array;
  readonly bleedingDosePassMm: Float32Array;
  /** Increments on every change, so a renderer knows when to re-upload colours. */
  readonly version: number;
}

export type RecordingEvent =
  | { kind: 'sample'; sample: InputSample }
  | { kind: 'pulse'; pulse: RfPulse }
  | { kind: 'contact'; contact: NanoContact }
  | { kind: 'settings'; change: SettingsChange }
  | { kind: 'step'; step: StepEvent }
  | { kind: 'endpoint'; declaration: EndpointDeclaration };

/** A rule broken the moment it happened (learn mode shows it at once). */
export interface LiveWarning {
  ruleId: string;
  clause: string;
  severity: Severity;
  message: LocalizedText;
  region?: RegionId;
  tMs: number;
}

export interface LiveScorer {
  readonly state: LiveFeedbackState;
  /** Feeds one event; returns warnings raised by it (usually none). Cost per sample is bounded (bench target p99 < 0.5 ms). */
  push(event: RecordingEvent): LiveWarning[];
  /** The report for what has been recorded so far, as score() would give it for the same events. */
  report(): ScoreReport;
}

/** Header of a recording: everything but the event streams and the end. */
export type RecordingHeader = Pick<Recording, 'id' | 'procedure' | 'mode' | 'goal' | 'case' | 'zones'> & Partial<Pick<Recording, 'trainee' | 'scenarioId'>>;

export type { TreatmentSurface };
