// Export jobs in main (records.exportStart / exportProgress / exportFetch): an export runs in the
// background a page at a time while the renderer polls its progress, then fetches the file and its signed
// manifest once. A job belongs to the account that started it (another caller gets 'not-found', as if it
// did not exist); it is gone once fetched, or 10 minutes after it finished. Administrators only: an export
// is the institution's certification log, signed in its name, and covers every trainee.

import { randomBytes } from 'node:crypto';
import type { SignedIn } from '../../../../core/api/contract';
import { ApiFailure } from '../../../../core/api/errors';
import type { AuditTrail } from '../../audit';
import type { TrainingStore } from '../../db/store';
import type { Clock } from '../../runtime';
import type { KeyRing } from '../keys';
import { countMatching } from './filters';
import { requireUnlocked, runExport, writerFor, type ExportDone, type ExportRequest } from './run';
import { memorySink } from './source';

/** A finished job waits this long to be fetched. */
export const EXPORT_JOB_TTL_MS = 10 * 60_000;
/** Exports running at once (they share main's one database connection). */
export const MAX_RUNNING_EXPORTS = 3;
/** Jobs one account may hold, running or waiting to be fetched. */
export const MAX_JOBS_PER_ACCOUNT = 3;

interface Job {
  id: string;
  ownerId: string;
  total: number;
  done: number;
  state: 'running' | 'finished' | 'failed';
  error: string | null;
  finishedAt: number | null;
  result: { bytes: Buffer; done: ExportDone } | null;
  /** Settles when the job ends (tests and shutdown wait on it). */
  settled: Promise<void>;
}

export interface ExportJobs {
  start(caller: SignedIn, request: ExportRequest): { jobId: string; total: number };
  progress(caller: SignedIn, jobId: string): { done: number; total: number; state: Job['state']; error: string | null };
  fetch(caller: SignedIn, jobId: string): { fileName: string; mediaType: string; base64: string; manifest: { fileName: string; text: string } };
  /** Resolves once every job under way has ended. */
  idle(): Promise<void>;
}

export function createExportJobs(deps: { store: TrainingStore; keys: KeyRing; audit: AuditTrail; clock: Clock; institution: () => string }): ExportJobs {
  const { store, keys, audit, clock } = deps;
  const jobs = new Map<string, Job>();
  const mustAdmin = (caller: SignedIn) => {
    if (caller.accountRole !== 'admin') throw new ApiFailure('forbidden', 'only admin accounts export the certification log');
  };
  const sweep = () => {
    const now = clock.now().getTime();
    for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > EXPORT_JOB_TTL_MS) jobs.delete(id);
  };
  const owned = (caller: SignedIn, jobId: string): Job => {
    mustAdmin(caller);
    sweep();
    const job = jobs.get(jobId);
    if (!job || job.ownerId !== caller.personId) throw new ApiFailure('not-found', `no export job ${jobId} of yours (a job is gone once fetched, or ${EXPORT_JOB_TTL_MS / 60_000} minutes after it finished)`, '/jobId');
    return job;
  };

  return {
    start(caller, request) {
      mustAdmin(caller);
      writerFor(request.format);
      requireUnlocked(keys);
      sweep();
      const all = [...jobs.values()];
      if (all.filter((j) => j.state === 'running').length >= MAX_RUNNING_EXPORTS) throw new ApiFailure('conflict', `${MAX_RUNNING_EXPORTS} exports are running already: wait for one to finish`);
      if (all.filter((j) => j.ownerId === caller.personId).length >= MAX_JOBS_PER_ACCOUNT) throw new ApiFailure('conflict', `you hold ${MAX_JOBS_PER_ACCOUNT} exports already: fetch them (or wait ${EXPORT_JOB_TTL_MS / 60_000} minutes) first`);
      const counts = countMatching(store, request.filter);
      const id = `export-${randomBytes(12).toString('hex')}`;
      const job: Job = { id, ownerId: caller.personId, total: counts.records + counts.attempts, done: 0, state: 'running', error: null, finishedAt: null, result: null, settled: Promise.resolve() };
      jobs.set(id, job);
      const sink = memorySink();
      const work = async () => {
        // Let the start call answer first: the work begins on a later turn of the event loop.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const done = await runExport({
          store,
          keys,
          request,
          now: clock.now(),
          exportedBy: { id: caller.personId, name: caller.name },
          institution: deps.institution(),
          sink,
          counts,
          onProgress: (rows, total) => {
            job.done = rows;
            job.total = total;
          },
        });
        job.result = { bytes: sink.bytes(), done };
        job.done = done.counts.records + done.counts.attempts;
        job.total = Math.max(job.total, job.done);
        audit.append({
          action: 'records.exported',
          actor: caller,
          details: { format: request.format, lang: request.lang, filter: request.filter, records: done.counts.records, attempts: done.counts.attempts, fileName: done.fileName, sha256: done.manifest.sha256, keyFingerprint: done.manifest.signature.keyFingerprint },
        });
        job.state = 'finished';
      };
      job.settled = work().then(
        () => {
          job.finishedAt = clock.now().getTime();
        },
        (error: unknown) => {
          job.state = 'failed';
          job.error = error instanceof Error ? error.message : String(error);
          job.result = null;
          job.finishedAt = clock.now().getTime();
        },
      );
      return { jobId: id, total: job.total };
    },

    progress(caller, jobId) {
      const job = owned(caller, jobId);
      return { done: job.done, total: job.total, state: job.state, error: job.error };
    },

    fetch(caller, jobId) {
      const job = owned(caller, jobId);
      if (job.state === 'running') throw new ApiFailure('conflict', `export ${jobId} is still running (${job.done} of ${job.total} rows)`, '/jobId');
      if (job.state === 'failed' || !job.result) throw new ApiFailure('conflict', `export ${jobId} failed: ${job.error ?? 'no file'}`, '/jobId');
      jobs.delete(jobId);
      const { bytes, done } = job.result;
      return { fileName: done.fileName, mediaType: done.mediaType, base64: bytes.toString('base64'), manifest: { fileName: done.manifestFileName, text: done.manifestText } };
    },

    idle: () => Promise.all([...jobs.values()].map((j) => j.settled)).then(() => undefined),
  };
}
