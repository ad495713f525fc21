// One export from start to finish, for the app's jobs and the command-line tool alike: count what the
// filter selects, write the chosen format through a hashing sink, then sign the manifest. The key must be
// unlocked before anything is written (ApiFailure 'conflict' otherwise).

import { ApiFailure } from '../../../../core/api/errors';
import type { ExportFormat, RecordsFilter } from '../../../../core/api/schemas/certification';
import type { TrainingStore } from '../../db/store';
import type { KeyRing } from '../keys';
import { countMatching, type ExportCounts } from './filters';
import { FORMAT_WRITERS, type FormatWriter } from './formats';
import { manifestText, signManifest, MANIFEST_SUFFIX, type ExportManifest } from './manifest';
import type { ExportLang } from './rows';
import { hashingSink, type ByteSink } from './source';

export interface ExportRequest {
  format: ExportFormat;
  filter: RecordsFilter;
  lang: ExportLang;
}

export function writerFor(format: ExportFormat): FormatWriter {
  const writer = FORMAT_WRITERS[format];
  if (!writer) throw new ApiFailure('unavailable', `the ${format} export is not available in this build yet`, '/format');
  return writer;
}

export function requireUnlocked(keys: Pick<KeyRing, 'active' | 'unlocked'>): void {
  if (!keys.active()) throw new ApiFailure('conflict', 'no signing key has been set up: an administrator sets one up in Settings before exporting');
  if (!keys.unlocked()) throw new ApiFailure('conflict', 'the signing key is locked: an administrator unlocks it in Settings before exporting (every export is signed)');
}

/** records-2026-11-01T08-00-00Z.csv: the export time, safe in every file system. */
export function exportFileName(format: ExportFormat, exportedAt: string): string {
  const stamp = exportedAt.replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  return `certification-log-${stamp}.${writerFor(format).extension}`;
}

export interface ExportDone {
  fileName: string;
  mediaType: string;
  manifest: ExportManifest;
  manifestFileName: string;
  manifestText: string;
  counts: ExportCounts;
}

export async function runExport(options: {
  store: TrainingStore;
  keys: KeyRing;
  request: ExportRequest;
  now: Date;
  exportedBy: { id: string | null; name: string };
  institution: string;
  sink: ByteSink;
  fileName?: string;
  /** Counted beforehand (a job reports its total before it starts); counted here when absent. */
  counts?: ExportCounts;
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}): Promise<ExportDone> {
  const { store, keys, request, now } = options;
  const writer = writerFor(request.format);
  requireUnlocked(keys);
  const counts = options.counts ?? countMatching(store, request.filter);
  const total = counts.records + counts.attempts;
  const exportedAt = now.toISOString();
  const fileName = options.fileName ?? exportFileName(request.format, exportedAt);
  const sink = hashingSink(options.sink);
  const written = { records: 0, attempts: 0 };
  await writer.write({ store, filter: request.filter, lang: request.lang, now, exportedAt, counts, written, institution: options.institution, keys, progress: (done) => options.onProgress?.(done, Math.max(total, done)) }, sink);
  const manifest = signManifest(
    {
      format: 'microneedle-export-manifest',
      version: 1,
      exportFormat: request.format,
      fileName,
      byteLength: sink.byteLength(),
      sha256: sink.sha256Hex(),
      filter: request.filter,
      lang: request.lang,
      counts: written,
      institution: options.institution,
      exportedAt,
      exportedBy: options.exportedBy,
    },
    keys,
  );
  return { fileName, mediaType: writer.mediaType, manifest, manifestFileName: `${fileName}${MANIFEST_SUFFIX}`, manifestText: manifestText(manifest), counts: written };
}
