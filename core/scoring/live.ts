// The scoring engine's incremental core. One engine serves both the live renderer (createLiveScorer:
// push every event as it happens, read per-vertex state and warnings) and the batch scorer (score.ts
// pushes a recording's events through the same engine and asks for the final report), so live feedback
// and the final score cannot disagree. Per-sample work is a handful of grid cells over the surface;
// nothing is allocated per sample unless a rule is broken.
//
// The parts live in ./engine/: context (what they share), findings (Finding objects, ids, evidence),
// protocol (preparation 7, steps 8.1/9.1/9.2/10.1, aftercare 12, zone by zone), roller, drum-footprint (its
// footprint walk) and roller-coverage (8.x), endpoint (8.4, declared endpoints against the skin-reaction
// model), rf (9.x), nano (10.x), coverage (what the coverage checks share),
// extent (events per region, for graded findings), report (the score formula) and footprint-grid (the surface
// grid the footprints walk inline).

import type { SessionEnd } from '../recording/types';
import { defaultValues, type SimulatorDefaultValues } from '../rules/simulator-defaults';
import type { TreatmentSurface } from '../surface/surface';
import { createContext } from './engine/context';
import { coverageScope, type CoverageDefaults } from './engine/coverage';
import { createEndpoint, type EndpointDefaults } from './engine/endpoint';
import { gradeExtent, type ExtentDefaults } from './engine/extent';
import { compareClause, compareFindings, round } from './engine/findings';
import { createNano, type NanoDefaults } from './engine/nano';
import { createProtocol, type ProtocolDefaults } from './engine/protocol';
import { buildReport, type ReportDefaults } from './engine/report';
import { createRf, type RfDefaults } from './engine/rf';
import { createRoller, type RollerDefaults } from './engine/roller';
import { finishRoller, type RollerCoverageDefaults } from './engine/roller-coverage';
import type { LiveFeedbackState, LiveScorer, LiveWarning, RecordingEvent, RecordingHeader } from './live-contract';
import type { Finding, ScoreReport } from './report';
import type { Scenario } from './scenario';

export { compareClause };

/** The simulator defaults each part reads, from the scenario's effective values: each part sees only its own. */
function partDefaults(cfg: SimulatorDefaultValues) {
  return {
    protocol: { noTreatMinSamples: cfg.noTreatMinSamples, minZoneDwellMs: cfg.minZoneDwellMs, wetCompressMinMin: cfg.wetCompressMinMin },
    coverage: { borderBandMm: cfg.borderBandMm, minJudgedAreaFraction: cfg.minJudgedAreaFraction, untreatedCoverageFraction: cfg.untreatedCoverageFraction },
    roller: {
      strokeChunkMm: cfg.strokeChunkMm,
      strokeGapMs: cfg.strokeGapMs,
      reversalAngleDeg: cfg.reversalAngleDeg,
      directionToleranceDeg: cfg.directionToleranceDeg,
      maxStrokeLengthMm: cfg.maxStrokeLengthMm,
      minStrokeSpeedMmPerS: cfg.minStrokeSpeedMmPerS,
      footprintDepthToleranceMm: cfg.footprintDepthToleranceMm,
      implantPressureMax: cfg.implantPressureMax,
      skinBleedingNeedleMm: cfg.skinBleedingNeedleMm,
    },
    rollerCoverage: {
      roundsPercentile: cfg.roundsPercentile,
      overTreatmentPercentile: cfg.overTreatmentPercentile,
      minCoverageFraction: cfg.minCoverageFraction,
      minCrossPatternFraction: cfg.minCrossPatternFraction,
      maxRoundsGeneral: cfg.maxRoundsGeneral,
      maxBadStrokeFraction: cfg.maxBadStrokeFraction,
      pressureCvMax: cfg.pressureCvMax,
      maxZoneRevisits: cfg.maxZoneRevisits,
    },
    rf: {
      footprintDepthToleranceMm: cfg.footprintDepthToleranceMm,
      rfSuctionPressureMax: cfg.rfSuctionPressureMax,
      rfMaxAxisAngleDeg: cfg.rfMaxAxisAngleDeg,
      rfReferencePowerW: cfg.rfReferencePowerW,
      rfThinSkinPowerFraction: cfg.rfThinSkinPowerFraction,
      maxZoneRevisits: cfg.maxZoneRevisits,
      rfMaxOffAxisFraction: cfg.rfMaxOffAxisFraction,
      rfMaxStack: cfg.rfMaxStack,
      rfMissedPatchCm2: cfg.rfMissedPatchCm2,
      rfMinCoverageFraction: cfg.rfMinCoverageFraction,
      rfStackPatchCm2: cfg.rfStackPatchCm2,
    },
    nano: { nanoHeadDiameterMm: cfg.nanoHeadDiameterMm, nanoCirclingTurnDeg: cfg.nanoCirclingTurnDeg },
    endpoint: {
      skinVisibleDosePassMm: cfg.skinVisibleDosePassMm,
      skinPinkDosePassMm: cfg.skinPinkDosePassMm,
      skinPurpuraDosePassMm: cfg.skinPurpuraDosePassMm,
      skinBleedingNeedleMm: cfg.skinBleedingNeedleMm,
      skinRfPulseDosePassMm: cfg.skinRfPulseDosePassMm,
      skinNanoContactDosePassMm: cfg.skinNanoContactDosePassMm,
      endpointReachedAreaFraction: cfg.endpointReachedAreaFraction,
      borderBandMm: cfg.borderBandMm,
      minJudgedAreaFraction: cfg.minJudgedAreaFraction,
      roundsPercentile: cfg.roundsPercentile,
      extentTraceFraction: cfg.extentTraceFraction,
      extentMostFraction: cfg.extentMostFraction,
    },
    extent: { extentTraceFraction: cfg.extentTraceFraction, extentMostFraction: cfg.extentMostFraction },
    report: { deductCritical: cfg.deductCritical, deductMajor: cfg.deductMajor, deductMinor: cfg.deductMinor, passMark: cfg.passMark, criterionFloor: cfg.criterionFloor },
  } satisfies {
    protocol: ProtocolDefaults;
    coverage: CoverageDefaults;
    roller: RollerDefaults;
    rollerCoverage: RollerCoverageDefaults;
    rf: RfDefaults;
    nano: NanoDefaults;
    endpoint: EndpointDefaults;
    extent: ExtentDefaults;
    report: ReportDefaults;
  };
}

export interface ScoringEngine extends LiveScorer {
  /** The report for the session ended by `end` (default: the last event seen). Does not change the engine. */
  finish(end?: SessionEnd): ScoreReport;
}

export function createLiveScorer(surface: TreatmentSurface, header: RecordingHeader, scenario?: Scenario): LiveScorer {
  return createScoringEngine(surface, header, scenario);
}

export function createScoringEngine(surface: TreatmentSurface, header: RecordingHeader, scenario?: Scenario): ScoringEngine {
  const ctx = createContext(surface, header, scenario);
  const { sink, timeline: tl, procedure } = ctx;
  const cfg = partDefaults(defaultValues(scenario?.defaults));
  const protocol = createProtocol(ctx, cfg.protocol);
  const roller = createRoller(ctx, cfg.roller, protocol);
  const rf = createRf(ctx, cfg.rf, protocol);
  const nano = createNano(ctx, cfg.nano, protocol);
  const endpoint = createEndpoint(ctx, cfg.endpoint, roller.tally);

  const push = (event: RecordingEvent): LiveWarning[] => {
    sink.beginPush();
    switch (event.kind) {
      case 'sample':
        tl.lastEventMs = Math.max(tl.lastEventMs, event.sample.tMs);
        roller.onSample(event.sample);
        break;
      case 'pulse':
        tl.lastEventMs = Math.max(tl.lastEventMs, event.pulse.tMs);
        roller.endStroke();
        rf.onPulse(event.pulse);
        break;
      case 'contact':
        tl.lastEventMs = Math.max(tl.lastEventMs, event.contact.tEndMs);
        nano.onContact(event.contact);
        break;
      case 'settings':
        tl.lastEventMs = Math.max(tl.lastEventMs, event.change.tMs);
        tl.settings = event.change.settings;
        tl.settingsVersion++;
        break;
      case 'step':
        tl.lastEventMs = Math.max(tl.lastEventMs, event.step.tMs);
        protocol.onStep(event.step);
        rf.onStep(event.step.step);
        break;
      case 'endpoint':
        tl.lastEventMs = Math.max(tl.lastEventMs, event.declaration.tMs);
        // The declaration judges the skin as it is: the stroke in progress is laid first.
        roller.endStroke();
        endpoint.onDeclaration(event.declaration);
        break;
    }
    return sink.warnings();
  };

  const finish = (end?: SessionEnd): ScoreReport => {
    const endMs = end?.tMs ?? tl.lastEventMs;
    const { add, extra } = sink.finishCollector();
    const treated = tl.firstTreatMs >= 0;
    const metrics: Record<string, number> = { treatmentDurationS: treated ? round((tl.lastTreatMs - tl.firstTreatMs) / 1000, 1) : 0 };
    protocol.finish(add, extra, endMs);
    const scope = coverageScope(ctx, cfg.coverage, add, endMs);
    if (procedure === 'roller') finishRoller(ctx, cfg.rollerCoverage, roller.tally, protocol.zoneRevisits(), scope, add, metrics, endMs);
    if (procedure === 'rf') rf.finish(scope, protocol.zoneRevisits(), add, metrics, endMs);
    if (procedure === 'nano') nano.finish(scope, metrics);
    const endpointSeverity = endpoint.finish(scope, add, metrics, endMs);
    if (!treated) metrics.treatmentEvents = 0;
    const findings: Finding[] = [];
    // Rules graded by extent take the severity of their extent's band (engine/extent.ts).
    for (const a of sink.accs.values()) findings.push(sink.toFinding(a, gradeExtent(a, ctx.extent, cfg.extent)));
    for (const a of extra) {
      const severity = endpointSeverity.get(a.key);
      findings.push(sink.toFinding(a, severity ? { severity } : undefined));
    }
    findings.sort(compareFindings);
    const techniqueUnits = procedure === 'roller' ? roller.tally.passes : ctx.extent.events;
    const evidence = { treated, techniqueUnits, targetRegions: scope.regionCodes.length, untreatedTargets: scope.untreatedCount() };
    return buildReport(header.id, procedure, findings, metrics, cfg.report, scenario, evidence);
  };

  return {
    state: ctx.state as LiveFeedbackState,
    push,
    report: () => finish(),
    finish,
  };
}
