// Reads the signed record back out of a certificate PDF: the file attached as <number>.json. A small
// reader, enough for what certificatePdf writes and for PDFs that kept its objects (a viewer's "save as"
// that rewrites into object streams is not read, and is reported as having no record): find the Filespec
// whose name is a record number, follow /EF /F to its EmbeddedFile stream, take /Length bytes and inflate
// them when /Filter is /FlateDecode. Anything it cannot follow is a typed error, never a crash.

import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';

export type EmbeddedRecordErrorCode = 'not-pdf' | 'no-record' | 'damaged';

export class EmbeddedRecordError extends Error {
  constructor(
    readonly code: EmbeddedRecordErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EmbeddedRecordError';
  }
}

const ATTACHMENT_NAME = /^MN-\d{4}-\d{6}\.json$/;
/** An attachment inflating to more than this is not a record (a few kilobytes). */
const MAX_ATTACHMENT_BYTES = 1024 * 1024;

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** A PDF literal string's text (the escapes pdfkit writes: \\ \( \) and octal). */
function literal(raw: string): string {
  return raw.replace(/\\([0-7]{1,3}|.)/g, (_, e: string) => (/^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e));
}

/** The body of object `num gen` (from "obj" to "endobj" or "stream"), with where it ends in the text. */
function objectAt(text: string, num: number, gen: number): { dict: string; end: number } {
  const head = new RegExp(`(?:^|[\\r\\n\\s])${num}\\s+${gen}\\s+obj\\b`, 'g');
  let match: RegExpExecArray | null = null;
  // The last definition wins (incremental updates append newer ones).
  for (let m = head.exec(text); m; m = head.exec(text)) match = m;
  if (!match) throw new EmbeddedRecordError('damaged', `object ${num} ${gen} is not in the file`);
  const start = match.index + match[0].length;
  const stop = text.slice(start).search(/\bendobj\b|\bstream\r?\n/);
  if (stop < 0) throw new EmbeddedRecordError('damaged', `object ${num} ${gen} does not end`);
  return { dict: text.slice(start, start + stop), end: start + stop };
}

function integerOf(text: string, dict: string, key: string): number | null {
  const ref = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(dict);
  if (ref) return integerOf(text, `/${key} ${objectAt(text, Number(ref[1]), Number(ref[2])).dict.trim()}`, key);
  const direct = new RegExp(`/${key}\\s+(\\d+)`).exec(dict);
  return direct ? Number(direct[1]) : null;
}

export interface EmbeddedRecord {
  /** The attachment's name, <number>.json. */
  name: string;
  /** The attached file's text (the signed record JSON). */
  text: string;
}

/** The signed record file attached to a certificate PDF. Throws EmbeddedRecordError. */
export function extractEmbeddedRecord(pdf: Uint8Array): EmbeddedRecord {
  if (!isPdf(pdf)) throw new EmbeddedRecordError('not-pdf', 'the file is not a PDF (no %PDF- header)');
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  // latin1 keeps one character per byte, so positions in the text are positions in the file.
  const text = buffer.toString('latin1');
  const specs = [...text.matchAll(/\/Type\s*\/Filespec\b/g)];
  for (const spec of specs) {
    const from = text.lastIndexOf('obj', spec.index);
    const to = text.indexOf('endobj', spec.index);
    if (from < 0 || to < 0) continue;
    const dict = text.slice(from, to);
    const nameMatch = /\/UF\s*\(((?:\\.|[^\\)])*)\)/.exec(dict) ?? /\/F\s*\(((?:\\.|[^\\)])*)\)/.exec(dict);
    const name = nameMatch ? literal(nameMatch[1]!) : '';
    if (!ATTACHMENT_NAME.test(name)) continue;
    const ef = /\/EF\s*<<[^>]*?\/F\s+(\d+)\s+(\d+)\s+R/.exec(dict);
    if (!ef) throw new EmbeddedRecordError('damaged', `the attachment ${name} has no embedded file stream`);
    return { name, text: streamText(text, buffer, Number(ef[1]), Number(ef[2]), name) };
  }
  throw new EmbeddedRecordError('no-record', 'the PDF carries no signed record attachment (MN-YYYY-NNNNNN.json)');
}

function streamText(text: string, buffer: Buffer, num: number, gen: number, name: string): string {
  const { dict, end } = objectAt(text, num, gen);
  if (!/\/Type\s*\/EmbeddedFile\b/.test(dict)) throw new EmbeddedRecordError('damaged', `object ${num} of ${name} is not an embedded file`);
  const head = /^stream\r?\n/.exec(text.slice(end, end + 10));
  if (!head) throw new EmbeddedRecordError('damaged', `the embedded file ${name} has no stream`);
  const length = integerOf(text, dict, 'Length');
  if (length === null || end + head[0].length + length > buffer.length) throw new EmbeddedRecordError('damaged', `the embedded file ${name} has no usable /Length`);
  const raw = buffer.subarray(end + head[0].length, end + head[0].length + length);
  const filter = /\/Filter\s*\/?\[?\s*\/(\w+)/.exec(dict)?.[1] ?? null;
  let data: Buffer;
  if (filter === null) data = raw;
  else if (filter === 'FlateDecode') {
    try {
      data = inflateSync(raw, { maxOutputLength: MAX_ATTACHMENT_BYTES });
    } catch (error) {
      throw new EmbeddedRecordError('damaged', `the embedded file ${name} does not inflate: ${(error as Error).message}`);
    }
  } else throw new EmbeddedRecordError('damaged', `the embedded file ${name} uses the ${filter} filter, which this reader does not decode`);
  // The checksum pdfkit writes (/Params /CheckSum, MD5 of the file): a mismatch means the stream was changed.
  const sum = /\/CheckSum\s*\(([0-9a-fA-F]{32})\)/.exec(dict)?.[1];
  if (sum && createHash('md5').update(data).digest('hex') !== sum.toLowerCase()) throw new EmbeddedRecordError('damaged', `the embedded file ${name} does not match its checksum`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new EmbeddedRecordError('damaged', `the embedded file ${name} is not UTF-8 text`);
  }
}
