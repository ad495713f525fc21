// What every format writer reads and where it writes: the filtered rows in pages (with a pause between
// pages so that main keeps answering while a large export runs), progress in rows, and a byte sink that
// hashes and counts what passes through (the manifest's sha256 and byte length).

import { createHash } from 'node:crypto';
import type { RecordsFilter } from '../../../../core/api/schemas/certification';
import type { TrainingStore } from '../../db/store';
import type { KeyRing } from '../keys';
import { attemptPages, recordPages, type AttemptRowDb, type ExportCounts } from './filters';
import { toExportRecord, type ExportLang, type ExportRecord } from './rows';

export interface ExportSource {
  store: TrainingStore;
  filter: RecordsFilter;
  lang: ExportLang;
  /** When the export runs: the records' status is worked out at this instant. */
  now: Date;
  exportedAt: string;
  /** What the filter selected when the export started (the progress bar's total). */
  counts: ExportCounts;
  /** What was written (the manifest's counts: a record issued while the export ran may add one). */
  written: ExportCounts;
  institution: string;
  /** The unlocked key ring, for formats that sign each item (Open Badges). */
  keys?: KeyRing;
  /** Rows written so far (records and attempts together). */
  progress(rowsDone: number): void;
}

export interface ByteSink {
  write(chunk: Uint8Array): Promise<void> | void;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** documents: also read each record's signed JSON (for formats that carry the signed documents). */
export async function* exportRecords(src: ExportSource, options: { documents?: boolean } = {}): AsyncGenerator<ExportRecord[]> {
  let done = 0;
  for (const page of recordPages(src.store, src.filter, options)) {
    yield page.map((row) => toExportRecord(row, src.now));
    done += page.length;
    src.written.records += page.length;
    src.progress(done);
    await pause();
  }
}

export async function* exportAttempts(src: ExportSource): AsyncGenerator<AttemptRowDb[]> {
  let done = src.written.records;
  for (const page of attemptPages(src.store, src.filter)) {
    yield page;
    done += page.length;
    src.written.attempts += page.length;
    src.progress(done);
    await pause();
  }
}

/** Passes bytes on while hashing and counting them. */
export function hashingSink(inner: ByteSink): ByteSink & { sha256Hex(): string; byteLength(): number } {
  const hash = createHash('sha256');
  let bytes = 0;
  return {
    async write(chunk) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      await inner.write(chunk);
    },
    sha256Hex: () => hash.copy().digest('hex'),
    byteLength: () => bytes,
  };
}

/** Collects the bytes in memory (the app sends the file to the renderer as base64). */
export function memorySink(): ByteSink & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  return {
    write(chunk) {
      chunks.push(Buffer.from(chunk));
    },
    bytes: () => Buffer.concat(chunks),
  };
}
