// Images of questions, in main: an instructor uploads one (its bytes checked by magic number to be the
// type it claims, at most 2 MB, its sha256 computed here, never taken from the renderer); anyone signed
// in reads one by its hash (a trainee sees the image of a question in their exam). Packs carry images in
// and out through put/get. Stored images are never changed: a question names its image by hash.

import { createHash } from 'node:crypto';
import type { SignedIn } from '../../../core/api/contract';
import { MAX_IMAGE_BYTES } from '../../../core/api/schemas/authoring';
import { ApiFailure } from '../../../core/api/errors';
import { QUESTION_IMAGE_TYPES, type QuestionImageType } from '../../../core/exams/format/question';
import { fromBase64, toBase64 } from '../../../core/exams/pack';
import type { AuditTrail } from '../audit';
import type { TrainingStore } from '../db/store';
import type { Clock } from '../runtime';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/** The image type the bytes really are, by their magic number (null: none of the three). */
export function sniffImageType(bytes: Uint8Array): QuestionImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** Why these bytes are not an acceptable question image of this type (null: they are). */
export function imageProblem(mediaType: string, bytes: Uint8Array): string | null {
  if (!(QUESTION_IMAGE_TYPES as readonly string[]).includes(mediaType)) return `"${mediaType}" is not an image type a question may show (PNG, JPEG or WebP)`;
  if (bytes.length === 0) return 'the file is empty';
  if (bytes.length > MAX_IMAGE_BYTES) return `the image is ${bytes.length} bytes, more than the ${MAX_IMAGE_BYTES} (2 MB) a question image may be`;
  const actual = sniffImageType(bytes);
  if (actual === null) return `the file is not a PNG, JPEG or WebP image`;
  if (actual !== mediaType) return `the file is ${actual}, not ${mediaType}`;
  return null;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function createMediaService(deps: { store: TrainingStore; audit: AuditTrail; clock: Clock }) {
  const { store, audit, clock } = deps;
  const row = (hash: string) => store.get<{ media_type: string; bytes: Uint8Array }>('SELECT media_type, bytes FROM media WHERE sha256 = ?', hash);

  /** Stores checked bytes (inside the caller's write, or its own); answers the hash. Already there: nothing written. */
  const put = (mediaType: QuestionImageType, bytes: Uint8Array): string => {
    const hash = sha256(bytes);
    if (!row(hash)) store.run('INSERT INTO media (sha256, media_type, bytes, created_at) VALUES (?, ?, ?, ?)', hash, mediaType, bytes, clock.now().toISOString());
    return hash;
  };

  return {
    sniffImageType,
    imageProblem,
    put,
    /** The stored type of an image (undefined: not stored). */
    typeOf: (hash: string): string | undefined => row(hash)?.media_type,
    bytesOf: (hash: string): { mediaType: string; bytes: Uint8Array } | undefined => {
      const r = row(hash);
      return r ? { mediaType: r.media_type, bytes: new Uint8Array(r.bytes) } : undefined;
    },

    upload(caller: SignedIn, args: { mediaType: QuestionImageType; base64: string }) {
      const bytes = fromBase64(args.base64);
      if (!bytes) throw new ApiFailure('invalid-payload', 'the image did not arrive as base64', '/base64');
      const problem = imageProblem(args.mediaType, bytes);
      if (problem) throw new ApiFailure('invalid-payload', problem, bytes.length > MAX_IMAGE_BYTES ? '/base64' : '/mediaType');
      let hash = '';
      store.write(() => {
        const fresh = !row(sha256(bytes));
        hash = put(args.mediaType, bytes);
        if (fresh) audit.append({ action: 'media.uploaded', actor: caller, subject: hash, details: { mediaType: args.mediaType, bytes: bytes.length } });
      });
      return { sha256: hash, mediaType: args.mediaType, bytes: bytes.length };
    },

    get(hash: string) {
      const r = row(hash);
      if (!r || !(QUESTION_IMAGE_TYPES as readonly string[]).includes(r.media_type)) throw new ApiFailure('not-found', `no image ${hash}`, '/sha256');
      return { mediaType: r.media_type as QuestionImageType, base64: toBase64(new Uint8Array(r.bytes)) };
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
