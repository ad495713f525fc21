// Migration chain for recordings: every earlier version is upgraded step by step to RECORDING_VERSION
// before validation, so readers accept every version ever written. Version 1 is the first; version 2 adds
// the optional `endpoints` stream (endpoint declarations, 8.4). A version-1 recording gains no `endpoints`:
// its trainee could not declare one, so the scorer does not judge a declaration it never offered.

import { RECORDING_FORMAT, RECORDING_VERSION } from './types';

export interface RecordingMigration {
  from: number;
  to: number;
  /** Pure: returns a new document of version `to`; never mutates its input. */
  migrate(doc: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** Ordered chain; each entry upgrades `from` to `from + 1`. */
export const RECORDING_MIGRATIONS: readonly RecordingMigration[] = [
  // 1 -> 2: the endpoint declarations stream is new and optional; nothing else changed.
  { from: 1, to: 2, migrate: (doc) => ({ ...doc, version: 2 }) },
];

/** The oldest version readers accept. */
export const OLDEST_RECORDING_VERSION = 1;

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; fromVersion: number }
  | { ok: false; errors: { pointer: string; message: string }[] };

/** Upgrades a parsed JSON document to `targetVersion` through `migrations` (exported for tests of the chain). */
export function migrateRecordingDocument(
  input: unknown,
  migrations: readonly RecordingMigration[] = RECORDING_MIGRATIONS,
  targetVersion: number = RECORDING_VERSION,
  oldestVersion: number = OLDEST_RECORDING_VERSION,
): MigrationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ pointer: '', message: 'expected a JSON object (a session recording)' }] };
  }
  let doc = input as Record<string, unknown>;
  if (doc.format !== RECORDING_FORMAT) {
    return { ok: false, errors: [{ pointer: '/format', message: `expected "${RECORDING_FORMAT}", received ${JSON.stringify(doc.format) ?? 'nothing'}` }] };
  }
  const fromVersion = doc.version;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion)) {
    return { ok: false, errors: [{ pointer: '/version', message: `expected an integer format version (${oldestVersion}..${targetVersion}), received ${JSON.stringify(fromVersion) ?? 'nothing'}` }] };
  }
  if (fromVersion > targetVersion) {
    return { ok: false, errors: [{ pointer: '/version', message: `version ${fromVersion} is newer than this reader (up to ${targetVersion}); update the application` }] };
  }
  if (fromVersion < oldestVersion) {
    return { ok: false, errors: [{ pointer: '/version', message: `expected a version from ${oldestVersion} to ${targetVersion}, received ${fromVersion}` }] };
  }
  let version = fromVersion;
  while (version < targetVersion) {
    const step = migrations.find((m) => m.from === version);
    if (!step || step.to !== version + 1) {
      return { ok: false, errors: [{ pointer: '/version', message: `no migration from version ${version} to ${version + 1}` }] };
    }
    doc = step.migrate(doc);
    if (doc.version !== step.to) {
      return { ok: false, errors: [{ pointer: '/version', message: `migration ${step.from}->${step.to} produced version ${String(doc.version)}` }] };
    }
    version = step.to;
  }
  return { ok: true, doc, fromVersion };
}
