// The writer of each export format: csv, xlsx and json here; xapi and ob3 from the LRS statements and the
// Open Badges credentials (./interop.ts). A format whose entry is null is refused by runExport and the jobs
// ('unavailable', at /format) and offered nowhere: the table is the one place a format is wired.

import type { ExportFormat } from '../../../../core/api/schemas/certification';
import { writeCsv } from './csv';
import { writeOb3, writeXapi } from './interop';
import { writeJson } from './json';
import type { ByteSink, ExportSource } from './source';
import { writeXlsx } from './xlsx';

export interface FormatWriter {
  extension: string;
  mediaType: string;
  write(src: ExportSource, sink: ByteSink): Promise<void>;
}

export const FORMAT_WRITERS: Record<ExportFormat, FormatWriter | null> = {
  csv: { extension: 'csv', mediaType: 'text/csv;charset=utf-8', write: writeCsv },
  xlsx: { extension: 'xlsx', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: writeXlsx },
  json: { extension: 'json', mediaType: 'application/json', write: writeJson },
  xapi: { extension: 'xapi.json', mediaType: 'application/json', write: writeXapi },
  ob3: { extension: 'ob3.json', mediaType: 'application/ld+json', write: writeOb3 },
};

/** The formats that can be exported now (the UI offers only these). */
export const WIRED_FORMATS = (Object.keys(FORMAT_WRITERS) as ExportFormat[]).filter((f) => FORMAT_WRITERS[f] !== null);
