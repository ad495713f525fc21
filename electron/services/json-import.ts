// The one-time import of the earlier JSON data folder (profiles.json, settings.json, sessions/*.json)
// into the training database, on the first start that finds no record of it. Everything is checked; the
// old files are read, never changed or removed. Profiles become trainees: an old "instructor" flag is
// not honoured (only an administrator grants that role now). Old saved sessions were trusted from the
// renderer, so they come in as imported attempts, never as tests.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CERTIFICATE_KINDS_BY_PROFESSION, certificateNumberSchema, personNameSchema, professionSchema } from '../../core/api/contract';
import { ApiFailure } from '../../core/api/errors';
import type { Recording } from '../../core/recording/types';
import type { ScoreReport } from '../../core/scoring/report';
import type { ScoringPorts } from './attempts/service';
import { insertFinishedAttempt, packRecording } from './attempts/rows';
import type { AuditTrail } from './audit';
import type { TrainingStore } from './db/store';
import type { Clock, IdSource } from './runtime';

export const JSON_IMPORT_META_KEY = 'json-import';

const legacyProfilesSchema = z.object({
  format: z.literal('microneedle-profiles'),
  version: z.literal(1),
  profiles: z.array(z.unknown()),
});
const legacyProfileSchema = z.object({
  id: z.string(),
  name: personNameSchema,
  role: professionSchema,
  certificateNumber: certificateNumberSchema,
  isInstructor: z.boolean().optional(),
  createdAt: z.iso.datetime().optional(),
});
const legacySettingsSchema = z.object({
  format: z.literal('microneedle-settings'),
  version: z.literal(1),
  settings: z.object({ language: z.enum(['system', 'zh', 'en']).optional(), institutionName: z.string().max(120).optional() }),
});
const legacyIndexSchema = z.object({ sessions: z.array(z.object({ id: z.string(), savedAt: z.iso.datetime().optional() }).passthrough()) });

export interface JsonImportReport {
  at: string;
  profiles: number;
  sessions: number;
  rejected: number;
  instructorFlagsDropped: number;
  rejectedItems: { file: string; reason: string }[];
}

async function readJson(file: string): Promise<{ kind: 'missing' } | { kind: 'ok'; value: unknown } | { kind: 'bad'; reason: string }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'bad', reason: `cannot be read: ${(error as Error).message}` };
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) };
  } catch (error) {
    return { kind: 'bad', reason: `not valid JSON: ${(error as Error).message}` };
  }
}

const issueText = (error: z.ZodError) => {
  const i = error.issues[0];
  return `${i?.path.length ? '/' + i.path.join('/') : '/'}: ${i?.message ?? 'invalid'}`;
};

export function jsonImportDone(store: TrainingStore): JsonImportReport | null {
  const row = store.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', JSON_IMPORT_META_KEY);
  return row ? (JSON.parse(row.value) as JsonImportReport) : null;
}

/** Imports the JSON data folder once; returns what it did, or the earlier report when it already ran. */
export async function importJsonDataOnce(deps: { store: TrainingStore; audit: AuditTrail; dataDir: string; ports: ScoringPorts; runtime: Clock & IdSource }): Promise<JsonImportReport> {
  const { store, audit, dataDir, ports, runtime } = deps;
  const earlier = jsonImportDone(store);
  if (earlier) return earlier;
  const at = runtime.now().toISOString();
  const report: JsonImportReport = { at, profiles: 0, sessions: 0, rejected: 0, instructorFlagsDropped: 0, rejectedItems: [] };
  const reject = (file: string, reason: string) => {
    report.rejected++;
    if (report.rejectedItems.length < 200) report.rejectedItems.push({ file: path.relative(dataDir, file) || file, reason });
  };

  // Read and check everything before writing anything.
  const people: { oldId: string; id: string; name: string; profession: z.infer<typeof professionSchema>; certificateNumber: string; createdAt: string }[] = [];
  const profilesFile = path.join(dataDir, 'profiles.json');
  const profiles = await readJson(profilesFile);
  if (profiles.kind === 'bad') reject(profilesFile, profiles.reason);
  if (profiles.kind === 'ok') {
    const parsed = legacyProfilesSchema.safeParse(profiles.value);
    if (!parsed.success) reject(profilesFile, issueText(parsed.error));
    else {
      const seen = new Set<string>();
      parsed.data.profiles.forEach((raw, i) => {
        const p = legacyProfileSchema.safeParse(raw);
        if (!p.success) return reject(`${profilesFile}#/profiles/${i}`, issueText(p.error));
        const certificate = p.data.certificateNumber.toUpperCase();
        const clash = seen.has(certificate) || store.get('SELECT id FROM people WHERE upper(certificate_number) = ?', certificate);
        if (clash) return reject(`${profilesFile}#/profiles/${i}`, `certificate number ${p.data.certificateNumber} is already on file`);
        seen.add(certificate);
        if (p.data.isInstructor) report.instructorFlagsDropped++;
        people.push({ oldId: p.data.id, id: runtime.newId('t'), name: p.data.name, profession: p.data.role, certificateNumber: p.data.certificateNumber, createdAt: p.data.createdAt ?? at });
      });
    }
  }

  const settingsFile = path.join(dataDir, 'settings.json');
  const settingsJson = await readJson(settingsFile);
  let settings: z.infer<typeof legacySettingsSchema>['settings'] | null = null;
  if (settingsJson.kind === 'bad') reject(settingsFile, settingsJson.reason);
  if (settingsJson.kind === 'ok') {
    const parsed = legacySettingsSchema.safeParse(settingsJson.value);
    if (parsed.success) settings = parsed.data.settings;
    else reject(settingsFile, issueText(parsed.error));
  }

  const sessionsDir = path.join(dataDir, 'sessions');
  const savedAt = new Map<string, string>();
  const index = await readJson(path.join(sessionsDir, 'index.json'));
  if (index.kind === 'ok') {
    const parsed = legacyIndexSchema.safeParse(index.value);
    if (parsed.success) for (const s of parsed.data.sessions) if (s.savedAt) savedAt.set(s.id, s.savedAt);
  }
  let files: string[] = [];
  try {
    files = (await fs.readdir(sessionsDir)).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') reject(sessionsDir, `cannot be read: ${(error as Error).message}`);
  }
  const byOldId = new Map(people.map((p) => [p.oldId, p]));
  const sessions: { personId: string; recording: Recording; report: ScoreReport; at: string; file: string }[] = [];
  for (const name of files) {
    const file = path.join(sessionsDir, name);
    const json = await readJson(file);
    if (json.kind !== 'ok') {
      reject(file, json.kind === 'bad' ? json.reason : 'vanished while importing');
      continue;
    }
    try {
      const recording = ports.validateRecording(json.value, name);
      const owner = recording.trainee ? byOldId.get(recording.trainee.id) : undefined;
      if (!owner) {
        reject(file, recording.trainee ? `its trainee ${recording.trainee.id} is not among the imported profiles` : 'it names no trainee');
        continue;
      }
      const stat = await fs.stat(file);
      sessions.push({ personId: owner.id, recording, report: ports.scoreRecording(recording), at: savedAt.get(recording.id) ?? stat.mtime.toISOString(), file: `sessions/${name}` });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      reject(file, error.message);
    }
  }

  store.write(
    () => {
      if (jsonImportDone(store)) return; // another process imported first
      for (const p of people) {
        store.run(
          `INSERT INTO people (id, account_role, name, profession, certificate_number, certificate_kind, active, created_at, updated_at) VALUES (?, 'trainee', ?, ?, ?, ?, 1, ?, ?)`,
          p.id,
          p.name,
          p.profession,
          p.certificateNumber,
          CERTIFICATE_KINDS_BY_PROFESSION[p.profession][0],
          p.createdAt,
          at,
        );
        report.profiles++;
      }
      for (const s of sessions) {
        insertFinishedAttempt(store, {
          id: runtime.newId('a'),
          personId: s.personId,
          recording: s.recording,
          packed: packRecording(s.recording),
          report: s.report,
          provenance: ports.provenance(s.recording),
          startedAt: s.at,
          storedAt: at,
          sourceName: s.file,
          note: 'saved by the earlier JSON version of the app, which trusted the renderer: kept as imported, never a test',
        });
        report.sessions++;
      }
      if (settings?.language) store.run("INSERT INTO settings (key, value) VALUES ('language', ?) ON CONFLICT (key) DO NOTHING", JSON.stringify(settings.language));
      if (settings?.institutionName) store.run("INSERT INTO settings (key, value) VALUES ('institution.name', ?) ON CONFLICT (key) DO NOTHING", JSON.stringify(settings.institutionName));
      store.run('INSERT INTO meta (key, value) VALUES (?, ?)', JSON_IMPORT_META_KEY, JSON.stringify(report));
      if (report.profiles + report.sessions + report.rejected > 0 || settings) {
        audit.append({ action: 'import.json-data', actor: null, details: { ...report, rejectedItems: report.rejectedItems.slice(0, 50) } });
      }
    },
    { durable: true },
  );
  return jsonImportDone(store) ?? report;
}
