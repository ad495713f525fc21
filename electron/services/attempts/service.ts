// Attempts belong to main. start mints the id and binds the signed-in person, the preset, the mode and
// the start time; append stores each batch of events as the session runs (a crash loses at most the
// batch in flight); finish assembles the recording from what main stored, validates it, scores it once
// and stores recording, report and provenance in one durable transaction. The renderer's live score is
// never stored, and nothing the renderer says about who, when or which mode is believed.

import type { z } from 'zod';
import type {
  AttemptSummary,
  ScoreProvenance,
  SignedIn,
  appendEventsSchema,
  attemptQuerySchema,
  finishAttemptSchema,
  startAttemptSchema,
} from '../../../core/api/contract';
import { ApiFailure } from '../../../core/api/errors';
import { findPreset, recordingHeaderForPreset } from '../../../core/practice/presets';
import { eventEndTime } from '../../../core/recording/event-order';
import { RECORDING_LIMITS } from '../../../core/recording/limits';
import { appendToStreams, emptyStreams, recordingFromHeader } from '../../../core/recording/assemble';
import type { DeviceSettings, Recording, Zone } from '../../../core/recording/types';
import type { RecordingEvent, RecordingHeader } from '../../../core/scoring/live-contract';
import type { ScoreReport } from '../../../core/scoring/report';
import { migrateScoreReport } from '../../../core/scoring/report-migrate';
import type { Scenario } from '../../../core/scoring/scenario';
import type { AuditTrail } from '../audit';
import type { TrainingStore } from '../db/store';
import type { PeopleService } from '../people';
import type { Clock, IdSource } from '../runtime';
import type { InstanceRegistry } from './instances';
import { ATTEMPT_SELECT, insertFinishedAttempt, listAttempts, packRecording, toSummary, unpackRecording, visibleTo, type AttemptRow } from './rows';

/** Validation and scoring as ports, so the service runs without the head model in unit tests. */
export interface ScoringPorts {
  /** core's parseRecording with the head's bounds; throws ApiFailure('invalid-recording', message, pointer). */
  validateRecording(input: unknown, source: string): Recording;
  /** core's score() on the shipped head (with an exam task's scenario); throws ApiFailure('unavailable') naming the missing head model. */
  scoreRecording(recording: Recording, scenario?: Scenario): ScoreReport;
  /** What scored `recording`: the engine, rules, scenario and the head its case is treated on. */
  provenance(recording: Recording, scenario?: Scenario): ScoreProvenance;
}

interface StoredHeader {
  header: RecordingHeader;
  /** An exam task's thresholds (simulator defaults it overrides, pass mark, weights), scored with the attempt. */
  scenario?: Scenario;
  startedAt: string;
  initialSettings: DeviceSettings;
  app: { name: string; version: string };
}

/** What one attempt may receive, counting each event and each point of a contact's path (core's limits, summed). */
const MAX_EVENTS_PER_ATTEMPT =
  RECORDING_LIMITS.maxSamples +
  RECORDING_LIMITS.maxPulses +
  RECORDING_LIMITS.maxContacts +
  RECORDING_LIMITS.maxSteps +
  RECORDING_LIMITS.maxSettingsChanges +
  RECORDING_LIMITS.maxPathPoints;

export interface AttemptsService {
  start(caller: SignedIn, args: z.output<typeof startAttemptSchema>): StartedAttempt;
  /** Starts a test-mode attempt on an exam task (the exam service builds the header and scenario from the task main holds). */
  startTask(caller: SignedIn, task: { presetId: string; header: Omit<RecordingHeader, 'id' | 'trainee'>; initialSettings: DeviceSettings; scenario?: Scenario }): StartedAttempt;
  /** The stored report of a finished attempt (null while running, or when it could not be scored). */
  storedReport(id: string): { status: string; report: ScoreReport | null } | null;
  append(caller: SignedIn, args: z.output<typeof appendEventsSchema>): { attemptId: string; seq: number; stored: number };
  finish(caller: SignedIn, args: z.output<typeof finishAttemptSchema>): { summary: AttemptSummary; report: ScoreReport };
  abandon(caller: SignedIn | null, attemptId: string): AttemptSummary;
  abandonOrphans(): number;
  importRecording(caller: SignedIn, recording: unknown, fileName: string): { summary: AttemptSummary; report: ScoreReport };
  list(caller: SignedIn, query: z.output<typeof attemptQuerySchema>): { items: AttemptSummary[]; total: number };
  open(caller: SignedIn, id: string): { summary: AttemptSummary; recording: Recording | null; report: ScoreReport | null };
  /** The regrade an institution runs after a rules update: the stored recording scored with the current rules (not stored). */
  rescore(id: string): ScoreReport;
}

export interface StartedAttempt {
  attemptId: string;
  startedAt: string;
  header: RecordingHeader;
  initialSettings: DeviceSettings;
  app: { name: string; version: string };
}

export function createAttemptsService(deps: {
  store: TrainingStore;
  audit: AuditTrail;
  people: PeopleService;
  ports: ScoringPorts;
  runtime: Clock & IdSource;
  instance: InstanceRegistry;
  app: { name: string; version: string };
}): AttemptsService {
  const { store, audit, ports, runtime, instance } = deps;
  const row = (id: string) => store.get<AttemptRow>(`${ATTEMPT_SELECT} WHERE a.id = ?`, id);
  const summaryOf = (id: string) => toSummary(row(id)!);

  /** A running attempt of the caller's: anyone else's is refused, a finished one is a conflict. */
  const running = (caller: SignedIn | null, attemptId: string): AttemptRow => {
    const r = row(attemptId);
    if (!r || (caller && r.person_id !== caller.personId)) throw new ApiFailure('not-found', `no running attempt ${attemptId} of yours`, '/attemptId');
    if (r.status !== 'running') throw new ApiFailure('conflict', `attempt ${attemptId} has already ended (${r.status})`, '/attemptId');
    return r;
  };

  const scenarioOf = (r: AttemptRow): Scenario | undefined => (JSON.parse(r.header) as StoredHeader).scenario;

  /** The recording as main holds it: its own header and start time, the stored batches in order, and an end. */
  const assemble = (r: AttemptRow, zones: Zone[], endTMs: number | null): Recording => {
    const stored = JSON.parse(r.header) as StoredHeader;
    const streams = emptyStreams();
    let last = 0;
    for (const batch of store.stmt('SELECT events FROM attempt_batches WHERE attempt_id = ? ORDER BY seq').iterate(r.id) as Iterable<{ events: string }>) {
      for (const e of JSON.parse(batch.events) as RecordingEvent[]) {
        appendToStreams(streams, e);
        last = Math.max(last, eventEndTime(e));
      }
    }
    // A session with nothing recorded still starts with the device settings it was given.
    if (streams.settings.length === 0) streams.settings.push({ tMs: 0, settings: stored.initialSettings });
    return recordingFromHeader(stored.header, {
      startedAt: stored.startedAt,
      app: stored.app,
      zones,
      streams,
      end: { tMs: Math.max(endTMs ?? 0, last), reason: endTMs === null ? 'aborted' : 'completed' },
    });
  };

  /** Stores the outcome of an attempt in one durable transaction with its audit entry. */
  const store_ = (
    r: AttemptRow,
    outcome: { status: 'finished' | 'abandoned'; recording: Recording; report: ScoreReport | null; note: string | null; action: 'attempt.stored' | 'attempt.abandoned'; actor: SignedIn | null },
  ) => {
    const packed = packRecording(outcome.recording);
    const provenance = outcome.report ? ports.provenance(outcome.recording, scenarioOf(r)) : null;
    const counted = outcome.status === 'finished' && outcome.report;
    const endedAt = runtime.now().toISOString();
    store.write(
      () => {
        const current = store.get<{ status: string }>('SELECT status FROM attempts WHERE id = ?', r.id);
        if (current?.status !== 'running') throw new ApiFailure('conflict', `attempt ${r.id} has already ended (${current?.status})`, '/attemptId');
        store.run(
          'UPDATE attempt_content SET zones = ?, recording = ?, recording_sha256 = ?, report = ? WHERE attempt_id = ?',
          JSON.stringify(outcome.recording.zones),
          packed.blob,
          packed.sha256,
          outcome.report ? JSON.stringify(outcome.report) : null,
          r.id,
        );
        store.run(
          `UPDATE attempts SET status = ?, ended_at = ?, last_activity_at = ?, duration_ms = ?,
             score = ?, passed = ?, critical_failure = ?, engine_version = ?, rules_hash = ?, scenario_hash = ?, head_model_sha256 = ?, note = ? WHERE id = ?`,
          outcome.status,
          endedAt,
          endedAt,
          outcome.recording.end.tMs,
          counted ? outcome.report!.score : null,
          counted ? (outcome.report!.passed ? 1 : 0) : null,
          counted ? (outcome.report!.criticalFailure ? 1 : 0) : null,
          provenance?.engineVersion ?? null,
          provenance?.rulesHash ?? null,
          provenance?.scenarioHash ?? null,
          provenance?.headModelSha256 ?? null,
          outcome.note,
          r.id,
        );
        store.run('DELETE FROM attempt_batches WHERE attempt_id = ?', r.id);
        audit.append({
          action: outcome.action,
          actor: outcome.actor,
          subject: r.id,
          details: {
            personId: r.person_id,
            kind: r.kind,
            procedure: r.procedure,
            recordingSha256: packed.sha256,
            score: counted ? outcome.report!.score : null,
            passed: counted ? outcome.report!.passed : null,
            provenance,
            note: outcome.note,
          },
        });
      },
      { durable: true },
    );
    return summaryOf(r.id);
  };

  const abandon = (caller: SignedIn | null, attemptId: string): AttemptSummary => {
    const r = running(caller, attemptId);
    const recording = assemble(r, JSON.parse(r.zones) as Zone[], null);
    let report: ScoreReport | null = null;
    let note: string | null = 'abandoned before the end: kept, not counted';
    try {
      report = ports.scoreRecording(ports.validateRecording(recording, `attempt ${r.id}`), scenarioOf(r));
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      note = `abandoned before the end; not scored: ${error.message}`;
    }
    return store_(r, { status: 'abandoned', recording, report, note, action: 'attempt.abandoned', actor: caller });
  };

  /** Mints the id, binds the signed-in person and the start time, and stores the header main will score against. */
  const begin = (caller: SignedIn, task: { presetId: string; header: Omit<RecordingHeader, 'id' | 'trainee'>; initialSettings: DeviceSettings; scenario?: Scenario }): StartedAttempt => {
    const id = runtime.newId('a');
    const startedAt = runtime.now().toISOString();
    const trainee = caller.profession ? { id: caller.personId, name: caller.name, role: caller.profession } : undefined;
    const header: RecordingHeader = { id, ...task.header, ...(trainee ? { trainee } : {}) };
    const stored: StoredHeader = { header, ...(task.scenario ? { scenario: task.scenario } : {}), startedAt, initialSettings: task.initialSettings, app: deps.app };
    const mode = header.mode;
    store.write(() => {
      store.run(
        `INSERT INTO attempts (id, person_id, kind, status, procedure, mode, preset_id, started_at, last_activity_at, instance_id)
         VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)`,
        id,
        caller.personId,
        mode === 'test' ? 'test' : 'practice',
        header.procedure,
        mode,
        task.presetId,
        startedAt,
        startedAt,
        instance.id,
      );
      store.run('INSERT INTO attempt_content (attempt_id, header, zones) VALUES (?, ?, ?)', id, JSON.stringify(stored), JSON.stringify(header.zones));
      audit.append({ action: 'attempt.started', actor: caller, subject: id, details: { presetId: task.presetId, procedure: header.procedure, mode } });
    });
    return { attemptId: id, startedAt, header, initialSettings: task.initialSettings, app: deps.app };
  };

  return {
    start(caller, { presetId, mode }) {
      const preset = findPreset(presetId);
      if (!preset) throw new ApiFailure('not-found', `no practice preset ${presetId}`, '/presetId');
      const { id: _id, ...header } = recordingHeaderForPreset(preset, { id: 'pending', mode });
      void _id;
      return begin(caller, { presetId: preset.id, header, initialSettings: preset.initialSettings });
    },

    startTask: (caller, task) => begin(caller, task),

    storedReport(id) {
      const r = row(id);
      if (!r) return null;
      return { status: r.status, report: r.status === 'finished' && r.report ? migrateScoreReport(JSON.parse(r.report)) : null };
    },

    append(caller, { attemptId, seq, events, zones }) {
      const text = JSON.stringify(events);
      const weight = events.length + events.reduce((n, e) => n + (e.kind === 'contact' ? e.contact.path.length : 0), 0);
      return store.write(() => {
        const r = running(caller, attemptId);
        const existing = store.get<{ events: string }>('SELECT events FROM attempt_batches WHERE attempt_id = ? AND seq = ?', attemptId, seq);
        if (existing) {
          // A batch sent again (a retry after a lost answer) is stored once.
          if (existing.events === text) return { attemptId, seq, stored: 0 };
          throw new ApiFailure('conflict', `batch ${seq} of attempt ${attemptId} was already stored with other events`, '/seq');
        }
        if (seq !== r.next_seq) throw new ApiFailure('conflict', `expected batch ${r.next_seq} of attempt ${attemptId}, received ${seq}`, '/seq');
        if (r.event_count + weight > MAX_EVENTS_PER_ATTEMPT) {
          throw new ApiFailure('invalid-payload', `attempt ${attemptId} would exceed ${MAX_EVENTS_PER_ATTEMPT} events and path points, more than any session records`, '/events');
        }
        const at = runtime.now().toISOString();
        store.run('INSERT INTO attempt_batches (attempt_id, seq, events, event_count, received_at) VALUES (?, ?, ?, ?, ?)', attemptId, seq, text, events.length, at);
        store.run('UPDATE attempts SET next_seq = ?, event_count = event_count + ?, last_activity_at = ?, instance_id = ? WHERE id = ?', seq + 1, weight, at, instance.id, attemptId);
        if (zones) store.run('UPDATE attempt_content SET zones = ? WHERE attempt_id = ?', JSON.stringify(zones), attemptId);
        return { attemptId, seq, stored: events.length };
      });
    },

    finish(caller, { attemptId, batches, endTMs, zones }) {
      const r = running(caller, attemptId);
      if (batches !== r.next_seq) {
        throw new ApiFailure('conflict', `attempt ${attemptId} has ${r.next_seq} batches stored, the studio sent ${batches}; send the missing ones first`, '/batches');
      }
      const assembled = assemble(r, zones, endTMs);
      let recording: Recording;
      try {
        recording = ports.validateRecording(assembled, `attempt ${attemptId}`);
      } catch (error) {
        if (!(error instanceof ApiFailure) || error.code !== 'invalid-recording') throw error;
        // Kept as recorded, so nothing is lost; it cannot be a result.
        store_(r, { status: 'abandoned', recording: assembled, report: null, note: `not scored: ${error.message}`, action: 'attempt.abandoned', actor: caller });
        throw error;
      }
      const report = ports.scoreRecording(recording, scenarioOf(r));
      return { summary: store_(r, { status: 'finished', recording, report, note: null, action: 'attempt.stored', actor: caller }), report };
    },

    abandon,

    abandonOrphans() {
      const ids = instance.orphanedAttempts();
      for (const id of ids) {
        try {
          abandon(null, id);
        } catch (error) {
          // Another process may have abandoned it first.
          if (!(error instanceof ApiFailure && error.code === 'conflict')) throw error;
        }
      }
      return ids.length;
    },

    importRecording(caller, input, fileName) {
      let recording: Recording;
      try {
        recording = ports.validateRecording(input, fileName);
      } catch (error) {
        if (error instanceof ApiFailure && error.code === 'invalid-recording') throw new ApiFailure(error.code, error.message, `/recording${error.path ?? ''}`);
        throw error;
      }
      const report = ports.scoreRecording(recording);
      const provenance = ports.provenance(recording);
      const packed = packRecording(recording);
      const id = runtime.newId('a');
      const at = runtime.now().toISOString();
      store.write(
        () => {
          insertFinishedAttempt(store, {
            id,
            personId: caller.personId,
            recording,
            packed,
            report,
            provenance,
            startedAt: at,
            storedAt: at,
            sourceName: fileName,
            // The file's trainee name is quoted at most as long as a name on file (it lands in every list of attempts).
            note: `opened from a file; the file says mode "${recording.mode}", started ${recording.startedAt}${recording.trainee ? `, trainee "${recording.trainee.name.length > 60 ? `${recording.trainee.name.slice(0, 60)}…` : recording.trainee.name}"` : ''}: none of it is believed`,
          });
          audit.append({
            action: 'attempt.imported',
            actor: caller,
            subject: id,
            details: { fileName, recordingId: recording.id, recordingSha256: packed.sha256, score: report.score, passed: report.passed, provenance },
          });
        },
        { durable: true },
      );
      return { summary: summaryOf(id), report };
    },

    list: (caller, query) => listAttempts(store, caller, query),

    open(caller, id) {
      const visible = visibleTo(caller);
      const r = store.get<AttemptRow>(`${ATTEMPT_SELECT} WHERE a.id = ? AND ${visible.sql}`, id, ...visible.params);
      if (!r) throw new ApiFailure('not-found', `no attempt ${id} on your file`, '/id');
      if (r.status === 'running') return { summary: toSummary(r), recording: null, report: null };
      const recording = unpackRecording(r, store.location);
      return { summary: toSummary(r), recording, report: r.report ? migrateScoreReport(JSON.parse(r.report)) : null };
    },

    rescore(id) {
      const r = row(id);
      if (!r) throw new ApiFailure('not-found', `no attempt ${id}`, '/id');
      return ports.scoreRecording(ports.validateRecording(unpackRecording(r, store.location), `attempt ${id}`), scenarioOf(r));
    },
  };
}
