// CSV (RFC 4180): UTF-8 with a byte order mark (Excel then reads Chinese correctly), CRLF line ends, a
// field quoted when it holds a comma, quote, CR or LF (quotes doubled). A text cell beginning with = + - @
// (or tab / CR) is prefixed with an apostrophe, so that a spreadsheet never runs it as a formula (OWASP CSV
// injection); numbers are written as they are.

import { CSV_TABLE, type Cell } from './rows';
import { exportAttempts, exportRecords, type ByteSink, type ExportSource } from './source';

export const UTF8_BOM = '\uFEFF';
/** = + - @ tab CR: what a spreadsheet may take for the start of a formula. */
const FORMULA_START = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.has(value.charCodeAt(0)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;

export async function writeCsv(src: ExportSource, sink: ByteSink): Promise<void> {
  const enc = new TextEncoder();
  await sink.write(enc.encode(UTF8_BOM + csvLine(CSV_TABLE.header(src.lang))));
  for await (const page of exportRecords(src)) await sink.write(enc.encode(page.map((r) => csvLine(CSV_TABLE.recordCells(r, src.lang))).join('')));
  for await (const page of exportAttempts(src)) await sink.write(enc.encode(page.map((a) => csvLine(CSV_TABLE.attemptCells(a, src.lang))).join('')));
}
