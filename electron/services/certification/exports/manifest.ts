// The signed manifest that goes with every export (<file>.sig.json): which format, the file's name, byte
// length and sha256, the filter, the row counts, when and by whom, signed with the institution's Ed25519
// key over the manifest's canonical JSON (core/canonical-json.ts) without its signature member.
// verifyExport names what failed: 'format' (not a manifest), 'unknown-key', 'signature' (the manifest was
// changed or signed by another key), 'hash' (the file is not the one the manifest describes).

import { z } from 'zod';
import { recordsFilterSchema, EXPORT_FORMATS } from '../../../../core/api/schemas/certification';
import { canonicalJson } from '../../../../core/canonical-json';
import type { PublicKeyEntry, VerifyCrypto } from '../../../../core/certification/record';
import { nodeVerifyCrypto, type KeyRing } from '../keys';

export const MANIFEST_FORMAT = 'microneedle-export-manifest';
export const MANIFEST_SUFFIX = '.sig.json';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const unsignedManifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  exportFormat: z.enum(EXPORT_FORMATS),
  fileName: z.string().min(1).max(255),
  byteLength: z.number().int().min(0),
  sha256: hex64,
  filter: recordsFilterSchema,
  lang: z.enum(['zh', 'en']),
  counts: z.strictObject({ records: z.number().int().min(0), attempts: z.number().int().min(0) }),
  institution: z.string().max(400),
  exportedAt: z.iso.datetime(),
  exportedBy: z.strictObject({ id: z.string().nullable(), name: z.string() }),
});
export const exportManifestSchema = unsignedManifestSchema.extend({
  signature: z.strictObject({ algorithm: z.literal('Ed25519'), keyFingerprint: hex64, value: z.string().max(200) }),
});
export type UnsignedManifest = z.infer<typeof unsignedManifestSchema>;
export type ExportManifest = z.infer<typeof exportManifestSchema>;

export const EXPORT_PROBLEMS = ['format', 'hash', 'signature', 'unknown-key'] as const;
export type ExportProblem = (typeof EXPORT_PROBLEMS)[number];

const manifestBytes = (m: UnsignedManifest) => new TextEncoder().encode(canonicalJson(m));

/** Signs with the unlocked key (KeyRing.sign refuses with 'conflict' while it is locked). */
export function signManifest(manifest: UnsignedManifest, keys: Pick<KeyRing, 'sign'>): ExportManifest {
  const unsigned = unsignedManifestSchema.parse(manifest);
  const { signatureB64, fingerprint } = keys.sign(manifestBytes(unsigned));
  return { ...unsigned, signature: { algorithm: 'Ed25519', keyFingerprint: fingerprint, value: signatureB64 } };
}

export const manifestText = (m: ExportManifest): string => `${JSON.stringify(m, null, 2)}\n`;

export interface ExportVerification {
  ok: boolean;
  problems: ExportProblem[];
  manifest: ExportManifest | null;
}

export function verifyExport(fileBytes: Uint8Array, text: string, publicKeys: readonly PublicKeyEntry[], crypto: VerifyCrypto = nodeVerifyCrypto): ExportVerification {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['format'], manifest: null };
  }
  const checked = exportManifestSchema.safeParse(parsed);
  if (!checked.success) return { ok: false, problems: ['format'], manifest: null };
  const { signature, ...unsigned } = checked.data;
  const problems: ExportProblem[] = [];
  const key = publicKeys.find((k) => k.fingerprint === signature.keyFingerprint);
  if (!key) problems.push('unknown-key');
  else {
    let good = false;
    try {
      good = crypto.verify(manifestBytes(unsigned), signature.value, key.publicKeyPem);
    } catch {
      good = false;
    }
    if (!good) problems.push('signature');
  }
  if (fileBytes.byteLength !== unsigned.byteLength || crypto.sha256Hex(fileBytes) !== unsigned.sha256) problems.push('hash');
  return { ok: problems.length === 0, problems, manifest: checked.data };
}
