// Exams, owned by main. start checks who the trainee is (their certificate number), what they may take
// (their profession, attempts left, the retake wait) and draws the attempt's content once; step stores
// each answer as an append-only step; startPractical opens the practical task as a studio attempt in
// test mode on the task main holds; submit grades every part from the stored steps and main's own report
// of the practical recording, and marks the trainee examined for their profession when their track is
// complete. Nothing the renderer says about scores, keys, time or identity is believed.

import type { ExamSession, ModuleSummary, SignedIn, TrackStatus } from '../../../core/api/contract';
import { ApiFailure } from '../../../core/api/errors';
import { instantiateAttempt, moduleTimeLimitMs, partDef, partViews, type ExamAttemptContent } from '../../../core/exams/attempt';
import type { ExamCatalog } from '../../../core/exams/catalog';
import type { ExamStep } from '../../../core/exams/format/steps';
import { gradeAttempt, withoutSolutions, type PracticalOutcome } from '../../../core/exams/grade';
import { checkStep, replaySteps } from '../../../core/exams/replay';
import type { ResponseState } from '../../../core/api/schemas/exams';
import { clauseById } from '../../../core/standard/clauses';
import type { AttemptsService, StartedAttempt } from '../attempts/service';
import type { AuditTrail } from '../audit';
import type { TrainingStore } from '../db/store';
import type { PeopleService } from '../people';
import type { Clock, IdSource } from '../runtime';
import { createExamContent } from './content';
import { createModuleRegistry, type StoredModule } from './modules';
import { attemptsOf, EXAM_SELECT, examRow, resultVisibleTo, solutionsVisibleTo, standingOf, toExamSummary, type ExamRow } from './rows';

/** A segment of time counts until the attempt has been quiet this long (a closed window, a crash). */
export const SEGMENT_IDLE_MS = 60_000;

export type ExamsService = ReturnType<typeof createExamsService>;

export function createExamsService(deps: { store: TrainingStore; audit: AuditTrail; people: PeopleService; attempts: AttemptsService; catalog: ExamCatalog; runtime: Clock & IdSource }) {
  const { store, audit, people, attempts, catalog, runtime } = deps;
  const content = createExamContent(store, audit, catalog, runtime);
  const registry = createModuleRegistry(store, audit, catalog, runtime, (id) => content.isArchived('exam-module', id));
  const now = () => runtime.now();

  const moduleOf = (row: ExamRow): StoredModule => {
    const m = registry.version(row.module_id, row.module_version);
    if (!m) throw new Error(`exam attempt ${row.id} names module ${row.module_id}@${row.module_version}, which is not in the training file`);
    return m;
  };

  const summaryOf = (m: StoredModule, standing: ModuleSummary['standing']): ModuleSummary => ({
    ref: { id: m.module.id, version: m.module.version, hash: m.hash, title: m.module.title },
    description: m.module.description,
    certifies: [...m.module.certifies],
    procedure: m.module.procedure,
    syllabus: m.module.syllabus.map((s) => ({ clause: s.clause, heading: clauseById(s.clause)!.heading, note: s.note ?? null })),
    parts: m.module.parts.map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      timeLimitMin: p.timeLimitMin,
      minScore: p.minScore,
      weight: p.weight,
      items: p.kind === 'knowledge' ? p.draws.reduce((n, d) => n + d.count, 0) : p.kind === 'complication' ? p.count : 1,
    })),
    passRule: { ...m.module.passRule },
    release: { ...m.module.release },
    standing,
  });

  const standingFor = (caller: SignedIn, m: StoredModule) => (caller.accountRole === 'trainee' ? standingOf(attemptsOf(store, caller.personId, m.module.id), m.module, now(), { releasedOnly: true }) : null);

  /** The caller's own running attempt, with its time brought up to date (a new segment after a pause or from another window). */
  const ownRunning = (caller: SignedIn, id: string, clientKey: string): ExamRow => {
    const row = examRow(store, id);
    if (!row || row.person_id !== caller.personId) throw new ApiFailure('not-found', `no exam attempt ${id} of yours`, '/examAttemptId');
    if (row.status !== 'running') throw new ApiFailure('conflict', `exam attempt ${id} has been submitted`, '/examAttemptId');
    const at = now();
    const quiet = at.getTime() - Date.parse(row.last_seen_at) > SEGMENT_IDLE_MS;
    if (quiet || row.segment_client !== clientKey) {
      const closed = Math.max(0, Date.parse(row.last_seen_at) - Date.parse(row.segment_started_at));
      store.write(() => store.run('UPDATE exam_attempts SET elapsed_ms = elapsed_ms + ?, segment_started_at = ?, last_seen_at = ?, segment_client = ? WHERE id = ?', closed, at.toISOString(), at.toISOString(), clientKey, id));
    } else {
      store.write(() => store.run('UPDATE exam_attempts SET last_seen_at = ? WHERE id = ?', at.toISOString(), id));
    }
    return examRow(store, id)!;
  };

  const remainingMs = (row: ExamRow): number => {
    if (row.status !== 'running') return 0;
    const open = Math.max(0, now().getTime() - Date.parse(row.segment_started_at));
    return Math.max(0, row.time_limit_ms - row.elapsed_ms - open);
  };

  const stepsOf = (id: string): ExamStep[] => store.all<{ step: string }>('SELECT step FROM exam_steps WHERE exam_attempt_id = ? ORDER BY seq', id).map((r) => JSON.parse(r.step) as ExamStep);

  const practicalLinks = (id: string) => store.all<{ part_id: string; attempt_id: string }>('SELECT part_id, attempt_id FROM exam_practicals WHERE exam_attempt_id = ? ORDER BY started_at, rowid', id);

  const stateOf = (row: ExamRow, content: ExamAttemptContent): ResponseState => {
    const state = replaySteps(content, stepsOf(row.id));
    for (const link of practicalLinks(row.id)) {
      const stored = attempts.storedReport(link.attempt_id);
      if (stored) state.practicals[link.part_id] = { attemptId: link.attempt_id, status: stored.status as 'running' | 'finished' | 'abandoned' };
    }
    return state;
  };

  const regradesOf = (id: string): ExamSession['regrades'] =>
    store
      .all<{ at: string; by_name: string; reason: string; question_id: string; from_version: number; to_version: number; result: string; before: string }>(
        `SELECT r.at, p.name AS by_name, r.reason, r.question_id, r.from_version, r.to_version, r.result,
           coalesce((SELECT json_object('score', x.score, 'passed', x.passed) FROM exam_regrades x WHERE x.exam_attempt_id = r.exam_attempt_id AND x.seq = r.seq - 1),
                    (SELECT json_object('score', e.score, 'passed', e.passed) FROM exam_attempts e WHERE e.id = r.exam_attempt_id)) AS before
         FROM exam_regrades r JOIN people p ON p.id = r.by WHERE r.exam_attempt_id = ? ORDER BY r.seq`,
        id,
      )
      .map((r) => {
        const before = JSON.parse(r.before) as { score: number; passed: number };
        const after = JSON.parse(r.result) as { score: number; passed: boolean };
        return { at: r.at, by: r.by_name, reason: r.reason, questionId: r.question_id, fromVersion: r.from_version, toVersion: r.to_version, before: { score: before.score, passed: before.passed === 1 }, after: { score: after.score, passed: after.passed } };
      });

  const sessionOf = (caller: SignedIn, row: ExamRow): ExamSession => {
    const m = moduleOf(row);
    const content = JSON.parse(row.content) as ExamAttemptContent;
    const person = people.get(caller, row.person_id);
    const resultVisible = resultVisibleTo(caller, row);
    const solutionsVisible = solutionsVisibleTo(caller, row, m.module);
    const full = row.result ? (JSON.parse(row.result) as ExamSession['result']) : null;
    return {
      id: row.id,
      personId: row.person_id,
      module: { id: row.module_id, version: row.module_version, hash: row.module_hash, title: m.module.title },
      status: row.status,
      attemptNo: row.attempt_no,
      startedAt: row.started_at,
      submittedAt: row.submitted_at,
      timeLimitMs: row.time_limit_ms,
      remainingMs: remainingMs(row),
      identity: { name: person.name, profession: person.profession!, certificateNumber: person.certificateNumber ?? '' },
      parts: partViews(m.module, content),
      state: stateOf(row, content),
      resultVisible,
      solutionsVisible,
      result: resultVisible && full ? (solutionsVisible ? full : withoutSolutions(full)) : null,
      regrades: resultVisible ? regradesOf(row.id) : [],
    };
  };

  /** Grades and stores the result; the practical's running studio attempt, if any, is ended first (kept). */
  const submit = (actor: SignedIn | null, row: ExamRow, reason: 'submitted' | 'time-up'): ExamRow => {
    const m = moduleOf(row);
    const content = JSON.parse(row.content) as ExamAttemptContent;
    for (const link of practicalLinks(row.id)) {
      if (attempts.storedReport(link.attempt_id)?.status === 'running') attempts.abandon(null, link.attempt_id);
    }
    const state = stateOf(row, content);
    const outcomes: Record<string, PracticalOutcome> = {};
    for (const link of practicalLinks(row.id)) {
      const stored = attempts.storedReport(link.attempt_id);
      // The last finished studio attempt of a part counts; abandoned ones were not completed.
      if (stored?.status === 'finished') outcomes[link.part_id] = { attemptId: link.attempt_id, report: stored.report };
    }
    const at = now().toISOString();
    const result = gradeAttempt(m.module, content, state, outcomes, at);
    const releasedAt = m.module.release.results === 'immediate' ? at : null;
    store.write(
      () => {
        const open = Math.max(0, now().getTime() - Date.parse(row.segment_started_at));
        store.run(
          `UPDATE exam_attempts SET status = 'submitted', submitted_at = ?, elapsed_ms = min(time_limit_ms, elapsed_ms + ?), score = ?, passed = ?, critical_failure = ?, result = ?, released_at = ?, released_by = ? WHERE id = ? AND status = 'running'`,
          at,
          open,
          result.score,
          result.passed ? 1 : 0,
          result.criticalFailure ? 1 : 0,
          JSON.stringify(result),
          releasedAt,
          releasedAt ? 'module policy' : null,
          row.id,
        );
        audit.append({
          action: 'exam.submitted',
          actor,
          subject: row.id,
          details: { personId: row.person_id, module: `${row.module_id}@${row.module_version}`, moduleHash: row.module_hash, reason, score: result.score, passed: result.passed, criticalFailure: result.criticalFailure, practicals: Object.values(outcomes).map((o) => o.attemptId) },
        });
        if (result.passed) markRoleExamined(row.person_id);
      },
      { durable: true },
    );
    return examRow(store, row.id)!;
  };

  /** 15.2: when every module of the trainee's track is passed with its proficiency, they are examined for their profession. */
  const markRoleExamined = (personId: string) => {
    const person = store.get<{ profession: string | null }>('SELECT profession FROM people WHERE id = ?', personId);
    if (!person?.profession) return;
    const status = trackOf(personId, person.profession as TrackStatus['profession']);
    if (!status || !status.modules.every((m) => m.proficient && m.loaded)) return;
    if (store.get('SELECT 1 FROM role_examinations WHERE person_id = ? AND profession = ?', personId, person.profession)) return;
    const modules = status.modules.map((m) => {
      const passed = attemptsOf(store, personId, m.moduleId).filter((r) => r.passed === 1);
      return { moduleId: m.moduleId, passedAttempts: passed.map((p) => ({ examAttemptId: p.id, version: p.module_version, hash: p.module_hash })) };
    });
    store.run('INSERT INTO role_examinations (person_id, profession, examined_at, modules) VALUES (?, ?, ?, ?)', personId, person.profession, now().toISOString(), JSON.stringify(modules));
    audit.append({ action: 'exam.role-examined', actor: null, subject: personId, details: { profession: person.profession, modules } });
  };

  const trackOf = (personId: string, profession: TrackStatus['profession']): TrackStatus | null => {
    const track = catalog.tracks.find((t) => t.profession === profession);
    if (!track) return null;
    const examined = store.get<{ examined_at: string }>('SELECT examined_at FROM role_examinations WHERE person_id = ? AND profession = ?', personId, profession);
    return {
      profession,
      modules: track.modules.map((id) => {
        const m = registry.byId(id);
        if (!m) return { moduleId: id, title: { zh: id, en: id }, proficient: false, loaded: false };
        return { moduleId: id, title: m.module.title, proficient: standingOf(attemptsOf(store, personId, id), m.module, now(), { releasedOnly: false }).proficient, loaded: true };
      }),
      examined: examined !== undefined,
      examinedAt: examined?.examined_at ?? null,
    };
  };

  return {
    content,
    registry,
    moduleOf,
    /** A module's summary as the syllabus page shows it, without anyone's standing (previews). */
    summarize: (module: StoredModule['module'], hash: string) => summaryOf({ module, hash }, null),
    stateOf,
    markRoleExamined,

    catalog(caller: SignedIn) {
      const trainee = caller.accountRole === 'trainee';
      const modules = registry.current().filter((m) => !trainee || (caller.profession !== null && m.module.certifies.includes(caller.profession)));
      return { modules: modules.map((m) => summaryOf(m, standingFor(caller, m))), problems: trainee ? [] : registry.problems() };
    },

    module(caller: SignedIn, moduleId: string, version?: number): ModuleSummary {
      const m = version ? registry.version(moduleId, version) : registry.byId(moduleId);
      if (!m) throw new ApiFailure('not-found', `no exam module ${moduleId}${version ? ` version ${version}` : ''}`, '/moduleId');
      return summaryOf(m, standingFor(caller, m));
    },

    start(caller: SignedIn, clientKey: string, args: { moduleId: string; certificateNumber: string }): ExamSession {
      const m = registry.byId(args.moduleId);
      if (!m) throw new ApiFailure('not-found', `no exam module ${args.moduleId}`, '/moduleId');
      const person = people.get(caller, caller.personId);
      if (!person.profession || !m.module.certifies.includes(person.profession)) throw new ApiFailure('forbidden', `module ${m.module.id} does not examine the ${person.profession ?? 'unknown'} profession`, '/moduleId');
      if ((person.certificateNumber ?? '').trim().toUpperCase() !== args.certificateNumber.trim().toUpperCase()) {
        throw new ApiFailure('forbidden', 'the certificate number does not match the one on your training file', '/certificateNumber');
      }
      const rows = attemptsOf(store, caller.personId, m.module.id);
      const standing = standingOf(rows, m.module, now(), { releasedOnly: true });
      if (standing.runningAttemptId) throw new ApiFailure('conflict', `an attempt of this module is already running (${standing.runningAttemptId}): resume it`, '/moduleId');
      if (standing.blocked === 'waiting') throw new ApiFailure('conflict', `the retake waiting period runs until ${standing.nextAllowedAt}`, '/moduleId');
      if (standing.blocked) throw new ApiFailure('conflict', `no new attempt can start: ${standing.blocked}`, '/moduleId');
      const seen = { questionIds: new Set<string>(), caseIds: [] as string[], vignetteIds: new Set<string>() };
      for (const r of rows) {
        for (const p of (JSON.parse(r.content) as ExamAttemptContent).parts) {
          if (p.kind === 'knowledge') p.items.forEach((i) => seen.questionIds.add(i.question.id));
          else if (p.kind === 'case') seen.caseIds.push(p.case.id);
          else if (p.kind === 'complication') p.items.forEach((i) => seen.vignetteIds.add(i.vignette.id));
        }
      }
      const id = runtime.newId('e');
      let drawn: ExamAttemptContent;
      try {
        drawn = instantiateAttempt(m.module, m.hash, content.current(), id, seen);
      } catch (error) {
        // Archived questions or cases can leave a published module short: say so, start nothing.
        throw new ApiFailure('conflict', `module ${m.module.id} cannot be drawn from the current bank: ${(error as Error).message}`, '/moduleId');
      }
      const at = now().toISOString();
      store.write(() => {
        store.run(
          `INSERT INTO exam_attempts (id, person_id, module_id, module_version, module_hash, attempt_no, status, started_at, time_limit_ms, segment_started_at, last_seen_at, segment_client, content)
           VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)`,
          id,
          caller.personId,
          m.module.id,
          m.module.version,
          m.hash,
          rows.length + 1,
          at,
          moduleTimeLimitMs(m.module),
          at,
          at,
          clientKey,
          JSON.stringify(drawn),
        );
        for (const p of drawn.parts) {
          const items: [string, string, number][] =
            p.kind === 'knowledge' ? p.items.map((i) => ['question', i.question.id, i.question.version]) : p.kind === 'case' ? [['patient-case', p.case.id, p.case.version]] : p.kind === 'complication' ? p.items.map((i) => ['complication', i.vignette.id, i.vignette.version]) : [];
          for (const [kind, itemId, version] of items) store.run('INSERT OR IGNORE INTO exam_attempt_items (exam_attempt_id, kind, item_id, version) VALUES (?, ?, ?, ?)', id, kind, itemId, version);
        }
        audit.append({ action: 'exam.started', actor: caller, subject: id, details: { module: `${m.module.id}@${m.module.version}`, moduleHash: m.hash, attemptNo: rows.length + 1, certificateNumber: person.certificateNumber } });
      });
      return sessionOf(caller, examRow(store, id)!);
    },

    open(caller: SignedIn, clientKey: string, id: string): ExamSession {
      let row = examRow(store, id);
      const mayOpen = row && (caller.accountRole === 'trainee' ? row.person_id === caller.personId : store.get<{ r: string }>('SELECT account_role AS r FROM people WHERE id = ?', row.person_id)?.r === 'trainee');
      if (!row || !mayOpen) throw new ApiFailure('not-found', `no exam attempt ${id} on your file`, '/id');
      if (row.status === 'running' && caller.accountRole === 'trainee') {
        row = ownRunning(caller, id, clientKey);
        if (remainingMs(row) <= 0) row = submit(null, row, 'time-up');
      }
      return sessionOf(caller, row);
    },

    step(caller: SignedIn, clientKey: string, examAttemptId: string, step: ExamStep) {
      let row = ownRunning(caller, examAttemptId, clientKey);
      if (remainingMs(row) <= 0) {
        row = submit(null, row, 'time-up');
        throw new ApiFailure('conflict', 'the time is up: the attempt has been submitted with the answers saved so far', '/examAttemptId');
      }
      const content = JSON.parse(row.content) as ExamAttemptContent;
      const problem = checkStep(content, step);
      if (problem) throw new ApiFailure('invalid-payload', problem.message, problem.pointer);
      const seq = store.write(() => {
        const current = store.get<{ next_seq: number; status: string }>('SELECT next_seq, status FROM exam_attempts WHERE id = ?', examAttemptId)!;
        if (current.status !== 'running') throw new ApiFailure('conflict', `exam attempt ${examAttemptId} has been submitted`, '/examAttemptId');
        store.run('INSERT INTO exam_steps (exam_attempt_id, seq, at, step) VALUES (?, ?, ?, ?)', examAttemptId, current.next_seq, now().toISOString(), JSON.stringify(step));
        store.run('UPDATE exam_attempts SET next_seq = next_seq + 1 WHERE id = ?', examAttemptId);
        return current.next_seq;
      });
      return { seq, remainingMs: remainingMs(row), state: stateOf(row, content) };
    },

    startPractical(caller: SignedIn, clientKey: string, examAttemptId: string, partId: string): StartedAttempt & { examAttemptId: string; partId: string; brief: { zh: string; en: string }; timeLimitMs: number } {
      const row = ownRunning(caller, examAttemptId, clientKey);
      const left = remainingMs(row);
      if (left <= 0) throw new ApiFailure('conflict', 'the time is up for this attempt', '/examAttemptId');
      const m = moduleOf(row);
      const content = JSON.parse(row.content) as ExamAttemptContent;
      const inst = content.parts.find((p) => p.partId === partId);
      if (!inst || inst.kind !== 'practical') throw new ApiFailure('invalid-payload', `this attempt has no practical part "${partId}"`, '/partId');
      for (const link of practicalLinks(examAttemptId).filter((l) => l.part_id === partId)) {
        const status = attempts.storedReport(link.attempt_id)?.status;
        if (status === 'finished') throw new ApiFailure('conflict', 'the practical task of this part is already recorded', '/partId');
        // A task left running (a closed window, a crash) is ended and kept; the trainee starts it again.
        if (status === 'running') attempts.abandon(null, link.attempt_id);
      }
      const task = inst.task;
      const started = attempts.startTask(caller, {
        presetId: `exam:${row.module_id}@${row.module_version}/${partId}`,
        header: {
          procedure: task.procedure,
          mode: 'test',
          goal: task.goal,
          case: task.case,
          zones: task.procedure === 'rf' ? (task.suggestedZones ?? []).map((regions, i) => ({ id: `zone-${i + 1}`, regions: [...regions] })) : [],
          scenarioId: `exam:${row.module_id}@${row.module_version}/${partId}`,
        },
        initialSettings: task.initialSettings,
        scenario: { id: `exam:${row.module_id}@${row.module_version}/${partId}`, procedure: task.procedure, endpoint: task.goal.endpoint, targetRegions: [...task.goal.targetRegions], ...(task.scenario ?? {}) },
      });
      store.write(() => {
        store.run('INSERT INTO exam_practicals (exam_attempt_id, part_id, attempt_id, started_at) VALUES (?, ?, ?, ?)', examAttemptId, partId, started.attemptId, started.startedAt);
        audit.append({ action: 'exam.practical-started', actor: caller, subject: examAttemptId, details: { partId, attemptId: started.attemptId } });
      });
      const def = partDef(m.module, partId);
      return { ...started, examAttemptId, partId, brief: task.brief, timeLimitMs: Math.min(left, def.timeLimitMin * 60_000) };
    },

    submit(caller: SignedIn, clientKey: string, examAttemptId: string): ExamSession {
      const row = ownRunning(caller, examAttemptId, clientKey);
      return sessionOf(caller, submit(caller, row, remainingMs(row) <= 0 ? 'time-up' : 'submitted'));
    },

    list(caller: SignedIn, query: { personId?: string; moduleId?: string; offset: number; limit: number }) {
      const personId = caller.accountRole === 'trainee' ? caller.personId : query.personId;
      if (caller.accountRole !== 'trainee' && personId) people.get(caller, personId);
      const where: string[] = [];
      const params: string[] = [];
      if (personId) {
        where.push('e.person_id = ?');
        params.push(personId);
      }
      if (query.moduleId) {
        where.push('e.module_id = ?');
        params.push(query.moduleId);
      }
      const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      const total = store.get<{ n: number }>(`SELECT count(*) AS n FROM exam_attempts e ${clause}`, ...params)!.n;
      const rows = store.all<ExamRow>(`${EXAM_SELECT} ${clause} ORDER BY e.started_at DESC, e.id LIMIT ? OFFSET ?`, ...params, query.limit, query.offset);
      return { items: rows.map((r) => toExamSummary(caller, r, moduleOf(r).module)), total };
    },

    release(caller: SignedIn, examAttemptId: string) {
      const row = examRow(store, examAttemptId);
      if (!row) throw new ApiFailure('not-found', `no exam attempt ${examAttemptId}`, '/examAttemptId');
      people.get(caller, row.person_id);
      if (row.status !== 'submitted') throw new ApiFailure('conflict', 'only a submitted attempt can be released', '/examAttemptId');
      if (row.released_at) return toExamSummary(caller, row, moduleOf(row).module);
      store.write(() => {
        store.run('UPDATE exam_attempts SET released_at = ?, released_by = ? WHERE id = ?', now().toISOString(), caller.personId, examAttemptId);
        audit.append({ action: 'exam.released', actor: caller, subject: examAttemptId, details: { personId: row.person_id, module: `${row.module_id}@${row.module_version}` } });
      });
      return toExamSummary(caller, examRow(store, examAttemptId)!, moduleOf(row).module);
    },

    tracks(caller: SignedIn, personId?: string): TrackStatus[] {
      const id = caller.accountRole === 'trainee' ? caller.personId : personId;
      if (!id) throw new ApiFailure('invalid-payload', 'staff name the trainee whose tracks they want', '/personId');
      const person = people.get(caller, id);
      if (!person.profession) return [];
      const t = trackOf(id, person.profession);
      return t ? [t] : [];
    },

    /** Attempts whose time ran out while nobody had them open are submitted with what was saved. */
    submitExpired(): number {
      const rows = store.all<ExamRow>(`${EXAM_SELECT} WHERE e.status = 'running'`);
      let n = 0;
      for (const r of rows) {
        const open = Date.parse(r.last_seen_at) - Date.parse(r.segment_started_at);
        if (r.elapsed_ms + open >= r.time_limit_ms) {
          submit(null, r, 'time-up');
          n++;
        }
      }
      return n;
    },
  };
}
