// Verifies any file a person may hold that this app signed: the signed record JSON (<number>.json), the
// certificate PDF (its attached <number>.json), the QR payload text (MNR1:…, as a scanner gives it), an Open
// Badges 3.0 credential (<number>.ob3.json), or an exported log with its signed manifest (<file>.sig.json).
// Records are brought back to the signed record and checked with verifyRecord against the key ring's public
// keys and revoked numbers; a badge by its Data Integrity proof; a log by its manifest's signature and hash.
// A file that cannot be read is a named problem, never a crash.
//
// Extension point: FILE_KINDS below. A new kind (an Open Badges credential, a signed export manifest) is one
// entry: how to recognise its bytes, and how to verify them; add its name to VERIFY_FILE_KINDS (and any new
// problem to VERIFY_FILE_PROBLEMS) in core/api/schemas/certification.ts. Entries are tried in order, so put
// a JSON kind with a recognisable "type"/"format" before 'record', which takes any JSON.

import type { FileVerification, VERIFY_FILE_KINDS } from '../../../core/api/schemas/certification';
import { decodeQrPayload, looksLikeQrPayload, QrPayloadError } from '../../../core/certification/qr-payload';
import { parseSignedRecordText, verifyRecord, type PublicKeyEntry, type VerifyCrypto } from '../../../core/certification/record';
import { verifyBadge } from './badges/verify';
import { MANIFEST_FORMAT, verifyExport } from './exports/manifest';
import { EmbeddedRecordError, extractEmbeddedRecord, isPdf } from './pdf/embedded-record';

export interface VerifyFileInput {
  fileName: string;
  bytes: Uint8Array;
  /** An exported log's signed manifest (<file>.sig.json), given with the log it signs. */
  manifest?: { fileName: string; text: string };
}

export interface VerifyFileContext {
  publicKeys: readonly PublicKeyEntry[];
  /** Numbers the issuer revoked; absent when the verifier cannot know (public keys from a PEM file). */
  revoked: ReadonlySet<string> | undefined;
  now: Date;
  crypto: VerifyCrypto;
}

export type VerifyFileKind = (typeof VERIFY_FILE_KINDS)[number];

/** A file as the kinds see it: its name, bytes and (decoded once, on demand) its UTF-8 text. */
export interface CandidateFile extends VerifyFileInput {
  text(): string | null;
}

export interface FileKindHandler {
  kind: VerifyFileKind;
  /** Whether this file is of the kind; the first kind that claims a file verifies it. */
  claims(file: CandidateFile): boolean;
  verify(file: CandidateFile, ctx: VerifyFileContext): FileVerification | Promise<FileVerification>;
}

const textOf = (bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
};

function checkSigned(kind: VerifyFileKind, signed: unknown, ctx: VerifyFileContext): FileVerification {
  const r = verifyRecord(signed, ctx.publicKeys, ctx.now, ctx.revoked, ctx.crypto);
  return { kind, ok: r.ok, problems: r.problems, number: r.number, detail: null };
}

const pdfKind: FileKindHandler = {
  kind: 'pdf',
  claims: (file) => isPdf(file.bytes),
  verify(file, ctx) {
    let embedded;
    try {
      embedded = extractEmbeddedRecord(file.bytes);
    } catch (error) {
      if (!(error instanceof EmbeddedRecordError)) throw error;
      const number = /MN-\d{4}-\d{6}/.exec(file.fileName)?.[0] ?? null;
      return { kind: 'pdf', ok: false, problems: [error.code === 'damaged' ? 'pdf-damaged' : 'pdf-no-record'], number, detail: error.message };
    }
    return checkSigned('pdf', parseSignedRecordText(embedded.text), ctx);
  },
};

const qrKind: FileKindHandler = {
  kind: 'qr',
  claims: (file) => {
    const text = file.text();
    return text !== null && looksLikeQrPayload(text);
  },
  verify(file, ctx) {
    const text = file.text()!;
    try {
      return checkSigned('qr', decodeQrPayload(text, ctx.crypto.sha256Hex), ctx);
    } catch (error) {
      if (!(error instanceof QrPayloadError)) throw error;
      const number = /^MNR1:(MN-\d{4}-\d{6}):/.exec(text.trim())?.[1] ?? null;
      return { kind: 'qr', ok: false, problems: ['qr-damaged'], number, detail: `${error.code}: ${error.message}` };
    }
  },
};

const jsonOf = (file: CandidateFile): Record<string, unknown> | null => {
  const text = file.text();
  if (text === null || !text.trimStart().startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/** A log with its manifest; or a manifest alone, which cannot be checked without the file it signs. */
const exportLogKind: FileKindHandler = {
  kind: 'export-log',
  claims: (file) => file.manifest !== undefined || jsonOf(file)?.format === MANIFEST_FORMAT,
  verify(file, ctx) {
    if (!file.manifest) {
      const named = jsonOf(file)?.fileName;
      return { kind: 'export-log', ok: false, problems: ['manifest-only'], number: null, detail: `${file.fileName} is the signed manifest of an export: verify it together with the file it signs${typeof named === 'string' ? ` (${named})` : ''}` };
    }
    const r = verifyExport(file.bytes, file.manifest.text, ctx.publicKeys, ctx.crypto);
    const detail = r.manifest ? `${r.manifest.fileName}, exported ${r.manifest.exportedAt}` : null;
    return { kind: 'export-log', ok: r.ok, problems: r.problems, number: null, detail };
  },
};

/** An Open Badges credential (a JSON-LD VerifiableCredential): its proof, key, revocation and validity. */
const badgeKind: FileKindHandler = {
  kind: 'badge',
  claims: (file) => {
    const json = jsonOf(file);
    return json !== null && '@context' in json && Array.isArray(json.type) && json.type.includes('VerifiableCredential');
  },
  async verify(file, ctx) {
    const r = await verifyBadge(file.text()!, { publicKeys: ctx.publicKeys, revokedNumbers: ctx.revoked ?? new Set(), now: ctx.now });
    return { kind: 'badge', ok: r.ok, problems: r.problems, number: r.number, detail: null };
  },
};

/** Any other text is taken as a signed record file; what is not one fails verifyRecord with 'format'. */
const recordKind: FileKindHandler = {
  kind: 'record',
  claims: (file) => file.text() !== null,
  verify: (file, ctx) => checkSigned('record', parseSignedRecordText(file.text()!), ctx),
};

/** The kinds of file verifyFile knows, tried in order (the extension point: see the comment at the top). */
export const FILE_KINDS: FileKindHandler[] = [exportLogKind, pdfKind, qrKind, badgeKind, recordKind];

export async function verifyFile(input: VerifyFileInput, ctx: VerifyFileContext, kinds: readonly FileKindHandler[] = FILE_KINDS): Promise<FileVerification> {
  let decoded: string | null | undefined;
  const file: CandidateFile = { ...input, text: () => (decoded === undefined ? (decoded = textOf(input.bytes)) : decoded) };
  const handler = kinds.find((k) => k.claims(file));
  if (!handler) return { kind: null, ok: false, problems: ['unrecognized'], number: null, detail: `${input.fileName} is not a signed record, a certificate PDF, a QR payload, an Open Badge or an exported log` };
  return handler.verify(file, ctx);
}
