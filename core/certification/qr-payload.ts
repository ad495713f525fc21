// The QR payload of a certificate: the signed completion record in a text short enough for a QR code at
// error-correction level M, so that a verifier can check it offline from the printed page alone.
//
//   MNR1:<number, 14>:<KEY FINGERPRINT, 64 HEX>:<base45(Ed25519 signature), 96>:<base45(deflateRaw(canonical record JSON))>
//
// base45's alphabet has ":" in it, so the fields are not split on ":": every field but the last has a fixed
// width (the ":" between them are there to be read, and are checked), and the record, the only field whose
// length varies, comes last.
// Every character is in the QR alphanumeric set (0-9, A-Z, space, $ % * + - . / :), so the whole text is
// one alphanumeric segment (5.5 bits a character): base45 (RFC 9285, as in the EU digital COVID
// certificate) costs about 8.3 bits a byte there, where base64 in byte mode would cost 10.7. The number is
// in clear so a person can read it off the scan; it must be the record's own. recordSha256 is not carried:
// the decoder rebuilds it from the inflated bytes (as verifyRecord does), so a changed character shows as
// a decoding error, a hash problem (bytes that are not the canonical form) or a signature problem.
// Pure (fflate only): the SHA-256 is passed in.

import { deflateSync, inflateSync } from 'fflate';
import { SIGNED_RECORD_FORMAT, type SignedRecord } from './record';

export const QR_PAYLOAD_PREFIX = 'MNR1';
const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
/** Inflating more than this is refused: a record is a few kilobytes, a crafted payload could be a bomb. */
const MAX_RECORD_BYTES = 64 * 1024;
const SIGNATURE_BYTES = 64;
/** Where each fixed-width field starts and ends; the record runs from RECORD_AT to the end. */
const FIELDS = { prefix: [0, 4], number: [5, 19], fingerprint: [20, 84], signature: [85, 181] } as const;
const RECORD_AT = 182;

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    const c = n % 45;
    n = (n - c) / 45;
    out += BASE45[c]! + BASE45[n % 45]! + BASE45[Math.floor(n / 45)]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += BASE45[n % 45]! + BASE45[Math.floor(n / 45)]!;
  }
  return out;
}

export class QrPayloadError extends Error {
  constructor(
    readonly code: QrPayloadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'QrPayloadError';
  }
}

export const QR_PAYLOAD_ERRORS = ['prefix', 'fields', 'number', 'encoding', 'inflate', 'json', 'fingerprint'] as const;
export type QrPayloadErrorCode = (typeof QR_PAYLOAD_ERRORS)[number];

export function base45Decode(text: string, field: string): Uint8Array {
  if (text.length % 3 === 1) throw new QrPayloadError('encoding', `${field}: ${text.length} characters is not a base45 length`);
  const out: number[] = [];
  const digit = (at: number) => {
    const d = BASE45.indexOf(text[at]!);
    if (d < 0) throw new QrPayloadError('encoding', `${field}: "${text[at]}" at ${at} is not a base45 character`);
    return d;
  };
  for (let i = 0; i < text.length; i += 3) {
    if (i + 2 < text.length) {
      const n = digit(i) + digit(i + 1) * 45 + digit(i + 2) * 2025;
      if (n > 0xffff) throw new QrPayloadError('encoding', `${field}: the group at ${i} is out of range`);
      out.push(n >> 8, n & 0xff);
    } else {
      const n = digit(i) + digit(i + 1) * 45;
      if (n > 0xff) throw new QrPayloadError('encoding', `${field}: the last group is out of range`);
      out.push(n);
    }
  }
  return Uint8Array.from(out);
}

const base64ToBytes = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const bytesToBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/**
 * The QR text of a signed record. `canonicalRecordBytes` are the exact signed bytes (recordBytes(record));
 * they are passed in so the payload carries what was signed, not a re-serialisation.
 */
export function encodeQrPayload(signed: SignedRecord, canonicalRecordBytes: Uint8Array): string {
  const packed = deflateSync(canonicalRecordBytes, { level: 9 });
  const signature = base64ToBytes(signed.signature.value);
  if (signature.length !== SIGNATURE_BYTES) throw new Error(`an Ed25519 signature has ${SIGNATURE_BYTES} bytes, this one ${signature.length}`);
  return [QR_PAYLOAD_PREFIX, signed.record.number, signed.signature.keyFingerprint.toUpperCase(), base45Encode(signature), base45Encode(packed)].join(':');
}

/** Whether a text looks like a QR payload of ours (it may still fail to decode). */
export function looksLikeQrPayload(text: string): boolean {
  return text.trim().startsWith(`${QR_PAYLOAD_PREFIX}:`);
}

/**
 * Rebuilds the signed record from a QR payload. Throws QrPayloadError naming what is wrong; what it
 * returns still has to pass verifyRecord (a changed character can decode to bytes that do not verify).
 */
export function decodeQrPayload(text: string, sha256Hex: (bytes: Uint8Array) => string): SignedRecord {
  const t = text.trim();
  if (!t.startsWith(`${QR_PAYLOAD_PREFIX}:`)) throw new QrPayloadError('prefix', `a certificate QR payload starts with "${QR_PAYLOAD_PREFIX}:"`);
  const separators = [FIELDS.prefix[1], FIELDS.number[1], FIELDS.fingerprint[1], FIELDS.signature[1]];
  if (t.length <= RECORD_AT || separators.some((at) => t[at] !== ':')) throw new QrPayloadError('fields', 'the fields are not where a payload has them (MNR1:number:fingerprint:signature:record)');
  const field = (name: keyof typeof FIELDS) => t.slice(FIELDS[name][0], FIELDS[name][1]);
  const [number, fingerprint, signatureText, recordText] = [field('number'), field('fingerprint'), field('signature'), t.slice(RECORD_AT)];
  if (!/^MN-\d{4}-\d{6}$/.test(number)) throw new QrPayloadError('number', `"${number}" is not a record number like MN-2026-000001`);
  if (!/^[0-9A-F]{64}$/.test(fingerprint)) throw new QrPayloadError('fingerprint', 'the key fingerprint is not 64 hexadecimal digits');
  const packed = base45Decode(recordText, 'record');
  const signature = base45Decode(signatureText, 'signature');
  let bytes: Uint8Array;
  try {
    bytes = inflateSync(packed, { out: new Uint8Array(MAX_RECORD_BYTES) });
  } catch (error) {
    throw new QrPayloadError('inflate', `the record does not inflate: ${(error as Error).message}`);
  }
  // inflateSync into a fixed buffer returns the filled part; a full buffer means the record was cut off.
  if (bytes.length >= MAX_RECORD_BYTES) throw new QrPayloadError('inflate', `the record inflates to more than ${MAX_RECORD_BYTES} bytes`);
  let record: unknown;
  try {
    record = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch (error) {
    throw new QrPayloadError('json', `the record is not UTF-8 JSON: ${(error as Error).message}`);
  }
  const recordNumber = (record as { number?: unknown } | null)?.number;
  if (recordNumber !== number) throw new QrPayloadError('number', `the payload says ${number} but the record inside is ${String(recordNumber)}`);
  // Shape is checked by verifyRecord (a 'format' problem), like any other signed record file.
  return {
    format: SIGNED_RECORD_FORMAT,
    version: 1,
    record: record as SignedRecord['record'],
    recordSha256: sha256Hex(bytes),
    signature: { algorithm: 'Ed25519', keyFingerprint: fingerprint.toLowerCase(), value: bytesToBase64(signature) },
  };
}
